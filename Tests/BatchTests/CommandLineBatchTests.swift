import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mmreview batch` and `merge` as built: a SIGKILL mid-run then `--resume`, four shards through
/// GNU parallel then `merge`, and bad usage. All against one clean run of a small archive.
@Suite(.serialized) struct CommandLineBatchTests {
    static var binary: URL { CommandRunner.mmreview(repoRoot: TestArchive.repoRoot) }

    /// Bounds that make every line depend on the input only: a path budget the checker reaches
    /// long before a generous time limit, so a loaded machine gives the same findings.
    static let bounds = ["--max-paths", "64", "--time-limit", "120"]

    /// The shared archive and its clean single run (made once, by the first test that needs it).
    struct Fixture: Sendable {
        var dir: URL
        var archive: URL
        var cleanLines: [String]
        var cleanStatus: Int32
    }

    static let fixture: Result<Fixture, any Error> = Result {
        let dir = try TestArchive.folder("cli")
        let archive = try TestArchive.write(in: dir, threads: 800, tooLarge: true)
        let clean = dir.appendingPathComponent("clean.jsonl")
        let r = try run(["batch", archive.path, "--out", clean.path, "--jobs", "2"] + bounds)
        return Fixture(dir: dir, archive: archive, cleanLines: try lines(clean), cleanStatus: r.status)
    }

    static func run(_ args: [String], executable: URL? = nil) throws -> CommandRun {
        try CommandRunner.run(executable ?? binary, args)
    }

    static func lines(_ url: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The `thread` value of a line (every line carries it; the summary line does not).
    static func key(_ line: String) -> String? {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["thread"] as? String
    }

    @Test func cleanRunCoversTheArchive() throws {
        let f = try Self.fixture.get()
        // One thread (the flood) is an error line: exit 1.
        #expect(f.cleanStatus == 1)
        let keys = f.cleanLines.dropLast().compactMap(Self.key)
        #expect(keys.count == f.cleanLines.count - 1)
        #expect(Set(keys).count == keys.count)
        #expect(f.cleanLines.last?.contains("\"summary\":\"mmreview.batch-summary/1\"") == true)
        #expect(f.cleanLines.contains { $0.contains("\"kind\":\"thread.too-large\"") })
        // The seeds were checked against the model.
        #expect(f.cleanLines.contains { $0.contains("\"alloc_anon_folio\"") })
    }

    @Test func killNineThenResumeLosesAndDoublesNothing() throws {
        let f = try Self.fixture.get()
        for (round, fsync) in ["interval=0.2", "never", "always"].enumerated() {
            let out = f.dir.appendingPathComponent("killed\(round).jsonl")
            let p = Process()
            p.executableURL = Self.binary
            p.arguments = ["batch", f.archive.path, "--out", out.path, "--jobs", "2", "--fsync", fsync] + Self.bounds
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Wait until the journal says a good part of the threads are done, then kill -9.
            let journal = URL(fileURLWithPath: out.path + ".journal")
            let want = f.cleanLines.count / 3
            var seen = 0
            let deadline = Date().addingTimeInterval(120)
            while p.isRunning && Date() < deadline {
                seen = ((try? Data(contentsOf: journal))?.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ?? 1) - 1
                if seen >= want { break }
                usleep(2_000)
            }
            #expect(p.isRunning, "the batch finished before it could be killed; make the archive bigger")
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal)
            let partial = try Self.lines(out)
            #expect(partial.count < f.cleanLines.count, "round \(round): killed after \(seen) lines")
            let r = try Self.run(["batch", f.archive.path, "--out", out.path, "--jobs", "2", "--resume"] + Self.bounds)
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stdout.contains("from the earlier run"), "\(r.stdout)")
            let resumed = try Self.lines(out)
            let keys = resumed.dropLast().compactMap(Self.key)
            #expect(Set(keys).count == keys.count, "a thread has two lines")
            #expect(resumed.count == f.cleanLines.count)
            #expect(resumed.sorted() == f.cleanLines.sorted())
            #expect(resumed.last == f.cleanLines.last)
        }
    }

    static let parallel: URL? = ["/usr/bin/parallel", "/usr/local/bin/parallel", "/bin/parallel"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test func fourShardsThroughGNUParallelMergeIntoTheSingleRun() throws {
        guard let parallel = Self.parallel else {
            let warning = """

                ***********************************************************************************
                SKIPPED: fourShardsThroughGNUParallelMergeIntoTheSingleRun needs GNU parallel
                (Debian package `parallel`: apt-get install -y parallel). The shard/merge contract
                is NOT verified end to end through parallel on this machine.
                ***********************************************************************************

                """
            FileHandle.standardError.write(Data(warning.utf8))
            print(warning)
            return
        }
        let f = try Self.fixture.get()
        let dir = f.dir.appendingPathComponent("shards")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try Self.run(
            [
                "--will-cite", "--halt", "never", "-j", "4", Self.binary.path, "batch", f.archive.path, "--out",
                dir.path + "/shard{}.jsonl", "--shard", "{}/4", "--jobs", "1",
            ] + Self.bounds + [":::", "1", "2", "3", "4"], executable: parallel)
        // Each shard exits 0, or 1 for the one holding the flood's error line: parallel's status
        // is the number of jobs that failed.
        #expect(r.status == 1, "\(r.stderr)")
        let shards = (1...4).map { dir.appendingPathComponent("shard\($0).jsonl").path }
        for s in shards { #expect(FileManager.default.fileExists(atPath: s)) }
        let merged = dir.appendingPathComponent("merged.jsonl")
        let summary = dir.appendingPathComponent("summary.json")
        let m = try Self.run(["merge", merged.path] + shards + ["--summary", summary.path])
        #expect(m.status == 1, "\(m.stderr)")
        let mergedLines = try Self.lines(merged)
        #expect(mergedLines.count == f.cleanLines.count)
        #expect(mergedLines.sorted() == f.cleanLines.sorted())
        #expect(try Self.lines(summary) == [f.cleanLines.last!])
    }

    @Test func badUsageIsOneLineAndExitTwo() throws {
        let f = try Self.fixture.get()
        let out = f.dir.appendingPathComponent("bad.jsonl").path
        let cases: [[String]] = [
            ["batch", f.archive.path, "--out", out, "--shard", "3/2"],
            ["batch", f.archive.path, "--out", out, "--shard", "0/4"],
            ["batch", f.archive.path, "--out", out, "--shard", "x/y"],
            ["batch", f.archive.path, "--out", out, "--jobs", "0"],
            ["batch", f.archive.path, "--out", out, "--fsync", "sometimes"],
            ["batch", f.archive.path, "--out", out, "--frobnicate"],
            ["batch", f.archive.path],
            ["batch", "--out", out],
            ["batch", f.dir.appendingPathComponent("missing").path, "--out", out],
            ["batch", f.archive.path, "--out", f.dir.appendingPathComponent("clean.jsonl").path],
            ["batch", f.archive.path, "--out", "/nonexistent-folder/r.jsonl"],
            ["merge", out],
            ["merge", out, f.dir.appendingPathComponent("missing.jsonl").path],
            ["merge", f.dir.appendingPathComponent("clean.jsonl").path, f.archive.path],
        ]
        for args in cases {
            let r = try Self.run(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("mmreview: "), "\(args)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "\(args)")
            #expect(r.stderr.split(separator: "\n").count <= 2, "\(args): \(r.stderr)")
        }
        // An empty input.
        let empty = f.dir.appendingPathComponent("empty.mbox")
        try Data().write(to: empty)
        let r = try Self.run(["batch", empty.path, "--out", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no messages"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
