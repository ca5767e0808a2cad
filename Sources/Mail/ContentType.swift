import Foundation

/// A parsed `Content-Type` or `Content-Disposition` value: the lower-cased token before the first
/// `;` and its parameters, with quoted strings unquoted and RFC 2231 continuations and
/// `charset''percent-encoded` values put back together.
struct ContentType: Sendable, Equatable {
    /// `text/plain`, `multipart/mixed`, `attachment`... lower case.
    var value: String
    /// Parameter names lower case.
    var parameters: [String: String]

    static let plainText = ContentType(value: "text/plain", parameters: [:])

    var isMultipart: Bool { value.hasPrefix("multipart/") }
    var isText: Bool { value.hasPrefix("text/") }
    var charset: String? { parameters["charset"] }

    static func parse(_ raw: String) -> ContentType {
        // MIME syntax is octets (RFC 2045 §5.1): the text is read as UTF-8 bytes, one pass.
        let u = Array(raw.utf8)
        let pieces = splitOutsideQuotes(u)
        let value = field(u, trimmed: pieces[0], lowercased: true)
        var plain: [String: String] = [:]
        // RFC 2231: name*N[*]=...; collected per name, then joined in order.
        var sections: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = u[piece].firstIndex(of: 0x3D) else { continue }
            var name = field(u, trimmed: piece.lowerBound..<eq, lowercased: true)
            let valueRange = trimmed(u, eq + 1..<piece.upperBound)
            let text =
                valueRange.first.map({ u[$0] == 0x22 }) == true
                ? unquote(u[valueRange]) : String(decoding: u[valueRange], as: UTF8.self)
            guard !name.isEmpty else { continue }
            let encoded = name.hasSuffix("*")
            if encoded { name.removeLast() }
            if let star = name.firstIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                sections[String(name[..<star]), default: []].append((index, encoded, text))
            } else if encoded {
                sections[name, default: []].append((0, true, text))
            } else if plain[name] == nil {
                plain[name] = text
            }
        }
        for (name, parts) in sections {
            var bytes: [UInt8] = []
            var charset: String? = nil
            for (k, part) in parts.sorted(by: { $0.index < $1.index }).enumerated() {
                var text = Substring(part.text)
                if part.encoded {
                    if k == 0 {
                        // charset'language'value
                        let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if fields.count == 3 {
                            charset = String(fields[0])
                            text = fields[2]
                        }
                    }
                    bytes.append(contentsOf: percentDecode(text))
                } else {
                    bytes.append(contentsOf: text.utf8)
                }
            }
            plain[name] = String(decoding: CharsetDecoder.decode(bytes, charset: charset).bytes, as: UTF8.self)
        }
        return ContentType(value: value, parameters: plain)
    }

    /// The ranges between `;`s outside quoted strings (a backslash in quotes escapes the next byte).
    private static func splitOutsideQuotes(_ u: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var inQuote = false
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == 0x5C && inQuote {
                i += 1
                if i == u.count { break }
            } else if c == 0x22 {
                inQuote.toggle()
            } else if c == 0x3B && !inQuote {
                out.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        out.append(start..<u.count)
        return out
    }

    private static func trimmed(_ u: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi && ASCII.isSpace(u[lo]) { lo += 1 }
        while hi > lo && ASCII.isSpace(u[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private static func field(_ u: [UInt8], trimmed r: Range<Int>, lowercased: Bool) -> String {
        let t = trimmed(u, r)
        guard lowercased else { return String(decoding: u[t], as: UTF8.self) }
        return String(unsafeUninitializedCapacity: t.count) { out in
            for (k, b) in u[t].enumerated() { out[k] = ASCII.lower(b) }
            return t.count
        }
    }

    /// A quoted string's content: up to the closing quote, backslash escapes removed.
    private static func unquote(_ s: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var escaped = false
        for c in s.dropFirst() {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == 0x5C {
                escaped = true
            } else if c == 0x22 {
                break
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func percentDecode(_ s: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let h = ASCII.hexValue(u[i + 1]), let l = ASCII.hexValue(u[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return out
    }
}
