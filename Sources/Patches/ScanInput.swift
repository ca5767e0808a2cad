/// The lines being scanned, read as byte slices (a trailing CR dropped), up to the line limit.
struct ScanInput {
    let lines: [ScanLine]
    /// Lines at and beyond `end` are not examined (`ScanOptions.maxLines`).
    let end: Int
    let collapsed: Bool

    @inline(__always) func text(_ i: Int) -> Bytes {
        let t = lines[i].text
        if let last = t.last, last == Ascii.cr { return t[..<(t.endIndex - 1)] }
        return t[...]
    }

    @inline(__always) func id(_ i: Int) -> Int { lines[i].id }
    @inline(__always) func interrupted(_ i: Int) -> Bool { lines[i].interruptedBefore }
    @inline(__always) func isBlank(_ i: Int) -> Bool { text(i).isBlank }
}
