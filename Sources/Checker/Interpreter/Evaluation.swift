import CFrontEnd

/// Expressions.
extension Machine {
    func tick(_ at: CLocation) throws {
        location = at
        steps += 1
        if steps > limits.maxSteps { throw InterpreterStop.bound("step limit \(limits.maxSteps) at \(at)") }
    }

    func lvalue(_ e: CExpr) throws -> LValue {
        switch e.kind {
        case .identifier(let n):
            return .variable(n)
        case .member(let base, let name, let arrow):
            if arrow {
                let b = try eval(base)
                guard case .pointer(let p) = b else {
                    throw InterpreterStop.unsupported("`->\(name)` on \(b.description)", e.location)
                }
                return .memory(p.appending(.field(name)))
            }
            // `a.b`: a is a struct value (an object) or an lvalue inside one.
            let inner = try lvalue(base)
            switch inner {
            case .memory(let p): return .memory(p.appending(.field(name)))
            case .variable(let n):
                let v = try load(inner)
                if case .record(let id) = v { return .memory(Pointer(object: id, path: [.field(name)])) }
                if case .pointer(let p) = v { return .memory(p.appending(.field(name))) }
                // A struct the model never initialised (`swp_entry_t entry;`, a global like
                // `swapper_space`): it comes into being with unknown fields.
                let id = allocate(.record(type: n, fields: [:]))
                try store(inner, .record(id))
                return .memory(Pointer(object: id, path: [.field(name)]))
            }
        case .unary(.deref, let operand):
            let v = try eval(operand)
            guard case .pointer(let p) = v else {
                throw InterpreterStop.unsupported("dereferencing \(v.description)", e.location)
            }
            return .memory(p)
        case .subscriptAccess(let base, let index):
            let b = try eval(base)
            guard let i = try eval(index).intValue else {
                throw InterpreterStop.unsupported("unknown index", e.location)
            }
            guard case .pointer(let p) = b else {
                throw InterpreterStop.unsupported("subscript of \(b.description)", e.location)
            }
            return .memory(p.offset(by: Int(i)))
        default:
            throw InterpreterStop.unsupported("not assignable", e.location)
        }
    }

    func eval(_ e: CExpr) throws -> Value {
        try tick(e.location)
        switch e.kind {
        case .identifier(let n):
            if let v = lookup(n) {
                // Arrays decay to pointers to their first element.
                if case .pointer(let p) = v, p.path.isEmpty, p.object.raw < heap.count, case .array = heap[p.object.raw]
                {
                    return .pointer(Pointer(object: p.object, path: [.index(0)]))
                }
                return v
            }
            if let c = KernelConstants.value(n) ?? program.enumConstants[n] { return .int(c) }
            if program.functions[n] != nil || builtins.has(n) { return .function(n) }
            return .unknown("identifier \(n)")
        case .integer(let v): return .int(v)
        case .string: return .unknown("string literal")
        case .call(let callee, let args): return try call(callee, args, at: e.location)
        case .member, .subscriptAccess:
            return try load(try lvalue(e))
        case .unary(let op, let operand): return try unary(op, operand, e)
        case .binary(let op, let l, let r): return try binary(op, l, r, e)
        case .assign(let op, let target, let value):
            let lv = try lvalue(target)
            var v = try eval(value)
            if let op { v = try arithmetic(op, try load(lv), v, e.location) }
            try store(lv, v)
            return v
        case .conditional(let c, let t, let f):
            return try decide(try eval(c), "?: at \(e.location)") ? try eval(t) : try eval(f)
        case .cast(_, let operand): return try eval(operand)
        case .sizeofType, .sizeofExpr: return .int(8)
        case .comma(let es):
            var last: Value = .int(0)
            for x in es { last = try eval(x) }
            return last
        case .compoundLiteral(let type, let list):
            return try initialValue(type: type, initializer: .list(list))
        case .statementExpression(let s):
            if case .compound(let items) = s.kind, let last = items.last, case .expression(let x) = last.kind {
                frames.append(frames.last ?? [:])
                defer { frames.removeLast() }
                for item in items.dropLast() { _ = try exec(item) }
                return try eval(x)
            }
            _ = try exec(s)
            return .unknown("statement expression")
        case .initializerList(let list):
            return try initialValue(type: .array(.named("int"), count: nil), initializer: .list(list))
        case .typeArgument:
            return .unknown("type argument")
        }
    }

