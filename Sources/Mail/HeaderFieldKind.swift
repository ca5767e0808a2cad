/// The header fields the reader acts on, recognised once from the name's bytes (ASCII case
/// ignored) where the header block is parsed: comparing lower-cased name Strings against each
/// literal cost ~8 String comparisons a field.
enum HeaderFieldKind: UInt8, Sendable {
    case other
    case from, date, subject, messageID, inReplyTo, references
    case contentType, contentDisposition, contentTransferEncoding

    private static let names: [(StaticString, HeaderFieldKind)] = [
        ("from", .from), ("date", .date), ("subject", .subject), ("message-id", .messageID),
        ("in-reply-to", .inReplyTo), ("references", .references), ("content-type", .contentType),
        ("content-disposition", .contentDisposition), ("content-transfer-encoding", .contentTransferEncoding),
    ]

    init(name: UnsafeBufferPointer<UInt8>) {
        for (literal, kind) in Self.names where literal.utf8CodeUnitCount == name.count {
            var same = true
            for k in 0..<name.count where ASCII.lower(name[k]) != literal.utf8Start[k] {
                same = false
                break
            }
            if same {
                self = kind
                return
            }
        }
        self = .other
    }

    /// Fields holding msg-ids, where encoded words would be noise to decode.
    var holdsIdentifiers: Bool { self == .messageID || self == .inReplyTo || self == .references }
}
