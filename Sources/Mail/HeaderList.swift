/// A message's header fields: decoded `Header`s, or the raw header block they are decoded from
/// when read. A parsed message keeps the block: few callers look past the fields `Message`
/// pulls out, and decoding every Received and DKIM line up front cost a String and an encoded-word
/// scan per field (1.2% of the benchmark's instructions, at its 12.6 fields a message; real mail
/// has 16-37).
struct HeaderList: Sendable, Codable, Equatable {
    private enum Storage: Sendable {
        case decoded([Header])
        /// The bytes from the start of the message to its body, and the limits they were read with.
        case raw(bytes: [UInt8], maxHeaderCount: Int, maxHeaderLineLength: Int)
    }
    private var storage: Storage

    init(_ headers: [Header]) { storage = .decoded(headers) }

    /// The header block of a message read with `limits` (everything before the body).
    init(block: [UInt8], limits: ReadLimits) {
        storage = .raw(
            bytes: block, maxHeaderCount: limits.maxHeaderCount, maxHeaderLineLength: limits.maxHeaderLineLength)
    }

    /// The fields in order, as `MessageParser` decodes them.
    var headers: [Header] {
        switch storage {
        case .decoded(let headers):
            return headers
        case .raw(let bytes, let maxHeaderCount, let maxHeaderLineLength):
            var limits = ReadLimits()
            limits.maxHeaderCount = maxHeaderCount
            limits.maxHeaderLineLength = maxHeaderLineLength
            return bytes.withUnsafeBufferPointer { buf in
                // The block ends where the body started, so it parses to the same fields.
                HeaderParser.parse(buf, from: 0, to: buf.count, limits: limits).fields.map { field in
                    Header(
                        name: field.name, value: MessageParser.decode(field, in: buf, limit: maxHeaderLineLength).value)
                }
            }
        }
    }

    /// Encoded as the decoded list, the same as an array of `Header`.
    init(from decoder: any Decoder) throws {
        storage = .decoded(try decoder.singleValueContainer().decode([Header].self))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(headers)
    }

    static func == (lhs: HeaderList, rhs: HeaderList) -> Bool { lhs.headers == rhs.headers }
}
