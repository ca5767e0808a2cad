import CFrontEnd
import Foundation

/// Flattening walks over the tree, so tests can ask "is there a call to X" or "which labels"
/// without spelling out the nesting.
enum SyntaxWalk {
    static func statements(in s: CStmt) -> [CStmt] {
        var out = [s]
        switch s.kind {
        case .compound(let items):
            for item in items { out += statements(in: item) }
        case .ifElse(_, let t, let e):
            out += statements(in: t)
            if let e { out += statements(in: e) }
        case .whileLoop(_, let b), .doWhile(let b, _), .switchStmt(_, let b), .iteratorLoop(_, let b):
            out += statements(in: b)
        case .forLoop(let i, _, _, let b):
            if let i { out += statements(in: i) }
            out += statements(in: b)
        case .caseLabel(_, _, let st), .defaultLabel(let st), .label(_, let st): out += statements(in: st)
        default: break
        }
        return out
    }

    static func expressions(in s: CStmt) -> [CExpr] {
        var roots: [CExpr] = []
        for st in statements(in: s) {
            switch st.kind {
            case .expression(let e): roots.append(e)
            case .ifElse(let c, _, _), .whileLoop(let c, _), .doWhile(_, let c), .switchStmt(let c, _): roots.append(c)
            case .iteratorLoop(let h, _): roots.append(h)
            case .forLoop(_, let c, let step, _): roots += [c, step].compactMap { $0 }
            case .caseLabel(let v, let u, _): roots += [v, u].compactMap { $0 }
            case .returnStmt(let e): roots += [e].compactMap { $0 }
            case .declaration(let ds):
                for d in ds { if let i = d.initializer { roots += expressions(in: i) } }
            default: break
            }
        }
        return roots.flatMap { expressions(in: $0) }
    }

    static func expressions(in i: CInitializer) -> [CExpr] {
        switch i {
        case .expression(let e): [e]
        case .list(let l): l.items.flatMap { expressions(in: $0.value) }
        }
    }

    static func expressions(in e: CExpr) -> [CExpr] {
        var out = [e]
        switch e.kind {
        case .call(let c, let args): out += expressions(in: c) + args.flatMap { expressions(in: $0) }
        case .member(let b, _, _), .unary(_, let b), .cast(_, let b), .sizeofExpr(let b): out += expressions(in: b)
        case .subscriptAccess(let b, let i): out += expressions(in: b) + expressions(in: i)
        case .binary(_, let l, let r), .assign(_, let l, let r): out += expressions(in: l) + expressions(in: r)
        case .conditional(let c, let t, let f): out += [c, t, f].flatMap { expressions(in: $0) }
        case .comma(let items): out += items.flatMap { expressions(in: $0) }
        case .compoundLiteral(_, let l), .initializerList(let l):
            out += l.items.flatMap { expressions(in: $0.value) }
        case .statementExpression(let s): out += expressions(in: s)
        default: break
        }
        return out
    }

    /// Names of the functions called directly (`f(...)`).
    static func calledNames(in s: CStmt) -> [String] {
        expressions(in: s).compactMap {
            if case .call(let c, _) = $0.kind, case .identifier(let n) = c.kind { return n }
            return nil
        }
    }

    static func labels(in s: CStmt) -> [String] {
        statements(in: s).compactMap {
            if case .label(let n, _) = $0.kind { return n }
            return nil
        }
    }

    static func gotos(in s: CStmt) -> [String] {
        statements(in: s).compactMap {
            if case .gotoStmt(let n) = $0.kind { return n }
            return nil
        }
    }

    /// A compact rendering of an expression, fully parenthesised, for precedence tests.
    static func render(_ e: CExpr) -> String {
        switch e.kind {
        case .identifier(let n): return n
        case .integer(let v): return String(v)
        case .string(let s): return "\"\(s)\""
        case .call(let c, let args): return render(c) + "(" + args.map(render).joined(separator: ", ") + ")"
        case .member(let b, let n, let arrow): return render(b) + (arrow ? "->" : ".") + n
        case .subscriptAccess(let b, let i): return render(b) + "[" + render(i) + "]"
        case .unary(let op, let x):
            switch op {
            case .postIncrement: return "(" + render(x) + "++)"
            case .postDecrement: return "(" + render(x) + "--)"
            case .preIncrement: return "(++" + render(x) + ")"
            case .preDecrement: return "(--" + render(x) + ")"
            default: return "(" + op.rawValue + render(x) + ")"
            }
        case .binary(let op, let l, let r): return "(" + render(l) + " " + op.rawValue + " " + render(r) + ")"
        case .assign(let op, let t, let v): return "(" + render(t) + " " + (op?.rawValue ?? "") + "= " + render(v) + ")"
        case .conditional(let c, let t, let f): return "(" + render(c) + " ? " + render(t) + " : " + render(f) + ")"
        case .cast(let t, let x): return "((" + t.description + ")" + render(x) + ")"
        case .sizeofType(let t): return "sizeof(" + t.description + ")"
        case .sizeofExpr(let x): return "sizeof " + render(x)
        case .comma(let items): return "(" + items.map(render).joined(separator: ", ") + ")"
        case .compoundLiteral(let t, let l): return "(" + t.description + "){" + String(l.items.count) + "}"
        case .statementExpression: return "({...})"
        case .initializerList(let l): return "{" + String(l.items.count) + "}"
        case .typeArgument(let t): return "type " + t.description
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String) throws -> String {
        try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Fixtures/\(name)"),
            encoding: .utf8)
    }
}