    /// A condition's truth; an unknown one is explored both ways (and taints the path).
    func decide(_ v: Value, _ what: String) throws -> Bool {
        if let t = v.truth { return t }
        if case .unknown(let why) = v { unknownCalls.insert(why) }
        return choose(2, "the unknown \(v.description) is false at \(what)") == 0
    }

    func unary(_ op: CExpr.UnaryOp, _ operand: CExpr, _ e: CExpr) throws -> Value {
        switch op {
        case .addressOf:
            if case .identifier(let n) = operand.kind, program.functions[n] != nil || builtins.has(n) {
                return .function(n)
            }
            let lv = try lvalue(operand)
            switch lv {
            case .memory(let p):
                // `&(*folio)->page` and `&vmf->ptl`: the address of a member.
                if case .field("page") = p.path.last, p.object.raw < heap.count, case .page = heap[p.object.raw] {
                    return .pointer(Pointer(object: p.object, path: Array(p.path.dropLast())))
                }
                return .pointer(p)
            case .variable(let n):
                // A local whose address is taken lives in a cell from then on.
                let current = lookup(n) ?? .unknown("uninitialised \(n)")
                if case .record(let id) = current { return .pointer(Pointer(object: id)) }
                let id = allocate(.cell(current))
                cellOf["\(frames.count):\(n)"] = id
                return .pointer(Pointer(object: id))
            }
        case .deref:
            return try load(try lvalue(e))
        case .not:
            let v = try eval(operand)
            guard let t = v.truth else { return v }
            return .int(t ? 0 : 1)
        case .negate:
            let v = try eval(operand)
            return v.intValue.map { .int(0 &- $0) } ?? v
        case .plus: return try eval(operand)
        case .bitNot:
            let v = try eval(operand)
            return v.intValue.map { .int(~$0) } ?? v
        case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
            let lv = try lvalue(operand)
            let old = try load(lv)
            let delta: Int64 = (op == .preIncrement || op == .postIncrement) ? 1 : -1
            let new: Value
            switch old {
            case .int(let x): new = .int(x &+ delta)
            case .pointer(let p): new = .pointer(p.offset(by: Int(delta)))
            default: new = old
            }
            try store(lv, new)
            return (op == .preIncrement || op == .preDecrement) ? new : old
        }
    }

    func binary(_ op: CExpr.BinaryOp, _ l: CExpr, _ r: CExpr, _ e: CExpr) throws -> Value {
        switch op {
        case .logicalAnd, .logicalOr:
            return try logical(op, e)
        default:
            return try arithmetic(op, try eval(l), try eval(r), e.location)
        }
    }

