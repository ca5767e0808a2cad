import Conversation
import Foundation
import Mail
import Model
import Testing

@Suite struct NotInModelTests {
    static let catalog: ModelCatalog = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? ModelCatalog.load(root: repo.appendingPathComponent("corpus/model"))) ?? ModelCatalog(bases: [])
    }()

    static func thread(_ mail: String) -> ThreadExtraction {
        ArchiveExtractor.extract(MailReader.read(bytes: Array(mail.utf8), name: "t.eml")).threads[0]
    }

    @Test func missingFileIsNotInModelAndTheRestApplies() throws {
        let t = Self.thread(
            """
            From: A <a@b.c>
            Subject: [PATCH] mm: two files
            Date: Tue, 11 Aug 2020 14:23:04 -0700

            ---
            diff --git a/mm/nonexistent.c b/mm/nonexistent.c
            --- a/mm/nonexistent.c
            +++ b/mm/nonexistent.c
            @@ -10,3 +10,3 @@ static int ghost(void)
             a
            -b
            +c
            diff --git a/mm/memory.c b/mm/memory.c
            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -2927,3 +2927,3 @@ static vm_fault_t do_wp_page(struct vm_fault *vmf)
             	if (PageAnon(vmf->page)) {
            -		int total_map_swapcount;
            +		int total_map_swapcount = 0;
             		if (PageKsm(vmf->page) && (PageSwapCache(vmf->page) ||

            """)
        let run = VersionApplier(catalog: Self.catalog, forcedBase: "mainline-2020-08-11").apply(t)
        let v = try #require(run.versions.first)
        #expect(v.hunks.map(\.result).first == "not-in-model")
        #expect(v.hunks.first?.error?.contains("ghost") == true)
        #expect(v.missingFunctions.contains("mm/nonexistent.c:ghost"))
        #expect(["exact", "offset", "whitespace"].contains(v.hunks.last?.result ?? ""))
        #expect(!run.allApplied)
    }

    @Test func hostilePathsAreRefused() throws {
        for path in ["../../etc/passwd", "/etc/passwd"] {
            let t = Self.thread(
                """
                From: A <a@b.c>
                Subject: [PATCH] evil

                --- a/\(path)
                +++ b/\(path)
                @@ -1,1 +1,1 @@
                -root
                +toor

                """)
            let run = VersionApplier(catalog: Self.catalog, forcedBase: "mainline-2020-08-11").apply(t)
            let h = try #require(run.versions.first?.hunks.first)
            #expect(h.result == "failed" || h.result == "not-in-model", "\(path): \(h.result)")
        }
    }
}
