import Testing

@testable import Patches

/// Two versions of a realistic mm patch (after `corpus/threads/004_cb09e22d1a946026.txt`, the COW
/// in page fault handlers): in v2 one hunk changed, one added, one dropped, a new function renamed.
enum PatchVersions {
    static let header = """
        From 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b Mon Sep 17 00:00:00 2001
        From: Matthew Wilcox <willy@example.org>
        Date: Sun, 23 Mar 2014 15:08:28 -0400
        Subject: [PATCH v%d 2/22] Allow page fault handlers to perform the COW

        Currently COW of an XIP file is done by first bringing in a read-only
        mapping, then retrying the fault and copying the page.

        Signed-off-by: Matthew Wilcox <willy@example.org>
        ---

        """

    static let doPageMkwrite = """
        @@ -2602,6 +2602,7 @@ static int do_page_mkwrite(struct vm_area_struct *vma, struct page *page,
         \tvmf.pgoff = page->index;
         \tvmf.flags = FAULT_FLAG_WRITE|FAULT_FLAG_MKWRITE;
         \tvmf.page = page;
        +\tvmf.cow_page = NULL;
         
         \tret = vma->vm_ops->page_mkwrite(vma, &vmf);
         \tif (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)))

        """

    static func doFault(_ v2: Bool) -> String {
        """
        @@ -3297,10 +3298,13 @@ static int __do_fault(struct vm_area_struct *vma, unsigned long address,
         \tvmf.pgoff = pgoff;
         \tvmf.flags = flags;
         \tvmf.page = NULL;
        +\tvmf.cow_page = cow_page;
         
         \tret = vma->vm_ops->fault(vma, &vmf);
         \tif (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
         \t\treturn ret;
        +\t\(v2 ? "if (ret & VM_FAULT_COWED)" : "if (unlikely(ret & VM_FAULT_COWED))")
        +\t\t\(v2 ? "return ret;" : "goto out;")
         
         \tif (unlikely(PageHWPoison(vmf.page))) {
         \t\tif (ret & VM_FAULT_LOCKED)

        """
    }

    static let doReadFault = """
        @@ -3351,7 +3355,7 @@ static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma,
         \tpte_t *pte;
         \tint ret;
         
        -\tret = __do_fault(vma, address, pgoff, flags, &fault_page);
        +\tret = __do_fault(vma, address, pgoff, flags, NULL, &fault_page);
         \tif (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
         \t\treturn ret;
         

        """

    static func helper(_ name: String) -> String {
        """
        @@ -3368,6 +3372,12 @@ static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma,
         \treturn ret;
         }
         
        +static void \(name)(struct page *page)
        +{
        +\tunlock_page(page);
        +\tpage_cache_release(page);
        +}
        +
         static int do_cow_fault(struct mm_struct *mm, struct vm_area_struct *vma,
         \t\tunsigned long address, pmd_t *pmd,
         \t\tpgoff_t pgoff, unsigned int flags, pte_t orig_pte)

        """
    }

    static let doSharedFault = """
        @@ -3424,7 +3434,7 @@ static int do_shared_fault(struct mm_struct *mm, struct vm_area_struct *vma,
         \tint dirtied = 0;
         \tint ret, tmp;
         
        -\tret = __do_fault(vma, address, pgoff, flags, &fault_page);
        +\tret = __do_fault(vma, address, pgoff, flags, NULL, &fault_page);
         \tif (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
         \t\treturn ret;
         

        """

    static let fileHeader = """
        diff --git a/mm/memory.c b/mm/memory.c
        index 07b4287..2a2ecac 100644
        --- a/mm/memory.c
        +++ b/mm/memory.c

        """

    static let footer = "-- \n1.9.0\n"

    static func text(_ version: Int) -> String {
        header.replacing("%d", with: String(version)) + fileHeader
            + (version == 1
                ? doPageMkwrite + doFault(false) + doReadFault + helper("cow_fault_unlock")
                : doFault(true) + doReadFault + helper("finish_cow_fault") + doSharedFault) + footer
    }

