import Testing

@testable import Patches

struct PatchMailTests {
    static let mail = """
        From 2a2e4b247e132d823af30655dbc0b57738e9d6ee Mon Sep 17 00:00:00 2001
        From: "Minchan Kim" <minchan@kernel.org>
        Date: Mon, 12 Oct 2015 09:52:46 +0900
        Subject: [PATCH] thp: use is_zero_pfn only
         after pte_present check

        Use is_zero_pfn on pteval only after pte_present check.

        Fixes: 1234567890ab ("mm: something")
        signed-off-by: Minchan Kim <minchan@kernel.org>
        Reviewed-by: A <a@b.c>
        ---
         mm/huge_memory.c | 3 ++-
         1 file changed, 2 insertions(+), 1 deletion(-)

        diff --git a/mm/huge_memory.c b/mm/huge_memory.c
        --- a/mm/huge_memory.c
        +++ b/mm/huge_memory.c
        @@ -1,3 +1,4 @@
         a
        -b
        +c
        +d
         e
        -- 
        1.9.1

        """

    @Test func formatPatchMail() throws {
        let scan = scanText(Self.mail)
        let p = try #require(scan.patches.first)
        #expect(scan.patches.count == 1)
        #expect(p.header?.commit == "2a2e4b247e132d823af30655dbc0b57738e9d6ee")
        #expect(p.header?.fromName == "Minchan Kim" && p.header?.fromEmail == "minchan@kernel.org")
        #expect(p.header?.subject == "[PATCH] thp: use is_zero_pfn only after pte_present check")
        #expect(p.commitMessage == ["Use is_zero_pfn on pteval only after pte_present check."])
        #expect(p.trailers.map(\.key) == ["Fixes", "signed-off-by", "Reviewed-by"])
        #expect(p.trailers[0].value == "1234567890ab (\"mm: something\")")
        #expect(p.diffstat?.entries == [.init(path: "mm/huge_memory.c", changes: 3)])
        #expect(p.diffstat?.insertions == 2 && p.diffstat?.deletions == 1)
        #expect(p.repairs.isEmpty)
        #expect(p.versionFooter == "1.9.1")
        #expect(p.firstLineID == 0 && p.lastLineID == 25)
        #expect(scan.roles[4] == .patchHeader(patch: 0))
        #expect(scan.roles[6] == .commitMessage(patch: 0))
        #expect(scan.roles[8] == .trailer(patch: 0))
        #expect(scan.roles[11] == .separator(patch: 0))
        #expect(scan.roles[12] == .diffstat(patch: 0))
        #expect(scan.roles[26] == .prose)
    }

    @Test func diffstatMismatchIsReported() throws {
        let wrong = Self.mail.replacingOccurrences(of: "2 insertions(+)", with: "5 insertions(+)")
            .replacingOccurrences(of: "| 3 ++-", with: "| 7 ++-")
        let p = try #require(scanText(wrong).patches.first)
        let messages = p.repairs.filter { $0.code == "diffstat-mismatch" }.map(\.message)
        #expect(messages.contains { $0.contains("5 insertions") && $0.contains("add 2") })
        #expect(messages.contains { $0.contains("7 changed lines") && $0.contains("have 3") })
    }

    @Test func diffstatIsNotCheckedWhenAHunkIsIncomplete() throws {
        let cut = Self.mail.replacingOccurrences(of: "+d\n e\n", with: "[snip]\n")
        let p = try #require(scanText(cut).patches.first)
        #expect(!p.repairs.contains { $0.code == "diffstat-mismatch" })
    }

    @Test func quotedPatchMailWithoutInBodyHeader() throws {
        let scan = scanText(
            """
            From: Peter Zijlstra <peterz@infradead.org>

            Wrap the VMA modifications with sequence
            §counts such that we can easily test if a VMA is changed.

            Signed-off-by: Peter Zijlstra (Intel) <peterz@infradead.org>

            [Port to 4.12 kernel]
            Signed-off-by: Laurent Dufour <ldufour@linux.vnet.ibm.com>
            §---
             mm/memory.c | 1 +
             1 file changed, 1 insertion(+)

            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1 +1,2 @@
             a
            +b
            """)
        let p = try #require(scan.patches.first)
        #expect(p.header?.fromName == "Peter Zijlstra" && p.header?.commit == nil)
        #expect(p.commitMessage.first == "Wrap the VMA modifications with sequence")
        #expect(p.commitMessage.contains("[Port to 4.12 kernel]"))
        #expect(p.trailers.count == 2)
        #expect(p.repairs.isEmpty)
        #expect(scan.roles[0] == .patchHeader(patch: 0))
        #expect(scan.roles[9] == .separator(patch: 0))
    }

