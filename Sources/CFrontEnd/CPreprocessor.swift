/// What the preprocessor made of a file: the tokens the parser reads and what it saw on the way.
public struct CPreprocessedFile: Sendable {
    public var tokens: [CToken]
    /// `#include` operands as written (`<linux/mm.h>`), in order; they are not followed.
    public var includes: [String]
    /// Macros the file itself defined in live code, name → definition as written.
    public var macros: [String: String]
    public var errors: [CParseError]
}

/// A small C preprocessor: enough for mm/ sources read one file at a time. `#include` is recorded
/// and not followed (the kernel macros the code relies on are built in, see `KernelMacros`);
/// `#define`/`#undef` and function-like, variadic, `#` and `##` macros work; conditionals are
/// decided by a `CConfiguration`.
public struct CPreprocessor: Sendable {
    public let file: String
    public let configuration: CConfiguration
    /// Most tokens a file may expand to: a bound against macro bombs and absurd input.
    public static let maximumTokens = 1_000_000
    /// This preprocessor's bound (tests lower it).
    public let maximumTokens: Int

    public init(file: String, configuration: CConfiguration = .init(), maximumTokens: Int = CPreprocessor.maximumTokens)
    {
        self.file = file
        self.configuration = configuration
        self.maximumTokens = maximumTokens
    }

    private struct Conditional {
        var parentLive: Bool
        /// Some branch of this #if chain has been taken (later #elif/#else are dead).
        var taken: Bool
        var sawElse: Bool
        var location: CLocation
    }

    public func preprocess(_ source: String) -> CPreprocessedFile {
        let (raw, lexErrors) = CLexer.tokenize(source, file: file)
        var errors = lexErrors
        var table = KernelMacros.table
        for symbol in configuration.enabled {
            table.define(
                CMacro(
                    name: symbol, parameters: nil, isVariadic: false,
                    body: [
                        CToken(
                            kind: .integer, text: "1", value: 1,
                            location: CLocation(file: "<configuration>", line: 1, column: 1))
                    ], location: CLocation(file: "<configuration>", line: 1, column: 1)))
        }
        for (head, body) in configuration.macros.sorted(by: { $0.key < $1.key }) {
            if let e = table.define(source: head + " " + body, file: "<configuration>") { errors.append(e) }
        }
        var expander = MacroExpander(macros: table, configuration: configuration, budget: maximumTokens)
        var out: [CToken] = []
        out.reserveCapacity(raw.count)
        var includes: [String] = []
        var defined: [String: String] = [:]
        var conditionals: [Conditional] = []
        var live = true
        var runStart: Int?
        var i = 0

        func flush(upTo end: Int) {
            if let s = runStart, s < end {
                expander.expand(raw, range: s..<end, into: &out)
            }
            runStart = nil
        }

        while i < raw.count && !expander.exhausted {
            let t = raw[i]
            guard t.atLineStart && t.isPunctuator(.hash) else {
                if live && runStart == nil { runStart = i }
                i += 1
                continue
            }
            flush(upTo: i)
            var end = i + 1
            while end < raw.count && !raw[end].atLineStart { end += 1 }
            let line = raw[(i + 1)..<end]
            i = end
            guard let directive = line.first else { continue }  // the null directive `#`
            let operands = line.dropFirst()
            switch directive.text {
            case "if", "ifdef", "ifndef":
                var value = false
                if live {
                    if directive.text == "if" {
                        value = evaluate(operands, at: directive, &expander, &errors)
                    } else if let name = operands.first, name.isWord {
                        value = expander.macros.isDefined(name.text) == (directive.text == "ifdef")
                    } else {
                        errors.append(
                            CParseError(
                                location: directive.location,
                                message: "no macro name given in #\(directive.text) directive"))
                    }
                }
                conditionals.append(
                    Conditional(parentLive: live, taken: value, sawElse: false, location: directive.location))
                live = live && value
            case "elif":
                guard var c = conditionals.popLast() else {
                    errors.append(CParseError(location: directive.location, message: "#elif without #if"))
                    continue
                }
                if c.sawElse { errors.append(CParseError(location: directive.location, message: "#elif after #else")) }
                if c.parentLive && !c.taken {
                    let value = evaluate(operands, at: directive, &expander, &errors)
                    live = value
                    c.taken = value
                } else {
                    live = false
                }
                conditionals.append(c)
            case "else":
                guard var c = conditionals.popLast() else {
                    errors.append(CParseError(location: directive.location, message: "#else without #if"))
                    continue
                }
                if c.sawElse { errors.append(CParseError(location: directive.location, message: "#else after #else")) }
                c.sawElse = true
                live = c.parentLive && !c.taken
                c.taken = true
                conditionals.append(c)
            case "endif":
                guard let c = conditionals.popLast() else {
                    errors.append(CParseError(location: directive.location, message: "#endif without #if"))
                    continue
                }
                live = c.parentLive
            default:
                guard live else { continue }
                switch directive.text {
                case "define":
                    switch CMacro.parse(operands, at: directive.location) {
                    case .success(let m):
                        expander.macros.define(m)
                        defined[m.name] = m.definition
                    case .failure(let e): errors.append(e)
                    }
                case "undef":
                    if let name = operands.first, name.isWord {
                        expander.macros.undefine(name.text)
                        defined[name.text] = nil
                    } else {
                        errors.append(
                            CParseError(
                                location: directive.location, message: "no macro name given in #undef directive"))
                    }
                case "include", "include_next":
                    includes.append(CToken.spell(operands))
                case "error":
                    errors.append(
                        CParseError(
                            location: directive.location, message: "#error " + CToken.spell(operands, keepSpaces: true))
                    )
                case "warning", "pragma", "line", "ident":
                    break
                default:
                    errors.append(
                        CParseError(
                            location: directive.location, message: "invalid preprocessing directive #\(directive.text)")
                    )
                }
            }
        }
        flush(upTo: raw.count)
        for c in conditionals.reversed() {
            errors.append(CParseError(location: c.location, message: "unterminated conditional directive"))
        }
        errors.append(contentsOf: expander.errors)
        return CPreprocessedFile(tokens: out, includes: includes, macros: defined, errors: errors)
    }

