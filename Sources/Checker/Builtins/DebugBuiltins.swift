/// Assertions and branch hints.
enum DebugBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        r.add(
            ["likely", "unlikely", "READ_ONCE"],
            models: "include/linux/compiler.h likely()/unlikely(): the value itself", pure: true
        ) { m, a in
            try m.eval(a[0])
        }
        // include/linux/mmdebug.h VM_BUG_ON() (CONFIG_DEBUG_VM): a state where the condition holds
        // is a kernel bug; the path stops there and says so.
        r.add(
            ["VM_BUG_ON", "VM_BUG_ON_PAGE", "VM_BUG_ON_FOLIO", "BUG_ON"],
            models: "include/linux/mmdebug.h VM_BUG_ON(), v5.8"
        ) { m, a in
            let v = try m.eval(a[0])
            if v.truth == true { throw InterpreterStop.bug("VM_BUG_ON condition true", m.location) }
            return .int(0)
        }
        r.add(["BUG"], models: "include/asm-generic/bug.h BUG()") { m, _ in
            throw InterpreterStop.bug("BUG() reached", m.location)
        }
        r.add(
            ["WARN_ON", "WARN_ON_ONCE", "VM_WARN_ON", "VM_WARN_ON_ONCE"],
            models: "include/asm-generic/bug.h WARN_ON(): the condition's value"
        ) { m, a in
            let v = try m.eval(a[0])
            if v.truth == true { m.emit(.note("warning: \(m.location)")) }
            return v
        }
    }
}
