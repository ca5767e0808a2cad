import Foundation

/// The few JSON bits Batch writes itself (error lines, journal and summary lines), with sorted keys
/// and no whitespace so the same values give the same bytes on every run.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs of strings and integers cannot fail.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: ArraySlice<UInt8>) -> T? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// `{"thread": KEY, "NAME": VALUE}`: the envelope of every result line, VALUE being the
    /// caller's JSON bytes.
    static func threadLine(key: String, _ name: String, _ value: [UInt8]) -> [UInt8] {
        Array("{\"thread\":\(string(key)),\(string(name)):".utf8) + value + [UInt8(ascii: "}")]
    }

    /// The error line of a thread that could not be processed.
    static func errorLine(key: String, failure: ThreadFailure) -> [UInt8] {
        threadLine(
            key: key, "error",
            Array("{\"kind\":\(string(failure.kind)),\"message\":\(string(failure.message))}".utf8))
    }
}
