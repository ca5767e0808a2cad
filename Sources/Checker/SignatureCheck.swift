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
                for (line, args) in callSites(of: name, in: caller.body) {
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

    static func callSites(of name: String, in s: CStmt) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        func e(_ x: CExpr) {
            switch x.kind {
            case .call(let c, let args):
                if case .identifier(name) = c.kind { out.append((x.location.line, args.count)) }
                e(c)
                args.forEach(e)
            case .member(let b, _, _), .unary(_, let b), .cast(_, let b), .sizeofExpr(let b): e(b)
            case .subscriptAccess(let b, let i):
                e(b)
                e(i)
            case .binary(_, let l, let r):
                e(l)
                e(r)
            case .assign(_, let t, let v):
                e(t)
                e(v)
            case .conditional(let c, let t, let f):
                e(c)
                e(t)
                e(f)
            case .comma(let xs): xs.forEach(e)
            case .statementExpression(let st): stmt(st)
            default: break
            }
        }
        func stmt(_ s: CStmt) {
            switch s.kind {
            case .compound(let items): items.forEach(stmt)
            case .declaration(let ds): for d in ds { if case .expression(let x)? = d.initializer { e(x) } }
            case .expression(let x): e(x)
            case .ifElse(let c, let t, let f):
                e(c)
                stmt(t)
                f.map(stmt)
            case .whileLoop(let c, let b):
                e(c)
                stmt(b)
            case .doWhile(let b, let c):
                stmt(b)
                e(c)
            case .forLoop(let i, let c, let st, let b):
                i.map(stmt)
                c.map(e)
                st.map(e)
                stmt(b)
            case .switchStmt(let x, let b):
                e(x)
                stmt(b)
            case .caseLabel(_, _, let st), .defaultLabel(let st), .label(_, let st): stmt(st)
            case .returnStmt(let x): x.map(e)
            case .iteratorLoop(let h, let b):
                e(h)
                stmt(b)
            default: break
            }
        }
        stmt(s)
        return out
    }
}
