import Conversation
import Foundation
import Model
import Testing

/// Issue 4's facts for the seeds: every hunk applies to the bundled model with its method, the
/// patched functions are whole, and the reverse patch gives the base back byte for byte.
@Suite struct SeedApplyTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ seed: String) throws -> ApplyRun {
        let catalog = try ModelCatalog.load(root: repo.appendingPathComponent("corpus/model"))
        let t = try ArchiveExtractor.extract(path: repo.appendingPathComponent("corpus/threads/\(seed)").path)
        #expect(t.threads.count == 1)
        return VersionApplier(catalog: catalog).apply(t.threads[0])
    }

    static let applied: Set<String> = ["exact", "offset", "whitespace", "fuzz", "inserted"]

    @Test(arguments: [
        ("000_d01b7560f6bfaef0.txt", "mainline-2020-08-11", ["do_wp_page"]),
        ("001_c631dee9447f85c9.txt", "mm-unstable-2023-07", ["alloc_anon_folio", "do_anonymous_page"]),
        ("002_ae5048c6cf5fd9f4.txt", "v6.7-rc", ["folio_nr_pages_cont_mapped", "copy_present_ptes", "copy_pte_range"]),
        (
            "003_de7a456962fba1d1.txt", "2.6.11-rc1-mm1",
            ["do_swap_page", "try_to_unmap_one", "exclusive_swap_page", "can_share_swap_page"]
        ),
        (
            "004_cb09e22d1a946026.txt", "mm-2014-03",
            ["__do_fault", "do_cow_fault", "do_read_fault", "do_shared_fault", "do_page_mkwrite", "vm_fault"]
        ),
    ])
    func seedApplies(_ seed: String, _ base: String, _ functions: [String]) throws {
        let run = try Self.run(seed)
        let whole = run.versions.filter { v in v.hunks.contains { $0.file != nil } }
        #expect(whole.count == 1)
        let v = try #require(whole.first)
        #expect(v.base.name == base)
        for h in v.hunks {
            #expect(
                Self.applied.contains(h.result),
                "\(h.file ?? "?") \(h.header ?? "fragment"): \(h.result) \(h.error ?? "")")
        }
        #expect(v.reverseRoundTrip)
        for f in functions {
            let found = v.functions.first { $0.name == f }
            #expect(found != nil, "\(f) is not among the patched functions")
            guard let found else { continue }
            // Whole: from its first line to its closing brace.
            #expect(found.source.hasSuffix("}") || found.source.hasSuffix("};"))
        }
        // Fragments whose file cannot be known are skipped, never failed.
        for other in run.versions where !whole.contains(where: { $0.patchIndex == other.patchIndex }) {
            #expect(other.hunks.allSatisfy { $0.result == "skipped" })
        }
    }

    @Test func renderHunksApplyWhitespaceInsensitivelyAtAnOffset() throws {
        let v = try #require(try Self.run("000_d01b7560f6bfaef0.txt").versions.first)
        let h = try #require(v.hunks.first)
        #expect(h.result == "whitespace")
        #expect(h.offset != nil && h.offset != 0)
        // The patched function reads like kernel code: tabs, the new condition in place.
        let f = try #require(v.functions.first { $0.name == "do_wp_page" })
        #expect(f.source.contains("\t\tif (page_mapcount(page) != 1 && page_count(page) != 1) {"))
        #expect(!f.source.contains("reuse_swap_page(vmf->page"))
    }

    @Test func fragmentIsInsertedWithItsArchiveCompletion() throws {
        let v = try #require(try Self.run("001_c631dee9447f85c9.txt").versions.first)
        #expect(v.hunks.map(\.result) == ["inserted"])
        let stub = try #require(v.functions.last { $0.name == "alloc_anon_folio" })
        #expect(stub.source.contains("vma_alloc_zeroed_movable_folio"))
        #expect(v.notes.contains { $0.contains("never quoted") })
    }
}
