import Foundation
import Mail
import Testing

@testable import Batch

/// The runner in-process, with a stand-in for the per-thread work: a line naming the thread and
/// its message count, failures for chosen threads.
@Suite struct BatchRunnerTests {
    static func process(_ item: ThreadItem) throws(ThreadFailure) -> ThreadResult {
        if item.thread.messages.count > 1_000 {
            throw ThreadFailure(kind: "thread.too-large", message: "\(item.thread.messages.count) messages")
        }
        let line = "{\"thread\":\"\(item.key)\",\"messages\":\(item.thread.messages.count)}"
        let patches = item.thread.messages.filter { $0.subject.hasPrefix("[PATCH") }.count
        return ThreadResult(
            line: Array(line.utf8),
            counts: ThreadCounts(patches: patches, findings: item.ordinal % 5 == 0 ? ["ref.balance": 1] : [:]))
    }

    static func inventory(threads: Int = 60, tooLarge: Bool = true) throws -> (ThreadInventory, URL) {
        let dir = try TestArchive.folder("runner")
        let archive = try TestArchive.write(in: dir, threads: threads, tooLarge: tooLarge, seeds: false)
        return (try ThreadSource.read(inputs: [archive.path]), dir)
    }

    static func lines(_ url: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func readsFoldersIntoKeyedThreads() throws {
        let (inv, dir) = try Self.inventory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 60 patch threads (replies in the next month's file joined to them), 3 damaged messages
        // (each a thread of its own), one flood.
        #expect(inv.items.count == 64)
        #expect(Set(inv.items.map(\.key)).count == inv.items.count)
        let patch = try #require(inv.items.first { $0.key == "20240101.3-1-author3@example.org" })
        #expect(patch.thread.messages.count == 2)
        #expect(inv.items.contains { $0.key.hasPrefix("nomsgid:") })
        // The same inputs give the same keys in the same order.
        let again = try ThreadSource.read(inputs: [dir.appendingPathComponent("archive").path])
        #expect(again.items.map(\.key) == inv.items.map(\.key))
        #expect(again.fingerprint == inv.fingerprint)
    }

    @Test func runsEveryThreadOnceAndSummarises() throws {
        let (inv, dir) = try Self.inventory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.jsonl")
        let summaryFile = dir.appendingPathComponent("s.json")
        let outcome = try BatchRunner.run(
            inv, options: BatchOptions(out: out.path, summaryFile: summaryFile.path, jobs: 3), process: Self.process)
        let lines = try Self.lines(out)
        #expect(lines.count == inv.items.count + 1)
        let s = outcome.summary
        #expect(s.threads == inv.items.count)
        #expect(s.threadErrors == 1)
        #expect(s.errors == ["thread.too-large": 1])
        #expect(s.patches == 60)
        // Every fifth thread has a finding, except the flood, which is an error line.
        let withFindings = inv.items.filter { $0.ordinal % 5 == 0 && $0.thread.messages.count <= 1_000 }
        #expect(s.findings["ref.balance"] == withFindings.count)
        #expect(lines.last == String(decoding: s.line, as: UTF8.self))
        #expect(try Self.lines(summaryFile) == [lines.last!])
        let error = try #require(lines.first { $0.contains("\"error\"") })
        #expect(error.hasPrefix("{\"thread\":\"flood-0@example.com\",\"error\":{\"kind\":\"thread.too-large\""))
        // Each key exactly once.
        let keys = lines.dropLast().map { $0.split(separator: "\"")[3] }
        #expect(Set(keys).count == inv.items.count)
        // Without --resume an existing output is refused.
        #expect(throws: BatchError.outputExists(path: out.path)) {
            try BatchRunner.run(inv, options: BatchOptions(out: out.path, jobs: 1), process: Self.process)
        }
    }

    @Test func aLineWithALineBreakBecomesAnErrorLine() throws {
        let (inv, dir) = try Self.inventory(threads: 4, tooLarge: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.jsonl")
        let outcome = try BatchRunner.run(
            inv, options: BatchOptions(out: out.path, jobs: 2),
            process: { item throws(ThreadFailure) in
                ThreadResult(line: Array("{\"a\":1}\n{\"b\":2}".utf8), counts: .init())
            })
        #expect(outcome.summary.errors == ["batch.line-break": inv.items.count])
        #expect(try Self.lines(out).count == inv.items.count + 1)
    }

    /// Every crash point the journal can see: cut the files as a crash would leave them, resume,
    /// and the result equals the clean run's, byte for byte with one job.
    @Test func resumeAfterSimulatedCrashesEqualsACleanRun() throws {
        let (inv, dir) = try Self.inventory(threads: 30, tooLarge: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = dir.appendingPathComponent("clean.jsonl")
        _ = try BatchRunner.run(
            inv, options: BatchOptions(out: clean.path, jobs: 1, fsync: .never), process: Self.process)
        let cleanBytes = try Data(contentsOf: clean)
        let journalBytes = try Data(contentsOf: URL(fileURLWithPath: Journal.path(forResults: clean.path)))
        let journalLines = journalBytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let contents = try Journal.parse(Array(journalBytes), path: "j")
        let n = contents.entries.count
        #expect(n == inv.items.count)
        // (journal entries kept, results bytes kept, a torn journal line, a torn results line)
        let cases: [(Int, Int, Bool, Bool)] = [
            (0, 0, false, false), (0, contents.entries[3].end, false, false),
            (5, contents.entries[4].end, false, false), (5, contents.entries[7].end, false, true),
            (5, contents.entries[5].end, true, false), (12, contents.entries[11].end + 17, true, true),
            (n, contents.entries[n - 1].end, false, false), (n, cleanBytes.count, false, false),
        ]
        for (k, (entries, resultsBytes, tornJournal, tornResults)) in cases.enumerated() {
            let out = dir.appendingPathComponent("crash\(k).jsonl")
            var journal = Data(journalLines.prefix(1 + entries).joined(separator: [0x0A])) + [0x0A]
            if tornJournal { journal += journalLines[1 + entries].prefix(9) }
            var results = cleanBytes.prefix(resultsBytes)
            if tornResults { results += Data("{\"thread\":\"<torn".utf8) }
            try results.write(to: out)
            try journal.write(to: URL(fileURLWithPath: Journal.path(forResults: out.path)))
            let outcome = try BatchRunner.run(
                inv, options: BatchOptions(out: out.path, jobs: 1, resume: true), process: Self.process)
            #expect(
                outcome.resumed
                    == min(entries, contents.entries.prefix(entries).filter { $0.end <= resultsBytes }.count))
            #expect(try Data(contentsOf: out) == cleanBytes, "case \(k)")
        }
    }

    @Test func resumeWithoutAJournalIsRefused() throws {
        let (inv, dir) = try Self.inventory(threads: 3, tooLarge: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.jsonl")
        try Data("{\"thread\":\"x\"}\n".utf8).write(to: out)
        #expect(throws: BatchError.self) {
            try BatchRunner.run(inv, options: BatchOptions(out: out.path, jobs: 1, resume: true), process: Self.process)
        }
        // --resume with nothing there yet starts afresh (schedulers can always pass it).
        let fresh = dir.appendingPathComponent("fresh.jsonl")
        let outcome = try BatchRunner.run(
            inv, options: BatchOptions(out: fresh.path, jobs: 1, resume: true), process: Self.process)
        #expect(outcome.processed == inv.items.count)
    }

    @Test func shardsPartitionTheArchiveAndMergeIntoTheWholeRun() throws {
        let (inv, dir) = try Self.inventory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole.jsonl")
        _ = try BatchRunner.run(inv, options: BatchOptions(out: whole.path, jobs: 2), process: Self.process)
        var shardFiles: [String] = []
        var union: [String] = []
        for k in 1...3 {
            let out = dir.appendingPathComponent("shard\(k).jsonl")
            let o = try BatchRunner.run(
                inv, options: BatchOptions(out: out.path, jobs: 2, shard: try ShardSpec(index: k, count: 3)),
                process: Self.process)
            #expect(o.summary.shard == (try ShardSpec(index: k, count: 3)))
            #expect(o.summary.threads > 0)
            union += try Self.lines(out).dropLast()
            shardFiles.append(out.path)
        }
        let wholeLines = try Self.lines(whole)
        #expect(union.sorted() == wholeLines.dropLast().sorted())
        #expect(Set(union).count == union.count)
        // Merged in any argument order: the whole run's lines and the very same summary line.
        let merged = dir.appendingPathComponent("merged.jsonl")
        let outcome = try ShardMerger.merge(inputs: shardFiles.reversed(), out: merged.path)
        #expect(outcome.shards.map(\.index) == [1, 2, 3])
        let mergedLines = try Self.lines(merged)
        #expect(mergedLines.sorted() == wholeLines.sorted())
        #expect(mergedLines.last == wholeLines.last)

        // What merge refuses: a missing shard, a shard twice, an unfinished shard, an existing OUT.
        #expect(throws: BatchError.self) {
            try ShardMerger.merge(inputs: Array(shardFiles.prefix(2)), out: dir.appendingPathComponent("m1").path)
        }
        #expect(throws: BatchError.self) {
            try ShardMerger.merge(
                inputs: shardFiles + [shardFiles[0]], out: dir.appendingPathComponent("m2").path)
        }
        let unfinished = dir.appendingPathComponent("unfinished.jsonl")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: shardFiles[1]))
        bytes = bytes.prefix(bytes.count - 10)
        try bytes.write(to: unfinished)
        #expect(throws: BatchError.self) {
            try ShardMerger.merge(
                inputs: [shardFiles[0], unfinished.path, shardFiles[2]], out: dir.appendingPathComponent("m3").path)
        }
        #expect(throws: BatchError.outputExists(path: merged.path)) {
            try ShardMerger.merge(inputs: shardFiles, out: merged.path)
        }
        // Shards of another archive do not mix.
        let (other, otherDir) = try Self.inventory(threads: 10, tooLarge: false)
        defer { try? FileManager.default.removeItem(at: otherDir) }
        let foreign = dir.appendingPathComponent("foreign.jsonl")
        _ = try BatchRunner.run(
            other, options: BatchOptions(out: foreign.path, jobs: 1, shard: try ShardSpec(index: 2, count: 3)),
            process: Self.process)
        #expect(throws: BatchError.self) {
            try ShardMerger.merge(
                inputs: [shardFiles[0], foreign.path, shardFiles[2]], out: dir.appendingPathComponent("m4").path)
        }
    }

    @Test func progressBarRendering() {
        let bar = ProgressBar(width: 10)
        #expect(bar.render(done: 0, total: 100, rate: nil) == "[..........] 0/100 threads")
        #expect(bar.render(done: 50, total: 100, rate: 12.4) == "[#####.....] 50/100 threads  12/s  ETA 5s")
        #expect(bar.render(done: 1, total: 20_000, rate: 2.5).hasSuffix("2.5/s  ETA 2h13m"))
        #expect(bar.render(done: 100, total: 100, rate: 3) == "[##########] 100/100 threads  3.0/s  ETA 0s")
    }
}
