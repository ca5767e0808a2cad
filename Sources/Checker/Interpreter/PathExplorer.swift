import CFrontEnd
import Foundation

/// Runs a function on every path from one starting scenario: depth-first over the choices the
/// interpreter meets (trylock, allocation, other CPUs, unknown conditions), by replaying prefixes.
struct PathExplorer {
    var program: Program
    var builtins: BuiltinRegistry
    var limits: CheckLimits

    struct Outcome {
        var paths: [PathRecord]
        /// Bounds hit while exploring (path count, time), each once.
        var bounds: [String]
        var errors: [String]
    }

    /// `budget`: paths this scenario may still explore; `deadline`: when the function's time is up.
    func explore(_ f: CFunction, scenario: Scenario, budget: Int, deadline: Date, conditionLines: Set<Int>) -> Outcome {
        var paths: [PathRecord] = []
        var bounds: [String] = []
        var errors: [String] = []
        var prefix: [Int]? = []
        while let p = prefix {
            if paths.count >= budget {
                bounds.append(
                    "path limit \(limits.maxPaths) for \(f.name) reached: the remaining paths were not explored")
                break
            }
            if Date() > deadline {
                bounds.append(
                    "time limit \(limits.seconds)s for \(f.name) reached: the remaining paths were not explored")
                break
            }
            let m = Machine(
                program: program, builtins: builtins, chooser: Chooser(prefix: p), initial: scenario.initial,
                limits: limits)
            m.pteMapCanFail = scenario.pteMapCanFail
            m.conditionLines = conditionLines
            m.checkedFile = f.location.file
            let args = scenario.setup(m)
            // File-scope variables with their initialisers (`flexthp_unhinted_max_order = ...`).
            for g in program.globals {
                if let i = g.initializer, let v = try? m.initialValue(type: g.type, initializer: i) {
                    m.globals[g.name] = v
                }
            }
            m.callerVisibleObjects = m.heap.count
            var returned: Value?
            var cut: String?
            do {
                returned = try m.invoke(f, args)
                if let n = m.page(of: returned!) { m.state.escaped.insert(n) }
                m.location = CLocation(file: f.location.file, line: f.endLine, column: 1)
                m.emit(.returned(returned!))
            } catch InterpreterStop.bound(let why) {
                cut = why
                if !bounds.contains(why) { bounds.append(why) }
            } catch InterpreterStop.bug(let why, let at) {
                cut = "\(why) at \(at)"
            } catch InterpreterStop.unsupported(let why, let at) {
                cut = "not interpreted: \(why) at \(at)"
                let e = "\(at): \(why)"
                if !errors.contains(e) { errors.append(e) }
            } catch {
                cut = "\(error)"
            }
            paths.append(
                PathRecord(
                    choices: m.chooser.story, events: m.trace, initial: scenario.initial, final: m.state,
                    returned: returned, cut: cut, unknownCalls: m.unknownCalls))
            prefix = m.chooser.nextPrefix()
        }
        return Outcome(paths: paths, bounds: bounds, errors: errors)
    }
}
