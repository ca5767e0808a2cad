/// Byte-level text access for the scanner. Mail lines arrive as `[UInt8]`; classifying them as
/// bytes (first byte, short prefixes) keeps the hot loop free of String creation, which only
/// happens for lines that end up in the model.

public enum Ascii {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let amp: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let lparen: UInt8 = 0x28
    static let rparen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let lbracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rbracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let lbrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let rbrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab || b == cr }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isIdent(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == underscore
    }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Whether every byte is ASCII, tested 32 and then eight at a time. The conversation layer's
    /// prose checks use it too.
    public static func isASCII(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = buf.count
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Four words or'ed before one test: a diff line is 40-80 bytes.
            while i + 32 <= n {
                let w =
                    raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { return false }
                i += 32
            }
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                i += 8
            }
            // The last few bytes as the buffer's last word, overlapping bytes already tested.
            if i < n && n >= 8 {
                return raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            }
        }
        while i < n {
            if buf[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

/// A line's bytes as handed over, minus a trailing CR (a CRLF mail decoded without care).
typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

/// Scanner views of text that is not a scanned body.
enum ByteView {
    /// `body` run on the UTF-8 of `text`; the view lives only during the call.
    static func of<R>(_ text: String, _ body: (Bytes) -> R) -> R {
        var text = text
        return text.withUTF8 { body($0[...]) }
    }

    static var empty: Bytes { UnsafeBufferPointer<UInt8>(start: nil, count: 0)[...] }
}

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    @inline(__always) func hasPrefix(_ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard count >= n else { return false }
        let base = startIndex
        return p.withUTF8Buffer { buf in
            for k in 0..<n where self[base + k] != buf[k] { return false }
            return true
        }
    }

    /// Case-insensitive prefix test; `p` must be lower case.
    func hasPrefixIgnoringCase(_ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard count >= n else { return false }
        let base = startIndex
        return p.withUTF8Buffer { buf in
            for k in 0..<n where Ascii.lower(self[base + k]) != buf[k] { return false }
            return true
        }
    }

    func hasSuffix(_ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard count >= n else { return false }
        let base = endIndex - n
        return p.withUTF8Buffer { buf in
            for k in 0..<n where self[base + k] != buf[k] { return false }
            return true
        }
    }

    @inline(__always) func dropping(_ n: Int) -> Bytes {
        self[(startIndex + Swift.min(n, count))...]
    }

    var trimmingLeadingSpace: Bytes {
        var s = startIndex
        while s < endIndex && Ascii.isSpace(self[s]) { s += 1 }
        return self[s...]
    }

    var trimmingTrailingSpace: Bytes {
        var e = endIndex
        while e > startIndex && Ascii.isSpace(self[e - 1]) { e -= 1 }
        return self[..<e]
    }

    var trimmed: Bytes { trimmingLeadingSpace.trimmingTrailingSpace }

    var isBlank: Bool {
        for b in self where !Ascii.isSpace(b) { return false }
        return true
    }

    @inline(__always) var firstByte: UInt8? { isEmpty ? nil : self[startIndex] }
    @inline(__always) var lastByte: UInt8? { isEmpty ? nil : self[endIndex - 1] }

    func firstIndex(of b: UInt8, from: Int) -> Int? {
        var k = from
        while k < endIndex {
            if self[k] == b { return k }
            k += 1
        }
        return nil
    }

    func contains(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, count >= n else { return n == 0 }
        return needle.withUTF8Buffer { buf in
            let first = buf[0]
            var k = startIndex
            let last = endIndex - n
            while k <= last {
                if self[k] == first {
                    var m = 1
                    while m < n && self[k + m] == buf[m] { m += 1 }
                    if m == n { return true }
                }
                k += 1
            }
            return false
        }
    }

    /// Index of the first occurrence of `needle` at or after `from`.
    func firstRange(of needle: StaticString, from: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return from }
        return needle.withUTF8Buffer { buf in
            var k = from
            let last = endIndex - n
            while k <= last {
                if self[k] == buf[0] {
                    var m = 1
                    while m < n && self[k + m] == buf[m] { m += 1 }
                    if m == n { return k }
                }
                k += 1
            }
            return nil
        }
    }

    var string: String { String(decoding: self, as: UTF8.self) }
}

/// A decimal number read from bytes, refusing overflow instead of trapping: hunk headers in
/// mail can carry anything (`@@ -99999999999999999999`).
struct DecimalReader {
    /// Returns the value and the index after the digits, nil when there are no digits; `overflow`
    /// is set when the digits do not fit (the index still moves past them).
    static func read(_ s: Bytes, at start: Int) -> (value: Int?, end: Int) {
        var k = start
        var v = 0
        var overflow = false
        while k < s.endIndex && Ascii.isDigit(s[k]) {
            if !overflow {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(s[k] - Ascii.zero))
                if o1 || o2 { overflow = true } else { v = a }
            }
            k += 1
        }
        if k == start || overflow { return (nil, k) }
        return (v, k)
    }
}
