import Mail
import Patches

/// Byte-level forms of the marker checks, for the common case of a pure-ASCII line: there every
/// byte is one Character (a line holds no LF, so no CR LF pair), `trimmingSpaces()` trims the
/// bytes space, tab and CR, `lowercased()` lower-cases A-Z, and counts are byte counts. Each
/// check here gives exactly what its String form in `BodyMarkers`, `TrailerLine` or
/// `MessageAnalyzer` gives for the same line; non-ASCII lines keep using the String forms.
struct ProseBytes {
    /// The trimmed content (no leading or trailing space, tab, CR).
    let start: Int
    let end: Int
    let isASCII: Bool

    init(_ body: [UInt8], _ range: Range<Int>) {
        var s = range.lowerBound
        var e = range.upperBound
        let ascii = body.withUnsafeBufferPointer { buf -> Bool in
            guard range.upperBound <= buf.count else { return false }
            return Ascii.isASCII(UnsafeBufferPointer(rebasing: buf[range]))
        }
        while s < e, Self.isTrimmed(body[s]) { s += 1 }
        while e > s, Self.isTrimmed(body[e - 1]) { e -= 1 }
        start = s
        end = e
        isASCII = ascii
    }

    @inline(__always) static func isTrimmed(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    var count: Int { end - start }

    /// Case-insensitive prefix test of the trimmed text; `p` is lower case ASCII.
    func hasLowerPrefix(_ body: [UInt8], _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard count >= n else { return false }
        return p.withUTF8Buffer { buf in
            for k in 0..<n where Self.lower(body[start + k]) != buf[k] { return false }
            return true
        }
    }

    // MARK: - BodyMarkers

    /// `BodyMarkers.isSignatureSeparator`.
    func isSignatureSeparator(_ body: [UInt8]) -> Bool {
        count == 2 && body[start] == 0x2D && body[start + 1] == 0x2D
    }

    /// `BodyMarkers.isListFooter`.
    func isListFooter(_ body: [UInt8]) -> Bool {
        guard count >= 10 else { return false }
        switch Self.lower(body[start]) {
        case UInt8(ascii: "t"):
            return hasLowerPrefix(body, "to unsubscribe") || hasLowerPrefix(body, "to view this discussion on the web")
        case UInt8(ascii: "m"): return hasLowerPrefix(body, "more majordomo info")
        case UInt8(ascii: "p"): return hasLowerPrefix(body, "please read the faq")
        case UInt8(ascii: "_"): return hasLowerPrefix(body, "_______________________________________________")
        case UInt8(ascii: "l"):
            return hasLowerPrefix(body, "linux-kernel mailing list") || hasLowerPrefix(body, "linux-mm mailing list")
                || hasLowerPrefix(body, "linux-arm-kernel mailing list")
                || hasLowerPrefix(body, "linuxppc-dev mailing list")
        case UInt8(ascii: "d"):
            return hasLowerPrefix(body, "don't email: <a href") || hasLowerPrefix(body, "dont email: <a href")
        case UInt8(ascii: "y"): return hasLowerPrefix(body, "you received this message because you are subscribed")
        case UInt8(ascii: "s"): return hasLowerPrefix(body, "see: http://www.linux-mm.org")
        default: return false
        }
    }

    /// `BodyMarkers.isTruncationMark`.
    func isTruncationMark(_ body: [UInt8]) -> Bool {
        hasLowerPrefix(body, "< truncated lines") || hasLowerPrefix(body, "<truncated lines")
            || hasLowerPrefix(body, "[truncated") || hasLowerPrefix(body, "[ truncated")
    }

    private static let snipMarks: Set<[UInt8]> = Set(
        [
            "<snip>", "[snip]", "<snipped>", "[snipped]", "snip", "...", "[...]", "[..]", "<...>",
            "(...)", "--snip--", "---snip---", "<snip/>", "[trimmed]", "<trim>", "[cut]",
            "...snip...", "[...snip...]", "----8<----", "---8<---", "-->8--", "8<",
        ].map { Array($0.utf8) })

    /// `BodyMarkers.isSnipMark` (its non-ASCII marks cannot equal an ASCII line).
    func isSnipMark(_ body: [UInt8]) -> Bool {
        if count == 0 || count > 60 { return false }
        switch body[start] {
        case UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "8"), UInt8(ascii: "s"), UInt8(ascii: "S"):
            break
        default:
            return false
        }
        if isTruncationMark(body) { return true }
        var bare: [UInt8] = []
        bare.reserveCapacity(count)
        for k in start..<end where body[k] != 0x20 { bare.append(Self.lower(body[k])) }
        return Self.snipMarks.contains(bare)
    }

