import Checker
import Conversation
import Foundation
import Model
import Report

/// `mmreview check THREAD [--base NAME] [--format text|json]`
enum CheckCommand {
    static let valued: Set<String> = ["--format", "--input-format", "--base", "--model", "--max-paths", "--time-limit"]
    static let flags: Set<String> = ["--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        let input = try args.singleInput()
        let format = try args.choice("--format", of: ["text", "json"])
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        let limits = try CommandInputs.limits(args)
        guard let catalog = try CommandInputs.catalog(args) else { return 2 }
        guard let extraction = CommandInputs.threads(input, format: inputFormat) else { return 2 }
        let applier = VersionApplier(catalog: catalog, forcedBase: args.options["--base"])
        let reports = extraction.threads.map { t in
            CheckRunner.check(applier.apply(t), extraction: t, catalog: catalog, limits: limits)
        }
        if format == "json" {
            do {
                Output.print(
                    reports.count == 1 ? try JSONRendering.render(reports[0]) : try JSONRendering.render(reports))
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        } else {
            for r in reports { Output.print(CheckTextRenderer.render(r), terminator: "") }
        }
        return reports.contains(where: \.hasViolations) ? 1 : 0
    }
}
