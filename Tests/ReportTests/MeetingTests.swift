import Report
import Testing

/// Where reviewers and checker meet on the seeds, and what counts as a finding.
@Suite struct MeetingTests {
    static let seed000 = "000_d01b7560f6bfaef0"

    func finding(_ v: ReportVersion, _ invariant: String) throws -> ReportFinding {
        try #require(v.findings.first { $0.kind == "patched" && $0.invariant == invariant && $0.verdict == "violated" })
    }

    @Test func seed000UseAfterUnpinIsCheckerOnly() throws {
        let v = try #require(ReportFixtures.seed(Self.seed000).versions.first)
        let unpin = try finding(v, "ref.use-after-unpin")
        let m = try #require(v.meetings.first { $0.finding == unpin.id })
        #expect(m.kind == "checker-only")
        #expect(m.comments.isEmpty)
        let at = try #require(unpin.at)
        #expect(v.files[at.file].hunks[at.hunk].lines[at.line].text.contains("unlock_page(page);"))
        #expect(v.files[at.file].hunks[at.hunk].lines[at.line].comments.isEmpty)
    }

    /// Jan Kara's three inline comments each meet a finding: the `&&` condition on its line, KSM
    /// and reuse_swap_page() through the removed lines the findings follow from.
    @Test func seed000JanKaraAgreesWithTheChecker() throws {
        let v = try #require(ReportFixtures.seed(Self.seed000).versions.first)
        func agree(_ invariant: String) throws -> Meeting {
            let f = try finding(v, invariant)
            return try #require(v.meetings.first { $0.finding == f.id && $0.kind == "agree" })
        }
        let byIndex = Dictionary(uniqueKeysWithValues: v.comments.map { ($0.index, $0) })
        let cond = try agree("cond.redundant")
        #expect(cond.comments.compactMap { byIndex[$0]?.text }.contains { $0.contains("condition looks strange") })
        let ksm = try agree("ksm.no-inplace-reuse")
        #expect(ksm.comments.compactMap { byIndex[$0]?.text }.contains { $0.contains("KSM") })
        let cow = try agree("cow.reuse-exclusive")
        #expect(cow.comments.compactMap { byIndex[$0]?.text }.contains { $0.contains("reuse_swap_page()") })
        for m in [cond, ksm, cow] { #expect(m.comments.allSatisfy { byIndex[$0]?.author == "Jan Kara" }) }
        #expect(v.verdict.status == "violations")
    }

    /// Comments sit under the lines they answer: each line's comment indices name comments
    /// placed there, and each placed comment is listed by its line.
    @Test(arguments: ReportFixtures.seeds)
    func commentsAndFindingsSitOnTheirLines(_ seed: String) throws {
        for v in ReportFixtures.seed(seed).versions {
            for c in v.comments where c.placement == "line" {
                let a = try #require(c.at)
                #expect(v.files[a.file].hunks[a.hunk].lines[a.line].comments.contains(c.index))
            }
            for f in v.findings {
                if let a = f.at {
                    let line = v.files[a.file].hunks[a.hunk].lines[a.line]
                    #expect(line.findings.contains(f.id))
                    // A patched finding sits on a line of the patched file, a base finding on the base.
                    if f.kind == "patched" { #expect(line.patchedLine == (f.patchLine?.fileLine ?? f.line)) }
                    if f.kind == "base" { #expect(line.baseLine == (f.patchLine?.fileLine ?? f.line)) }
                }
                for r in f.followsFrom { #expect(v.files[r.file].hunks[r.hunk].lines[r.line].kind == "removed") }
            }
            for (i, f) in v.findings.enumerated() { #expect(f.id == i) }
        }
    }

    /// Only a patched version's violations and failed hunks count; the base's are context.
    @Test func findingsCountLikeALinter() {
        let r0 = ReportFixtures.seed(Self.seed000)
        #expect(r0.hasFindings)
        #expect(r0.summary.violatedByInvariant["ref.use-after-unpin"] == 1)
        #expect(r0.summary.meetings["checker-only"] == 1)
        #expect(r0.summary.meetings["agree"] == 3)
        // Seed 000's base has a violation too, and it is not counted.
        #expect(r0.versions[0].findings.contains { $0.kind == "base" && $0.verdict == "violated" })
        #expect(r0.summary.violatedByInvariant.values.reduce(0, +) == r0.versions[0].verdict.violated)
        let r1 = ReportFixtures.seed("001_c631dee9447f85c9")
        #expect(!r1.hasFindings)
        #expect(r1.summary.failedHunks == 0)
    }

    /// A finding found alike in several configurations is one finding naming them all.
    @Test func configurationsMerge() throws {
        let v = try #require(ReportFixtures.seed("001_c631dee9447f85c9").versions.first { !$0.functions.isEmpty })
        let fn = try #require(v.functions.first { !$0.analysis.isEmpty })
        let configurations = fn.analysis.filter { $0.kind == "patched" }.map(\.configuration)
        #expect(Set(configurations) == [[], ["CONFIG_FLEXIBLE_THP"]])
        #expect(v.findings.contains { $0.configurations.count == 2 })
        let keys = v.findings.map { "\($0.kind)|\($0.invariant)|\($0.verdict)|\($0.message)|\($0.line ?? -1)" }
        #expect(Set(keys).count == keys.count)
    }
}
