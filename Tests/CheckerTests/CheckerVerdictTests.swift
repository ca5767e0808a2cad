import Checker
import Conversation
import Foundation
import Model
import Testing

/// Issue 5's verdicts on the seeds, the v5.9 fixture (no false alarm) and seeded bugs.
@Suite struct CheckerVerdictTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let catalog = try! ModelCatalog.load(root: repo.appendingPathComponent("corpus/model"))

    static func check(_ path: String, base: String? = nil) throws -> CheckReport {
        let t = try ArchiveExtractor.extract(path: repo.appendingPathComponent(path).path).threads[0]
        let run = VersionApplier(catalog: catalog, forcedBase: base).apply(t)
        return CheckRunner.check(run, extraction: t, catalog: catalog)
    }

    static func verdict(_ r: CheckReport, kind: String, function: String, _ invariant: String) -> [Finding] {
        r.versions.filter { $0.kind == kind }.flatMap(\.findings).filter {
            $0.function == function && $0.invariant == invariant
        }
    }

    static func violated(_ fs: [Finding]) -> Finding? { fs.first { $0.verdict == .violated } }

    @Test func seed000TrialPatch() throws {
        let r = try Self.check("corpus/threads/000_d01b7560f6bfaef0.txt")
        let cow = try #require(
            Self.violated(Self.verdict(r, kind: "patched", function: "do_wp_page", "cow.reuse-exclusive")))
        #expect(cow.counterexample?.choices.contains { $0.contains("GUP-fast") } == true)
        #expect(cow.message.contains("refcount 2"))
        #expect(cow.patchLine?.kind == "added")
        #expect(cow.removedLines.contains { $0.text.contains("reuse_swap_page(vmf->page, &total_map_swapcount)") })
        let ksm = try #require(
            Self.violated(Self.verdict(r, kind: "patched", function: "do_wp_page", "ksm.no-inplace-reuse")))
        #expect(ksm.removedLines.contains { $0.text.contains("if (PageKsm(vmf->page)) {") })
        let unpin = try #require(
            Self.violated(Self.verdict(r, kind: "patched", function: "do_wp_page", "ref.use-after-unpin")))
        #expect(unpin.patchLine?.text.contains("unlock_page(page);") == true)
        let cond = try #require(
            Self.violated(Self.verdict(r, kind: "patched", function: "do_wp_page", "cond.redundant")))
        #expect(cond.patchLine?.text.contains("page_mapcount(page) != 1 && page_count(page) != 1") == true)
        #expect(cond.message.contains("`page_count(page) != 1`") && cond.message.contains("||"))
        #expect(r.hasViolations)

        // The base: cow.reuse-exclusive violated (reuse_swap_page never reads the refcount); the
        // other three hold.
        #expect(Self.violated(Self.verdict(r, kind: "base", function: "do_wp_page", "cow.reuse-exclusive")) != nil)
        for inv in ["ksm.no-inplace-reuse", "ref.use-after-unpin", "cond.redundant"] {
            #expect(Self.violated(Self.verdict(r, kind: "base", function: "do_wp_page", inv)) == nil, "base \(inv)")
        }
    }

    @Test func v59HasNoFalseAlarm() throws {
        let r = try Self.check("corpus/model/fixtures/v5.9-do_wp_page.patch", base: "mainline-2020-08-11")
        for inv in [
            "cow.reuse-exclusive", "ksm.no-inplace-reuse", "ref.use-after-unpin", "cond.redundant", "lock.page-balance",
            "lock.ptl-balance",
        ] {
            let fs = Self.verdict(r, kind: "patched", function: "do_wp_page", inv)
            #expect(!fs.isEmpty, "\(inv)")
            #expect(Self.violated(fs) == nil, "v5.9 \(inv): \(Self.violated(fs)?.message ?? "")")
        }
        #expect(
            Self.verdict(r, kind: "patched", function: "do_wp_page", "cond.redundant").contains { $0.verdict == .info })
        #expect(!r.hasViolations)
    }

    @Test func seed003CanShareSwapPage() throws {
        let r = try Self.check("corpus/threads/003_de7a456962fba1d1.txt")
        let cow = try #require(
            Self.violated(Self.verdict(r, kind: "patched", function: "can_share_swap_page", "cow.reuse-exclusive")))
        #expect(cow.message.contains("refcount 2"))
        #expect(
            Self.violated(Self.verdict(r, kind: "base", function: "can_share_swap_page", "cow.reuse-exclusive")) == nil)
        let cond = Self.verdict(r, kind: "patched", function: "can_share_swap_page", "cond.redundant")
        #expect(Self.violated(cond) == nil)
        #expect(cond.contains { $0.verdict == .info && $0.message.contains("page_mapcount(page) <= 1") })
        for inv in ["lock.page-balance", "lock.ptl-balance"] {
            #expect(Self.violated(Self.verdict(r, kind: "patched", function: "can_share_swap_page", inv)) == nil)
        }
    }

    @Test(arguments: [
        ("flip-or-to-and", "cow.reuse-exclusive"),
        ("flip-or-to-and", "cond.redundant"),
        ("drop-unlock", "lock.page-balance"),
        ("unlock-after-reuse", "ref.use-after-unpin"),
        ("drop-count-recheck", "cow.reuse-exclusive"),
        ("blocking-lock-under-ptl", "lock.order"),
        ("blocking-lock-under-ptl", "lock.sleep-in-atomic"),
    ])
    func seededBugIsCaught(_ variant: String, _ invariant: String) throws {
        let r = try Self.check("Tests/CheckerTests/Fixtures/seeded/\(variant).patch", base: "mainline-2020-08-11")
        let f = Self.violated(Self.verdict(r, kind: "patched", function: "do_wp_page", invariant))
        #expect(f != nil, "\(variant): \(invariant) not violated")
        #expect(f?.counterexample?.path.isEmpty == false)
    }
}

