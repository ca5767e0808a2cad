import Checker
import Foundation

/// `mmreview-bench check`: paths and events explored per second, on the seeds' functions in the
/// model bases and on a synthetic function with 20 nested branches and a bounded loop.
enum CheckBenchmark {
    static func run(arguments: [String]) -> Int32 {
        var lines: [String] = []
        var limits = CheckLimits()
        limits.maxPaths = 100_000
        limits.seconds = 30
        // The seeds' functions as the model bases have them (each base's mm/*.c together, so
        // calls between them are interpreted as in a real check).
        let seedFunctions: [(base: String, function: String, seed: String)] = [
            ("mainline-2020-08-11", "do_wp_page", "000"),
            ("2.6.11-rc1-mm1", "do_swap_page", "003"), ("2.6.11-rc1-mm1", "try_to_unmap_one", "003"),
            ("2.6.11-rc1-mm1", "can_share_swap_page", "003"),
            ("v6.7-rc", "copy_pte_range", "002"), ("v6.7-rc", "copy_present_pte", "002"),
            ("mm-2014-03", "do_cow_fault", "004"),
        ]
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("corpus/model")
        for (base, function, seed) in seedFunctions {
            let dir = root.appendingPathComponent(base).appendingPathComponent("mm")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
                $0.hasSuffix(".c")
            }.sorted()
            let text = files.compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
                .joined(separator: "\n")
            guard !text.isEmpty,
                let r = ExplorationProbe.run(source: text, file: "mm/memory.c", function: function, limits: limits)
            else {
                lines.append("  \(function): not found (run from the repository root)")
                continue
            }
            lines.append(row("\(function) (seed \(seed), \(base) base)", r))
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
