import Conversation
import Foundation
import Mail
import Model
import Testing

/// `--tree PATH`: the preimage is taken from the blob the patch's `index` line names, so a patch
/// applies exactly to the tree it was written against even when HEAD has moved on.
@Suite struct KernelTreeTests {
    static func git(_ dir: URL, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.path, "-c", "user.name=T", "-c", "user.email=t@example.com"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let d = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func preimageBlobWinsOverHead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mmreview-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("mm"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mm/memory.c")
        let v1 = "int a;\nint b;\nint c;\n"
        try v1.write(to: file, atomically: true, encoding: .utf8)
        _ = try Self.git(dir, ["init", "-q"])
        _ = try Self.git(dir, ["add", "."])
        _ = try Self.git(dir, ["commit", "-qm", "one"])
        let blob = String(try Self.git(dir, ["rev-parse", "HEAD:mm/memory.c"]).prefix(12))
        try "int a;\nint B;\nint c;\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try Self.git(dir, ["commit", "-qam", "two"])
        let mail = """
            From: A <a@b.c>
            Subject: [PATCH] mm: b

            ---
            diff --git a/mm/memory.c b/mm/memory.c
            index \(blob)..1111111 100644
            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1,3 +1,3 @@
             int a;
            -int b;
            +int bb;
             int c;

            """
        let t = ArchiveExtractor.extract(MailReader.read(bytes: Array(mail.utf8), name: "m")).threads[0]
        let run = VersionApplier(catalog: ModelCatalog(bases: []), tree: KernelTree(root: dir.path)).apply(t)
        let v = try #require(run.versions.first)
        #expect(v.base.basis == .tree)
        #expect(v.hunks.first?.result == "exact")
        #expect(v.patchedFiles["mm/memory.c"] == "int a;\nint bb;\nint c;\n")
    }
}
