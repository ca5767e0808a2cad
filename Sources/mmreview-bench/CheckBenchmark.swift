import Checker
import Foundation

/// `mmreview-bench check`: paths and events explored per second, on a seed function from the
/// model (do_wp_page of mainline-2020-08-11) and on a synthetic function with 20 nested branches
/// and a bounded loop.
enum CheckBenchmark {
    static func run(arguments: [String]) -> Int32 {
        var lines: [String] = []
        var limits = CheckLimits()
        limits.maxPaths = 100_000
        limits.seconds = 30
        let model = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("corpus/model/mainline-2020-08-11/mm/memory.c")
        if let text = try? String(contentsOf: model, encoding: .utf8),
            let r = ExplorationProbe.run(source: text, file: "mm/memory.c", function: "do_wp_page", limits: limits)
        {
            lines.append(row("do_wp_page (mainline-2020-08-11 base, 36 starting states)", r))
        } else {
            lines.append("do_wp_page: run from the repository root (corpus/model not found)")
        }
        let synthetic = ExplorationProbe.syntheticSource(depth: 20)
        var slimits = limits
        slimits.maxPaths = 20_000
        if let r = ExplorationProbe.run(source: synthetic, file: "synthetic.c", function: "synthetic", limits: slimits)
        {
            lines.append(row("synthetic: 20 nested unknown branches + loop of 8 (path bound 20,000)", r))
        }
        print("checker benchmark (release build recommended)\n" + lines.joined(separator: "\n"))
        return 0
    }

    static func row(_ name: String, _ r: ExplorationProbe.Result) -> String {
        let pps = Double(r.paths) / max(r.seconds, 1e-9)
        let eps = Double(r.events) / max(r.seconds, 1e-9)
        return "  \(name): \(r.paths) paths, \(r.events) events in \(String(format: "%.3f", r.seconds)) s = "
            + "\(Int(pps)) paths/s, \(Int(eps)) events/s\(r.bounds.isEmpty ? "" : "; bounds: " + r.bounds.joined(separator: "; "))"
    }
}