@Suite struct CheckerHandlerContractTests {
    @Test func seed004MutexBalanceUnderTheHandlerContract() throws {
        let r = try CheckerVerdictTests.check("corpus/threads/004_cb09e22d1a946026.txt")
        let mutex = CheckerVerdictTests.verdict(r, kind: "patched", function: "do_cow_fault", "lock.mutex-balance")
        #expect(mutex.contains { $0.verdict == .holds })
        #expect(CheckerVerdictTests.violated(mutex) == nil)
        #expect(
            mutex.contains {
                $0.verdict == .info && $0.message.contains("i_mmap_mutex") && $0.message.contains("handed on")
            })
        let fc = r.versions.filter { $0.kind == "patched" }.flatMap(\.functions).first { $0.name == "do_cow_fault" }
        #expect((fc?.paths ?? 0) > 8)
    }
}

@Suite struct CheckerForkTests {
    /// Seed 002's patched mm/memory.c, as `apply` writes it.
    static func patchedMemory() throws -> String {
        let t = try ArchiveExtractor.extract(
            path: CheckerVerdictTests.repo.appendingPathComponent("corpus/threads/002_ae5048c6cf5fd9f4.txt").path
        ).threads[0]
        let run = VersionApplier(catalog: CheckerVerdictTests.catalog).apply(t)
        return try #require(run.versions.compactMap { $0.patchedFiles["mm/memory.c"] }.first)
    }

    @Test func refBalanceHoldsAndTheFixUpIsWhatMakesIt() throws {
        let text = try Self.patchedMemory()
        let fixUp = "\t\tif (i < nr) {\n\t\t\tfolio_ref_sub(folio, nr - i);\n\t\t\tnr = i;\n\t\t}\n"
        #expect(text.contains(fixUp))
        let (fc, good) = try #require(
            SourceCheck.check(
                source: text, file: "mm/memory.c", function: "copy_present_ptes", kernelDate: "2023-12-04"))
        #expect(fc.scenarios >= 10)
        #expect(good.contains { $0.invariant == "ref.balance" && $0.verdict == .holds })
        #expect(!good.contains { $0.verdict == .violated })

        // Seeded bug: without the fix-up, a batch cut short by a pinned subpage leaks references.
        let (_, bad) = try #require(
            SourceCheck.check(
                source: text.replacingOccurrences(of: fixUp, with: ""), file: "mm/memory.c",
                function: "copy_present_ptes", kernelDate: "2023-12-04"))
        let leak = try #require(bad.first { $0.invariant == "ref.balance" && $0.verdict == .violated })
        #expect(leak.message.contains("leaks"))
        #expect(leak.counterexample?.initialState.contains("order=2") == true)
    }
}

@Suite struct CheckerBatchBoundTests {
    @Test func forkInvariantsHoldAndAWidenedBatchIsCaught() throws {
        let text = try CheckerForkTests.patchedMemory()
        let (_, good) = try #require(
            SourceCheck.check(
                source: text, file: "mm/memory.c", function: "copy_present_ptes", kernelDate: "2023-12-04"))
        for inv in ["ref.balance", "rss.accounting", "folio.range"] {
            #expect(good.contains { $0.invariant == inv && $0.verdict == .holds }, "\(inv)")
        }
        // Seeded bug: the batch no longer stops at `end`.
        let bound = "floops = (end - addr) >> PAGE_SHIFT;"
        #expect(text.contains(bound))
        let (_, bad) = try #require(
            SourceCheck.check(
                source: text.replacingOccurrences(of: bound, with: "floops = folio_nr_pages(folio);"),
                file: "mm/memory.c",
                function: "copy_present_ptes", kernelDate: "2023-12-04"))
        let f = try #require(bad.first { $0.invariant == "folio.range" && $0.verdict == .violated })
        #expect(f.message.contains("before `end`"))
    }
}

@Suite struct CheckerAnonFolioTests {
    @Test func seed001EveryInvariantHoldsInBothConfigurations() throws {
        let r = try CheckerVerdictTests.check("corpus/threads/001_c631dee9447f85c9.txt")
        let patched = r.versions.filter { $0.kind == "patched" }
        #expect(Set(patched.map(\.configuration)) == [[], ["CONFIG_FLEXIBLE_THP"]])
        for v in patched {
            let fs = v.findings.filter { $0.function == "alloc_anon_folio" }
            #expect(fs.count >= 14)
            #expect(
                fs.allSatisfy { $0.verdict == .holds },
                "\(v.configuration): \(fs.filter { $0.verdict != .holds }.map(\.message))")
        }
    }
}

