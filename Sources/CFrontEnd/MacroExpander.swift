/// Expands macros in a run of tokens, the way C's translation phase 4 does: arguments are
/// expanded before substitution (except next to `#` and `##`), the result is rescanned with the
/// macro disabled, and a name met while its own macro is disabled is marked never to expand.
///
/// Every token a definition contributes is relocated to the macro's use; argument tokens keep
/// their own place. Expansion is bounded by a token budget and a nesting limit, so a macro bomb
/// or 10,000 nested calls end in an error, not a hang or a stack overflow.
struct MacroExpander {
    var macros: MacroTable
    let configuration: CConfiguration
    var errors: [CParseError] = []
    /// Tokens the expansions may still produce.
    var budget: Int
    private(set) var exhausted = false
    private var depth = 0
    static let maximumArgumentDepth = 64

    init(macros: MacroTable, configuration: CConfiguration, budget: Int) {
        self.macros = macros
        self.configuration = configuration
        self.budget = budget
    }

    /// A stack of token sources: the input at the bottom, one replacement list per macro being
    /// rescanned above it.
    private struct Stream {
        struct Frame {
            var tokens: [CToken]
            var position: Int
            var macro: String
        }
        /// The input, read directly while no expansion is being rescanned (the common case).
        let base: [CToken]
        var basePosition: Int
        let baseEnd: Int
        /// Replacement lists being rescanned, innermost last.
        var frames: [Frame] = []
        let outerDisabled: [String]

        /// Reads `tokens[range]`; the array is shared, not copied.
        init(_ tokens: [CToken], range: Range<Int>? = nil, disabled: [String]) {
            base = tokens
            basePosition = range?.lowerBound ?? 0
            baseEnd = range?.upperBound ?? tokens.count
            outerDisabled = disabled
        }

        var disabled: [String] { outerDisabled + frames.map(\.macro) }

        func isDisabled(_ name: String) -> Bool {
            for f in frames where f.macro == name { return true }
            return outerDisabled.contains(name)
        }

        mutating func next() -> CToken? {
            while !frames.isEmpty {
                let top = frames.count - 1
                let p = frames[top].position
                if p < frames[top].tokens.count {
                    var t = frames[top].tokens[p]
                    frames[top].position = p + 1
                    if t.isWord && !t.noExpand && isDisabled(t.text) { t.noExpand = true }
                    return t
                }
                frames.removeLast()
            }
            guard basePosition < baseEnd else { return nil }
            basePosition += 1
            return base[basePosition - 1]
        }

        /// The next token without consuming it, looking through exhausted replacement lists.
        func peek() -> CToken? {
            for f in frames.reversed() where f.position < f.tokens.count { return f.tokens[f.position] }
            return basePosition < baseEnd ? base[basePosition] : nil
        }

        mutating func push(_ tokens: [CToken], macro: String) {
            frames.append(Frame(tokens: tokens, position: 0, macro: macro))
        }
    }

    /// Expands `input[range]` (all of it by default) into `out`.
    mutating func expand(_ input: [CToken], range: Range<Int>? = nil, into out: inout [CToken]) {
        var stream = Stream(input, range: range, disabled: [])
        run(&stream, into: &out)
    }

    private mutating func run(_ stream: inout Stream, into out: inout [CToken]) {
        while let t = stream.next() {
            if exhausted { return }
            guard t.isWord, !t.noExpand else {
                out.append(t)
                continue
            }
            if t.text.utf8.first == UInt8(ascii: "I"), KernelMacros.configurationTests.contains(t.text),
                !macros.isDefined(t.text)
            {
                if let value = configurationTest(t, &stream) {
                    out.append(
                        CToken(
                            kind: .integer, text: value ? "1" : "0", value: value ? 1 : 0, location: t.location,
                            hasLeadingSpace: t.hasLeadingSpace))
                } else {
                    out.append(t)
                }
                continue
            }
            guard let m = macros[t.text] else {
                out.append(t)
                continue
            }
            var body: [CToken]
            if let parameters = m.parameters {
                guard let open = stream.peek(), open.isPunctuator(.leftParen) else {
                    out.append(t)  // a function-like macro's name alone is just a name
                    continue
                }
                _ = stream.next()
                guard let args = collectArguments(of: m, parameters: parameters, use: t, &stream) else {
                    out.append(t)
                    continue
                }
                body = substitute(m, args: args, use: t, disabled: stream.disabled)
            } else {
                body = m.body.map { relocated($0, to: t) }
            }
            if !body.isEmpty { body[0].hasLeadingSpace = t.hasLeadingSpace }
            budget -= body.count + 1
            if budget < 0 {
                exhausted = true
                errors.append(
                    CParseError(location: t.location, message: "macro expansion of '\(t.text)' exceeds the token limit")
                )
                return
            }
            stream.push(body, macro: m.name)
        }
    }

