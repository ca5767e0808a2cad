/// Bytes in, preprocessing tokens out. Comments become whitespace, `\` + newline joins lines
/// (between tokens and inside comments, strings and character literals), and every token knows
/// whether it starts a line, which is what lets the preprocessor find its directives.
public struct CLexer {
    public let file: String
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var sawNewline = true
    private var sawSpace = false
    public private(set) var errors: [CParseError] = []

    public init(_ source: String, file: String) {
        self.file = file
        self.bytes = Array(source.utf8)
    }

    /// Every token of `source` (without the end-of-file token) and the lexical errors.
    public static func tokenize(_ source: String, file: String) -> (tokens: [CToken], errors: [CParseError]) {
        var lexer = CLexer(source, file: file)
        var tokens: [CToken] = []
        tokens.reserveCapacity(source.utf8.count / 8)
        while true {
            let t = lexer.next()
            if t.kind == .endOfFile { break }
            tokens.append(t)
        }
        return (tokens, lexer.errors)
    }

    private var location: CLocation { CLocation(file: file, line: line, column: index - lineStart + 1) }

    private func byte(_ offset: Int = 0) -> UInt8 {
        let i = index + offset
        return i < bytes.count ? bytes[i] : 0
    }

    private mutating func newline() {
        line += 1
        lineStart = index
    }

