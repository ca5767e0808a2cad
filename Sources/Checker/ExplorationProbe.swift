import CFrontEnd
import Foundation

/// Explores one function of a C source on every path, exactly as the checker does (from its
/// entry contract's starting states, or a generic one), for the checker benchmark
/// (`mmreview-bench check`): how many paths and events per second.
public enum ExplorationProbe {
    public struct Result: Sendable {
        public var paths: Int
        public var events: Int
        public var seconds: Double
        public var bounds: [String]
    }

    public static func run(source: String, file: String, function: String, limits: CheckLimits = .init()) -> Result? {
        let unit = CParser.parse(source, file: file)
        guard let f = unit.function(named: function) else { return nil }
        let start = Date()
        let o = CheckRunner.explore(
            f, program: Program(unit: unit), contract: EntryContract.table[function], pteMapCanFail: false,
            conditionLines: [], limits: limits)
        return Result(
            paths: o.paths.count, events: o.paths.reduce(0) { $0 + $1.events.count },
            seconds: Date().timeIntervalSince(start), bounds: o.bounds)
    }

    /// A synthetic function: `depth` nested branches on values nobody modelled, then a bounded loop.
    public static func syntheticSource(depth: Int) -> String {
        var s = "int synthetic(struct page *page)\n{\n\tint n = 0;\n\tint i;\n"
        for k in 0..<depth { s += String(repeating: "\t", count: k + 1) + "if (unmodelled_\(k)(page)) {\n" }
        s += String(repeating: "\t", count: depth + 1) + "n++;\n"
        for k in (0..<depth).reversed() { s += String(repeating: "\t", count: k + 1) + "}\n" }
        s += "\tfor (i = 0; i < 8; i++)\n\t\tn += page_count(page);\n\treturn n;\n}\n"
        return s
    }
}
