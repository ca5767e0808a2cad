import CFrontEnd

/// Why a path stopped before returning normally.
enum InterpreterStop: Error {
    /// A bound was hit (steps, loop unrolling, call depth): the path is cut and reported.
    case bound(String)
    /// `BUG()`/`VM_BUG_ON()` fired: the path is infeasible in a correct kernel, or a bug.
    case bug(String, CLocation)
    /// Something the interpreter cannot do (unsupported construct): reported as unknown.
    case unsupported(String, CLocation)
}

/// Where control goes after a statement.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
    case goto(String)
}
