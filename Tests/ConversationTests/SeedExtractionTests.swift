import Conversation
import Patches
import Testing

/// The facts issue 3 lists for each seed render in corpus/threads.
@Suite struct SeedExtractionTests {
    @Test func seed000TrialDoWpPage() throws {
        let t = try Fixtures.seed("000_d01b7560f6bfaef0.txt")
        #expect(t.patches.count == 1)
        let p = try #require(t.patches.first)
        #expect(p.subject == "[PATCH] Trial do_wp_page() simplification")
        #expect(p.author == "Linus Torvalds")
        #expect(p.date?.hasPrefix("2020-08-11") == true)
        #expect(p.version == 1)
        #expect(p.quoteLevel == 1)
        #expect(p.files.map(\.path) == ["mm/memory.c"])
        let h = try #require(p.files.first?.hunks.first)
        #expect(p.files[0].hunks.count == 1)
        #expect((h.oldStart, h.oldLines, h.newStart, h.newLines) == (2927, 50, 2927, 24))
        #expect(h.function == "do_wp_page")
        #expect(h.complete)
        #expect(h.addedCount == 16)
        #expect(h.removedCount == 42)
        #expect(p.versionFooter == "2.28.0.218.gc12ef3d349")

        let levels = t.messages[0].levels
        #expect(levels.first { $0.level == 1 }?.author == "Linus Torvalds")
        #expect(levels.first { $0.level == 1 }?.inferred == false)
        #expect(levels.first { $0.level == 2 }?.author == "Peter Xu")

        let jan = t.comments.filter { $0.author == "Jan Kara" && $0.anchor.isDiffLine }
        #expect(jan.count == 3)
        let expected: [(Anchor.Kind, String, String)] = [
            (.added, "if (page_mapcount(page) != 1 && page_count(page) != 1) {", "So this condition looks strange"),
            (.removed, "if (PageKsm(vmf->page)) {", "Also I know nothing about KSM"),
            (.removed, "if (reuse_swap_page(vmf->page, &total_map_swapcount)) {", "Also I'm not sure if dropping"),
        ]
        for (c, e) in zip(jan, expected) {
            #expect(c.anchor.kind == e.0)
            #expect(squeeze(c.anchor.text) == e.1)
            #expect(c.text.hasPrefix(e.2))
            #expect(c.patch == 0)
            #expect(c.file == "mm/memory.c")
            #expect(c.function == "do_wp_page")
            #expect(c.quoteLevel == 0)
        }
        // The sign-off in the middle of the hunk and the signature are nobody's comment.
        #expect(!t.comments.contains { $0.text.contains("Honza") || $0.text.contains("SUSE Labs") })
        #expect(jan.last.map { !$0.text.hasSuffix("Honza") } == true)
    }

