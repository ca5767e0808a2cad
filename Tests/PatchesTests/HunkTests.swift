import Testing

@testable import Patches

struct HunkTests {
    @Test func countsDefaultToOneAndLineNumbers() throws {
        let scan = scanText("--- a/mm/x.c\n+++ b/mm/x.c\n@@ -10 +20 @@\n-old\n+new\n")
        let h = try #require(scan.allHunks.first)
        #expect(h.oldLines == 1 && h.newLines == 1 && h.complete)
        #expect(h.lines[0].oldLine == 10 && h.lines[0].newLine == nil)
        #expect(h.lines[1].newLine == 20 && h.lines[1].oldLine == nil)
    }

    @Test func contextNoNewlineAndLineNumbers() throws {
        let scan = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -5,3 +5,3 @@ static int f(void)
             a;
            -b;
            +c;
             d;
            \\ No newline at end of file
            """)
        let h = try #require(scan.allHunks.first)
        #expect(h.complete)
        #expect(h.lines.map(\.kind) == [.context, .removed, .added, .context, .noNewline])
        #expect(h.lines[3].oldLine == 7 && h.lines[3].newLine == 7)
        #expect(h.lines[4].text == " No newline at end of file")
        #expect(h.function == "f")
    }

    @Test func rawModeRepairsTabAndBlankContext() throws {
        let scan = scanText(
            "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,4 +1,4 @@\n\tint a;\n\n-x;\n+y;\n end;\nThanks.")
        let h = try #require(scan.allHunks.first)
        #expect(h.complete && h.contextCount == 3)
        #expect(h.repairs.map(\.code).contains("context-without-space"))
        #expect(h.repairs.map(\.code).contains("blank-context"))
        #expect(scan.roles.last == .prose)
    }

    @Test func collapsedModeReadsBareLinesAsContext() throws {
        let scan = scanText(
            "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,3 +1,3 @@\nif (a) {\n- x;\n+ y;\n}\n--\n2.30.1",
            collapsed: true)
        let p = try #require(scan.patches.first)
        let h = try #require(p.files.first?.hunks.first)
        #expect(h.complete && h.contextCount == 2)
        #expect(h.lines[0].text == "if (a) {")
        #expect(p.versionFooter == "2.30.1")
        #expect(scan.roles[7] == .versionFooter(patch: 0))
    }

    @Test func collapsedSignatureDashesAreCountedWhenTheHunkNeedsThem() throws {
        // `--` inside the counts is a removed line `-`; the footer is recognised only after.
        let scan = scanText(
            "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,2 +1,1 @@\n--\n a\n--\n2.28.0", collapsed: true)
        let p = try #require(scan.patches.first)
        let h = try #require(p.files.first?.hunks.first)
        #expect(h.complete && h.removedCount == 1 && h.lines[0].text == "-")
        #expect(p.versionFooter == "2.28.0")
    }

    @Test func truncatedBySnipAndByProse() throws {
        let scan = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -1,6 +1,6 @@
             a;
            -b;
            +c;
            [...]
            @@ -40,3 +40,4 @@
             x;
            +y;
            This looks wrong to me.
            """)
        let hunks = scan.allHunks
        #expect(hunks.count == 2)
        #expect(!hunks[0].complete && !hunks[1].complete)
        #expect(hunks[0].repairs.contains { $0.code == "hunk-truncated" && $0.message.contains("4 old and 4 new") })
        #expect(scan.roles[6] == .snip)
        #expect(scan.roles[10] == .prose)
    }

    @Test func overflowingLineEndsTheHunk() throws {
        let scan = scanText("--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,2 +1,1 @@\n+a;\n+b;\n-c;")
        let h = try #require(scan.allHunks.first)
        #expect(!h.complete && h.addedCount == 1)
        #expect(h.repairs.contains { $0.code == "count-mismatch" })
    }

    @Test func interruptedHunkGoesOn() throws {
        let scan = scanText(
            "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,3 +1,3 @@\n a;\n-b;\n§+c;\n d;")
        let h = try #require(scan.allHunks.first)
        #expect(h.complete && h.lines.count == 4)
    }

    @Test(arguments: [
        "@@ -99999999999999999999,3 +1,3 @@", "@@ --5,3 +1,2 @@", "@@ -1,3 +1,3", "@@@ -1,3 -1,3 +1,3 @@@",
    ])
    func badHeadersDoNotCrash(_ header: String) throws {
        let scan = scanText("--- a/mm/x.c\n+++ b/mm/x.c\n\(header)\n a\n-b\n+c\nprose here.")
        let h = try #require(scan.allHunks.first)
        #expect(!h.complete)
        #expect(h.repairs.contains { $0.code == "bad-header" })
        #expect(h.lines.count == 3)
    }

    @Test func lyingHeaderIsReportedWithoutAllocating() throws {
        let scan = scanText("--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,900000000 +1,900000000 @@\n a\n b")
        let h = try #require(scan.allHunks.first)
        #expect(!h.complete && h.lines.count == 2)
        #expect(h.repairs.contains { $0.code == "header-lies" })
    }

    @Test func spaceDamagedAddedContinuationIsRepaired() throws {
        // The second added line lost its `+` to spaces; the counts only fit with it added.
        let scan = scanText(
            "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,3 +1,4 @@\n a(x,\n-\tb)\n+\tb,\n         c)\n {\n d")
        let h = try #require(scan.allHunks.first)
        #expect(h.complete)
        #expect(h.addedCount == 2 && h.contextCount == 2)
        #expect(h.repairs.contains { $0.code == "context-as-added" })
        #expect(h.lines.last?.oldLine == 3 && h.lines.last?.newLine == 4)
    }

    @Test func hunkWithoutFileHeaderHasNilPath() throws {
        let scan = scanText("...\n\n@@ -718,9 +739,11 @@ static void isolate_freepages(struct zone *zone,\n  \t\t/*")
        let p = try #require(scan.patches.first)
        #expect(!p.isFragment && p.files.count == 1 && p.files[0].path == nil)
        #expect(p.files[0].hunks[0].lines.first?.text == " \t\t/*")
        #expect(scan.roles[0] == .snip)
    }
}