    static func patch(_ text: String, collapsed: Bool = false) -> Patch {
        scanText(text, collapsed: collapsed).patches[0]
    }

    /// What an archive render makes of a mail: whitespace runs collapsed to one space, leading
    /// whitespace gone (context lines lose their diff prefix with it).
    static func render(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            LineText.normalized(String(line))
        }.joined(separator: "\n")
    }

    /// A small other patch, for series.
    static func other(_ subject: String, file: String, _ old: String, _ new: String) -> String {
        """
        From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
        From: Someone <someone@example.org>
        Subject: \(subject)

        Body.
        ---
        diff --git a/\(file) b/\(file)
        --- a/\(file)
        +++ b/\(file)
        @@ -10,7 +10,7 @@ static int helper(void)
         \tint a;
         \tint b;
         
        -\t\(old)
        +\t\(new)
         \tif (a)
         \t\treturn b;
         \treturn 0;
        -- 
        1.9.0

        """
    }
}

struct InterdiffTests {
    @Test func versionsParse() {
        let v1 = PatchVersions.patch(PatchVersions.text(1))
        let v2 = PatchVersions.patch(PatchVersions.text(2))
        #expect(v1.files.count == 1 && v1.files[0].hunks.count == 4)
        #expect(v2.files.count == 1 && v2.files[0].hunks.count == 4)
        #expect(v1.files[0].hunks.allSatisfy { $0.complete })
    }

    @Test func hunksAddedDroppedChangedAndRenamedFunction() throws {
        let v1 = PatchVersions.patch(PatchVersions.text(1))
        let v2 = PatchVersions.patch(PatchVersions.text(2))
        let d = Interdiff.compare(old: v1, new: v2)
        #expect(!d.isEmpty)
        let file = try #require(d.files.first)
        #expect(file.path == "mm/memory.c" && file.change == .changed && file.textKind == .changedLines)
        let hunks = Dictionary(uniqueKeysWithValues: file.hunks.map { ($0.function ?? "-", $0) })
        #expect(hunks["do_page_mkwrite"]?.change == .dropped)
        #expect(hunks["do_page_mkwrite"]?.old == 0)
        #expect(hunks["__do_fault"]?.change == .changed)
        #expect(hunks["__do_fault"]?.old == 1 && hunks["__do_fault"]?.new == 0)
        #expect(hunks["do_read_fault"]?.change == .unchanged)
        #expect(hunks["finish_cow_fault"]?.change == .changed)
        #expect(hunks["finish_cow_fault"]?.oldFunction == "cow_fault_unlock")
        #expect(hunks["do_shared_fault"]?.change == .added && hunks["do_shared_fault"]?.new == 3)

        let functions = Dictionary(uniqueKeysWithValues: file.functions.map { ($0.name, $0) })
        #expect(functions["do_page_mkwrite"]?.change == .dropped)
        #expect(functions["__do_fault"]?.change == .changed)
        #expect(functions["do_read_fault"]?.change == .unchanged)
        #expect(functions["finish_cow_fault"]?.renamedFrom == "cow_fault_unlock")
        #expect(functions["do_shared_fault"]?.change == .added)
        #expect(functions["cow_fault_unlock"] == nil)

        // The changed-lines text: per function, range-diff style.
        #expect(file.text.hasPrefix("--- v1/mm/memory.c\n+++ v2/mm/memory.c\n"))
        #expect(
            file.text.contains(
                "@@ __do_fault @@\n +\tvmf.cow_page = cow_page;\n-+\tif (unlikely(ret & VM_FAULT_COWED))\n"
                    + "-+\t\tgoto out;\n++\tif (ret & VM_FAULT_COWED)\n++\t\treturn ret;\n"))
        #expect(file.text.contains("@@ finish_cow_fault (was cow_fault_unlock) @@\n-+static void cow_fault_unlock(struct page *page)\n++static void finish_cow_fault(struct page *page)\n"))
        #expect(file.text.contains("@@ do_page_mkwrite @@\n-+\tvmf.cow_page = NULL;\n"))
        #expect(file.text.contains("@@ do_shared_fault @@\n+-\tret = __do_fault("))
        #expect(!file.text.contains("do_read_fault"))
    }

    @Test func renderAndRawMailAreEqual() {
        let raw = PatchVersions.patch(PatchVersions.text(1))
        let render = PatchVersions.patch(PatchVersions.render(PatchVersions.text(1)), collapsed: true)
        #expect(render.files.first?.hunks.count == 4)
        let d = Interdiff.compare(old: raw, new: render)
        #expect(d.isEmpty)
        #expect(d.text == "")
        #expect(!Interdiff.compare(old: raw, new: PatchVersions.patch(PatchVersions.text(2))).isEmpty)
    }

    @Test func postImageTextWhenTheBaseIsKnown() throws {
        // A base that both versions apply to: the old side of every hunk of both, in order.
        let v1 = PatchVersions.patch(PatchVersions.text(1))
        let v2 = PatchVersions.patch(PatchVersions.text(2))
        var base = ""
        for h in [v1.files[0].hunks[0], v1.files[0].hunks[1], v1.files[0].hunks[2], v1.files[0].hunks[3],
            v2.files[0].hunks[3]]
        {
            base += "/* filler */\n" + h.lines.filter { $0.kind != .added }.map { $0.text + "\n" }.joined()
        }
        let d = Interdiff.compare(old: v1, new: v2, bases: ["mm/memory.c": Array(base.utf8)])
        let file = try #require(d.files.first)
        #expect(file.textKind == .postImages)
        #expect(file.text.contains("-\tvmf.cow_page = NULL;\n"))
        #expect(file.text.contains("-static void cow_fault_unlock(struct page *page)\n+static void finish_cow_fault(struct page *page)\n"))
        #expect(file.text.contains("+\tret = __do_fault(vma, address, pgoff, flags, NULL, &fault_page);"))
    }
}

