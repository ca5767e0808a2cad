import Foundation
import TestSupport
import Testing

/// `mmreview report` as a user meets it: formats, exit codes, one-line errors, --out, colour.
@Suite struct ReportCommandTests {
    static var binary: URL { CommandRunner.mmreview(repoRoot: ReportFixtures.repoRoot) }

    /// Colour is left to the test: NO_COLOR is removed from the inherited environment.
    static func run(_ args: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> CommandRun {
        var env: [String: String?] = ["NO_COLOR": nil]
        for (k, v) in environment { env[k] = v }
        return try CommandRunner.run(binary, args, in: ReportFixtures.repoRoot, environment: env, stdin: stdin)
    }

    static let seed000 = "corpus/threads/000_d01b7560f6bfaef0.txt"
    static let seed001 = "corpus/threads/001_c631dee9447f85c9.txt"
    static let fast = ["--max-paths", "64", "--time-limit", "300"]

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mmreview-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func exitOneOnFindingsZeroWithout() throws {
        let r0 = try Self.run(["report", Self.seed000] + Self.fast)
        #expect(r0.status == 1)
        #expect(r0.stdout.contains("Verdict: VIOLATIONS"))
        #expect(r0.stderr.isEmpty)
        let r1 = try Self.run(["report", Self.seed001] + Self.fast)
        #expect(r1.status == 0)
    }

    @Test(arguments: ["text", "md", "json", "html", "reply"])
    func everyFormatOnASeed(_ format: String) throws {
        let r = try Self.run(["report", "--format", format, Self.seed001] + Self.fast)
        #expect(r.status == 0)
        #expect(!r.stdout.isEmpty)
        #expect(r.stderr.isEmpty)
    }

    @Test func jsonIsIdenticalAcrossRuns() throws {
        let a = try Self.run(["report", "--format", "json", Self.seed001])
        let b = try Self.run(["report", "--format", "json", Self.seed001])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("{"))
    }

    @Test func readsStdin() throws {
        let data = try Data(contentsOf: ReportFixtures.repoRoot.appendingPathComponent(Self.seed001))
        let r = try Self.run(["report", "-"] + Self.fast, stdin: data)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Report: "))
    }

    /// Bad usage and unreadable input: exit 2 and exactly one line on stderr, no stack trace.
    @Test(arguments: [
        ["report", "--frobnicate", "corpus/threads"],
        ["report", "--format", "yaml", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "--color", "sometimes", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "no/such/file.mbox"],
        ["report"],
        ["report", "a", "b"],
        ["report", "--max-paths", "0", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "--time-limit", "soon", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "--base", "no-such-base", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "--tree", "no/such/tree", "corpus/threads/001_c631dee9447f85c9.txt"],
        ["report", "--out", "/no/such/folder/report.html", "corpus/threads/001_c631dee9447f85c9.txt"],
    ])
    func badUsageIsOneLineAndExitTwo(_ args: [String]) throws {
        let r = try Self.run(args)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("mmreview: "))
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack"))
    }

    @Test func emptyInputIsExitTwo() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.mbox")
        try Data().write(to: empty)
        let r = try Self.run(["report", empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        let fromStdin = try Self.run(["report", "-"], stdin: Data())
        #expect(fromStdin.status == 2)
    }

    /// --out writes the file; an existing one is refused without --force, replaced with it.
    @Test func outNeverOverwritesWithoutForce() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.html")
        let first = try Self.run(["report", "--format", "html", "--out", out.path, Self.seed001] + Self.fast)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        try Data("keep me".utf8).write(to: out)
        let again = try Self.run(["report", "--format", "html", "--out", out.path, Self.seed001] + Self.fast)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        #expect(again.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        let forced = try Self.run(
            ["report", "--format", "html", "--out", out.path, "--force", Self.seed001] + Self.fast)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == written)
        let folder = try Self.run(["report", "--out", dir.path, Self.seed001])
        #expect(folder.status == 2)
    }

    /// Colour only when asked or on a terminal, never with NO_COLOR; --out never has colour.
    @Test func colourRules() throws {
        let escape = "\u{1B}["
        let piped = try Self.run(["report", Self.seed001] + Self.fast)
        #expect(!piped.stdout.contains(escape))
        let always = try Self.run(["report", "--color", "always", Self.seed001] + Self.fast)
        #expect(always.stdout.contains(escape))
        let noColor = try Self.run(
            ["report", "--color", "always", Self.seed001] + Self.fast, environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains(escape))
        let never = try Self.run(["report", "--color", "never", Self.seed001] + Self.fast)
        #expect(!never.stdout.contains(escape))
    }
}
