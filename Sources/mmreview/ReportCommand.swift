import Checker
import Conversation
import Foundation
import Model
import Report

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mmreview report THREAD [--format text|md|json|html|reply] [--out FILE [--force]] [--base NAME]
/// [--tree PATH] [--model DIR] [--max-paths N] [--time-limit S] [--color auto|always|never]
/// [--from ADDRESS]`: one report per thread of the input. Exit 0 nothing found, 1 findings (a
/// violation in a patched version or a hunk that failed), 2 bad usage or unreadable input.
enum ReportCommand {
    static let valued: Set<String> = [
        "--format", "--input-format", "--out", "--base", "--tree", "--model", "--max-paths", "--time-limit",
        "--color", "--from",
    ]
    static let flags: Set<String> = ["--help", "-h", "--force"]
    static let formats = ["text", "md", "json", "html", "reply"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        let input = try args.singleInput()
        let format = try args.choice("--format", of: formats)
        let colorMode = try args.choice("--color", of: ["auto", "always", "never"])
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        var options = ReportOptions(forcedBase: args.options["--base"])
        options.limits = try CommandInputs.limits(args)
        options.tree = try CommandInputs.tree(args)
        let out = args.options["--out"]
        // Refuse a bad --out before the work, not after it.
        if let out { try ReportOutput.checkWritable(out, force: args.flags.contains("--force")) }
        guard let catalog = try CommandInputs.catalog(args) else { return 2 }
        guard let extraction = CommandInputs.threads(input, format: inputFormat) else { return 2 }

        let reports = extraction.threads.map { ReportBuilder.build(thread: $0, catalog: catalog, options: options) }
        let text: String
        switch format {
        case "json":
            do {
                let bytes =
                    reports.count == 1 ? try ReportJSON.encode(reports[0]) : try ReportJSON.encode(reports)
                text = String(decoding: bytes, as: UTF8.self) + "\n"
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        case "md":
            text = reports.map(MarkdownRenderer.render).joined(separator: "\n")
        case "html":
            text = HTMLRenderer.render(reports)
        case "reply":
            let from = args.options["--from"] ?? ProcessInfo.processInfo.environment["EMAIL"]
            text = ReplyMailRenderer.render(reports, from: from)
        default:
            let colour = out == nil && useColour(colorMode)
            text = reports.map { ReportTextRenderer.render($0, colour: colour) }.joined(separator: "\n")
        }
        if let out {
            if let problem = ReportOutput.write(text, to: out) {
                Output.error(problem)
                return 2
            }
        } else {
            Output.print(text, terminator: "")
        }
        return reports.contains(where: \.hasFindings) ? 1 : 0
    }

    /// Colour only on a terminal, never when NO_COLOR is set (https://no-color.org), unless asked.
    static func useColour(_ mode: String) -> Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        switch mode {
        case "always": return true
        case "never": return false
        default: return isatty(1) == 1
        }
    }
}
