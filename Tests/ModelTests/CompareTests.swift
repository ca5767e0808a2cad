import Conversation
import Foundation
import Model
import Testing

/// `compare` on two versions of seed 004's patch (see Fixtures/compare/README.md).
@Suite struct CompareTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compare/dax-cow-v7-v8.mbox")

    static func compare() throws -> RevisionComparison {
        let threads = try ArchiveExtractor.extract(path: fixture.path).threads
        let all = RevisionComparer.candidates([threads])
        return RevisionComparer.compare(
            old: all.filter { $0.patch.version == 7 }, new: all.filter { $0.patch.version == 8 }, from: "v7", to: "v8")
    }

    @Test func pairsTheTwoVersions() throws {
        let c = try Self.compare()
        #expect(c.pairs.count == 1)
        #expect(c.onlyOld.isEmpty && c.onlyNew.isEmpty)
        #expect(c.pairs.first?.unchanged == false)
    }

    @Test func hunksDroppedChangedAdded() throws {
        let c = try Self.compare()
        let mmh = try #require(c.files.first { $0.path == "include/linux/mm.h" })
        #expect(mmh.hunks.contains { $0.change == "dropped" })
        let memory = try #require(c.files.first { $0.path == "mm/memory.c" })
        #expect(memory.hunks.contains { $0.change == "added" && $0.function == "do_linear_fault" })
        #expect(memory.hunks.contains { $0.change == "changed" && $0.function == "do_cow_fault" })
        #expect(memory.functions.contains { $0.name == "do_cow_fault" && $0.change == "changed" })
        #expect(memory.interdiff.contains("VM_FAULT_COWED"))
    }

    @Test func reviewCommentsAreAddressedForTheRightReason() throws {
        let c = try Self.compare()
        let inline = try #require(c.comments.first { $0.anchorKind == "added" })
        #expect(inline.author == "Jan Kara")
        #expect(inline.function == "do_cow_fault")
        #expect(inline.addressed)
        #expect(inline.reason.contains("changed"))
        let overall = try #require(c.comments.first { $0.anchorKind == "commit-message" })
        #expect(overall.addressed)
        #expect(overall.reason.contains("commit message"))
    }

    @Test func unchangedLineStaysOpen() throws {
        // Compared with itself, nothing changed: the inline comment is open, with the reason.
        let threads = try ArchiveExtractor.extract(path: Self.fixture.path).threads
        let v7 = RevisionComparer.candidates([threads]).filter { $0.patch.version == 7 }
        let c = RevisionComparer.compare(old: v7, new: v7, from: "v7", to: "v7")
        let inline = try #require(c.comments.first { $0.anchorKind == "added" })
        #expect(!inline.addressed)
        #expect(inline.reason.contains("unchanged"))
    }
}
