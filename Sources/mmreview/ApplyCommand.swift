import Conversation
import Foundation
import Model
import Report

/// `mmreview apply THREAD [--base NAME | --tree PATH] [--format text|json] [--model DIR]`
enum ApplyCommand {
    static let valued: Set<String> = ["--format", "--input-format", "--base", "--tree", "--model", "--out"]
    static let flags: Set<String> = ["--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        let input = try args.singleInput()
        let format = try args.choice("--format", of: ["text", "json"])
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        guard let catalog = try CommandInputs.catalog(args) else { return 2 }
        let tree = try CommandInputs.tree(args)
        guard let extraction = CommandInputs.threads(input, format: inputFormat) else { return 2 }
        let applier = VersionApplier(catalog: catalog, forcedBase: args.options["--base"], tree: tree)
        let runs = extraction.threads.map(applier.apply)
        if let out = args.options["--out"] {
            if let problem = PatchedFileWriter.write(runs, to: out) {
                Output.error(problem)
                return 2
            }
        }
        if format == "json" {
            do {
                Output.print(runs.count == 1 ? try JSONRendering.render(runs[0]) : try JSONRendering.render(runs))
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        } else {
            for r in runs { Output.print(ApplyTextRenderer.render(r), terminator: "") }
        }
        return runs.contains(where: \.hasFailedHunks) ? 1 : 0
    }
}
