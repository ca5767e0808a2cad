/// A diff line's text as UTF-8 bytes: for a scanned line, a slice of the mail body it was found
/// in (no copy; ASCII lines, nearly all of them), or the repaired UTF-8 of its String (other
/// lines, and text set by a caller), so the bytes are always valid UTF-8. The String is built
/// only when someone reads `text`.
///
/// Scanning an archive made one String per diff line; most are never read again. One stored
/// slice (not an enum of slice or String) keeps a line's copy to a single retain.
@usableFromInline
struct LineContent: Sendable {
    @usableFromInline let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = Self.isASCII(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)[...]
    }

    init(_ text: String) { bytes = Array(text.utf8)[...] }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The UTF-8 of `string`, without building it.
    @inlinable
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBufferPointer(Ascii.isASCII) }
}

extension LineContent: Equatable {
    /// String equality (canonical equivalence: a few non-ASCII scalars, such as the Kelvin sign,
    /// equal ASCII ones, and composed and decomposed accents are equal), on bytes for ASCII.
    @usableFromInline
    static func == (lhs: LineContent, rhs: LineContent) -> Bool {
        if isASCII(lhs.bytes) && isASCII(rhs.bytes) { return lhs.bytes.elementsEqual(rhs.bytes) }
        return lhs.string == rhs.string
    }
}