    func arithmetic(_ op: CExpr.BinaryOp, _ a: Value, _ b: Value, _ at: CLocation) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            switch op {
            case .add: return .int(x &+ y)
            case .sub: return .int(x &- y)
            case .mul: return .int(x &* y)
            case .div: return y == 0 ? .unknown("division by zero") : .int(x / y)
            case .mod: return y == 0 ? .unknown("division by zero") : .int(x % y)
            case .shl: return .int(y >= 0 && y < 64 ? x << y : 0)
            case .shr: return .int(y >= 0 && y < 64 ? Int64(bitPattern: UInt64(bitPattern: x) >> UInt64(y)) : 0)
            case .bitAnd: return .int(x & y)
            case .bitOr: return .int(x | y)
            case .bitXor: return .int(x ^ y)
            case .eq: return .int(x == y ? 1 : 0)
            case .ne: return .int(x != y ? 1 : 0)
            case .lt: return .int(x < y ? 1 : 0)
            case .le: return .int(x <= y ? 1 : 0)
            case .gt: return .int(x > y ? 1 : 0)
            case .ge: return .int(x >= y ? 1 : 0)
            case .logicalAnd: return .int(x != 0 && y != 0 ? 1 : 0)
            case .logicalOr: return .int(x != 0 || y != 0 ? 1 : 0)
            }
        case (.pointer(let p), .int(let y)) where op == .add || op == .sub:
            return .pointer(p.offset(by: Int(op == .add ? y : -y)))
        case (.pointer(let p), .pointer(let q)) where op == .sub:
            if p.object == q.object, case .index(let i)? = p.path.last, case .index(let j)? = q.path.last {
                return .int(Int64(i - j))
            }
            if p.object == q.object { return .int(0) }
            return .unknown("pointer difference")
        default:
            if op == .eq || op == .ne {
                if a.isUnknown || b.isUnknown {
                    return .unknown("comparison with \(a.isUnknown ? a.description : b.description)")
                }
                let same = equal(a, b)
                return .int((op == .eq) == same ? 1 : 0)
            }
            if case .unknown = a { return a }
            if case .unknown = b { return b }
            return .unknown("\(op.rawValue) on \(a.description), \(b.description)")
        }
    }

    func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .int(0)), (.int(0), .null): return true
        case (.pointer, .null), (.null, .pointer), (.pointer, .int(0)), (.int(0), .pointer): return false
        default: return a == b
        }
    }

    /// `&&`/`||` with short-circuit. For conditions, the operands' values are also recorded when
    /// they can be read without side effects, so `cond.redundant` sees what each contributes.
    func logical(_ op: CExpr.BinaryOp, _ e: CExpr) throws -> Value {
        // `a && b && c` is one run of operands; a nested `||` is one operand of it (the same
        // split cond.redundant reads the samples with).
        let operands = CSyntaxSearch.operands(e)
        var samples: [[Int64?]] = []
        let allPure =
            !quiet && e.location.file == checkedFile && conditionLines.contains(e.location.line)
            && operands.allSatisfy(isPure)
        // cond.redundant judges the checked function's own conditions: a callee's changed
        // condition gets its event (the path's record stays the same) but no samples.
        if allPure && currentFunction == functionStack.first {
            // Read every operand in this state and in every other consistent state of the pages,
            // without choices or events; then put everything back.
            let saved = (state, trace.count, foreignRefsTaken, heap, pageFields)
            for alternative in [state] + ConsistentStates.variations(of: state) {
                state = alternative
                var row: [Int64?] = []
                for o in operands { row.append((try? evalQuietly(o))?.truth.map { $0 ? 1 : 0 }) }
                samples.append(row)
            }
            state = saved.0
            trace.removeSubrange(saved.1...)
            foreignRefsTaken = saved.2
            heap = saved.3
            pageFields = saved.4
        }
        var result = op == .logicalOr ? false : true
        for o in operands {
            let t = try decide(try eval(o), "condition at \(o.location)")
            if op == .logicalAnd && !t {
                result = false
                break
            }
            if op == .logicalOr && t {
                result = true
                break
            }
        }
        if allPure {
            emit(.condition(site: e.location, isAnd: op == .logicalAnd, samples: samples, result: result))
        }
        return .int(result ? 1 : 0)
    }

    /// No assignment, increment or call that is not a pure read.
    func isPure(_ e: CExpr) -> Bool {
        switch e.kind {
        case .identifier, .integer, .string, .sizeofType, .sizeofExpr: return true
        case .member(let b, _, _): return isPure(b)
        case .subscriptAccess(let b, let i): return isPure(b) && isPure(i)
        case .unary(let op, let x):
            return ![.preIncrement, .preDecrement, .postIncrement, .postDecrement].contains(op) && isPure(x)
        case .binary(_, let l, let r): return isPure(l) && isPure(r)
        case .conditional(let c, let t, let f): return isPure(c) && isPure(t) && isPure(f)
        case .cast(_, let x): return isPure(x)
        case .call(let callee, let args):
            // Pure builtins, and model functions used as queries (run quietly, state restored).
            guard case .identifier(let n) = callee.kind,
                builtins.isPure(n) || (program.functions[n] != nil && !builtins.has(n))
            else { return false }
            return args.allSatisfy(isPure)
        default: return false
        }
    }

    /// Evaluates without choices (an unknown reads as unknown), for recording operand values.
    func evalQuietly(_ e: CExpr) throws -> Value {
        let savedChooser = chooser
        quiet = true
        defer {
            quiet = false
            chooser = savedChooser
        }
        return try eval(e)
    }
}