    /// The trimmed text ends with `:` and is short enough for an attribution.
    func mayBeAttribution(_ body: [UInt8]) -> Bool {
        count > 0 && body[end - 1] == UInt8(ascii: ":") && count <= AttributionParser.maxLength
    }

    /// `BodyMarkers.isSeparatorOnly`.
    func isSeparatorOnly(_ body: [UInt8]) -> Bool {
        guard count >= 2 else { return false }
        let f = body[start]
        switch f {
        case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "_"),
            UInt8(ascii: "#"):
            break
        default:
            return false
        }
        for k in start..<end where body[k] != f && body[k] != 0x20 { return false }
        return true
    }

    /// `BodyMarkers.isGreeting`: the first space-separated word, lower-cased and without `,!.`
    /// at its ends, is a greeting word; at most 4 words and 40 characters; no `?`.
    func isGreeting(_ body: [UInt8]) -> Bool {
        guard count > 0, count <= 40 else { return false }
        var words = 0
        var inWord = false
        var firstEnd = end
        for k in start..<end {
            let b = body[k]
            if b == UInt8(ascii: "?") { return false }
            if b == 0x20 {
                if inWord && words == 1 && firstEnd == end { firstEnd = k }
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words <= 4 else { return false }
        var s = start
        var e = firstEnd
        @inline(__always) func punct(_ b: UInt8) -> Bool {
            b == UInt8(ascii: ",") || b == UInt8(ascii: "!") || b == UInt8(ascii: ".")
        }
        while s < e, punct(body[s]) { s += 1 }
        while e > s, punct(body[e - 1]) { e -= 1 }
        guard e - s <= 7 else { return false }
        return BodyMarkers.greetingWords.contains(Self.lowerString(body, s..<e))
    }

    /// `BodyMarkers.isClosing`: lower-cased, without `,` at the ends, a closing word.
    func isClosing(_ body: [UInt8]) -> Bool {
        var s = start
        var e = end
        while s < e, body[s] == UInt8(ascii: ",") { s += 1 }
        while e > s, body[e - 1] == UInt8(ascii: ",") { e -= 1 }
        guard e - s <= 12 else { return false }
        return BodyMarkers.closingWords.contains(Self.lowerString(body, s..<e))
    }

    /// The bytes of `r`, A-Z lowered, as a String.
    static func lowerString(_ body: [UInt8], _ r: Range<Int>) -> String {
        body.withUnsafeBufferPointer { String(asciiLowercasing: UnsafeBufferPointer(rebasing: $0[r])) }
    }

    // MARK: - TrailerLine

    /// False when `TrailerLine.parse` surely gives nil for this line (NAK forms and `key:` lines
    /// whose key could be a trailer key pass).
    func mayBeTrailer(_ body: [UInt8]) -> Bool {
        guard count >= 3 else { return false }
        if body[start] == UInt8(ascii: "N") { return true }  // `NAK`, `Nacked ...`, `Nacked-by:`
        var k = start
        let limit = min(end, start + 16)
        while k < limit, body[k] != UInt8(ascii: ":") { k += 1 }
        guard k < limit, k - start >= 2 else { return false }
        switch Self.lower(body[start]) {
        case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "a"), UInt8(ascii: "t"), UInt8(ascii: "c"),
            UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "l"):
            return true
        default:
            return false
        }
    }
}
