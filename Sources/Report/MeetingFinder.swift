/// Where reviewers and checker meet. Only a patched version's claims count: a violation or an
/// info the checker found on a diff line. `unknown` verdicts claim nothing, and the base's
/// findings are context. A comment meets a finding when it answers the line the finding lands
/// on, or a removed line the finding follows from.
enum MeetingFinder {
    static func meetings(findings: [ReportFinding], comments: [ReportComment]) -> [Meeting] {
        var byLine: [LineAddress: [Int]] = [:]
        for c in comments where c.placement == "line" {
            if let a = c.at { byLine[a, default: []].append(c.index) }
        }
        var out: [Meeting] = []
        for f in findings where f.isClaim {
            let lines = (f.at.map { [$0] } ?? []) + f.followsFrom.filter { $0 != f.at }
            guard !lines.isEmpty else { continue }
            var met: [Int] = []
            var metOn: [LineAddress] = []
            for l in lines {
                guard let cs = byLine[l] else { continue }
                metOn.append(l)
                for c in cs where !met.contains(c) { met.append(c) }
            }
            if met.isEmpty {
                out.append(
                    Meeting(
                        kind: "checker-only", finding: f.id, invariant: f.invariant, verdict: f.verdict,
                        comments: [], lines: f.at.map { [$0] } ?? lines))
            } else {
                out.append(
                    Meeting(
                        kind: "agree", finding: f.id, invariant: f.invariant, verdict: f.verdict,
                        comments: met.sorted(), lines: metOn))
            }
        }
        return out
    }
}
