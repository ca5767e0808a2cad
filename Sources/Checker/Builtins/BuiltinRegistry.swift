import CFrontEnd

/// A kernel API function the model knows: what it does to the abstract state, where that comes
/// from in the kernel, and whether it only reads (so `cond.redundant` may evaluate it freely).
struct Builtin: @unchecked Sendable {
    var name: String
    /// `file function(), version`: the kernel behaviour this models.
    var models: String
    var pure: Bool
    var run: (Machine, [CExpr]) throws -> Value
}

/// Every builtin, registered by kernel area (one file each in Builtins/).
struct BuiltinRegistry: @unchecked Sendable {
    private var table: [String: Builtin] = [:]

    static let standard: BuiltinRegistry = {
        var r = BuiltinRegistry()
        PageRefBuiltins.register(&r)
        PageFlagBuiltins.register(&r)
        PageLockBuiltins.register(&r)
        PTEBuiltins.register(&r)
        SwapBuiltins.register(&r)
        FaultBuiltins.register(&r)
        DebugBuiltins.register(&r)
        HandlerBuiltins.register(&r)
        ArithmeticBuiltins.register(&r)
        SchedulerBuiltins.register(&r)
        PageTableWalkBuiltins.register(&r)
        return r
    }()

    mutating func add(
        _ name: String, models: String, pure: Bool = false, _ run: @escaping (Machine, [CExpr]) throws -> Value
    ) {
        // One model per name: a second registration used to replace the first without a word.
        precondition(table[name] == nil, "builtin \(name) registered twice")
        table[name] = Builtin(name: name, models: models, pure: pure, run: run)
    }

    /// Registers one behaviour under several names (aliases across kernel versions).
    mutating func add(
        _ names: [String], models: String, pure: Bool = false, _ run: @escaping (Machine, [CExpr]) throws -> Value
    ) {
        for n in names { add(n, models: models, pure: pure, run) }
    }

    func lookup(_ name: String) -> Builtin? { table[name] }
    func has(_ name: String) -> Bool { table[name] != nil }
    func isPure(_ name: String) -> Bool { table[name]?.pure ?? false }
}

extension Machine {
    func values(_ args: [CExpr]) throws -> [Value] { try args.map { try eval($0) } }

    /// The page argument `k` points to, or nil (and the call is unknown for the checker).
    func pageArg(_ args: [CExpr], _ k: Int = 0) throws -> Int? {
        guard k < args.count else { return nil }
        return page(of: try eval(args[k]))
    }
}