/// Seeded-bug variants of seeds 001-004 (Tests/CheckerTests/Fixtures/seeded/00N-*.patch): each
/// names the invariant it breaks on its first line and the model base in its header.
@Suite struct SeededVariantTests {
    static let dir = CheckerVerdictTests.repo.appendingPathComponent("Tests/CheckerTests/Fixtures/seeded")
    static let variants: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".patch") && $0.first?.isNumber == true }.sorted()
    }()

    @Test func everySeedHasVariants() {
        for seed in ["001", "002", "003", "004"] {
            #expect(Self.variants.filter { $0.hasPrefix(seed) }.count >= 2, "\(seed)")
        }
    }

    @Test(arguments: variants)
    func variantIsCaught(_ name: String) throws {
        let text = try String(contentsOf: Self.dir.appendingPathComponent(name), encoding: .utf8)
        let first = try #require(text.split(separator: "\n").first)
        let invariant = try #require(first.split(separator: "(").dropFirst().first?.split(separator: ")").first)
        let base = try #require(
            text.components(separatedBy: "corpus/model/").dropFirst().first?.split(whereSeparator: {
                " ,\n".contains($0)
            })
            .first)
        let r = try CheckerVerdictTests.check("Tests/CheckerTests/Fixtures/seeded/\(name)", base: String(base))
        let f = r.versions.filter { $0.kind == "patched" }.flatMap(\.findings).first {
            $0.invariant == String(invariant) && $0.verdict == .violated
        }
        #expect(f != nil, "\(name): \(invariant) not violated")
        #expect(f?.counterexample?.path.isEmpty == false)
        // The bug is the variant's, not the base's.
        #expect(r.hasViolations)
    }
}

@Suite struct Seed003FourFunctionTests {
    @Test func lockBalanceHoldsInAllFourFunctionsAndOnlyThePatchBreaksCOW() throws {
        let r = try CheckerVerdictTests.check("corpus/threads/003_de7a456962fba1d1.txt")
        let functions = ["do_swap_page", "try_to_unmap_one", "can_share_swap_page", "exclusive_swap_page"]
        for kind in ["patched", "base"] {
            let checked = Set(r.versions.filter { $0.kind == kind }.flatMap(\.functions).map(\.name))
            #expect(Set(functions).isSubset(of: checked), "\(kind): \(checked)")
            for fn in functions {
                for inv in ["lock.page-balance", "lock.ptl-balance", "lock.mutex-balance"] {
                    let fs = CheckerVerdictTests.verdict(r, kind: kind, function: fn, inv)
                    #expect(fs.contains { $0.verdict == .holds }, "\(kind) \(fn) \(inv): \(fs.map(\.message))")
                    #expect(!fs.contains { $0.verdict == .violated || $0.verdict == .unknown }, "\(kind) \(fn) \(inv)")
                }
            }
            // 2.6.11's mm->rss moves with the mappings made and removed.
            for fn in ["do_swap_page", "try_to_unmap_one"] {
                let rss = CheckerVerdictTests.verdict(r, kind: kind, function: fn, "rss.accounting")
                #expect(rss.contains { $0.verdict == .holds }, "\(kind) \(fn): \(rss.map(\.message))")
            }
        }
        // The swap-in fault reuses a page another reference still holds only in the patched version.
        #expect(
            CheckerVerdictTests.violated(
                CheckerVerdictTests.verdict(r, kind: "patched", function: "do_swap_page", "cow.reuse-exclusive")) != nil
        )
        #expect(
            CheckerVerdictTests.violated(
                CheckerVerdictTests.verdict(r, kind: "base", function: "do_swap_page", "cow.reuse-exclusive")) == nil)
    }
}

@Suite struct Seed002CopyPteRangeTests {
    @Test func copyPteRangeHoldsUnderTheForkContract() throws {
        let r = try CheckerVerdictTests.check("corpus/threads/002_ae5048c6cf5fd9f4.txt")
        for inv in ["ref.balance", "rss.accounting", "folio.range", "lock.ptl-balance", "lock.pte-map-balance"] {
            let fs = CheckerVerdictTests.verdict(r, kind: "patched", function: "copy_pte_range", inv)
            #expect(fs.contains { $0.verdict == .holds }, "\(inv): \(fs.map(\.message))")
            #expect(!fs.contains { $0.verdict == .violated || $0.verdict == .unknown }, "\(inv)")
        }
        let fc = try #require(
            r.versions.filter { $0.kind == "patched" }.flatMap(\.functions).first { $0.name == "copy_pte_range" })
        #expect(fc.boundsHit.isEmpty, "\(fc.boundsHit)")
        #expect(fc.unknownCalls.isEmpty, "\(fc.unknownCalls)")
    }
}
