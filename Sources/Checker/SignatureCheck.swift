import CFrontEnd

/// A patch that changes a function's parameters must change every call to it: each call in the
/// model is checked for arity (and for the argument count a variadic function allows).
enum SignatureCheck {
    /// Findings for functions of `patched` whose parameter list differs from `base`'s.
    static func check(patched: [String: CFunction], base: [String: CFunction], file: String) -> [Finding] {
        var out: [Finding] = []
        for (name, f) in patched.sorted(by: { $0.key < $1.key }) {
            guard let old = base[name] else { continue }
            let newTypes = f.parameters.map(\.type)
            guard newTypes != old.parameters.map(\.type) else { continue }
            var left: [(caller: String, line: Int, args: Int)] = []
            var calls = 0
            for (callerName, caller) in patched.sorted(by: { $0.key < $1.key }) {
                for (line, args) in CSyntaxSearch.callSites(of: name, in: caller.body) {
                    calls += 1
                    if args != f.parameters.count { left.append((callerName, line, args)) }
                }
            }
            let what = "\(name)() now takes \(f.parameters.count) parameter(s) (was \(old.parameters.count))"
            if left.isEmpty {
                out.append(
                    Finding(
                        invariant: "call.signature", verdict: .holds, function: name, file: file, line: f.location.line,
                        patchLine: nil, removedLines: [],
                        message: "\(what); all \(calls) call(s) in the model pass that many", counterexample: nil,
                        reason: nil))
            } else {
                for l in left {
                    out.append(
                        Finding(
                            invariant: "call.signature", verdict: .violated, function: l.caller, file: file,
                            line: l.line,
                            patchLine: nil, removedLines: [],
                            message: "\(what), but \(l.caller)() still calls it with \(l.args): a caller left behind",
                            counterexample: nil, reason: nil))
                }
            }
        }
        return out
    }
}
