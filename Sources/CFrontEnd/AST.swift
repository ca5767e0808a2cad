/// The syntax tree of kernel C as it appears in mm/: what the checker's interpreter walks.
/// Every node carries the place it came from in the (patched) source file.

/// A place in a source file; `file` is the kernel-relative path (`mm/memory.c`).
public struct CLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A C type, as far as the checker cares: names, pointers, arrays, function pointers.
public indirect enum CType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `int`, `unsigned long`, `bool`, `vm_fault_t`, `pte_t`, `spinlock_t`... (qualifiers dropped).
    case named(String)
    /// `struct page`, `union x`, `enum y`.
    case tagged(kind: String, name: String)
    case pointer(CType)
    case array(CType, count: CExpr?)
    case function(returns: CType, parameters: [CType], variadic: Bool)
    case void

    public var description: String {
        switch self {
        case .named(let n): n
        case .tagged(let k, let n): "\(k) \(n)"
        case .pointer(let t): "\(t) *"
        case .array(let t, _): "\(t)[]"
        case .function(let r, let ps, _): "\(r)(\(ps.map(\.description).joined(separator: ", ")))"
        case .void: "void"
        }
    }
}

public struct CParameter: Sendable, Hashable, Codable {
    public var name: String?
    public var type: CType
    public init(name: String?, type: CType) {
        self.name = name
        self.type = type
    }
}

/// A function definition.
public struct CFunction: Sendable, Hashable, Codable {
    public var name: String
    public var returnType: CType
    public var parameters: [CParameter]
    public var isStatic: Bool
    public var isInline: Bool
    /// `__releases(x)`, `__must_hold(x)`, `__acquires(x)` and other annotations, as written.
    public var annotations: [String]
    public var body: CStmt
    public var location: CLocation
    /// Last line of the function (its closing brace).
    public var endLine: Int
    public init(
        name: String, returnType: CType, parameters: [CParameter], isStatic: Bool, isInline: Bool,
        annotations: [String], body: CStmt, location: CLocation, endLine: Int
    ) {
        self.name = name
        self.returnType = returnType
        self.parameters = parameters
        self.isStatic = isStatic
        self.isInline = isInline
        self.annotations = annotations
        self.body = body
        self.location = location
        self.endLine = endLine
    }
}

/// A declared variable (local or global): `int orders[] = { prefer, ..., 0 };`.
public struct CDeclaration: Sendable, Hashable, Codable {
    public var name: String
    public var type: CType
    public var initializer: CInitializer?
    public var isStatic: Bool
    public var location: CLocation
    public init(name: String, type: CType, initializer: CInitializer?, isStatic: Bool, location: CLocation) {
        self.name = name
        self.type = type
        self.initializer = initializer
        self.isStatic = isStatic
        self.location = location
    }
}

public indirect enum CInitializer: Sendable, Hashable, Codable {
    case expression(CExpr)
    /// `{ a, b, [2] = c, .field = d }`: designators kept as written.
    case list(CInitializerList)
}

public struct CInitializerList: Sendable, Hashable, Codable {
    public var items: [CInitializerItem]
    public init(items: [CInitializerItem]) { self.items = items }
}

public struct CInitializerItem: Sendable, Hashable, Codable {
    public var designator: String?
    public var value: CInitializer
    public init(designator: String?, value: CInitializer) {
        self.designator = designator
        self.value = value
    }
}

/// A statement with its location.
public struct CStmt: Sendable, Hashable, Codable {
    public var kind: Kind
    public var location: CLocation
    public init(_ kind: Kind, at location: CLocation) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind: Sendable, Hashable, Codable {
        case compound([CStmt])
        case declaration([CDeclaration])
        case expression(CExpr)
        case ifElse(condition: CExpr, then: CStmt, else: CStmt?)
        case whileLoop(condition: CExpr, body: CStmt)
        case doWhile(body: CStmt, condition: CExpr)
        /// `for (init; cond; step) body`; init may be a declaration or an expression statement.
        case forLoop(initial: CStmt?, condition: CExpr?, step: CExpr?, body: CStmt)
        case switchStmt(subject: CExpr, body: CStmt)
        /// `case X:` / `case A ... B:` (GNU range) labels the statement after it.
        case caseLabel(value: CExpr, upTo: CExpr?, statement: CStmt)
        case defaultLabel(statement: CStmt)
        case label(name: String, statement: CStmt)
        case gotoStmt(String)
        case breakStmt
        case continueStmt
        case returnStmt(CExpr?)
        case empty
        /// `asm(...)` and anything else the parser keeps but the checker cannot interpret.
        case opaque(String)
        /// A kernel iterator macro used as a loop header, `list_for_each_entry(pos, head, lru) body`
        /// or `for_each_node(nid) body`: the call as written (the macro is not expanded) and the body.
        /// Added by the front end: the preprocessor does not define these macros.
        case iteratorLoop(header: CExpr, body: CStmt)
    }
}

