/// A recursive-descent parser for the kernel C of mm/: preprocessed tokens in, a translation unit
/// out. A top-level item that does not parse becomes a `CParseError` and is skipped; parsing goes
/// on at the next top-level definition. Nesting is bounded (`maximumDepth`), so hostile input ends
/// in an error, never a stack overflow.
public struct CParser {
    let tokens: [CToken]
    var position = 0
    let file: String
    var typedefs = TypedefTable()
    var depth = 0
    /// The top-level item being parsed, named in errors.
    var currentItem: String?
    var unit: CTranslationUnit
    /// The fields of the last struct or union body read: an anonymous member's, or a typedef's.
    var pendingAnonymousFields: [CParameter]?

    /// Deepest nesting of statements and expressions accepted. Kernel code nests a few dozen levels
    /// at most; each level costs some stack, and test threads have less of it than the main thread.
    public static let maximumDepth = 160

    init(tokens: [CToken], file: String) {
        self.tokens = tokens
        self.file = file
        self.unit = CTranslationUnit(file: file, functions: [], globals: [], structs: [:], errors: [])
    }

    // MARK: Entry points

    /// Preprocesses and parses `source` (the text of `file`) in `configuration`.
    public static func parse(_ source: String, file: String, configuration: CConfiguration = .init())
        -> CTranslationUnit
    {
        let pre = CPreprocessor(file: file, configuration: configuration).preprocess(source)
        var parser = CParser(tokens: pre.tokens, file: file)
        parser.unit.errors = pre.errors
        parser.unit.macros = pre.macros
        parser.unit.includes = pre.includes
        parser.parseTranslationUnit()
        return parser.unit
    }

    /// The definition of `name` in `source`. Throws the error that stopped it from parsing, or an
    /// error saying no such function is defined in this configuration.
    public static func parseFunction(
        named name: String, in source: String, file: String, configuration: CConfiguration = .init()
    ) throws(CParseError) -> CFunction {
        let unit = parse(source, file: file, configuration: configuration)
        if let f = unit.function(named: name) { return f }
        if let e = unit.errors.first(where: { $0.function == name }) { throw e }
        throw CParseError(
            location: CLocation(file: file, line: 1, column: 1), message: "no definition of function '\(name)'",
            function: name)
    }

    /// One expression (after preprocessing in `configuration`), for tools and tests.
    public static func parseExpression(
        _ source: String, file: String = "<expression>", configuration: CConfiguration = .init()
    ) throws(CParseError) -> CExpr {
        let pre = CPreprocessor(file: file, configuration: configuration).preprocess(source)
        if let e = pre.errors.first { throw e }
        var parser = CParser(tokens: pre.tokens, file: file)
        let e = try parser.parseExpression()
        if !parser.atEnd { throw parser.error("expected end of expression before '\(parser.current.text)'") }
        return e
    }

    // MARK: Token access

    var atEnd: Bool { position >= tokens.count }

    var current: CToken { position < tokens.count ? tokens[position] : endToken }

    func peek(_ offset: Int = 1) -> CToken {
        let i = position + offset
        return i < tokens.count ? tokens[i] : endToken
    }

    private var endToken: CToken {
        let last = tokens.last?.location ?? CLocation(file: file, line: 1, column: 1)
        return CToken(kind: .endOfFile, text: "", location: last)
    }

    @discardableResult
    mutating func advance() -> CToken {
        guard position < tokens.count else { return endToken }
        position += 1
        return tokens[position - 1]
    }

    // The hot accessors read the token in place rather than through `current`, which copies it.
    @inline(__always)
    func check(_ punctuator: CPunctuator) -> Bool {
        position < tokens.count && tokens[position].punctuator == punctuator
    }

    /// Kind and punctuator of the token `offset` ahead, read in place (no copy of the token).
    @inline(__always)
    func kind(at offset: Int = 0) -> CToken.Kind {
        let i = position + offset
        return i < tokens.count ? tokens[i].kind : .endOfFile
    }

    @inline(__always)
    func punctuator(at offset: Int) -> CPunctuator? {
        let i = position + offset
        return i < tokens.count ? tokens[i].punctuator : nil
    }

