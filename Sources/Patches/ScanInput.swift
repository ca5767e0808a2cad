/// The lines being scanned, read as byte views of one body (a trailing CR dropped), up to the
/// line limit. The views are valid only while the scan runs (inside the body's
/// `withUnsafeBufferPointer`); what outlives the scan is made with `owned`.
struct ScanInput {
    /// The body the spans index, kept so diff lines can hold slices of it.
    let storage: [UInt8]
    let buffer: UnsafeBufferPointer<UInt8>
    let spans: [ScanSpan]
    /// Lines at and beyond `end` are not examined (`ScanOptions.maxLines`).
    let end: Int
    let collapsed: Bool

    init(storage: [UInt8], buffer: UnsafeBufferPointer<UInt8>, spans: [ScanSpan], options: ScanOptions) {
        self.storage = storage
        self.buffer = buffer
        let bounds = 0..<buffer.count
        // A span outside the body is cut to it: the views index the buffer directly.
        let inBounds = spans.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bounds.upperBound }
        self.spans =
            inBounds
            ? spans
            : spans.map {
                ScanSpan(range: $0.range.clamped(to: bounds), id: $0.id, interruptedBefore: $0.interruptedBefore)
            }
        end = max(0, min(spans.count, options.maxLines))
        collapsed = options.whitespaceCollapsed
    }

    var count: Int { spans.count }

    @inline(__always) func text(_ i: Int) -> Bytes {
        let r = spans[i].range
        var e = r.upperBound
        if e > r.lowerBound && buffer[e - 1] == Ascii.cr { e -= 1 }
        return buffer[r.lowerBound..<e]
    }

    /// The bytes of a view as a range of the body, for what outlives the scan (diff lines).
    @inline(__always) func owned(_ t: Bytes) -> LineContent { LineContent(body: storage, view: t) }

    @inline(__always) func id(_ i: Int) -> Int { spans[i].id }
    @inline(__always) func interrupted(_ i: Int) -> Bool { spans[i].interruptedBefore }
    @inline(__always) func isBlank(_ i: Int) -> Bool { text(i).isBlank }
}
