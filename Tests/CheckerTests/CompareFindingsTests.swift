import Checker
import Conversation
import Foundation
import Model
import Testing

/// `compare` on a two-version series (corpus/series/do_wp_page-v1-v2.mbox: Linus's trial patch as
/// v1 with a review, upstream v5.9 as v2): what the checker says v2 fixed, and the comments.
@Suite struct CompareFindingsTests {
    @Test func v2FixesWhatTheReviewAndTheCheckerFound() throws {
        let path = CheckerVerdictTests.repo.appendingPathComponent("corpus/series/do_wp_page-v1-v2.mbox").path
        let threads = try ArchiveExtractor.extract(path: path).threads
        #expect(threads.count == 1)
        let all = RevisionComparer.candidates([threads])
        let old = all.filter { $0.patch.version == 1 }
        let new = all.filter { $0.patch.version == 2 }
        #expect(old.count == 1 && new.count == 1)
        let cmp = RevisionComparer.compare(old: old, new: new, from: "v1", to: "v2")
        #expect(cmp.comments.count == 2)
        #expect(cmp.comments.allSatisfy { $0.addressed }, "\(cmp.comments.map(\.reason))")

        let catalog = CheckerVerdictTests.catalog
        let report = CheckRunner.check(
            VersionApplier(catalog: catalog).apply(threads[0]), extraction: threads[0], catalog: catalog)
        func findings(_ c: [RevisionComparer.Candidate]) -> [Finding] {
            c.flatMap { report.patchedFindings(patch: $0.patchIndex) }
        }
        let f = FindingComparison(from: "v1", to: "v2", old: findings(old), new: findings(new))
        let fixed = Set(f.fixed.filter { $0.verdict == .violated }.map(\.invariant))
        #expect(
            fixed.isSuperset(of: [
                "cow.reuse-exclusive", "ksm.no-inplace-reuse", "ref.use-after-unpin", "cond.redundant",
            ]),
            "\(fixed)")
        #expect(!f.introduced.contains { $0.verdict == .violated })
        #expect(!f.newHasViolations)
        // Comparing the other way round, every fixed violation is an introduced one.
        let back = FindingComparison(from: "v2", to: "v1", old: findings(new), new: findings(old))
        #expect(Set(back.introduced.filter { $0.verdict == .violated }.map(\.invariant)) == fixed)
        #expect(back.newHasViolations)
    }
}
