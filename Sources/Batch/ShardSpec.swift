/// `--shard K/N`: the K-th of N disjoint, stable subsets of an archive's threads (1-based). A
/// thread belongs to shard `hash(key) % N + 1`, so the assignment depends only on the thread's
/// key: the same on every machine, and unchanged when other threads come or go.
public struct ShardSpec: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// More shards than this is surely a typo (and keeps `index` arithmetic small).
    public static let maxCount = 1_000_000

    public init(index: Int, count: Int) throws(BatchError) {
        guard count >= 1, count <= ShardSpec.maxCount else {
            throw .usage("shard count \(count) must be between 1 and \(ShardSpec.maxCount)")
        }
        guard index >= 1, index <= count else {
            throw .usage("shard \(index)/\(count): K must be between 1 and N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, digits only (no signs, no spaces).
    public static func parse(_ text: String) throws(BatchError) -> ShardSpec {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = digits(parts[0]), let n = digits(parts[1]) else {
            throw .usage("--shard \(text): want K/N with 1 <= K <= N, e.g. 3/8")
        }
        do { return try ShardSpec(index: k, count: n) } catch {
            throw .usage("--shard \(text): want K/N with 1 <= K <= N, e.g. 3/8")
        }
    }

    private static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 9, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(s)
    }

    /// The 1-based shard a key falls in among `count` shards.
    public static func shard(of key: String, count: Int) -> Int {
        Int(StableHash.hash(key) % UInt64(count)) + 1
    }

    public func contains(key: String) -> Bool { ShardSpec.shard(of: key, count: count) == index }

    public var description: String { "\(index)/\(count)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try ShardSpec.parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
