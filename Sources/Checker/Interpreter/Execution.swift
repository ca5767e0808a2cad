import CFrontEnd

/// Statements, declarations and calls.
extension Machine {
    func exec(_ s: CStmt) throws -> Flow {
        try tick(s.location)
        emit(.line)
        switch s.kind {
        case .compound(let items):
            return try execList(items)
        case .declaration(let decls):
            for d in decls {
                location = d.location
                let v =
                    try d.initializer.map { try initialValue(type: d.type, initializer: $0) }
                    ?? defaultValue(d.type)
                assign(d.name, v)
            }
            return .normal
        case .expression(let e):
            _ = try eval(e)
            return .normal
        case .ifElse(let c, let t, let f):
            if try decide(try eval(c), "if at \(s.location)") { return try exec(t) }
            return try f.map { try exec($0) } ?? .normal
        case .whileLoop(let c, let body):
            return try loop(s.location, condition: c, body: body, step: nil, testFirst: true)
        case .doWhile(let body, let c):
            return try loop(s.location, condition: c, body: body, step: nil, testFirst: false)
        case .forLoop(let initial, let c, let step, let body):
            if let initial { _ = try exec(initial) }
            return try loop(s.location, condition: c, body: body, step: step, testFirst: true)
        case .switchStmt(let subject, let body):
            let v = try eval(subject)
            return try switchOn(v, body, s.location)
        case .caseLabel(_, _, let st), .defaultLabel(let st), .label(_, let st):
            return try exec(st)
        case .gotoStmt(let l): return .goto(l)
        case .breakStmt: return .breakLoop
        case .continueStmt: return .continueLoop
        case .returnStmt(let e):
            return .returned(try e.map { try eval($0) } ?? .int(0))
        case .empty: return .normal
        case .opaque(let what):
            emit(.note("not interpreted: \(what)"))
            return .normal
        case .iteratorLoop(let header, _):
            // A list walk the model does not know the list of: not run, and the path says so.
            throw InterpreterStop.unsupported("iterator loop \(CExprPrinter.text(header))", s.location)
        }
    }

    /// A statement list; a `goto` to a label in this list resumes there.
    func execList(_ items: [CStmt]) throws -> Flow {
        var i = 0
        var jumps = 0
        while i < items.count {
            let flow = try exec(items[i])
            switch flow {
            case .normal: i += 1
            case .goto(let label):
                guard let target = items.firstIndex(where: { Self.labels($0).contains(label) }) else { return flow }
                jumps += 1
                if jumps > limits.maxLoopIterations * 4 {
                    throw InterpreterStop.bound("goto \(label) taken more than \(limits.maxLoopIterations * 4) times")
                }
                i = target
            default: return flow
            }
        }
        return .normal
    }

    static func labels(_ s: CStmt) -> [String] {
        if case .label(let name, let inner) = s.kind { return [name] + labels(inner) }
        return []
    }

    func loop(_ at: CLocation, condition: CExpr?, body: CStmt, step: CExpr?, testFirst: Bool) throws -> Flow {
        var iterations = 0
        var first = true
        while true {
            if testFirst || !first, let condition {
                if !(try decide(try eval(condition), "loop at \(at)")) { return .normal }
            }
            first = false
            iterations += 1
            if iterations > limits.maxLoopIterations {
                throw InterpreterStop.bound("loop at \(at) unrolled \(limits.maxLoopIterations) times")
            }
            switch try exec(body) {
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            case .goto(let l): return .goto(l)
            case .normal, .continueLoop: break
            }
            if let step { _ = try eval(step) }
            if condition == nil && !testFirst { return .normal }
        }
    }

