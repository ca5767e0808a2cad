/// Content-Transfer-Encodings the way mailers write them, so the reader's decoders get real work:
/// quoted-printable with soft breaks at 76 columns and `=3D` all over C code, base64 in 76-column
/// lines, and RFC 2047 encoded words for non-ASCII names and subjects.
enum TransferEncoding: String {
    case sevenBit = "7bit"
    case eightBit = "8bit"
    case quotedPrintable = "quoted-printable"
    case base64

    /// `text` (LF line ends, ending in LF) encoded for the message body.
    func encode(_ text: [UInt8]) -> [UInt8] {
        switch self {
        case .sevenBit, .eightBit: return text
        case .quotedPrintable: return TransferEncoding.quotedPrintable(text)
        case .base64: return TransferEncoding.base64Lines(text)
        }
    }

    static func quotedPrintable(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8)
        var column = 0
        func emit(_ bytes: some Collection<UInt8>) {
            // A soft break keeps every encoded line within 76 columns, `=` included.
            if column + bytes.count > 75 {
                out += [0x3D, 0x0A]  // "=\n"
                column = 0
            }
            out += bytes
            column += bytes.count
        }
        var i = 0
        while i < text.count {
            let b = text[i]
            let atLineEnd = i + 1 == text.count || text[i + 1] == 0x0A
            if b == 0x0A {
                out.append(0x0A)
                column = 0
            } else if (b == 0x20 || b == 0x09) && atLineEnd {
                emit(escaped(b))  // trailing blanks must be encoded or they are lost in transit
            } else if b == 0x3D || b >= 0x7F || (b < 0x20 && b != 0x09) {
                emit(escaped(b))
            } else {
                emit(CollectionOfOne(b))
            }
            i += 1
        }
        return out
    }

    private static func escaped(_ b: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [0x3D, digits[Int(b >> 4)], digits[Int(b & 15)]]
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Base64 without line breaks.
    static func base64(_ data: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(data)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(base64Alphabet[Int(v >> 18 & 63)])
            out.append(base64Alphabet[Int(v >> 12 & 63)])
            out.append(i + 1 < bytes.count ? base64Alphabet[Int(v >> 6 & 63)] : 0x3D)
            out.append(i + 2 < bytes.count ? base64Alphabet[Int(v & 63)] : 0x3D)
            i += 3
        }
        return out
    }

    /// Base64 in 76-column lines, as MIME requires.
    static func base64Lines(_ text: [UInt8]) -> [UInt8] {
        let flat = base64(text)
        var out: [UInt8] = []
        out.reserveCapacity(flat.count + flat.count / 76 + 1)
        var i = 0
        while i < flat.count {
            let end = min(i + 76, flat.count)
            out += flat[i..<end]
            out.append(0x0A)
            i = end
        }
        return out
    }

    /// One RFC 2047 encoded word (`B` or `Q`) holding `text`.
    static func encodedWord(_ text: String, base64: Bool) -> String {
        if base64 { return "=?UTF-8?B?" + String(decoding: self.base64(text.utf8), as: UTF8.self) + "?=" }
        var q = "=?UTF-8?q?"
        for b in text.utf8 {
            switch b {
            case 0x20: q += "_"
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x2D, 0x2C: q += String(UnicodeScalar(b))
            default: q += String(decoding: escaped(b), as: UTF8.self)
            }
        }
        return q + "?="
    }
}