struct SeriesPairingTests {
    @Test func pairsBySubjectAndContent() throws {
        let old = [
            PatchVersions.patch(PatchVersions.text(1)),
            PatchVersions.patch(
                PatchVersions.other("[PATCH 3/4] mm: drop the foo", file: "mm/foo.c", "foo(a);", "bar(a);")),
            PatchVersions.patch(
                PatchVersions.other(
                    "[PATCH 4/4] dax: use the cow_page", file: "fs/dax.c", "copy_page(a);", "use_cow_page(a);")),
        ]
        let new = [
            PatchVersions.patch(PatchVersions.text(2)),
            PatchVersions.patch(
                PatchVersions.other(
                    "[PATCH v2 3/3] dax: make use of the COW page in the fault handler", file: "fs/dax.c",
                    "copy_page(a);", "use_cow_page(a);")),
            PatchVersions.patch(
                PatchVersions.other("[PATCH v2 1/3] mm: new thing", file: "mm/new.c", "x();", "y();")),
        ]
        let p = SeriesPairing.pair(old: old, new: new)
        #expect(p.pairs.map { [$0.old, $0.new] } == [[0, 0], [2, 1]])
        #expect(p.pairs[0].sameSubject && !p.pairs[1].sameSubject)
        #expect(p.pairs[1].similarity == 1 && p.pairs[1].interdiff.isEmpty)
        #expect(p.onlyOld == [1])
        #expect(p.onlyNew == [2])
        let file = try #require(p.pairs[0].interdiff.files.first)
        #expect(file.hunks.map(\.change).filter { $0 == .dropped }.count == 1)
        #expect(file.hunks.map(\.change).filter { $0 == .added }.count == 1)
        #expect(SeriesPairing.normalizedSubject("Re: [PATCH v7 02/22]  Allow  page fault") == "allow page fault")
    }
}