/// An expression with its location.
public struct CExpr: Sendable, Hashable, Codable {
    public var kind: Kind
    public var location: CLocation
    public init(_ kind: Kind, at location: CLocation) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind: Sendable, Hashable, Codable {
        case identifier(String)
        /// Integer literal (value; suffixes dropped), character literals included.
        case integer(Int64)
        case string(String)
        case call(callee: CExpr, arguments: [CExpr])
        /// `a.b` (arrow false) or `a->b` (arrow true).
        case member(base: CExpr, name: String, arrow: Bool)
        case subscriptAccess(base: CExpr, index: CExpr)
        case unary(op: UnaryOp, operand: CExpr)
        case binary(op: BinaryOp, lhs: CExpr, rhs: CExpr)
        /// `=`, `+=`, `|=`...: `op` nil for plain assignment.
        case assign(op: BinaryOp?, target: CExpr, value: CExpr)
        case conditional(condition: CExpr, then: CExpr, else: CExpr)
        case cast(type: CType, operand: CExpr)
        case sizeofType(CType)
        case sizeofExpr(CExpr)
        case comma([CExpr])
        /// `(struct x){ ... }` compound literal, `(swp_entry_t){0}`.
        case compoundLiteral(type: CType, initializer: CInitializerList)
        /// GNU statement expression `({ ...; value; })`.
        case statementExpression(CStmt)
        /// An initializer list where an expression stands (`int a[] = {...}` is a declaration).
        case initializerList(CInitializerList)
        /// A type written as an argument of a macro kept as a call: `container_of(p, struct page,
        /// lru)`, `offsetof(struct vm_fault, pte)`. Added by the front end.
        case typeArgument(CType)
    }

    public enum UnaryOp: String, Sendable, Hashable, Codable {
        case negate = "-"
        case plus = "+"
        case not = "!"
        case bitNot = "~"
        case deref = "*"
        case addressOf = "&"
        case preIncrement = "++x"
        case preDecrement = "--x"
        case postIncrement = "x++"
        case postDecrement = "x--"
    }

    public enum BinaryOp: String, Sendable, Hashable, Codable {
        case add = "+"
        case sub = "-"
        case mul = "*"
        case div = "/"
        case mod = "%"
        case shl = "<<"
        case shr = ">>"
        case bitAnd = "&"
        case bitOr = "|"
        case bitXor = "^"
        case logicalAnd = "&&"
        case logicalOr = "||"
        case eq = "=="
        case ne = "!="
        case lt = "<"
        case le = "<="
        case gt = ">"
        case ge = ">="
    }
}

/// One translation unit as far as parsed: functions, global declarations, macros the
/// preprocessor defined (for the checker's reports), and what could not be parsed.
public struct CTranslationUnit: Sendable, Codable {
    public var file: String
    public var functions: [CFunction]
    public var globals: [CDeclaration]
    /// `struct name { fields }` definitions: field names and types.
    public var structs: [String: [CParameter]]
    /// Top-level parts that did not parse: reported and skipped, the rest goes on.
    public var errors: [CParseError]
    /// Function declarations without a body (`bool reuse_swap_page(struct page *, int *);`): name →
    /// `.function` type, for the checker's type information. Added by the front end.
    public var prototypes: [String: CType]
    /// `enum { A, B = 4 }` constants with their values. Added by the front end.
    public var enumConstants: [String: Int64]
    /// `typedef`s the file declares: name → type. Added by the front end.
    public var typedefs: [String: CType]
    /// Macros the file `#define`s (in live code): name → definition as written. Added by the front end.
    public var macros: [String: String]
    /// `#include` operands as written, in order (not followed). Added by the front end.
    public var includes: [String]
    public init(
        file: String, functions: [CFunction], globals: [CDeclaration], structs: [String: [CParameter]],
        errors: [CParseError], prototypes: [String: CType] = [:], enumConstants: [String: Int64] = [:],
        typedefs: [String: CType] = [:], macros: [String: String] = [:], includes: [String] = []
    ) {
        self.file = file
        self.functions = functions
        self.globals = globals
        self.structs = structs
        self.errors = errors
        self.prototypes = prototypes
        self.enumConstants = enumConstants
        self.typedefs = typedefs
        self.macros = macros
        self.includes = includes
    }

    /// The function named `name`, if the file defines it in this configuration.
    public func function(named name: String) -> CFunction? { functions.first { $0.name == name } }
}

/// A parse or preprocessing error, located like a compiler's.
public struct CParseError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: CLocation
    public var message: String
    /// The function (or top-level item) being parsed, when known.
    public var function: String?
    public init(location: CLocation, message: String, function: String? = nil) {
        self.location = location
        self.message = message
        self.function = function
    }
    public var description: String { "\(location): error: \(message)" }
}
