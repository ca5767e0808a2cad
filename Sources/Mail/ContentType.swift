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
        let pieces = splitOutsideQuotes(raw)
        let value = (pieces.first ?? "").trimmingWhitespace().asciiLowercased()
        var plain: [String: String] = [:]
        // RFC 2231: name*N[*]=...; collected per name, then joined in order.
        var sections: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<eq].trimmingWhitespace().asciiLowercased()
            var text = piece[piece.index(after: eq)...].trimmingWhitespace()
            if text.hasPrefix("\"") { text = unquote(text) }
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

    private static func splitOutsideQuotes(_ s: String) -> [Substring] {
        var out: [Substring] = []
        var start = s.startIndex
        var inQuote = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\\" && inQuote {
                i = s.index(after: i)
                if i == s.endIndex { break }
            } else if c == "\"" {
                inQuote.toggle()
            } else if c == ";" && !inQuote {
                out.append(s[start..<i])
                start = s.index(after: i)
            }
            i = s.index(after: i)
        }
        out.append(s[start...])
        return out
    }

    private static func unquote(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s.dropFirst() {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                break
            } else {
                out.append(c)
            }
        }
        return out
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
