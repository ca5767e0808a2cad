/// Integer constant expressions: `#if` conditions and `enum` values. Arithmetic is on Int64 with
/// wrap-around (the preprocessor's intmax_t); unsigned comparisons are not distinguished, which
/// the conditions kernel code writes never need.
enum ConstantEvaluator {
    enum Failure: Error, Equatable {
        case notConstant(CLocation)
        case divisionByZero(CLocation)
    }

    /// The value of `expr`; identifiers are looked up in `constants`.
    static func evaluate(_ expr: CExpr, constants: [String: Int64] = [:]) -> Result<Int64, Failure> {
        do {
            return .success(try value(expr, constants))
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(.notConstant(expr.location))
        }
    }

    private static func value(_ e: CExpr, _ constants: [String: Int64]) throws -> Int64 {
        switch e.kind {
        case .integer(let v): return v
        case .identifier(let name):
            guard let v = constants[name] else { throw Failure.notConstant(e.location) }
            return v
        case .unary(let op, let operand):
            let v = try value(operand, constants)
            switch op {
            case .negate: return 0 &- v
            case .plus: return v
            case .not: return v == 0 ? 1 : 0
            case .bitNot: return ~v
            default: throw Failure.notConstant(e.location)
            }
        case .binary(let op, let lhs, let rhs):
            let l = try value(lhs, constants)
            // && and || do not evaluate (or validate) the side they short-circuit.
            if op == .logicalAnd && l == 0 { return 0 }
            if op == .logicalOr && l != 0 { return 1 }
            let r = try value(rhs, constants)
            switch op {
            case .add: return l &+ r
            case .sub: return l &- r
            case .mul: return l &* r
            case .div, .mod:
                if r == 0 { throw Failure.divisionByZero(rhs.location) }
                if l == .min && r == -1 { return op == .div ? l : 0 }
                return op == .div ? l / r : l % r
            case .shl: return r < 0 || r > 63 ? 0 : l << r
            case .shr: return r < 0 || r > 63 ? (l < 0 ? -1 : 0) : l >> r
            case .bitAnd: return l & r
            case .bitOr: return l | r
            case .bitXor: return l ^ r
            case .logicalAnd, .logicalOr: return r != 0 ? 1 : 0
            case .eq: return l == r ? 1 : 0
            case .ne: return l != r ? 1 : 0
            case .lt: return l < r ? 1 : 0
            case .le: return l <= r ? 1 : 0
            case .gt: return l > r ? 1 : 0
            case .ge: return l >= r ? 1 : 0
            }
        case .conditional(let c, let t, let f):
            return try value(c, constants) != 0 ? value(t, constants) : value(f, constants)
        case .cast(_, let operand): return try value(operand, constants)
        case .comma(let items):
            guard let last = items.last else { throw Failure.notConstant(e.location) }
            return try value(last, constants)
        default:
            throw Failure.notConstant(e.location)
        }
    }
}
