/// The short verdict that closes each version: the status a tool can switch on and a sentence or
/// two a person reads.
enum VerdictWriter {
    static func verdict(
        findings: [ReportFinding], meetings: [Meeting], files: [ReportFile], functions: [ReportFunction],
        missingFunctions: [String]
    ) -> VersionVerdict {
        let patched = findings.filter { $0.kind == "patched" }
        let violated = patched.filter { $0.verdict == "violated" }
        let unknown = patched.filter { $0.verdict == "unknown" }
        let info = patched.filter { $0.verdict == "info" }
        let hunks = files.flatMap(\.hunks)
        let failed = hunks.filter { $0.application.failed }.count
        let checked = functions.filter(\.isChecked)
        let bounded = checked.filter { f in f.analysis.contains { $0.kind == "patched" && !$0.boundsHit.isEmpty } }
        let baseViolations = findings.filter { $0.kind == "base" && $0.verdict == "violated" }.count

        var status: String
        var text: String
        if !violated.isEmpty {
            status = "violations"
            let agreed = meetings.filter { $0.kind == "agree" && $0.verdict == "violated" }.count
            let alone = meetings.filter { $0.kind == "checker-only" && $0.verdict == "violated" }
            text =
                "\(count(violated.count, "violation")) in the patched code: "
                + list(violated.map { "\($0.invariant) in \($0.function)()" }) + "."
            if agreed > 0 {
                text +=
                    " A reviewer commented where \(agreed == 1 ? "one" : "\(agreed)") of them \(agreed == 1 ? "lands" : "land")."
            }
            if !alone.isEmpty {
                let names = alone.compactMap { m in findings.first { $0.id == m.finding } }.map { f in
                    f.patchLine.map { "\(f.invariant) at `\(squeezed($0.text))`" }
                        ?? "\(f.invariant) in \(f.function)()"
                }
                text += " Nobody mentioned " + list(names) + "."
            }
        } else if failed > 0 {
            status = "does-not-apply"
            text = "\(failed) of \(count(hunks.count, "hunk")) did not apply: what they change was not checked."
        } else if checked.isEmpty {
            status = "not-checked"
            text =
                missingFunctions.isEmpty
                ? "Nothing to check: the patch changes no C function of the model."
                : "Nothing checked: the model does not hold \(list(missingFunctions))."
        } else if !unknown.isEmpty || !bounded.isEmpty {
            status = "inconclusive"
            text = "No violation found in \(list(checked.map { "\($0.name)()" })), but "
            var buts: [String] = []
            if !unknown.isEmpty { buts.append("\(count(unknown.count, "verdict")) unknown") }
            if !bounded.isEmpty { buts.append("bounds were hit in \(list(bounded.map { "\($0.name)()" }))") }
            text += buts.joined(separator: " and ") + "."
        } else {
            status = "clean"
            let paths = checked.flatMap { $0.analysis.filter { $0.kind == "patched" } }.reduce(0) { $0 + $1.paths }
            text =
                "No violation on \(count(paths, "explored path")) of \(list(checked.map { "\($0.name)()" })); "
                + "every invariant judged holds."
        }
        if status == "violations" && failed > 0 {
            text += " \(failed) of \(count(hunks.count, "hunk")) did not apply."
        }
        if baseViolations > 0 {
            text += " The base had \(count(baseViolations, "violation")) before the patch (context, not counted)."
        }
        return VersionVerdict(
            status: status, text: text, violated: violated.count, unknown: unknown.count, info: info.count,
            failedHunks: failed)
    }

    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }

    static func list(_ items: [String]) -> String {
        var unique: [String] = []
        for i in items where !unique.contains(i) { unique.append(i) }
        switch unique.count {
        case 0: return "nothing"
        case 1: return unique[0]
        default: return unique.dropLast().joined(separator: ", ") + " and " + unique[unique.count - 1]
        }
    }

    static func squeezed(_ s: String) -> String { DiffLayout.squeezed(s) }
}
