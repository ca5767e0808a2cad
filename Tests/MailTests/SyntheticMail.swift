@testable import Mail

/// Builds small mails for tests from lines, with LF or CRLF line ends.
enum SyntheticMail {
    static func bytes(_ lines: [String], crlf: Bool = false) -> [UInt8] {
        Array(lines.joined(separator: crlf ? "\r\n" : "\n").utf8) + Array((crlf ? "\r\n" : "\n").utf8)
    }

    static func one(_ lines: [String], crlf: Bool = false, format: InputFormat = .eml) -> Message? {
        MailReader.read(bytes: bytes(lines, crlf: crlf), name: "test.eml", format: format).messages.first
    }

    static func body(_ m: Message?) -> String { m.map { String(decoding: $0.body, as: UTF8.self) } ?? "<nil>" }

    static func codes(_ m: Message?) -> [String] { m?.diagnostics.map(\.code) ?? [] }
}