    /// Skips spaces, newlines, comments and line splices; records whether a newline was crossed.
    private mutating func skipTrivia() {
        while index < bytes.count {
            let c = bytes[index]
            switch c {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                index += 1
                sawSpace = true
            case 0x0A:
                index += 1
                newline()
                sawNewline = true
                sawSpace = true
            case UInt8(ascii: "\\") where spliceLength(at: index) > 0:
                index += spliceLength(at: index)
                newline()
                sawSpace = true
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "*"):
                let start = location
                index += 2
                var closed = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "*") && byte(1) == UInt8(ascii: "/") {
                        index += 2
                        closed = true
                        break
                    }
                    if bytes[index] == 0x0A {
                        index += 1
                        newline()
                    } else {
                        index += 1
                    }
                }
                if !closed { errors.append(CParseError(location: start, message: "unterminated comment")) }
                sawSpace = true
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "/"):
                // A `//` comment runs to the end of the line, continued lines included.
                while index < bytes.count && bytes[index] != 0x0A {
                    if bytes[index] == UInt8(ascii: "\\") && spliceLength(at: index) > 0 {
                        index += spliceLength(at: index)
                        newline()
                    } else {
                        index += 1
                    }
                }
                sawSpace = true
            default:
                return
            }
        }
    }

    /// Length of a `\` + newline splice at `i` (`\` `\r`? `\n`), or 0.
    private func spliceLength(at i: Int) -> Int {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\\") else { return 0 }
        if i + 1 < bytes.count && bytes[i + 1] == 0x0A { return 2 }
        if i + 2 < bytes.count && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A { return 3 }
        return 0
    }

    public mutating func next() -> CToken {
        skipTrivia()
        let start = location
        let atLineStart = sawNewline
        let leadingSpace = sawSpace
        sawNewline = false
        sawSpace = false
        guard index < bytes.count else {
            return CToken(kind: .endOfFile, text: "", location: start, atLineStart: true, hasLeadingSpace: true)
        }
        let begin = index
        let c = bytes[index]
        var kind = CToken.Kind.punctuator
        var value: Int64 = 0
        var text: String?
        var punct: CPunctuator?

        if Self.isIdentifierStart(c) {
            // String and character prefixes: L"", u8"", u'', U''.
            if let quoteAt = literalPrefixEnd(), bytes[quoteAt] == UInt8(ascii: "\"") || bytes[quoteAt] == 39 {
                index = quoteAt
                (kind, value) = lexQuoted(start: start)
            } else {
                index += 1
                while index < bytes.count && Self.isIdentifierContinue(bytes[index]) { index += 1 }
                kind = .identifier
            }
        } else if Self.isDigit(c) || (c == UInt8(ascii: ".") && Self.isDigit(byte(1))) {
            (kind, value) = lexNumber(start: start)
        } else if c == UInt8(ascii: "\"") || c == 39 {
            (kind, value) = lexQuoted(start: start)
        } else if let p = punctuator() {
            index += p.rawValue.utf8.count
            text = p.rawValue
            punct = p
        } else {
            // Non-ASCII bytes travel as one unknown token per UTF-8 sequence.
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            kind = .unknown
        }
        let spelling = text ?? String(decoding: bytes[begin..<index], as: UTF8.self)
        if kind == .identifier && CKeywords.filter.mayContain(first: bytes[begin], length: index - begin)
            && CKeywords.all.contains(spelling)
        {
            kind = .keyword
        }
        return CToken(
            kind: kind, text: spelling, value: value, location: start, atLineStart: atLineStart,
            hasLeadingSpace: leadingSpace, punctuator: punct)
    }

    /// If an encoding prefix (`L`, `u`, `U`, `u8`) directly precedes a quote, the quote's index.
    private func literalPrefixEnd() -> Int? {
        let c = bytes[index]
        if c == UInt8(ascii: "L") || c == UInt8(ascii: "U") {
            return index + 1 < bytes.count ? index + 1 : nil
        }
        if c == UInt8(ascii: "u") {
            if byte(1) == UInt8(ascii: "8") { return index + 2 < bytes.count ? index + 2 : nil }
            return index + 1 < bytes.count ? index + 1 : nil
        }
        return nil
    }

    private mutating func lexQuoted(start: CLocation) -> (CToken.Kind, Int64) {
        let quote = bytes[index]
        index += 1
        let contentStart = index
        var closed = false
        while index < bytes.count {
            let b = bytes[index]
            if b == quote {
                closed = true
                break
            }
            if b == 0x0A { break }
            if b == UInt8(ascii: "\\") {
                let splice = spliceLength(at: index)
                if splice > 0 {
                    index += splice
                    newline()
                    continue
                }
                index += 2
                continue
            }
            index += 1
        }
        let contentEnd = min(index, bytes.count)
        if closed {
            index += 1
        } else {
            let what = quote == 39 ? "character constant" : "string literal"
            errors.append(
                CParseError(
                    location: start, message: "missing terminating \(quote == 39 ? "'" : "\"") character in \(what)"))
        }
        guard quote == 39 else { return (.string, 0) }
        // A character constant's value: GCC's, the last char's byte for multi-character ones.
        let decoded = Self.decodeEscapes(bytes[contentStart..<contentEnd])
        if decoded.isEmpty {
            errors.append(CParseError(location: start, message: "empty character constant"))
            return (.character, 0)
        }
        var v: Int64 = 0
        for b in decoded { v = (v << 8) | Int64(b) }
        if decoded.count == 1 { v = Int64(Int8(bitPattern: UInt8(truncatingIfNeeded: decoded[0]))) }
        return (.character, v)
    }

    private mutating func lexNumber(start: CLocation) -> (CToken.Kind, Int64) {
        let begin = index
        // pp-number: digits, letters, `_`, `.`, and signs after an exponent letter.
        while index < bytes.count {
            let b = bytes[index]
            if Self.isIdentifierContinue(b) || b == UInt8(ascii: ".") {
                index += 1
            } else if b == UInt8(ascii: "+") || b == UInt8(ascii: "-"),
                [UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "p"), UInt8(ascii: "P")].contains(bytes[index - 1])
            {
                index += 1
            } else {
                break
            }
        }
        let spelling = bytes[begin..<index]
        if let v = Self.integerValue(spelling) { return (.integer, v) }
        let isHex =
            spelling.count > 1 && spelling.first == UInt8(ascii: "0")
            && (spelling.dropFirst().first! | 0x20) == UInt8(ascii: "x")
        if spelling.contains(UInt8(ascii: "."))
            || (!isHex && spelling.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }))
        {
            return (.floating, 0)
        }
        errors.append(
            CParseError(
                location: start, message: "invalid integer constant '\(String(decoding: spelling, as: UTF8.self))'"))
        return (.integer, 0)
    }

    /// The value of a C integer constant: decimal, `0x` hex, `0b` binary (GNU), octal, with any of the
    /// suffixes `u`, `l`, `ll` in either case and order. Nil if it is not one.
    static func integerValue<C: Collection>(_ spelling: C) -> Int64? where C.Element == UInt8 {
        var digits = Array(spelling)
        // Strip the suffix.
        var suffix = 0
        while let last = digits.last, last | 0x20 == UInt8(ascii: "u") || last | 0x20 == UInt8(ascii: "l") {
            digits.removeLast()
            suffix += 1
        }
        if suffix > 3 || digits.isEmpty { return nil }
        var radix: UInt64 = 10
        var body = digits[...]
        if digits.count > 1 && digits[0] == UInt8(ascii: "0") {
            switch digits[1] | 0x20 {
            case UInt8(ascii: "x"):
                radix = 16
                body = digits[2...]
            case UInt8(ascii: "b"):
                radix = 2
                body = digits[2...]
            default:
                radix = 8
                body = digits[1...]
            }
            if body.isEmpty && radix != 8 { return nil }
        }
        var value: UInt64 = 0
        for b in body {
            let d: UInt64
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt64(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt64(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            if d >= radix { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
        }
        return Int64(bitPattern: value)
    }

    /// The bytes a string or character literal's body stands for, escapes resolved.
    static func decodeEscapes<C: Collection>(_ body: C) -> [UInt32] where C.Element == UInt8 {
        var out: [UInt32] = []
        let b = Array(body)
        var i = 0
        while i < b.count {
            let c = b[i]
            guard c == UInt8(ascii: "\\"), i + 1 < b.count else {
                out.append(UInt32(c))
                i += 1
                continue
            }
            i += 1
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "e"): out.append(27)
            case 0x0A: break  // a splice inside the literal
            case UInt8(ascii: "x"):
                var v: UInt32 = 0
                while i < b.count, let d = hexDigit(b[i]) {
                    v = (v &<< 4) | d
                    i += 1
                }
                out.append(v & 0xFF)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - UInt8(ascii: "0"))
                var n = 1
                while n < 3, i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "7") {
                    v = v * 8 + UInt32(b[i] - UInt8(ascii: "0"))
                    i += 1
                    n += 1
                }
                out.append(v & 0xFF)
            default: out.append(UInt32(e))  // \\ \' \" \? and unknown escapes stand for themselves
            }
        }
        return out
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The longest punctuator at the current position, as a static string (no allocation).
    private func punctuator() -> CPunctuator? {
        let c = bytes[index]
        let n = byte(1)
        let n2 = byte(2)
        switch c {
        case UInt8(ascii: "."):
            return n == UInt8(ascii: ".") && n2 == UInt8(ascii: ".") ? .ellipsis : .dot
        case UInt8(ascii: "-"):
            if n == UInt8(ascii: ">") { return .arrow }
            if n == UInt8(ascii: "-") { return .decrement }
            return n == UInt8(ascii: "=") ? .minusAssign : .minus
        case UInt8(ascii: "+"):
            if n == UInt8(ascii: "+") { return .increment }
            return n == UInt8(ascii: "=") ? .plusAssign : .plus
        case UInt8(ascii: "<"):
            if n == UInt8(ascii: "<") { return n2 == UInt8(ascii: "=") ? .shiftLeftAssign : .shiftLeft }
            return n == UInt8(ascii: "=") ? .lessEqual : .less
        case UInt8(ascii: ">"):
            if n == UInt8(ascii: ">") { return n2 == UInt8(ascii: "=") ? .shiftRightAssign : .shiftRight }
            return n == UInt8(ascii: "=") ? .greaterEqual : .greater
        case UInt8(ascii: "&"):
            if n == UInt8(ascii: "&") { return .ampersandAmpersand }
            return n == UInt8(ascii: "=") ? .ampersandAssign : .ampersand
        case UInt8(ascii: "|"):
            if n == UInt8(ascii: "|") { return .pipePipe }
            return n == UInt8(ascii: "=") ? .pipeAssign : .pipe
        case UInt8(ascii: "="): return n == UInt8(ascii: "=") ? .equalEqual : .assign
        case UInt8(ascii: "!"): return n == UInt8(ascii: "=") ? .notEqual : .bang
        case UInt8(ascii: "*"): return n == UInt8(ascii: "=") ? .starAssign : .star
        case UInt8(ascii: "/"): return n == UInt8(ascii: "=") ? .slashAssign : .slash
        case UInt8(ascii: "%"): return n == UInt8(ascii: "=") ? .percentAssign : .percent
        case UInt8(ascii: "^"): return n == UInt8(ascii: "=") ? .caretAssign : .caret
        case UInt8(ascii: "#"): return n == UInt8(ascii: "#") ? .hashHash : .hash
        case UInt8(ascii: "("): return .leftParen
        case UInt8(ascii: ")"): return .rightParen
        case UInt8(ascii: "["): return .leftBracket
        case UInt8(ascii: "]"): return .rightBracket
        case UInt8(ascii: "{"): return .leftBrace
        case UInt8(ascii: "}"): return .rightBrace
        case UInt8(ascii: "~"): return .tilde
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: ","): return .comma
        default: return nil
        }
    }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "$")
    }

    static func isIdentifierContinue(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
