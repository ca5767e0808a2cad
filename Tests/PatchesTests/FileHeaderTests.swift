import Testing

@testable import Patches

struct FileHeaderTests {
    @Test func gitHeaderWithIndexAndModes() {
        let scan = scanText(
            """
            diff --git a/mm/new.c b/mm/new.c
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/mm/new.c
            @@ -0,0 +1,2 @@
            +int a;
            +int b;
            diff --git a/mm/old.c b/mm/old.c
            deleted file mode 100644
            index 1234567..0000000
            --- a/mm/old.c
            +++ /dev/null
            @@ -1 +0,0 @@
            -int a;
            """)
        #expect(scan.patches.count == 1)
        let files = scan.patches[0].files
        #expect(files.count == 2)
        #expect(files[0].isNew && files[0].path == "mm/new.c" && files[0].oldPath == nil)
        #expect(files[0].newMode == "100644" && files[0].newBlob == "1234567")
        #expect(files[1].isDeleted && files[1].path == "mm/old.c" && files[1].newPath == nil)
        #expect(files[1].hunks[0].oldLines == 1 && files[1].hunks[0].complete)
        #expect(scan.roles[0] == .fileHeader(patch: 0, file: 0))
        #expect(scan.roles[5] == .hunkHeader(patch: 0, file: 0, hunk: 0))
        #expect(scan.roles[7] == .diffLine(patch: 0, file: 0, hunk: 0, line: 1))
    }

    @Test func renameAndModeChangeWithoutHunks() {
        let scan = scanText(
            """
            diff --git a/mm/a.c b/mm/b.c
            similarity index 100%
            rename from mm/a.c
            rename to mm/b.c
            diff --git a/scripts/x.sh b/scripts/x.sh
            old mode 100644
            new mode 100755
            """)
        let files = scan.patches.flatMap(\.files)
        #expect(files.count == 2)
        #expect(files[0].renameFrom == "mm/a.c" && files[0].renameTo == "mm/b.c")
        #expect(files[0].path == "mm/b.c" && files[0].oldPath == "mm/a.c")
        #expect(files[1].oldMode == "100644" && files[1].newMode == "100755")
        #expect(scan.roles.allSatisfy { if case .fileHeader = $0 { true } else { false } })
    }

    @Test func binaryPatchDataIsSkipped() {
        let scan = scanText(
            """
            diff --git a/fw.bin b/fw.bin
            index 1111111..2222222 100644
            GIT binary patch
            literal 12
            zcmZ?wbhEHbRA5kGn9cwq
            +notadiffline

            literal 0
            HcmV?d00001

            diff --git a/logo.png b/logo.png
            Binary files a/logo.png and b/logo.png differ
            """)
        let files = scan.patches.flatMap(\.files)
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.isBinary && $0.hunks.isEmpty })
        #expect(scan.patches.count == 1)
    }

    @Test func quiltIndexPatchWithTreePrefixAndTimestamps() {
        let scan = scanText(
            "Index: linux-2.6.9-rc4/mm/memory.c\n"
                + "===================================================================\n"
                + "--- linux-2.6.9-rc4.orig/mm/memory.c\t2004-10-14 12:22:14.000000000 -0700\n"
                + "+++ linux-2.6.9-rc4/mm/memory.c\t2004-10-14 12:22:14.000000000 -0700\n"
                + "@@ -1,2 +1,2 @@\n-a;\n+b;\n c;")
        let f = scan.patches[0].files[0]
        #expect(f.path == "mm/memory.c" && f.oldPath == "mm/memory.c")
        #expect(scan.roles[1] == .fileHeader(patch: 0, file: 0))
        #expect(f.hunks[0].complete && f.hunks[0].section == nil && f.hunks[0].function == nil)
    }

    @Test func patchScriptsPathsWithTildeSuffixAndSpacesForTab() {
        let scan = scanText(
            """
            diff -puN mm/Kconfig~generic-get_order mm/Kconfig
            --- threadalloc/mm/Kconfig~generic-get_order    2006-08-30 15:14:56.000000000 -0700
            +++ threadalloc-dave/mm/Kconfig 2006-08-30 15:15:00.000000000 -0700
            @@ -1,3 +1,4 @@
            +config ARCH_HAVE_GET_ORDER
            """)
        let f = scan.patches[0].files[0]
        #expect(f.path == "mm/Kconfig" && f.oldPath == "mm/Kconfig" && f.newPath == "mm/Kconfig")
        let h = f.hunks[0]
        #expect(!h.complete && h.addedCount == 1)
        #expect(h.repairs.contains { $0.code == "hunk-truncated" && $0.message.contains("3 old and 3 new") })
    }

    @Test func diffUrNAndOrigSuffix() {
        let scan = scanText(
            """
            diff -urN linux-2.6.11/mm/rmap.c linux-2.6.11-new/mm/rmap.c
            --- mm/rmap.c.orig\t2005-01-17 14:40:08.000000000 +0900
            +++ mm/rmap.c\t2005-01-21 12:34:06.000000000 +0900
            @@ -1 +1 @@
            -a
            +b
            """)
        let f = scan.patches[0].files[0]
        #expect(f.oldPath == "mm/rmap.c" && f.newPath == "mm/rmap.c")
        #expect(f.hunks[0].complete && f.hunks[0].oldLines == 1 && f.hunks[0].newLines == 1)
    }

    @Test func plusPlusPlusOnlyAndCommentBeforeFirstHunk() {
        let scan = scanText(
            """
            Directly call lruvec_del_folio(), and drop unused page interfaces.
            +++ b/mm/compaction.c
            @@ -1145,7 +1145,7 @@ isolate_migratepages_block(struct compact_control *cc, unsigned long low_pfn,
             \t\t\tlow_pfn += compound_nr(page) - 1;
            """)
        let f = scan.patches[0].files[0]
        #expect(f.path == "mm/compaction.c" && f.oldPath == nil)
        #expect(f.hunks[0].function == "isolate_migratepages_block")
        #expect(scan.roles[0] == .prose)

        let commented = scanText(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            §Why touch this file at all?
            §@@ -1 +1 @@
            -a;
            +b;
            """)
        #expect(commented.patches.count == 1)
        #expect(commented.roles[2] == .prose)
        #expect(commented.allHunks.count == 1 && commented.allHunks[0].complete)
    }

    @Test(arguments: [
        ("a/mm/memory.c", "mm/memory.c"), ("b/include/linux/mm.h", "include/linux/mm.h"),
        ("linux-2.6.11/mm/memory.c", "mm/memory.c"), ("linux-2.6.orig/fs/exec.c", "fs/exec.c"),
        ("mm/madvise.c~madv-pageout\t2020-03-23", "mm/madvise.c"), ("mm/memory.c.orig", "mm/memory.c"),
        ("Makefile", "Makefile"), ("a/Makefile", "Makefile"), ("mm/Kconfig", "mm/Kconfig"),
    ])
    func pathNormalisation(_ raw: String, _ expected: String) {
        #expect(DiffScanner.normalizedPath(raw) == expected)
    }

    @Test func devNullIsNil() {
        #expect(DiffScanner.normalizedPath("/dev/null") == nil)
    }
}
