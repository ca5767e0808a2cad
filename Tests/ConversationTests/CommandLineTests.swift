import Foundation
import TestSupport
import Testing

/// The `mmreview` executable as a user meets it: exit codes, formats, stdin, errors on one line.
@Suite struct CommandLineTests {
    static var binary: URL { CommandRunner.mmreview(repoRoot: Fixtures.repoRoot) }

    static func run(_ args: [String], stdin: Data? = nil) throws -> CommandRun {
        try CommandRunner.run(binary, args, in: Fixtures.repoRoot, stdin: stdin)
    }

    @Test func extractTextOnASeed() throws {
        let r = try Self.run(["extract", "corpus/threads/000_d01b7560f6bfaef0.txt"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[PATCH] Trial do_wp_page() simplification"))
        #expect(r.stdout.contains("do_wp_page"))
    }

    @Test func extractJSONHasTheSchemaKeys() throws {
        let r = try Self.run(["extract", "--format", "json", "corpus/threads/002_ae5048c6cf5fd9f4.txt"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "mmreview.extract/1")
        let patches = try #require(json["patches"] as? [[String: Any]])
        let files = try #require(patches.last?["files"] as? [[String: Any]])
        let hunk = try #require((files.first?["hunks"] as? [[String: Any]])?.first)
        for key in ["oldStart", "oldLines", "newStart", "newLines", "function", "complete"] {
            #expect(hunk[key] != nil, "hunk key \(key)")
        }
        let comment = try #require((json["comments"] as? [[String: Any]])?.first)
        for key in ["author", "authorInferred", "anchor", "text"] { #expect(comment[key] != nil, "comment key \(key)") }
        // Deterministic: two runs give identical bytes.
        let again = try Self.run(["extract", "--format", "json", "corpus/threads/002_ae5048c6cf5fd9f4.txt"])
        #expect(again.stdout == r.stdout)
    }

    @Test func folderGivesOneResultPerThread() throws {
        let r = try Self.run(["extract", "--format", "json", "corpus/threads"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["threads"] as? [Any])?.count == 5)
    }

    @Test func stdinWorks() throws {
        let data = try Data(
            contentsOf: Fixtures.repoRoot.appendingPathComponent("corpus/threads/004_cb09e22d1a946026.txt"))
        let r = try Self.run(["extract", "-"], stdin: data)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Allow page fault handlers to perform the COW"))
    }

    @Test(arguments: [
        ["extract", "/nonexistent/thread.mbox"],
        ["extract", "--frobnicate", "corpus/threads"],
        ["extract", "--format", "yaml", "corpus/threads"],
        ["extract"],
        ["nonsense"],
        [],
    ])
    func badUsageExitsTwoWithOneLine(_ args: [String]) throws {
        let r = try Self.run(args)
        #expect(r.status == 2)
        #expect(!r.stderr.isEmpty || !r.stdout.isEmpty)
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func emptyInputExitsTwo() throws {
        let r = try Self.run(["extract", "-"], stdin: Data())
        #expect(r.status == 2)
        #expect(r.stderr.contains("empty"))
    }
}
