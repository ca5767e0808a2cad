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

    func explore(_ f: CFunction, scenario: Scenario) -> Outcome {
        var paths: [PathRecord] = []
        var bounds: [String] = []
        var errors: [String] = []
        var prefix: [Int]? = []
        let start = Date()
        while let p = prefix {
            if paths.count >= limits.maxPaths {
                bounds.append("path limit \(limits.maxPaths) reached in \(f.name): the remaining paths were not explored")
                break
            }
            if Date().timeIntervalSince(start) > limits.seconds {
                bounds.append("time limit \(limits.seconds)s reached in \(f.name) after \(paths.count) paths")
                break
            }
            let m = Machine(
                program: program, builtins: builtins, chooser: Chooser(prefix: p), initial: scenario.initial, limits: limits)
            m.pteMapCanFail = scenario.pteMapCanFail
            let args = scenario.setup(m)
            var returned: Value?
            var cut: String?
            do {
                returned = try m.invoke(f, args)
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
