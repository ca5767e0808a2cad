import Testing

@testable import Batch

@Suite struct ShardSpecTests {
    @Test(arguments: ["1/1", "3/8", "8/8", "0001/4"])
    func parsesGoodSpecs(_ text: String) throws {
        let s = try ShardSpec.parse(text)
        #expect(s.index >= 1 && s.index <= s.count)
    }

    @Test(arguments: [
        "3/2", "0/4", "x/y", "1/0", "", "/", "1/", "/4", "1/2/3", "-1/2", "+1/2", " 1/2", "1 /2", "1.0/2",
        "1/9999999999",
    ])
    func rejectsBadSpecs(_ text: String) {
        #expect(throws: BatchError.self) { try ShardSpec.parse(text) }
    }

    @Test func everyKeyIsInExactlyOneShard() throws {
        let keys = (0..<2_000).map { "<\($0).\($0 * 7919)@example.org>" }
        for n in [1, 2, 3, 4, 7] {
            let shards = try (1...n).map { try ShardSpec(index: $0, count: n) }
            var sizes = [Int](repeating: 0, count: n)
            for key in keys {
                let owners = shards.filter { $0.contains(key: key) }
                #expect(owners.count == 1, "\(key) in \(owners.count) of \(n) shards")
                if let o = owners.first { sizes[o.index - 1] += 1 }
            }
            // A fair split: no shard far from its share.
            let share = keys.count / n
            #expect(sizes.allSatisfy { abs($0 - share) < share / 5 + 20 }, "\(sizes)")
        }
    }

    /// Shard assignment is part of the on-disk contract: shards computed by one release on one
    /// machine must agree with another's. These values pin the hash (FNV-1a 64, then SplitMix64's
    /// finaliser; computed independently with a few lines of Python).
    @Test func assignmentIsPinned() {
        #expect(StableHash.hex(StableHash.hash("")) == StableHash.hex(StableHash.mix(0xCBF2_9CE4_8422_2325)))
        #expect(StableHash.hash("a") != StableHash.hash("b"))
        let pinned = ["<x@y>": 2, "<20240101.0-1-author0@example.org>": 1, "nomsgid:0123456789abcdef": 1]
        for (key, shard) in pinned {
            #expect(ShardSpec.shard(of: key, count: 4) == shard, "\(key)")
        }
    }
}