    @Test func seed001FlexibleThpFragment() throws {
        let t = try Fixtures.seed("001_c631dee9447f85c9.txt")
        let levels = Dictionary(uniqueKeysWithValues: t.messages[0].levels.map { ($0.level, $0) })
        #expect(levels[1]?.author == "Yu Zhao")
        #expect(levels[1]?.inferred == false)
        #expect(levels[2]?.author == "Ryan Roberts")
        #expect(levels[2]?.inferred == false)
        for (level, who) in [(3, "Yu Zhao"), (4, "Ryan Roberts"), (5, "Yu Zhao"), (6, "Ryan Roberts")] {
            #expect(levels[level]?.author == who, "level \(level)")
            #expect(levels[level]?.inferred == true, "level \(level)")
        }
        #expect(t.patches.count == 1)
        let p = try #require(t.patches.first)
        #expect(p.isFragment)
        #expect(p.quoteLevel == 6)
        #expect(p.author == "Ryan Roberts")
        #expect(p.version == 3)
        #expect(p.part == 3)
        #expect(p.total == 4)
        let lines = p.files.flatMap { $0.hunks.flatMap(\.lines) }
        #expect(
            lines.contains {
                $0.kind == .added
                    && squeeze($0.text) == "static int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)"
            })
        #expect(
            lines.contains {
                $0.kind == .added
                    && squeeze($0.text)
                        == "static inline int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)"
            })
        #expect(!lines.contains { $0.text.contains("Hugh Dickins") || $0.text.contains("Andrew Morton") })
        #expect(p.files.first?.path == "mm/memory.c")
        #expect(p.files.first?.pathInferred == true)

        let bug = try #require(
            t.comments.first { $0.text.hasPrefix("It would be a bug if this happens. So probably -EINVAL?") })
        #expect(bug.author == "Yu Zhao")
        #expect(bug.quoteLevel == 5)
        #expect(bug.anchor.kind == .added)
        #expect(squeeze(bug.anchor.text) == "return -EAGAIN;")
        #expect(bug.function == "alloc_anon_folio")
        let inline = try #require(t.comments.first { $0.text.hasPrefix("Drop \"inline\"") })
        #expect(inline.author == "Yu Zhao")
        #expect(
            squeeze(inline.anchor.text)
                == "static inline int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)")

        // The patch author's answers at level 4 are comments on the prose they answer.
        let answer = try #require(t.comments.first { $0.text.hasPrefix("Not sure what you mean?") })
        #expect(answer.author == "Ryan Roberts")
        #expect(answer.quoteLevel == 4)
        #expect(answer.anchor.kind == .prose)
        #expect(answer.discussion?.kind == .added)

        for start in ["Actually I was wrong about this part.", "Yes, -EAGAIN is suitable."] {
            let c = try #require(t.comments.first { $0.text.hasPrefix(start) })
            #expect(c.quoteLevel == 0)
            #expect(c.anchor.kind == .prose)
            #expect(c.anchor.quoteLevel == 1)
            #expect(c.text == start)
        }
    }

    @Test func seed002BatchCopyPtes() throws {
        let t = try Fixtures.seed("002_ae5048c6cf5fd9f4.txt")
        let real = t.patches.filter { !$0.isFragment }
        #expect(real.count == 1)
        let fragment = try #require(t.patches.first { $0.isFragment })
        #expect(fragment.files.first?.path == nil)
        let p = try #require(real.first)
        #expect(p.subject == "[PATCH v3 01/15] mm: Batch-copy PTE ranges during fork()")
        #expect(p.author == "Ryan Roberts")
        #expect((p.version, p.part, p.total) == (3, 1, 15))
        #expect(p.files.map(\.path) == ["mm/memory.c"])
        let hunks = p.files[0].hunks
        #expect(hunks.count == 5)
        #expect(hunks.allSatisfy { $0.complete })
        #expect((hunks[0].oldStart, hunks[0].oldLines, hunks[0].newStart, hunks[0].newLines) == (924, 68, 924, 162))
        #expect((hunks[0].addedCount, hunks[0].removedCount, hunks[0].contextCount) == (134, 40, 28))
        #expect(hunks[0].function == "copy_present_page")
        #expect(hunks.dropFirst().allSatisfy { $0.function == "copy_pte_range" })

        let better = try #require(t.comments.first { $0.text.hasPrefix("Much better, thanks") })
        #expect(better.author == "Alistair Popple")
        #expect(better.anchor.kind == .added)
        #expect(squeeze(better.anchor.text).contains("folio_pfn(folio_next(folio)) - page_to_pfn(page));"))
        #expect(better.function == "folio_nr_pages_cont_mapped")
        let rb = try #require(t.comments.first { $0.trailers.contains { $0.key == "Reviewed-by" } })
        #expect(rb.author == "Alistair Popple")
        #expect(t.patches[rb.patch ?? -1].index == p.index)
        #expect(p.replyTrailers.contains { $0.key == "Reviewed-by" && $0.value.hasPrefix("Alistair Popple") })
    }

    @Test func seed003CowDetectionRfc() throws {
        let t = try Fixtures.seed("003_de7a456962fba1d1.txt")
        #expect(t.patches.count == 1)
        let p = try #require(t.patches.first)
        #expect(p.author == "IWAMOTO Toshihiro")
        #expect(p.isRFC)
        #expect(p.files.map(\.path) == ["mm/memory.c", "mm/rmap.c", "mm/swapfile.c"])
        #expect(p.files[0].hunks.map(\.function) == ["do_swap_page", "do_swap_page"])
        #expect(p.files[1].hunks.map(\.function) == ["try_to_unmap_one"])
        #expect(p.files[2].hunks.map(\.function) == ["exclusive_swap_page", "can_share_swap_page"])
        #expect(p.files.allSatisfy { $0.hunks.allSatisfy { $0.complete } })

        let hugh = t.comments.filter { $0.author == "Hugh Dickins" }
        let onDiff = hugh.filter { $0.anchor.isDiffLine }
        #expect(onDiff.map(\.file) == ["mm/rmap.c", "mm/swapfile.c", "mm/swapfile.c"])
        #expect(onDiff.map(\.function) == ["try_to_unmap_one", "exclusive_swap_page", "can_share_swap_page"])
        // Replies to the RFC's prose stay comments on that prose.
        let odd = try #require(hugh.first { $0.text.hasPrefix("Yes, that is odd code.") })
        #expect(odd.anchor.kind == .prose)
        #expect(odd.anchor.quoteLevel == 1)
        #expect(!t.comments.contains { $0.text.contains("unsubscribe") || $0.text.hasSuffix("Hugh") })
        // Bullet lines of the RFC prose are not diff lines.
        #expect(!p.files.flatMap { $0.hunks.flatMap(\.lines) }.contains { $0.text.contains("The page gets unmapped") })
    }

    @Test func seed004CowFault() throws {
        let t = try Fixtures.seed("004_cb09e22d1a946026.txt")
        #expect(t.patches.count == 1)
        let p = try #require(t.patches.first)
        #expect(p.subject == "[PATCH v7 02/22] Allow page fault handlers to perform the COW")
        #expect((p.version, p.part, p.total) == (7, 2, 22))
        #expect(p.author == "Matthew Wilcox")
        #expect(p.files.map(\.path) == ["include/linux/mm.h", "mm/memory.c"])
        #expect(p.files.map { $0.hunks.count } == [2, 8])
        #expect(p.insertions == 35)
        #expect(p.deletions == 12)
        #expect(p.diffstat?.insertions == 35)
        #expect(p.diffstat?.deletions == 12)
        let jan = t.comments.filter { $0.author == "Jan Kara" }
        #expect(jan.count == 1)
        #expect(jan.first?.anchor.kind == .commitMessage)
        #expect(jan.first?.patch == 0)
        #expect(jan.first?.text.hasPrefix("Eww, leaking of locking details") == true)
    }

    @Test func corpusFolderGivesFiveThreads() throws {
        let result = try ArchiveExtractor.extract(path: Fixtures.repoRoot.appendingPathComponent("corpus/threads").path)
        #expect(result.threads.count == 5)
    }
}
