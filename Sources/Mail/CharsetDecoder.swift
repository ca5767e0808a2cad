import Foundation

/// Converts text in a declared charset to UTF-8 bytes. UTF-8, US-ASCII, ISO-8859-1 and the
/// single-byte tables are exact and fast; a few multi-byte charsets go through Foundation; anything
/// else is read as UTF-8 with replacement, and the caller is told.
enum CharsetDecoder {
    enum Kind: Equatable {
        case utf8
        case latin1
        case table(String)
        case foundation(String.Encoding)
        /// Not a charset we can convert: read as UTF-8 with replacement.
        case unknown(String)
    }

    struct Output {
        var bytes: [UInt8]
        /// Bytes (or sequences) that could not be decoded and became U+FFFD.
        var undecodable: Int
        /// Set when the charset was not understood or not available.
        var unsupportedCharset: String?
    }

    /// The canonical name of a charset label (`"ISO8859-1"`, `latin1` → `iso-8859-1`).
    static func canonicalName(_ label: String) -> String {
        let kept = label.utf8.filter { $0 != 0x22 && $0 != 0x27 && !ASCII.isSpace($0) }
        // Up to an RFC 2231 language suffix (`*`).
        let s = String(
            decoding: kept.prefix(while: { $0 != 0x2A }).map { $0 == 0x5F ? 0x2D : ASCII.lower($0) }, as: UTF8.self)
        switch s {
        case "utf8", "x-utf-8", "unicode-1-1-utf-8", "utf-8": return "utf-8"
        case "ascii", "us-ascii", "ansi-x3.4-1968", "646", "us", "iso646-us", "cp367", "ibm367": return "us-ascii"
        case "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "iso8859-1", "iso-8859-1", "8859-1",
            "iso-8859-1:1987":
            return "iso-8859-1"
        case "latin2", "latin-2", "l2": return "iso-8859-2"
        case "latin9", "latin-9", "l9": return "iso-8859-15"
        case "koi8r": return "koi8-r"
        case "koi8u": return "koi8-u"
        case "sjis", "x-sjis", "shift-jis", "ms-kanji", "csshiftjis", "windows-31j", "cp932": return "shift_jis"
        case "eucjp", "x-euc-jp": return "euc-jp"
        default: break
        }
        if s.hasPrefix("iso8859-") { return "iso-" + s.dropFirst(3) }
        if s.hasPrefix("iso-8859") && !s.hasPrefix("iso-8859-"), s.count > 8 {
            return "iso-8859-" + s.dropFirst(8)
        }
        for prefix in ["cp", "win-", "x-cp", "ms-"] where s.hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count)
            if rest.count == 4, rest.hasPrefix("125"), rest.allSatisfy(\.isNumber) { return "windows-" + rest }
        }
        return s
    }

    static func kind(of label: String?) -> Kind {
        guard let label, !label.isEmpty else { return .utf8 }
        let name = canonicalName(label)
        switch name {
        case "utf-8", "us-ascii": return .utf8
        case "iso-8859-1": return .latin1
        case "iso-2022-jp", "csiso2022jp": return .foundation(.iso2022JP)
        case "shift_jis": return .foundation(.shiftJIS)
        case "euc-jp": return .foundation(.japaneseEUC)
        case "utf-16": return .foundation(.utf16)
        case "utf-16be": return .foundation(.utf16BigEndian)
        case "utf-16le": return .foundation(.utf16LittleEndian)
        default: break
        }
        if SingleByteCharsetTables.tables[name] != nil { return .table(name) }
        return .unknown(name)
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>, charset: String?) -> Output {
        var out: [UInt8] = []
        switch kind(of: charset) {
        case .utf8:
            // US-ASCII labels on UTF-8 text are common (and harmless): both read as UTF-8.
            let bad = UTF8Validator.repair(input, into: &out)
            return Output(bytes: out, undecodable: bad, unsupportedCharset: nil)
        case .latin1:
            out.reserveCapacity(input.count + input.count / 8)
            for b in input {
                if b < 0x80 {
                    out.append(b)
                } else {
                    out.append(0xC0 | (b >> 6))
                    out.append(0x80 | (b & 0x3F))
                }
            }
            return Output(bytes: out, undecodable: 0, unsupportedCharset: nil)
        case .table(let name):
            let table = SingleByteCharsetTables.tables[name]!
            var bad = 0
            out.reserveCapacity(input.count + input.count / 4)
            for b in input {
                if b < 0x80 {
                    out.append(b)
                    continue
                }
                let cp = table[Int(b - 0x80)]
                if cp == 0xFFFD { bad += 1 }
                appendUTF8(UInt32(cp), to: &out)
            }
            return Output(bytes: out, undecodable: bad, unsupportedCharset: nil)
        case .foundation(let encoding):
            if let s = String(bytes: input, encoding: encoding) {
                return Output(bytes: Array(s.utf8), undecodable: 0, unsupportedCharset: nil)
            }
            let bad = UTF8Validator.repair(input, into: &out)
            return Output(bytes: out, undecodable: bad, unsupportedCharset: charset)
        case .unknown:
            let bad = UTF8Validator.repair(input, into: &out)
            return Output(bytes: out, undecodable: bad, unsupportedCharset: charset)
        }
    }

    static func decode(_ input: [UInt8], charset: String?) -> Output {
        input.withUnsafeBufferPointer { decode($0, charset: charset) }
    }

    /// Bytes read as ISO-8859-1 (every byte is the character of the same number): the last
    /// resort for header and render text that is not UTF-8.
    static func latin1String(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    @inline(__always)
    static func appendUTF8(_ cp: UInt32, to out: inout [UInt8]) {
        switch cp {
        case 0..<0x80: out.append(UInt8(cp))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (cp >> 6)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (cp >> 12)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (cp >> 18)))
            out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        }
    }
}