struct FunctionNameTests {
    @Test(arguments: [
        ("static vm_fault_t do_wp_page(struct vm_fault *vmf)", "do_wp_page"),
        ("isolate_migratepages_block(struct compact_control *cc, unsigned long low_pfn,", "isolate_migratepages_block"),
        ("struct zap_details {", "zap_details"),
        ("static struct page *pte_get_reclaim_page", "pte_get_reclaim_page"),
        ("static inline void unmap_shared_mapping_range(struct address_space *mapping,", "unmap_shared_mapping_range"),
    ])
    func sections(_ section: String, _ name: String) {
        #expect(DiffScanner.functionName(fromSection: section) == name)
    }

    @Test func labelsAndEmptyHaveNoFunction() {
        #expect(DiffScanner.functionName(fromSection: "oom:") == nil)
        #expect(DiffScanner.functionName(fromSection: "") == nil)
        #expect(DiffScanner.functionName(fromSection: "   ") == nil)
    }

    @Test func definitionsInsideAHunk() throws {
        let scan = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -1,7 +1,13 @@ static int first(void)
             \treturn 0;
             }
             
            +static int added(struct page *page,
            +\t\tint nr)
            +{
            +\tint floops;
            +}
            +
             static inline int
            -old_name(int a)
            +new_name(int a)
             {
             \tif (x)
            """)
        let h = try #require(scan.allHunks.first)
        func fn(_ text: String) -> String? { h.lines.first { $0.text == text }?.function }
        #expect(fn("\treturn 0;") == "first")
        #expect(fn("\tint floops;") == "added")
        #expect(h.lines.first { $0.kind == .removed }?.function == "old_name")
        #expect(fn("\tif (x)") == "new_name")
    }

    @Test func statementsAreNotDefinitions() throws {
        let scan = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -1,5 +1,5 @@ int f(void)
            -if (foo(bar))
            +x = call(y);
             return g(z);
             else
             h(a,
             }
            """)
        let h = try #require(scan.allHunks.first)
        #expect(h.lines.allSatisfy { $0.function == "f" })
    }

    @Test func collapsedDefinitionNeedsAReturnType() throws {
        let scan = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -1,6 +1,6 @@ oom:
            }
            static int __do_fault(struct vm_area_struct *vma, unsigned long address,
            - pgoff_t pgoff)
            + pgoff_t pgoff, int x)
            {
            spin_lock(&a,
            list_for_each(x) {
            """, collapsed: true)
        let h = try #require(scan.allHunks.first)
        #expect(h.function == nil)
        #expect(h.lines[0].function == nil)
        #expect(h.lines.dropFirst().allSatisfy { $0.function == "__do_fault" })
    }
}
