import Foundation
import Testing

@testable import Patches

/// The five seed threads (hypermail renders, whitespace collapsed) scanned level by level.
struct SeedThreadTests {
    func scan(_ seed: String, level: Int) throws -> (DiffScan, [ScanLine]) {
        let split = try Fixtures.seed(seed)
        let lines = split.lines(level: level)
        return (DiffScanner.scan(lines, options: .init(whitespaceCollapsed: true)), lines)
    }

    func text(_ l: ScanLine) -> String { String(decoding: l.text, as: UTF8.self) }

    @Test func seed000TrialDoWpPage() throws {
        let (scan, lines) = try scan("000", level: 1)
        try #require(scan.patches.count == 1)
        let p = scan.patches[0]
        #expect(p.header?.subject == "[PATCH] Trial do_wp_page() simplification")
        #expect(p.header?.fromName == "Linus Torvalds")
        #expect(p.header?.commit == "f41082844ea82ad1278e167fe6e973fa4efc974a")
        #expect(p.trailers.map(\.key) == ["Signed-off-by"])
        #expect(p.commitMessage.first == "How about we just make sure we're the only possible valid user fo the")
        #expect(p.versionFooter == "2.28.0.218.gc12ef3d349")
        try #require(p.files.count == 1)
        #expect(p.files[0].path == "mm/memory.c")
        #expect(p.files[0].oldBlob == "602f4283122f")
        try #require(p.files[0].hunks.count == 1)
        let h = p.files[0].hunks[0]
        #expect((h.oldStart, h.oldLines, h.newStart, h.newLines) == (2927, 50, 2927, 24))
        #expect(h.function == "do_wp_page")
        #expect(h.addedCount == 16 && h.removedCount == 42)
        #expect(h.contextCount + h.removedCount == h.oldLines)
        #expect(h.contextCount + h.addedCount == h.newLines)
        #expect(h.complete)
        #expect(p.diffstat?.insertions == 16 && p.diffstat?.deletions == 42)
        #expect(!p.repairs.contains { $0.code == "diffstat-mismatch" })
        // The hunk continues across Jan Kara's comment.
        let after = try #require(lines.firstIndex { text($0) == "+ unlock_page(page);" })
        #expect(lines[after].interruptedBefore)
        if case .diffLine = scan.roles[after] {} else { Issue.record("line after comment") }
        let footer = try #require(lines.firstIndex { text($0) == "2.28.0.218.gc12ef3d349" })
        #expect(scan.roles[footer] == .versionFooter(patch: 0))
        #expect(scan.roles[footer - 1] == .versionFooter(patch: 0))
        // Line numbers: the last context line is old 2976, new 2950.
        let last = try #require(h.lines.last)
        #expect(last.oldLine == 2976 && last.newLine == 2950)
    }

    @Test func seed001HeaderlessFragmentAtLevelSix() throws {
        let (scan, lines) = try scan("001", level: 6)
        try #require(scan.patches.count == 1)
        let p = scan.patches[0]
        #expect(p.isFragment)
        try #require(p.files.count == 1)
        #expect(p.files[0].path == nil)
        let h = try #require(p.files[0].hunks.first)
        #expect(h.isFragment && !h.complete && h.header == nil)
        #expect(h.lines.allSatisfy { $0.kind == .added && $0.oldLine == nil && $0.newLine == nil })
        #expect(h.lines.first?.text == "static int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)")
        #expect(h.lines.last?.text == "static inline int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)")
        #expect(h.lines.allSatisfy { $0.function == "alloc_anon_folio" })
        #expect(h.lines.count == lines.count)
        // The run went on across other levels' comments.
        #expect(lines.contains { $0.interruptedBefore })
        // Level 3's `+Hugh Dickins ...` and `+Matthew Wilcox ...` are prose.
        let (scan3, lines3) = try self.scan("001", level: 3)
        #expect(scan3.patches.isEmpty)
        #expect(lines3.contains { text($0).hasPrefix("+Hugh Dickins") })
        #expect(scan3.roles.allSatisfy { $0 == .prose || $0 == .snip })
    }