    /// `IS_ENABLED(CONFIG_X)`: true when the configuration sets CONFIG_X (or CONFIG_X_MODULE for
    /// the module tests). Nil, with an error, when the argument is not one name.
    private mutating func configurationTest(_ t: CToken, _ stream: inout Stream) -> Bool? {
        guard let open = stream.peek(), open.isPunctuator(.leftParen) else { return nil }
        _ = stream.next()
        guard let name = stream.next(), name.isWord, let close = stream.next(), close.isPunctuator(.rightParen) else {
            errors.append(CParseError(location: t.location, message: "\(t.text) takes one configuration symbol"))
            return false
        }
        let builtin = configuration.enabled.contains(name.text)
        let module = configuration.enabled.contains(name.text + "_MODULE")
        switch t.text {
        case "IS_BUILTIN": return builtin
        case "IS_MODULE": return module
        default: return builtin || module
        }
    }

    private mutating func collectArguments(
        of m: CMacro, parameters: [String], use: CToken, _ stream: inout Stream
    ) -> [[CToken]]? {
        var args: [[CToken]] = []
        var current: [CToken] = []
        var depth = 0
        while true {
            guard let a = stream.next() else {
                errors.append(
                    CParseError(
                        location: use.location, message: "unterminated argument list invoking macro '\(m.name)'"))
                return nil
            }
            if a.isPunctuator(.leftParen) {
                depth += 1
            } else if a.isPunctuator(.rightParen) {
                if depth == 0 {
                    args.append(current)
                    break
                }
                depth -= 1
            } else if a.isPunctuator(.comma), depth == 0, !(m.isVariadic && args.count == parameters.count - 1) {
                args.append(current)
                current = []
                continue
            }
            current.append(a)
        }
        if parameters.isEmpty && args.count == 1 && args[0].isEmpty { args = [] }
        if m.isVariadic && args.count == parameters.count - 1 { args.append([]) }
        if args.count != parameters.count {
            let message =
                args.count < parameters.count
                ? "macro '\(m.name)' requires \(parameters.count) arguments, but only \(args.count) given"
                : "macro '\(m.name)' passed \(args.count) arguments, but takes just \(parameters.count)"
            errors.append(CParseError(location: use.location, message: message))
            return nil
        }
        return args
    }

    private func relocated(_ t: CToken, to use: CToken) -> CToken {
        var r = t
        r.location = use.location
        r.atLineStart = false
        return r
    }

    /// A placeholder for an empty argument next to `##` (C's "placemarker").
    private static func placemarker(_ at: CLocation) -> CToken { CToken(kind: .unknown, text: "", location: at) }

