import Checker
import Conversation
import Model
import Report

/// `mmreview compare INPUT [INPUT2] [--from vN] [--to vM] [--format text|json]`
enum CompareCommand {
    static let valued: Set<String> = [
        "--format", "--input-format", "--from", "--to", "--base", "--model", "--max-paths", "--time-limit",
    ]
    static let flags: Set<String> = ["--help", "-h", "--no-check"]

    static func version(_ s: String?) throws(UsageError) -> Int? {
        guard let s else { return nil }
        let digits = s.hasPrefix("v") || s.hasPrefix("V") ? String(s.dropFirst()) : s
        guard let n = Int(digits), n > 0 else { throw UsageError("bad version \(s) (write v2 or 2)") }
        return n
    }

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        guard (1...2).contains(args.positional.count) else {
            throw UsageError("compare takes one input (all versions in it) or two (old and new)")
        }
        let format = try args.choice("--format", of: ["text", "json"])
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        let from = try version(args.options["--from"])
        let to = try version(args.options["--to"])
        let limits = try CommandInputs.limits(args)
        let runChecker = !args.flags.contains("--no-check")
        guard let catalog = try CommandInputs.catalog(args) else { return 2 }
        var inputs: [[ThreadExtraction]] = []
        for path in args.positional {
            guard let e = CommandInputs.threads(path, format: inputFormat) else { return 2 }
            inputs.append(e.threads)
        }
        let all = RevisionComparer.candidates(inputs)
        var comparisons: [RevisionComparison] = []
        var sides: [(old: [RevisionComparer.Candidate], new: [RevisionComparer.Candidate])] = []
        if inputs.count == 2 && from == nil && to == nil {
            let old = all.filter { $0.input == 0 }
            let new = all.filter { $0.input == 1 }
            comparisons.append(
                RevisionComparer.compare(old: old, new: new, from: args.positional[0], to: args.positional[1]))
            sides.append((old, new))
        } else {
            let versions = Array(Set(all.map(\.patch.version))).sorted()
            var steps: [(Int, Int)] = []
            if let from, let to {
                steps = [(from, to)]
            } else if let from {
                steps = versions.filter { $0 > from }.prefix(1).map { (from, $0) }
            } else if let to {
                steps = versions.filter { $0 < to }.suffix(1).map { ($0, to) }
            } else {
                steps = zip(versions, versions.dropFirst()).map { ($0, $1) }
            }
            for (a, b) in steps {
                let old = all.filter { $0.patch.version == a }
                let new = all.filter { $0.patch.version == b }
                if old.isEmpty || new.isEmpty {
                    Output.error(
                        "no patch of version v\(old.isEmpty ? a : b) in the input (versions found: \(versions.map { "v\($0)" }.joined(separator: ", ")))"
                    )
                    return 2
                }
                comparisons.append(RevisionComparer.compare(old: old, new: new, from: "v\(a)", to: "v\(b)"))
                sides.append((old, new))
            }
            if steps.isEmpty {
                Output.error(
                    "only \(versions.map { "v\($0)" }.joined(separator: ", ")) in the input: nothing to compare (give --from/--to or two inputs)"
                )
                return 2
            }
        }
        // The checker once per thread; each side takes its own patches' patched versions.
        let checker = ThreadCheckCache(
            applier: VersionApplier(catalog: catalog, forcedBase: args.options["--base"]), limits: limits)
        let reviews = zip(comparisons, sides).map { c, side in
            RevisionReview(
                comparison: c,
                findings: runChecker
                    ? FindingComparison(
                        from: c.from, to: c.to, old: checker.findings(side.old), new: checker.findings(side.new))
                    : nil)
        }
        if format == "json" {
            do {
                Output.print(
                    reviews.count == 1
                        ? try JSONRendering.render(reviews[0]) : try JSONRendering.render(reviews))
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        } else {
            for r in reviews { Output.print(CompareTextRenderer.render(r), terminator: "") }
        }
        return reviews.contains { $0.findings?.newHasViolations == true } ? 1 : 0
    }
}

/// Runs the checker on each thread once and hands out the findings of given patches' patched
/// versions.
final class ThreadCheckCache {
    let applier: VersionApplier
    let limits: CheckLimits
    private var reports: [String: CheckReport] = [:]

    init(applier: VersionApplier, limits: CheckLimits) {
        self.applier = applier
        self.limits = limits
    }

    func findings(_ candidates: [RevisionComparer.Candidate]) -> [Finding] {
        var out: [Finding] = []
        for c in candidates {
            let key = "\(c.input)/\(c.thread)"
            let report =
                reports[key]
                ?? CheckRunner.check(
                    applier.apply(c.extraction), extraction: c.extraction, catalog: applier.catalog, limits: limits)
            reports[key] = report
            out += report.patchedFindings(patch: c.patchIndex)
        }
        return out
    }
}
