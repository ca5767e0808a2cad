import Checker
import Foundation

/// `mmreview check` for a person: findings like a compiler's diagnostics, under the patch line
/// they land on, with the counterexample.
public enum CheckTextRenderer {
    public static func render(_ r: CheckReport) -> String {
        var out = "Thread: \(r.subject)\n"
        if r.versions.isEmpty { out += "  nothing to check: no patched C function\n" }
        for v in r.versions {
            let config = v.configuration.isEmpty ? "" : " [\(v.configuration.joined(separator: " "))]"
            out +=
                "\n#\(v.patchIndex) \(v.patch) (v\(v.version)), \(v.kind == "base" ? "BASE (the code before the patch, for context)" : "patched")\(config), base \(v.base ?? "-")\n"
            for f in v.functions {
                out +=
                    "  \(f.file): \(f.name): \(f.scenarios) starting states, \(f.paths) paths\(f.contract.map { "; entry contract: \($0)" } ?? "")\n"
                for b in f.boundsHit { out += "    bound: \(b)\n" }
                if !f.unknownCalls.isEmpty { out += "    unknown calls: \(f.unknownCalls.joined(separator: ", "))\n" }
                for e in f.errors { out += "    not interpreted: \(e)\n" }
            }
            let order: [Finding.Verdict] = [.violated, .unknown, .info, .holds]
            for verdict in order {
                for f in v.findings where f.verdict == verdict {
                    let at = f.line.map { "\(f.file):\($0)" } ?? f.file
                    out += "  \(at): \(f.verdict.rawValue) [\(f.invariant)] \(f.function): \(f.message)\n"
                    if let p = f.patchLine {
                        out +=
                            "      on the patch line  \(p.kind == "added" ? "+" : p.kind == "removed" ? "-" : " ")\(p.text.trimmingCharacters(in: .whitespaces))\n"
                    }
                    for rl in f.removedLines.prefix(6) {
                        out += "      follows from removing  -\(rl.text.trimmingCharacters(in: .whitespaces))\n"
                    }
                    if let reason = f.reason { out += "      because \(reason)\n" }
                    if let c = f.counterexample {
                        out += "      counterexample: start \(c.initialState)\n"
                        for ch in c.choices { out += "        - \(ch)\n" }
                        let steps = c.path.map { s in "\(s.function == f.function ? "" : "\(s.function):")\(s.line)" }
                        out += "        path: \(steps.joined(separator: " "))\n"
                        out += "        state then: \(c.finalState)\n"
                    }
                }
            }
        }
        return out
    }
}