    /// An `#if`/`#elif` condition: `defined` first, then macros (and `IS_ENABLED`), then names left
    /// over count as 0, as in C.
    private func evaluate(
        _ operands: ArraySlice<CToken>, at directive: CToken, _ expander: inout MacroExpander,
        _ errors: inout [CParseError]
    ) -> Bool {
        var withDefined: [CToken] = []
        var k = operands.startIndex
        while k < operands.endIndex {
            let t = operands[k]
            if t.isWord && t.text == "defined" {
                var nameIndex = k + 1
                let parenthesised = nameIndex < operands.endIndex && operands[nameIndex].isPunctuator(.leftParen)
                if parenthesised { nameIndex += 1 }
                guard nameIndex < operands.endIndex, operands[nameIndex].isWord else {
                    errors.append(
                        CParseError(location: t.location, message: "operator \"defined\" requires an identifier"))
                    return false
                }
                let isDefined = expander.macros.isDefined(operands[nameIndex].text)
                withDefined.append(
                    CToken(kind: .integer, text: isDefined ? "1" : "0", value: isDefined ? 1 : 0, location: t.location))
                k = nameIndex + 1
                if parenthesised {
                    guard k < operands.endIndex, operands[k].isPunctuator(.rightParen) else {
                        errors.append(CParseError(location: t.location, message: "missing ')' after \"defined\""))
                        return false
                    }
                    k += 1
                }
                continue
            }
            withDefined.append(t)
            k += 1
        }
        var expanded: [CToken] = []
        expander.expand(withDefined, into: &expanded)
        let numeric = expanded.map { t -> CToken in
            t.isWord ? CToken(kind: .integer, text: "0", value: 0, location: t.location) : t
        }
        guard !numeric.isEmpty else {
            errors.append(CParseError(location: directive.location, message: "#\(directive.text) with no expression"))
            return false
        }
        var parser = CParser(tokens: numeric, file: file)
        do throws(CParseError) {
            let expr = try parser.parseExpression()
            if !parser.atEnd { throw parser.error("missing binary operator before token \"\(parser.current.text)\"") }
            switch ConstantEvaluator.evaluate(expr) {
            case .success(let v): return v != 0
            case .failure(.divisionByZero(let at)):
                errors.append(CParseError(location: at, message: "division by zero in #\(directive.text)"))
            case .failure(.notConstant(let at)):
                errors.append(CParseError(location: at, message: "token is not valid in preprocessor expressions"))
            }
        } catch {
            errors.append(error)
        }
        return false
    }

    /// The `CONFIG_*` symbols the file's conditionals (and `IS_ENABLED`-style tests in code) look
    /// at, live or not: the configurations worth parsing the file in.
    public static func configurationSymbols(in source: String) -> Set<String> {
        let (raw, _) = CLexer.tokenize(source, file: "")
        var symbols: Set<String> = []
        var i = 0
        var inCondition = false
        while i < raw.count {
            let t = raw[i]
            if t.atLineStart {
                inCondition = false
                if t.isPunctuator(.hash), i + 1 < raw.count, !raw[i + 1].atLineStart {
                    inCondition = ["if", "ifdef", "ifndef", "elif"].contains(raw[i + 1].text)
                }
            }
            if t.isWord {
                if inCondition && t.text.hasPrefix("CONFIG_") {
                    symbols.insert(t.text)
                } else if KernelMacros.configurationTests.contains(t.text), i + 2 < raw.count,
                    raw[i + 1].isPunctuator(.leftParen), raw[i + 2].text.hasPrefix("CONFIG_")
                {
                    symbols.insert(raw[i + 2].text)
                }
            }
            i += 1
        }
        return symbols
    }
}