    /// At `__attribute__` (or `__attribute`)?
    var atAttribute: Bool {
        position < tokens.count && tokens[position].kind == .keyword
            && (tokens[position].text == "__attribute__" || tokens[position].text == "__attribute")
    }

    /// The current token's punctuator, if it is one.
    var currentPunctuator: CPunctuator? { position < tokens.count ? tokens[position].punctuator : nil }

    mutating func accept(_ punctuator: CPunctuator) -> Bool {
        guard check(punctuator) else { return false }
        position += 1
        return true
    }

    /// Consumes `punctuator` or fails like a compiler: "expected ';' after expression".
    @discardableResult
    mutating func expect(_ punctuator: CPunctuator, _ context: @autoclosure () -> String = "")
        throws(CParseError) -> CToken
    {
        guard check(punctuator) else {
            let c = context()
            throw error("expected '\(punctuator.rawValue)'\(c.isEmpty ? "" : " " + c) before \(describe(current))")
        }
        return advance()
    }

    mutating func expectIdentifier(_ what: String) throws(CParseError) -> CToken {
        guard kind() == .identifier else { throw error("expected \(what) before \(describe(current))") }
        return advance()
    }

    func describe(_ t: CToken) -> String {
        switch t.kind {
        case .endOfFile: "end of input"
        case .string: "string constant"
        case .integer, .character, .floating: "numeric constant"
        default: "'\(t.text)' token"
        }
    }

    func error(_ message: String, at token: CToken? = nil) -> CParseError {
        CParseError(location: (token ?? current).location, message: message, function: currentItem)
    }

    /// Enter one level of nesting; throws past `maximumDepth`. Pair with `leave()` in a `defer`.
    mutating func enter() throws(CParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting too deep (more than \(Self.maximumDepth) levels)")
        }
    }

    mutating func leave() { depth -= 1 }

    /// Skips a balanced `( ... )` (or `[ ]`, `{ }`) group starting at the current token; returns
    /// the tokens, delimiters included.
    mutating func skipBalanced() throws(CParseError) -> ArraySlice<CToken> {
        let start = position
        let open = current
        var stack: [String] = []
        repeat {
            let t = advance()
            if t.kind == .punctuator {
                switch t.text {
                case "(": stack.append(")")
                case "[": stack.append("]")
                case "{": stack.append("}")
                case ")", "]", "}":
                    guard stack.last == t.text else { throw error("unbalanced '\(t.text)'", at: t) }
                    stack.removeLast()
                default: break
                }
            }
            if t.kind == .endOfFile { throw error("'\(open.text)' is never closed", at: open) }
        } while !stack.isEmpty
        return tokens[start..<position]
    }

    // MARK: Top level

    mutating func parseTranslationUnit() {
        while !atEnd {
            let start = position
            currentItem = nil
            depth = 0
            do {
                try parseExternalDeclaration()
            } catch {
                var e = error
                if e.function == nil { e.function = currentItem }
                unit.errors.append(e)
                resynchronize(from: start, failedAt: position)
            }
        }
    }

    /// After an error: skip to the end of the item that started at `start`, i.e. its closing
    /// brace back at depth 0 (`;` included for `struct x { };`) or its `;` at depth 0. Kernel style
    /// puts a function's closing brace in column 1, so a `}` in column 1 also ends the item: an
    /// unbalanced brace inside one function then does not swallow the next.
    private mutating func resynchronize(from start: Int, failedAt: Int) {
        var i = start
        var braces = 0
        var parens = 0
        var end: Int?
        scan: while i < tokens.count {
            let t = tokens[i]
            i += 1
            guard t.kind == .punctuator else { continue }
            switch t.text {
            case "(": parens += 1
            case ")": parens = max(0, parens - 1)
            case "{": braces += 1
            case "}":
                braces -= 1
                if braces <= 0 || t.location.column == 1 {
                    braces = max(braces, 0)
                    let e = i < tokens.count && tokens[i].isPunctuator(.semicolon) ? i + 1 : i
                    if e > failedAt {
                        end = e
                        break scan
                    }
                }
            case ";":
                if braces == 0 && parens == 0 && i > failedAt {
                    end = i
                    break scan
                }
            default: break
            }
        }
        position = max(end ?? tokens.count, start + 1)
    }
}