    private mutating func substitute(_ m: CMacro, args: [[CToken]], use: CToken, disabled: [String]) -> [CToken] {
        let parameters = m.parameters ?? []
        func parameterIndex(_ t: CToken) -> Int? { t.isWord ? parameters.firstIndex(of: t.text) : nil }
        let body = m.body
        var result: [CToken] = []
        var expandedArgs: [Int: [CToken]] = [:]
        var i = 0
        while i < body.count {
            let b = body[i]
            // `#param`: the argument's spelling as a string literal.
            if b.isPunctuator(.hash), i + 1 < body.count, let p = parameterIndex(body[i + 1]) {
                result.append(stringified(args[p], use: use))
                i += 2
                continue
            }
            // GNU `, ## __VA_ARGS__`: the comma goes when the variadic argument is empty.
            if b.isPunctuator(.comma), m.isVariadic, i + 2 < body.count, body[i + 1].isPunctuator(.hashHash),
                parameterIndex(body[i + 2]) == parameters.count - 1
            {
                let va = args[parameters.count - 1]
                if !va.isEmpty {
                    result.append(relocated(b, to: use))
                    result.append(contentsOf: expandedArgument(parameters.count - 1, args, &expandedArgs, disabled))
                }
                i += 3
                continue
            }
            if b.isPunctuator(.hashHash), i > 0, i + 1 < body.count {
                let rightToken = body[i + 1]
                var right = parameterIndex(rightToken).map { args[$0] } ?? [relocated(rightToken, to: use)]
                i += 2
                let left = result.popLast() ?? Self.placemarker(use.location)
                if right.isEmpty { right = [Self.placemarker(use.location)] }
                if left.kind == .unknown && left.text.isEmpty {
                    result.append(contentsOf: right)
                } else if right[0].kind == .unknown && right[0].text.isEmpty {
                    result.append(left)
                } else {
                    result.append(contentsOf: pasted(left, right[0], use: use))
                    result.append(contentsOf: right.dropFirst())
                }
                continue
            }
            if let p = parameterIndex(b) {
                let nextIsPaste = i + 1 < body.count && body[i + 1].isPunctuator(.hashHash)
                if nextIsPaste {
                    result.append(contentsOf: args[p].isEmpty ? [Self.placemarker(use.location)] : args[p])
                } else {
                    var tokens = expandedArgument(p, args, &expandedArgs, disabled)
                    if !tokens.isEmpty { tokens[0].hasLeadingSpace = b.hasLeadingSpace }
                    result.append(contentsOf: tokens)
                }
                i += 1
                continue
            }
            result.append(relocated(b, to: use))
            i += 1
        }
        return result.filter { !($0.kind == .unknown && $0.text.isEmpty) }
    }

    /// An argument fully expanded on its own (once, however often the body names it).
    private mutating func expandedArgument(
        _ p: Int, _ args: [[CToken]], _ cache: inout [Int: [CToken]], _ disabled: [String]
    ) -> [CToken] {
        if let done = cache[p] { return done }
        var out: [CToken] = []
        if depth >= Self.maximumArgumentDepth {
            if let first = args[p].first {
                errors.append(CParseError(location: first.location, message: "macro arguments nested too deeply"))
            }
            exhausted = true
            return args[p]
        }
        depth += 1
        var stream = Stream(args[p], disabled: disabled)
        run(&stream, into: &out)
        depth -= 1
        cache[p] = out
        return out
    }

    private func stringified(_ tokens: [CToken], use: CToken) -> CToken {
        var text = "\""
        for (k, t) in tokens.enumerated() {
            if k > 0 && t.hasLeadingSpace { text += " " }
            if t.kind == .string || t.kind == .character {
                for ch in t.text {
                    if ch == "\"" || ch == "\\" { text.append("\\") }
                    text.append(ch)
                }
            } else {
                text += t.text
            }
        }
        text += "\""
        return CToken(kind: .string, text: text, location: use.location, hasLeadingSpace: true)
    }

    private mutating func pasted(_ left: CToken, _ right: CToken, use: CToken) -> [CToken] {
        let spelling = left.text + right.text
        let (tokens, lexErrors) = CLexer.tokenize(spelling, file: use.location.file)
        if tokens.count == 1 && lexErrors.isEmpty {
            var t = tokens[0]
            t.location = left.location
            t.hasLeadingSpace = left.hasLeadingSpace
            t.atLineStart = false
            return [t]
        }
        errors.append(
            CParseError(
                location: use.location,
                message: "pasting \"\(left.text)\" and \"\(right.text)\" does not give a valid preprocessing token"))
        return [left, right]
    }
}
