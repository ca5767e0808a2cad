import Conversation
import Mail
import Report

/// `mmreview extract THREAD [--format text|json] [--input-format FORMAT]`
enum ExtractCommand {
    static let valued: Set<String> = ["--format", "--input-format"]
    static let flags: Set<String> = ["--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        let input = try args.singleInput()
        let format = try args.choice("--format", of: ["text", "json"])
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        let result: ArchiveExtraction
        do {
            result = try ArchiveExtractor.extract(path: input, format: inputFormat)
        } catch {
            Output.error("\(error)")
            return 2
        }
        if result.threads.isEmpty {
            for d in result.diagnostics { Output.error("\(d)") }
            Output.error("\(input): no messages to read")
            return 2
        }
        if format == "json" {
            do {
                if result.threads.count == 1 {
                    Output.print(try JSONRendering.render(result.threads[0]))
                } else {
                    Output.print(try JSONRendering.render(ArchiveJSON(result)))
                }
            } catch {
                Output.error("cannot encode JSON: \(error)")
                return 2
            }
        } else {
            for (i, t) in result.threads.enumerated() {
                if i > 0 { Output.print("") }
                Output.print(ExtractionTextRenderer.render(t), terminator: "")
            }
            for d in result.diagnostics { Output.error("\(d)") }
        }
        return 0
    }
}

/// Several threads in one JSON document (a folder or an mbox with several threads).
struct ArchiveJSON: Encodable {
    var schema = ThreadExtraction.schema
    var threads: [ThreadExtraction]
    var diagnostics: [Diagnostic]
    init(_ a: ArchiveExtraction) {
        threads = a.threads
        diagnostics = a.diagnostics
    }
}

enum InputFormatOption {
    static func parse(_ s: String?) throws(UsageError) -> InputFormat {
        guard let s else { return .auto }
        guard let f = InputFormat(rawValue: s) else {
            throw UsageError("unknown --input-format \(s) (auto, mbox, maildir, eml, patch, render)")
        }
        return f
    }
}
