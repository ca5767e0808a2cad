import Foundation
import Model

/// `mmreview model list` and `mmreview model show FUNCTION [--base NAME]`.
enum ModelCommand {
    static let valued: Set<String> = ["--base", "--model"]
    static let flags: Set<String> = ["--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        guard let sub = args.positional.first else { throw UsageError("model needs a subcommand: list, show FUNCTION") }
        let root = args.options["--model"].map { URL(fileURLWithPath: $0) } ?? ModelCatalog.defaultRoot()
        let catalog: ModelCatalog
        do {
            catalog = try ModelCatalog.load(root: root)
        } catch {
            Output.error("\(error)")
            return 2
        }
        switch sub {
        case "list":
            guard args.positional.count == 1 else { throw UsageError("model list takes no arguments") }
            for b in catalog.bases {
                Output.print("\(b.name): \(b.manifest.kernel) (\(b.manifest.date))")
                for (file, defs) in Dictionary(grouping: b.functions(), by: \.file).sorted(by: { $0.key < $1.key }) {
                    Output.print("  \(file): \(defs.map(\.definition.name).joined(separator: ", "))")
                }
            }
            return 0
        case "show":
            guard args.positional.count == 2 else { throw UsageError("model show takes one FUNCTION") }
            let name = args.positional[1]
            var bases = catalog.bases
            if let only = args.options["--base"] {
                do { bases = [try catalog.base(named: only)] } catch { throw UsageError("\(error)") }
            }
            var found = false
            for b in bases {
                for (file, def) in b.functions() where def.name == name {
                    found = true
                    let entry = b.manifest.files[file]?.functions.first { $0.name == name }
                    Output.print("// base \(b.name), \(file):\(def.startLine)-\(def.endLine)")
                    if let m = entry?.models { Output.print("// models: \(m)") }
                    if let f = entry?.from { Output.print("// lines from: \(f)") }
                    if let s = entry?.simplified { Output.print("// simplified: \(s)") }
                    let lines = SourceLines.split(b.text(of: file) ?? "")
                    Output.print(lines[(def.startLine - 1)..<def.endLine].joined(separator: "\n"))
                    Output.print("")
                }
            }
            if !found {
                Output.error("no function \(name) in \(args.options["--base"].map { "base \($0)" } ?? "any base")")
                return 1
            }
            return 0
        default:
            throw UsageError("unknown model subcommand \(sub) (list, show)")
        }
    }
}
