/// One preprocessing token: its spelling, its value when it is a literal, and where it was written.
/// Tokens that come out of a macro expansion carry the location of the macro's use, so every
/// diagnostic points into the file the user reads.
public struct CToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        case identifier
        /// C and GNU keywords (`if`, `struct`, `__attribute__`, `typeof`, ...).
        case keyword
        case integer
        /// A pp-number that is not an integer (`1.5`, `1e3`): lexed so the error can name it.
        case floating
        case character
        case string
        case punctuator
        /// A byte no C token starts with (`@`, a stray backslash): the parser reports it.
        case unknown
        case endOfFile
    }

    public var kind: Kind
    /// The spelling as written (`0x1fUL`, `"a\n"`, `->`).
    public var text: String
    /// The value of an integer or character literal (suffixes dropped; unsigned values that do
    /// not fit keep their bit pattern).
    public var value: Int64
    public var location: CLocation
    /// First token on its source line: only then can `#` start a directive.
    public var atLineStart: Bool
    /// Whitespace (or a comment) came before it: macro definitions and `#` stringification need it.
    public var hasLeadingSpace: Bool
    /// Marked while rescanning a macro's own expansion: the name is never expanded again (C's
    /// "painted blue" rule, which is what stops `#define x x` from recursing).
    public var noExpand: Bool
    /// Which punctuator a `.punctuator` token is (nil for every other kind).
    public var punctuator: CPunctuator?

    public init(
        kind: Kind, text: String, value: Int64 = 0, location: CLocation, atLineStart: Bool = false,
        hasLeadingSpace: Bool = false, noExpand: Bool = false, punctuator: CPunctuator? = nil
    ) {
        self.kind = kind
        self.text = text
        self.value = value
        self.location = location
        self.atLineStart = atLineStart
        self.hasLeadingSpace = hasLeadingSpace
        self.noExpand = noExpand
        self.punctuator = kind == .punctuator ? punctuator ?? CPunctuator(rawValue: text) : nil
    }

    /// Identifiers and keywords: the tokens a macro name or a type name can be.
    public var isWord: Bool { kind == .identifier || kind == .keyword }

    @inline(__always)
    public func isPunctuator(_ p: CPunctuator) -> Bool { punctuator == p }
    public func isKeyword(_ spelling: String) -> Bool { kind == .keyword && text == spelling }

    /// Tokens spelled back as source text, with a space only where two words would otherwise run
    /// together or the source had one: `__releases(vmf->ptl)`, `unsigned long`.
    public static func spell<C: Collection>(_ tokens: C, keepSpaces: Bool = false) -> String
    where C.Element == CToken {
        var out = ""
        var previous: CToken?
        for t in tokens {
            if let p = previous {
                let wordAfterWord =
                    (p.isWord || p.kind == .integer || p.kind == .floating)
                    && (t.isWord || t.kind == .integer || t.kind == .floating)
                if wordAfterWord || (keepSpaces && t.hasLeadingSpace) { out += " " }
            }
            out += t.text
            previous = t
        }
        return out
    }
}

/// The reserved words of the C dialect the kernel is written in (C11 plus GNU spellings).
enum CKeywords {
    static let all: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "_Bool", "_Alignof", "_Alignas", "_Static_assert", "_Noreturn", "_Thread_local",
        "asm", "__asm__", "__asm", "__attribute__", "__attribute", "typeof", "__typeof__", "__typeof",
        "__inline", "__inline__", "__restrict", "__restrict__", "__volatile__", "__volatile", "__const",
        "__const__", "__signed__", "__signed", "__extension__", "__alignof__", "__auto_type",
    ]

    /// Rejects most identifiers before the set is hashed.
    static let filter = NameFilter(all)
}

/// The punctuators of C, so the parser can switch on them instead of comparing strings.
public enum CPunctuator: String, Sendable, Hashable, CaseIterable {
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case dot = "."
    case arrow = "->"
    case ellipsis = "..."
    case increment = "++"
    case decrement = "--"
    case ampersand = "&"
    case star = "*"
    case plus = "+"
    case minus = "-"
    case tilde = "~"
    case bang = "!"
    case slash = "/"
    case percent = "%"
    case shiftLeft = "<<"
    case shiftRight = ">>"
    case less = "<"
    case greater = ">"
    case lessEqual = "<="
    case greaterEqual = ">="
    case equalEqual = "=="
    case notEqual = "!="
    case caret = "^"
    case pipe = "|"
    case ampersandAmpersand = "&&"
    case pipePipe = "||"
    case question = "?"
    case colon = ":"
    case semicolon = ";"
    case comma = ","
    case assign = "="
    case starAssign = "*="
    case slashAssign = "/="
    case percentAssign = "%="
    case plusAssign = "+="
    case minusAssign = "-="
    case shiftLeftAssign = "<<="
    case shiftRightAssign = ">>="
    case ampersandAssign = "&="
    case caretAssign = "^="
    case pipeAssign = "|="
    case hash = "#"
    case hashHash = "##"
}