    func switchOn(_ v: Value, _ body: CStmt, _ at: CLocation) throws -> Flow {
        guard case .compound(let items) = body.kind else { return try exec(body) }
        var start: Int?
        if let x = v.intValue {
            for (k, item) in items.enumerated() {
                if case .caseLabel(let c, let upTo, _) = item.kind, let lo = try eval(c).intValue {
                    let hi = try upTo.flatMap { try eval($0).intValue } ?? lo
                    if x >= lo && x <= hi {
                        start = k
                        break
                    }
                }
            }
        } else {
            // Unknown subject: any case may be taken.
            let cases = items.indices.filter {
                if case .caseLabel = items[$0].kind { return true }
                if case .defaultLabel = items[$0].kind { return true }
                return false
            }
            if !cases.isEmpty { start = cases[choose(cases.count, "switch on \(v.description) takes case #")] }
        }
        if start == nil {
            start = items.firstIndex { if case .defaultLabel = $0.kind { return true } else { return false } }
        }
        guard let start else { return .normal }
        switch try execList(Array(items[start...])) {
        case .breakLoop: return .normal
        case let other: return other
        }
    }

    func defaultValue(_ t: CType) -> Value {
        switch t {
        case .tagged(let kind, let name) where kind == "struct":
            return .record(allocate(.record(type: name, fields: [:])))
        case .array(_, let count):
            let n = (try? count.map { try eval($0).intValue ?? 0 } ?? 0) ?? 0
            return .pointer(
                Pointer(object: allocate(.array(Array(repeating: .int(0), count: Int(max(0, min(n, 4096))))))))
        default:
            return .unknown("uninitialised")
        }
    }

    func initialValue(type: CType, initializer: CInitializer) throws -> Value {
        switch initializer {
        case .expression(let e):
            return try eval(e)
        case .list(let list):
            switch type {
            case .tagged(_, let name):
                var fields: [String: Value] = [:]
                for item in list.items {
                    let v = try initialValue(type: .named("int"), initializer: item.value)
                    if let d = item.designator { fields[d.hasPrefix(".") ? String(d.dropFirst()) : d] = v }
                }
                return .record(allocate(.record(type: name, fields: fields)))
            default:
                var values: [Value] = []
                for item in list.items { values.append(try initialValue(type: .named("int"), initializer: item.value)) }
                if case .array(_, let count?) = type, let n = try eval(count).intValue, Int(n) > values.count {
                    values += Array(repeating: .int(0), count: min(Int(n) - values.count, 4096))
                }
                return .pointer(Pointer(object: allocate(.array(values))))
            }
        }
    }

    /// A call: a builtin (the kernel API the model knows), a model function (interpreted in
    /// place), or unknown (havoc result, listed).
    func call(_ callee: CExpr, _ args: [CExpr], at: CLocation) throws -> Value {
        var name: String?
        switch callee.kind {
        case .identifier(let n): name = n
        case .member(_, let field, _):
            let v = try eval(callee)
            if case .function(let f) = v { name = f } else { name = "->\(field)" }
        default:
            let v = try eval(callee)
            if case .function(let f) = v { name = f }
        }
        guard let name else { return .unknown("call through \(callee)") }
        if let b = builtins.lookup(name) {
            return try b.run(self, args)
        }
        if let f = program.functions[name] { return try invoke(f, try values(args)) }
        // An unknown callee's arguments are still evaluated: their side effects happen.
        _ = try values(args)
        if !quiet {
            unknownCalls.insert(name)
            emit(.unknownCall(name: name))
        }
        return .unknown(name)
    }

    func invoke(_ f: CFunction, _ args: [Value]) throws -> Value {
        guard functionStack.count < limits.maxCallDepth else {
            throw InterpreterStop.bound("call depth \(limits.maxCallDepth) at \(f.name) (recursion?)")
        }
        var frame: [String: Value] = [:]
        for (k, p) in f.parameters.enumerated() where k < args.count {
            if let n = p.name { frame[n] = args[k] }
        }
        frames.append(frame)
        functionStack.append(f.name)
        let savedLocation = location
        defer {
            frames.removeLast()
            functionStack.removeLast()
            location = savedLocation
        }
        switch try exec(f.body) {
        case .returned(let v): return v
        case .goto(let l): throw InterpreterStop.unsupported("goto \(l): label not found in \(f.name)", f.location)
        default: return .int(0)
        }
    }
}
