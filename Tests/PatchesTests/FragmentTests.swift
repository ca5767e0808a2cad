import Testing

@testable import Patches

struct FragmentTests {
    @Test func headerlessRunOfCodeIsAFragment() throws {
        let scan = scanText(
            """
            Looks fine, but:
            +static int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)
            +{
            +\tint i;
            §+
            §+\treturn 0;
            +}
            What about the error path?
            """)
        let p = try #require(scan.patches.first)
        #expect(scan.patches.count == 1 && p.isFragment)
        let h = try #require(p.files.first?.hunks.first)
        #expect(p.files[0].path == nil && h.isFragment && !h.complete && h.header == nil)
        #expect(h.lines.count == 6 && h.lines.allSatisfy { $0.kind == .added && $0.newLine == nil })
        #expect(h.lines.allSatisfy { $0.function == "alloc_anon_folio" })
        #expect(scan.roles[0] == .prose && scan.roles[7] == .prose)
        #expect(scan.roles[4] == .diffLine(patch: 0, file: 0, hunk: 0, line: 3))
    }

    @Test(arguments: [
        "+Hugh Dickins for further consultation if you need it.",
        "+Matthew Wilcox +Andrew Morton please. Thank you.",
        "- I think it's safe to rely on page_mapcount in do_swap_page(),",
        "- A page_count is incremented by get_user_pages().\n- The page gets unmapped.\n- The process causes a write fault for the page, before the",
        "+1",
        "-----",
        "- fixed the typo\n- rebased on v6.5",
    ])
    func proseStartingWithPlusOrMinusIsNotADiff(_ text: String) {
        let scan = scanText(text)
        #expect(scan.patches.isEmpty)
        #expect(scan.roles.allSatisfy { $0 == .prose })
    }

    @Test func singleClearCodeLineIsAFragment() {
        #expect(scanText("+\tint nr_page_references = 0;").patches.count == 1)
        #expect(scanText("-\tspin_unlock(&mm->page_table_lock);").patches.count == 1)
    }

    @Test func snippedHunkTailBeforeFileHeader() throws {
        let scan = scanText(
            """
            <snip>
            §/*
            * On some architectures hardware does not set page access bit when accessing
            diff --git a/mm/memory.c b/mm/memory.c
            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1 +1 @@
            -a
            +b
            """, collapsed: true)
        #expect(scan.patches.count == 2)
        #expect(scan.patches[0].isFragment && scan.patches[0].files[0].hunks[0].lines.count == 2)
        #expect(scan.patches[0].files[0].hunks[0].repairs.first?.code == "snipped-hunk-header")
        #expect(scan.patches[1].files[0].path == "mm/memory.c")
        #expect(scan.roles[0] == .snip)
        #expect(scan.roles[1] == .diffLine(patch: 0, file: 0, hunk: 0, line: 0))
    }

    @Test func proseParagraphBeforeFileHeaderIsNotATail() {
        let scan = scanText(
            """
            Some text first.

            Here is what I would do instead, please test it:
            diff --git a/mm/memory.c b/mm/memory.c
            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1 +1 @@
            -a
            +b
            """)
        #expect(scan.patches.count == 1)
        #expect(!scan.patches[0].isFragment)
        #expect(scan.roles[2] == .prose)
    }
}

struct SnipAndProseTests {
    @Test(arguments: [
        "<snip>", "[snip]", "[ snip ]", "[...]", "...", "<...>", "[..]", "< truncated lines 465-570 >",
        "  [ ... ]  ", "-- snip --", "…",
    ])
    func snipMarks(_ line: String) {
        #expect(SnipMarks.isSnip(line))
    }

    @Test(arguments: ["", "snipe", "[PATCH]", "---", "-- ", "<a@b.c>", "... and more", "a...b"])
    func notSnipMarks(_ line: String) {
        #expect(!SnipMarks.isSnip(line))
    }

    @Test func proseHeuristics() {
        #expect(ProseHeuristics.looksLikeProse("So this condition looks strange to me... Did you mean:"))
        #expect(ProseHeuristics.looksLikeProse("The page gets unmapped."))
        #expect(!ProseHeuristics.looksLikeProse("if (page_mapcount(page) != 1 || page_count(page) != 1)"))
        #expect(!ProseHeuristics.looksLikeProse(" * The page is all ours. Move it to"))
        #expect(!ProseHeuristics.looksLikeProse("return VM_FAULT_WRITE;"))
        #expect(ProseHeuristics.looksLikeCode("\tstruct page *page = vmf->page;"))
        #expect(ProseHeuristics.looksLikeCode("#ifdef CONFIG_SPECULATIVE_PAGE_FAULT"))
        #expect(!ProseHeuristics.looksLikeCode("Thanks for the quick review as always!"))
        #expect(DiffScanner.looksLikeProse("Yes, -EAGAIN is suitable."))
    }
}
