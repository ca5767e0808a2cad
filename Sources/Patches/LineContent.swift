/// A diff line's text as it was found. ASCII bytes of the mail stay as they are (a slice of the
/// body, no copy): they are the text exactly, and a String is built only when someone asks for
/// it. Other text is decoded at once, so the bytes never have to be repaired later.
///
/// Scanning an archive made one String per diff line; most are never read again.
@usableFromInline
enum LineContent: Sendable {
    case string(String)
    case ascii(ArraySlice<UInt8>)

    init(_ bytes: ArraySlice<UInt8>) {
        self = Self.isASCII(bytes) ? .ascii(bytes) : .string(String(decoding: bytes, as: UTF8.self))
    }

    var string: String {
        switch self {
        case .string(let s): s
        case .ascii(let b): String(decoding: b, as: UTF8.self)
        }
    }

    /// The UTF-8 of `string`, without building it.
    @inlinable
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .string(var s): s.withUTF8(body)
        case .ascii(let b): b.withUnsafeBufferPointer(body)
        }
    }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            if let base = buf.baseAddress {
                while i + 8 <= n {
                    if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                        return false
                    }
                    i += 8
                }
            }
            while i < n {
                if buf[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }
}

extension LineContent: Equatable {
    /// String equality (canonical equivalence: a few non-ASCII scalars, such as the Kelvin sign,
    /// equal ASCII ones), on bytes when both sides are ASCII bytes.
    @usableFromInline
    static func == (lhs: LineContent, rhs: LineContent) -> Bool {
        if case .ascii(let a) = lhs, case .ascii(let b) = rhs { return a.elementsEqual(b) }
        return lhs.string == rhs.string
    }
}
