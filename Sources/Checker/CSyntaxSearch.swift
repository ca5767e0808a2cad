import CFrontEnd

/// Finds expressions in a function: one walk over the syntax tree, and the searches made with it.
enum CSyntaxSearch {
    /// The `&&`/`||` expression at `loc` (statement expressions are not entered).
    static func logicalExpression(at loc: CLocation, in s: CStmt) -> CExpr? {
        var found: CExpr?
        walk(s, enteringStatementExpressions: false) { e in
            if e.location == loc, case .binary(let op, _, _) = e.kind, op == .logicalAnd || op == .logicalOr {
                found = e
                return false
            }
            return true
        }
        return found
    }

    /// Line and argument count of every call of `name`, statement expressions included.
    static func callSites(of name: String, in s: CStmt) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        walk(s, enteringStatementExpressions: true) { x in
            if case .call(let c, let args) = x.kind, case .identifier(name) = c.kind {
                out.append((x.location.line, args.count))
            }
            return true
        }
        return out
    }

    /// Visits every expression of `s` and its sub-expressions, each before its parts, in source
    /// order, until `visit` returns false. `enteringStatementExpressions` also enters `({ ... })`
    /// and the bodies of iterator loops (`list_for_each_entry`).
    static func walk(_ s: CStmt, enteringStatementExpressions deep: Bool, _ visit: (CExpr) -> Bool) {
        var stopped = false
        func visitE(_ e: CExpr) {
            if stopped { return }
            if !visit(e) {
                stopped = true
                return
            }
            switch e.kind {
            case .call(let c, let a):
                visitE(c)
                a.forEach(visitE)
            case .member(let b, _, _): visitE(b)
            case .subscriptAccess(let b, let i):
                visitE(b)
                visitE(i)
            case .unary(_, let x), .cast(_, let x), .sizeofExpr(let x): visitE(x)
            case .binary(_, let l, let r):
                visitE(l)
                visitE(r)
            case .assign(_, let t, let v):
                visitE(t)
                visitE(v)
            case .conditional(let c, let t, let f):
                visitE(c)
                visitE(t)
                visitE(f)
            case .comma(let xs): xs.forEach(visitE)
            case .statementExpression(let st) where deep: visitS(st)
            default: break
            }
        }
        func visitS(_ s: CStmt) {
            if stopped { return }
            switch s.kind {
            case .compound(let items): items.forEach(visitS)
            case .expression(let e): visitE(e)
            case .ifElse(let c, let t, let f):
                visitE(c)
                visitS(t)
                f.map(visitS)
            case .whileLoop(let c, let b):
                visitE(c)
                visitS(b)
            case .doWhile(let b, let c):
                visitS(b)
                visitE(c)
            case .forLoop(let i, let c, let st, let b):
                i.map(visitS)
                c.map(visitE)
                st.map(visitE)
                visitS(b)
            case .switchStmt(let x, let b):
                visitE(x)
                visitS(b)
            case .caseLabel(_, _, let st), .defaultLabel(let st), .label(_, let st): visitS(st)
            case .returnStmt(let e): e.map(visitE)
            case .declaration(let ds):
                for d in ds { if case .expression(let e)? = d.initializer { visitE(e) } }
            case .iteratorLoop(let h, let b) where deep:
                visitE(h)
                visitS(b)
            default: break
            }
        }
        visitS(s)
    }

    static func operands(_ e: CExpr) -> [CExpr] {
        guard case .binary(let op, _, _) = e.kind else { return [e] }
        var out: [CExpr] = []
        func flat(_ x: CExpr) {
            if case .binary(let o, let l, let r) = x.kind, o == op {
                flat(l)
                flat(r)
            } else {
                out.append(x)
            }
        }
        flat(e)
        return out
    }
}
