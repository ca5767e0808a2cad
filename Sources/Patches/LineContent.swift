/// A diff line's text as UTF-8 bytes: for a scanned line, a range of the mail body it was found
/// in (no copy; ASCII lines, nearly all of them), or the repaired UTF-8 of its String (other
/// lines, and text set by a caller), so the bytes are always valid UTF-8. The String is built
/// only when someone reads `text`.
///
/// Scanning an archive made one String per diff line; most are never read again. One stored
/// array (not an enum of slice or String) keeps a line's copy to a single retain. The range is
/// two 32-bit numbers rather than an `ArraySlice` (16 bytes, not 32): an archive holds millions
/// of diff lines, and their size is memory the run has to fault in and copy.
@usableFromInline
struct LineContent: Sendable {
    @usableFromInline let storage: [UInt8]
    @usableFromInline let start: UInt32
    @usableFromInline let count: UInt32

    /// The line `view` of `body` (a view into `body`'s own buffer, during a scan).
    init(body: [UInt8], view: Bytes) {
        guard Ascii.isASCII(UnsafeBufferPointer(rebasing: view)) else {
            self.init(whole: Array(String(decoding: view, as: UTF8.self).utf8))
            return
        }
        guard let start = UInt32(exactly: view.startIndex), let count = UInt32(exactly: view.count) else {
            // A body past 4 GiB: this line gets its own copy.
            self.init(whole: Array(view))
            return
        }
        self.init(storage: body, start: start, count: count)
    }

    init(_ text: String) { self.init(whole: Array(text.utf8)) }

    /// All of `whole`; a line is never 4 GiB long (inputs are limited far below).
    private init(whole: [UInt8]) {
        self.init(storage: whole, start: 0, count: UInt32(truncatingIfNeeded: whole.count))
    }

    private init(storage: [UInt8], start: UInt32, count: UInt32) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    var bytes: ArraySlice<UInt8> { storage[Int(start)..<(Int(start) + Int(count))] }

    var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// The UTF-8 of `string`, without building it.
    @inlinable
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(start)..<(Int(start) + Int(count))]))
        }
    }
}

extension LineContent: Equatable {
    /// String equality (canonical equivalence: a few non-ASCII scalars, such as the Kelvin sign,
    /// equal ASCII ones, and composed and decomposed accents are equal), on bytes for ASCII.
    @usableFromInline
    static func == (lhs: LineContent, rhs: LineContent) -> Bool {
        lhs.withUTF8 { l in
            rhs.withUTF8 { r in
                if Ascii.isASCII(l) && Ascii.isASCII(r) { return l.elementsEqual(r) }
                return lhs.string == rhs.string
            }
        }
    }
}
