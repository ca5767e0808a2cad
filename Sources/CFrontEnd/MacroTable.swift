/// A macro as `#define` made it.
public struct CMacro: Sendable, Hashable {
    public var name: String
    /// Nil for an object-like macro; the parameter names of a function-like one (a variadic one's
    /// last parameter is `__VA_ARGS__`, or its GNU name: `args...`).
    public var parameters: [String]?
    public var isVariadic: Bool
    public var body: [CToken]
    public var location: CLocation

    public var isFunctionLike: Bool { parameters != nil }

    /// The definition as written after `#define`: `ALIGN_DOWN(x, a) ((x) & ~((a) - 1))`.
    public var definition: String {
        var head = name
        if let ps = parameters {
            var shown = ps
            if isVariadic, let last = shown.last {
                shown[shown.count - 1] = last == "__VA_ARGS__" ? "..." : last + "..."
            }
            head += "(" + shown.joined(separator: ", ") + ")"
        }
        return body.isEmpty ? head : head + " " + CToken.spell(body, keepSpaces: true)
    }

    /// Reads a `#define` line: `tokens` are the ones after `define`. Nil with an error if malformed.
    static func parse(_ tokens: ArraySlice<CToken>, at location: CLocation) -> Result<CMacro, CParseError> {
        guard let nameToken = tokens.first else {
            return .failure(CParseError(location: location, message: "macro name missing"))
        }
        guard nameToken.isWord else {
            return .failure(CParseError(location: nameToken.location, message: "macro names must be identifiers"))
        }
        var rest = tokens.dropFirst()
        var parameters: [String]?
        var variadic = false
        // Function-like only when `(` touches the name: `#define f (x)` is object-like.
        if let open = rest.first, open.isPunctuator(.leftParen), !open.hasLeadingSpace {
            rest = rest.dropFirst()
            var names: [String] = []
            var closed = false
            var expectName = true
            while let t = rest.first {
                rest = rest.dropFirst()
                if t.isPunctuator(.rightParen) && (!expectName || names.isEmpty) {
                    closed = true
                    break
                }
                if expectName && t.isPunctuator(.ellipsis) {
                    names.append("__VA_ARGS__")
                    variadic = true
                    expectName = false
                } else if expectName && t.isWord && !variadic {
                    names.append(t.text)
                    if let dots = rest.first, dots.isPunctuator(.ellipsis) {
                        rest = rest.dropFirst()
                        variadic = true
                    }
                    expectName = false
                } else if !expectName && t.isPunctuator(.comma) && !variadic {
                    expectName = true
                } else {
                    return .failure(
                        CParseError(
                            location: t.location, message: "'\(t.text)' may not appear in macro parameter list"))
                }
            }
            if !closed {
                return .failure(
                    CParseError(location: nameToken.location, message: "missing ')' in macro parameter list"))
            }
            parameters = names
        }
        var body = Array(rest)
        if let first = body.first, first.hasLeadingSpace { body[0].hasLeadingSpace = false }
        return .success(
            CMacro(
                name: nameToken.text, parameters: parameters, isVariadic: variadic, body: body,
                location: nameToken.location))
    }
}

/// The macros in force at a point of the file: the built-in kernel ones, the configuration's, then
/// the file's own `#define`s, with `#undef` taking them out again.
struct MacroTable: Sendable {
    private(set) var macros: [String: CMacro] = [:]
    /// Names ever defined (an `#undef` leaves a harmless false positive).
    private var filter = NameFilter([])

    subscript(name: String) -> CMacro? { filter.mayContain(name) ? macros[name] : nil }

    mutating func define(_ macro: CMacro) {
        macros[macro.name] = macro
        filter.insert(macro.name)
    }

    mutating func undefine(_ name: String) { macros[name] = nil }

    func isDefined(_ name: String) -> Bool { self[name] != nil }

    /// Defines `NAME` or `NAME(params)` from a configuration's or the built-in table's text.
    mutating func define(source: String, file: String) -> CParseError? {
        let (tokens, errors) = CLexer.tokenize(source, file: file)
        if let e = errors.first { return e }
        switch CMacro.parse(tokens[...], at: CLocation(file: file, line: 1, column: 1)) {
        case .success(let m):
            define(m)
            return nil
        case .failure(let e): return e
        }
    }
}
