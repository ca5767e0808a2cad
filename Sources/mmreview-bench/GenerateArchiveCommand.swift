import Foundation
import Model

/// `mmreview-bench generate-archive --out DIR [--threads N] [--seed N] [--model-percent P]
/// [--broken-percent P] [--flood-every N] [--model DIR]`
enum GenerateArchiveCommand {
    static func run(arguments: [String]) -> Int32 {
        var g = ArchiveGenerator()
        var out: String?
        var modelRoot = ModelCatalog.defaultRoot()
        var i = 0
        func value() -> String? {
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--out": out = value()
            case "--threads": g.threads = value().flatMap(Int.init) ?? -1
            case "--seed": g.seed = value().flatMap { UInt64($0) } ?? g.seed
            case "--model-percent": g.modelPercent = value().flatMap(Int.init) ?? -1
            case "--broken-percent": g.brokenPercent = value().flatMap(Int.init) ?? -1
            case "--flood-every": g.floodEvery = value().flatMap(Int.init) ?? -1
            case "--model": modelRoot = URL(fileURLWithPath: value() ?? "")
            default:
                FileHandle.standardError.write(Data("mmreview-bench generate-archive: unknown option \(a)\n".utf8))
                return 2
            }
            i += 1
        }
        guard let out, g.threads > 0, (0...100).contains(g.modelPercent), (0...100).contains(g.brokenPercent),
            g.floodEvery >= 0
        else {
            FileHandle.standardError.write(
                Data(
                    ("usage: mmreview-bench generate-archive --out DIR [--threads N] [--seed N] [--model-percent P] "
                        + "[--broken-percent P] [--flood-every N]\n").utf8))
            return 2
        }
        guard !FileManager.default.fileExists(atPath: out) else {
            FileHandle.standardError.write(Data("mmreview-bench: \(out) already exists\n".utf8))
            return 2
        }
        do {
            let catalog = try ModelCatalog.load(root: modelRoot)
            let start = Date()
            let summary = try g.write(to: out, catalog: catalog)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            FileHandle.standardError.write(
                Data(String(format: "wrote %@ in %.1f s\n", out, Date().timeIntervalSince(start)).utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("mmreview-bench: \(error)\n".utf8))
            return 1
        }
    }
}