    @Test func seed002SnippedTailThenFiveHunks() throws {
        let (scan, lines) = try scan("002", level: 1)
        try #require(scan.patches.count == 2)
        let frag = scan.patches[0]
        #expect(frag.isFragment && frag.files.first?.path == nil)
        let fh = try #require(frag.files.first?.hunks.first)
        #expect(fh.isFragment && !fh.complete && fh.lines.count == 3)
        #expect(fh.lines.allSatisfy { $0.kind == .context })
        #expect(fh.lines.first?.text == "/*")
        let p = scan.patches[1]
        #expect(!p.isFragment)
        try #require(p.files.count == 1)
        #expect(p.files[0].path == "mm/memory.c")
        let hunks = p.files[0].hunks
        try #require(hunks.count == 5)
        #expect(hunks.allSatisfy { $0.complete })
        for h in hunks {
            #expect(h.contextCount + h.removedCount == h.oldLines)
            #expect(h.contextCount + h.addedCount == h.newLines)
        }
        let h0 = hunks[0]
        #expect((h0.oldStart, h0.oldLines, h0.newStart, h0.newLines) == (924, 68, 924, 162))
        #expect(h0.addedCount == 134 && h0.removedCount == 40 && h0.contextCount == 28)
        #expect(h0.function == "copy_present_page")
        let floops = try #require(h0.lines.first { $0.text == " int floops;" })
        #expect(floops.function == "folio_nr_pages_cont_mapped")
        let nr = try #require(h0.lines.first { $0.text == " int nr = 1;" })
        #expect(nr.function == "copy_present_ptes")
        #expect(hunks[1].function == "copy_pte_range")
        // The first three lines (after `<snip>` at level 0) are the fragment's.
        #expect(scan.roles[0] == .diffLine(patch: 0, file: 0, hunk: 0, line: 0))
        #expect(text(lines[3]).hasPrefix("diff --git"))
    }

    @Test func seed003ThreeFilesAndBulletsStayProse() throws {
        let (scan, lines) = try scan("003", level: 1)
        try #require(scan.patches.count == 1)
        let files = scan.patches[0].files
        #expect(files.map(\.path) == ["mm/memory.c", "mm/rmap.c", "mm/swapfile.c"])
        #expect(files.map(\.hunks.count) == [2, 1, 2])
        #expect(files[0].hunks.allSatisfy { $0.function == "do_swap_page" })
        #expect(files[1].hunks[0].function == "try_to_unmap_one")
        #expect(files[2].hunks.map(\.function) == ["exclusive_swap_page", "can_share_swap_page"])
        for f in files {
            for h in f.hunks {
                #expect(h.complete)
                #expect(h.contextCount + h.removedCount == h.oldLines)
                #expect(h.contextCount + h.addedCount == h.newLines)
            }
        }
        // The RFC's `- ` bullet lines (one is a 3-line run) are not diff lines.
        let firstHeader = try #require(lines.firstIndex { text($0).hasPrefix("--- mm/memory.c.orig") })
        let bullets = lines.indices.filter { text(lines[$0]).hasPrefix("- ") && $0 < firstHeader }
        #expect(bullets.count == 7)
        for b in bullets { #expect(scan.roles[b] == .prose, "\(text(lines[b]))") }
        // The RFC prose before `--- mm/memory.c.orig` is not claimed as a commit message.
        #expect(scan.patches[0].commitMessage.isEmpty)
        #expect(scan.roles[firstHeader - 2] == .prose)
    }

    @Test func seed004DiffstatMatches() throws {
        let (scan, _) = try scan("004", level: 1)
        try #require(scan.patches.count == 1)
        let p = scan.patches[0]
        #expect(p.files.map(\.path) == ["include/linux/mm.h", "mm/memory.c"])
        #expect(p.files.map(\.hunks.count) == [2, 8])
        let hunks = p.files.flatMap(\.hunks)
        #expect(hunks.allSatisfy { $0.complete })
        #expect(hunks.reduce(0) { $0 + $1.addedCount } == 35)
        #expect(hunks.reduce(0) { $0 + $1.removedCount } == 12)
        #expect(p.diffstat?.filesChanged == 2)
        #expect(p.diffstat?.insertions == 35 && p.diffstat?.deletions == 12)
        #expect(p.diffstat?.entries.map(\.changes) == [2, 45])
        #expect(p.repairs.filter { $0.code == "diffstat-mismatch" }.isEmpty)
        #expect(p.versionFooter == "1.9.0")
        #expect(p.trailers.first?.key == "Signed-off-by")
        #expect(p.commitMessage.first?.hasPrefix("Currently COW of an XIP file") == true)
        // `@@ ... @@ oom:` is a label: no function from the section, but `__do_fault` starts
        // inside the hunk.
        let oom = try #require(hunks.first { $0.section == "oom:" })
        #expect(oom.function == nil)
        let after = try #require(oom.lines.first { $0.text.contains("struct page *cow_page, struct page **page)") })
        #expect(after.function == "__do_fault")
        #expect(oom.lines.first?.function == nil)
    }
}
