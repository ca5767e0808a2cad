import CFrontEnd
import Foundation

/// Explores one function of a C source on every path from a generic starting state, for the
/// checker benchmark (`mmreview-bench check`): how many paths and events per second.
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
        let program = Program(
            functions: Dictionary(unit.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
            globals: unit.globals, enumConstants: unit.enumConstants)
        let contract = EntryContract.table[function]
        let scenarios = ScenarioBuilder.scenarios(for: f, contract: contract, pteMapCanFail: false)
        let explorer = PathExplorer(program: program, builtins: .standard, limits: limits)
        let start = Date()
        let deadline = start.addingTimeInterval(limits.seconds)
        var paths = 0
        var events = 0
        var bounds: [String] = []
        for (k, s) in scenarios.enumerated() {
            let budget = max(1, (limits.maxPaths - paths) / max(1, scenarios.count - k))
            let o = explorer.explore(f, scenario: s, budget: budget, deadline: deadline, conditionLines: [])
            paths += o.paths.count
            events += o.paths.reduce(0) { $0 + $1.events.count }
            for b in o.bounds where !bounds.contains(b) { bounds.append(b) }
        }
        return Result(paths: paths, events: events, seconds: Date().timeIntervalSince(start), bounds: bounds)
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
