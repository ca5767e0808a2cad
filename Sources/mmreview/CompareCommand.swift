import Conversation
import Model
import Report

/// `mmreview compare INPUT [INPUT2] [--from vN] [--to vM] [--format text|json]`
enum CompareCommand {
    static let valued: Set<String> = ["--format", "--input-format", "--from", "--to"]
    static let flags: Set<String> = ["--help", "-h"]

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
        let format = args.options["--format"] ?? "text"
        guard ["text", "json"].contains(format) else { throw UsageError("unknown --format \(format) (text, json)") }
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        let from = try version(args.options["--from"])
        let to = try version(args.options["--to"])
        var inputs: [[ThreadExtraction]] = []
        for path in args.positional {
            do {
                let e = try ArchiveExtractor.extract(path: path, format: inputFormat)
                if e.threads.isEmpty {
                    Output.error("\(path): no messages to read")
                    return 2
                }
                inputs.append(e.threads)
            } catch {
                Output.error("\(error)")
                return 2
            }
        }
        let all = RevisionComparer.candidates(inputs)
        var comparisons: [RevisionComparison] = []
        if inputs.count == 2 && from == nil && to == nil {
            let old = all.filter { $0.input == 0 }
            let new = all.filter { $0.input == 1 }
            comparisons.append(
                RevisionComparer.compare(old: old, new: new, from: args.positional[0], to: args.positional[1]))
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
            }
            if steps.isEmpty {
                Output.error(
                    "only \(versions.map { "v\($0)" }.joined(separator: ", ")) in the input: nothing to compare (give --from/--to or two inputs)"
                )
                return 2
            }
        }
        if format == "json" {
            do {
                Output.print(
                    comparisons.count == 1
                        ? try JSONRendering.render(comparisons[0]) : try JSONRendering.render(comparisons))
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        } else {
            for c in comparisons { Output.print(CompareTextRenderer.render(c), terminator: "") }
        }
        return 0
    }
}
