import Checker

/// The checker's findings on one version as the report shows them: one finding for what several
/// configurations found alike, its counterexample cut to a readable length, and placed on the
/// diff line it lands on and the removed lines it follows from.
enum FindingCollector {
    /// Longest counterexample path kept whole; longer ones keep their start and end halves.
    static let maxTraceSteps = 400

    static func collect(_ checks: [VersionCheck], layout: DiffLayout) -> [ReportFinding] {
        var out: [ReportFinding] = []
        var seen: [String: Int] = [:]
        // Patched before base, as the checker ordered them within each.
        for kind in ["patched", "base"] {
            for vc in checks where vc.kind == kind {
                for f in vc.findings {
                    // The same verdict, message and place in another configuration is one finding.
                    let key = [
                        kind, f.invariant, f.verdict.rawValue, f.function, f.file, f.line.map(String.init) ?? "-",
                        f.message, f.reason ?? "-",
                    ].joined(separator: "\u{1}")
                    if let i = seen[key] {
                        if !out[i].configurations.contains(vc.configuration) {
                            out[i].configurations.append(vc.configuration)
                        }
                        continue
                    }
                    seen[key] = out.count
                    out.append(finding(f, id: out.count, kind: kind, configuration: vc.configuration, layout: layout))
                }
            }
        }
        return out
    }

    static func finding(
        _ f: Finding, id: Int, kind: String, configuration: [String], layout: DiffLayout
    ) -> ReportFinding {
        let isBase = kind == "base"
        var at: LineAddress?
        if let line = f.patchLine?.fileLine ?? f.line {
            at = isBase ? layout.base(f.file, line) : layout.patched(f.file, line)
        }
        var follows: [LineAddress] = []
        for r in f.removedLines {
            guard let line = r.fileLine, let a = layout.base(f.file, line), layout.line(a).kind == "removed"
            else { continue }
            if !follows.contains(a) { follows.append(a) }
        }
        return ReportFinding(
            id: id, kind: kind, configurations: [configuration], invariant: f.invariant,
            verdict: f.verdict.rawValue, function: f.function, file: f.file, line: f.line, patchLine: f.patchLine,
            removedLines: f.removedLines, message: f.message, reason: f.reason,
            counterexample: f.counterexample.map(trimmed), at: at, followsFrom: follows.sorted())
    }

    static func trimmed(_ c: Counterexample) -> ReportCounterexample {
        var path = c.path
        var omitted = 0
        if path.count > maxTraceSteps {
            let half = maxTraceSteps / 2
            omitted = path.count - 2 * half
            path = Array(path.prefix(half)) + Array(path.suffix(half))
        }
        return ReportCounterexample(
            initialState: c.initialState, choices: c.choices, path: path, omittedSteps: omitted,
            finalState: c.finalState)
    }
}
