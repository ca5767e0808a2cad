import CFrontEnd

/// C expressions back to text, for findings (`page_mapcount(page) != 1`).
enum CExprPrinter {
    static func text(_ e: CExpr) -> String {
        switch e.kind {
        case .identifier(let n): return n
        case .integer(let v): return "\(v)"
        case .string(let s): return "\"\(s)\""
        case .call(let c, let args): return "\(text(c))(\(args.map(text).joined(separator: ", ")))"
        case .member(let b, let n, let arrow): return "\(text(b))\(arrow ? "->" : ".")\(n)"
        case .subscriptAccess(let b, let i): return "\(text(b))[\(text(i))]"
        case .unary(let op, let x):
            switch op {
            case .postIncrement: return "\(text(x))++"
            case .postDecrement: return "\(text(x))--"
            case .preIncrement: return "++\(text(x))"
            case .preDecrement: return "--\(text(x))"
            default: return op.rawValue + text(x)
            }
        case .binary(let op, let l, let r): return "\(wrap(l)) \(op.rawValue) \(wrap(r))"
        case .assign(let op, let t, let v): return "\(text(t)) \(op.map { $0.rawValue } ?? "")= \(text(v))"
        case .conditional(let c, let t, let f): return "\(wrap(c)) ? \(wrap(t)) : \(wrap(f))"
        case .cast(let t, let x): return "(\(t))\(wrap(x))"
        case .sizeofType(let t): return "sizeof(\(t))"
        case .sizeofExpr(let x): return "sizeof(\(text(x)))"
        case .comma(let xs): return xs.map(text).joined(separator: ", ")
        case .compoundLiteral(let t, _): return "(\(t)){...}"
        case .statementExpression: return "({...})"
        case .initializerList: return "{...}"
        case .typeArgument(let t): return "\(t)"
        }
    }

    static func wrap(_ e: CExpr) -> String {
        if case .binary = e.kind { return "(\(text(e)))" }
        if case .conditional = e.kind { return "(\(text(e)))" }
        return text(e)
    }

    /// Names of the functions an expression calls.
    static func calls(_ e: CExpr) -> [String] {
        switch e.kind {
        case .call(let c, let args):
            var out: [String] = []
            if case .identifier(let n) = c.kind { out.append(n) }
            return out + args.flatMap(calls)
        case .binary(_, let l, let r): return calls(l) + calls(r)
        case .unary(_, let x), .cast(_, let x), .member(let x, _, _), .sizeofExpr(let x): return calls(x)
        default: return []
        }
    }
}