    @Test func trailerBlockDirectlyBeforeDiffMakesACommitMessage() throws {
        let scan = scanText(
            """
            Changelog
            \t* Increase parallelism

            Signed-off-by: Christoph Lameter <clameter@sgi.com>

            Index: linux-2.6.9-rc4/mm/memory.c
            ===================================================================
            --- linux-2.6.9-rc4.orig/mm/memory.c
            +++ linux-2.6.9-rc4/mm/memory.c
            @@ -1 +1 @@
            -a
            +b
            """)
        let p = try #require(scan.patches.first)
        #expect(p.commitMessage == ["Changelog", "\t* Increase parallelism"])
        #expect(p.trailers.first?.key == "Signed-off-by")
    }

    @Test func rfcProseBeforeADiffStaysProse() throws {
        let scan = scanText(
            """
            Also, while I've tried carefully not to make mistakes and done some
            testing, I'm not very sure this is bug free. Please comment.

            --- mm/memory.c.orig 2005-01-17 14:47:11.000000000 +0900
            +++ mm/memory.c 2005-01-17 14:55:51.000000000 +0900
            @@ -1 +1 @@
            -a
            +b
            """)
        let p = try #require(scan.patches.first)
        #expect(p.commitMessage.isEmpty && p.header == nil)
        #expect(scan.roles[0] == .prose && scan.roles[1] == .prose)
        #expect(p.firstLineID == 3)
    }

    @Test func separatorInProseIsNotAPatch() {
        let scan = scanText(
            """
            I think so.
            ---
            Some unrelated text after a divider.
            More text.
            """)
        #expect(scan.patches.isEmpty)
        #expect(scan.roles.allSatisfy { $0 == .prose })
    }

    @Test func notesBetweenSeparatorAndDiffstat() throws {
        let scan = scanText(
            """
            Use is_zero_pfn on pteval.

            Signed-off-by: Minchan Kim <minchan@kernel.org>
            ---

            I found this bug with MADV_FREE hard test.

             mm/huge_memory.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/mm/huge_memory.c b/mm/huge_memory.c
            --- a/mm/huge_memory.c
            +++ b/mm/huge_memory.c
            @@ -1 +1 @@
            -a
            +b
            """)
        let p = try #require(scan.patches.first)
        #expect(scan.patches.count == 1)
        #expect(p.diffstat?.filesChanged == 1)
        #expect(p.repairs.isEmpty)
        #expect(scan.roles[5] == .prose)
    }

    @Test func severalPatchesInOneStream() throws {
        let scan = scanText(
            """
            --- a/mm/a.c
            +++ b/mm/a.c
            @@ -1 +1 @@
            -a
            +b
            Here is a second version:
            --- a/mm/b.c
            +++ b/mm/b.c
            @@ -1 +1 @@
            -c
            +d
            """)
        #expect(scan.patches.count == 2)
        #expect(scan.patches.map { $0.files[0].path } == ["mm/a.c", "mm/b.c"])
        #expect(scan.patches[0].firstLineID == 0 && scan.patches[0].lastLineID == 4)
        #expect(scan.patches[1].firstLineID == 6 && scan.patches[1].lastLineID == 10)
        #expect(scan.roles[7] == .fileHeader(patch: 1, file: 0))
    }

    @Test func pastedFormatPatchEndsThePreviousPatch() throws {
        let text = "--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1 +1 @@\n-a\n+b\n" + Self.mail
        let scan = scanText(text)
        #expect(scan.patches.count == 2)
        #expect(scan.patches[1].header?.commit != nil)
    }

    @Test func maxLinesStopsTheScan() {
        let scan = scanText(Self.mail, maxLines: 5)
        #expect(scan.repairs.first?.code == "limit")
        #expect(scan.roles.count == Self.mail.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(scan.roles[20] == .prose)
    }
}
