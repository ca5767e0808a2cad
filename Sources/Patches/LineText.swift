/// Byte-level comparisons of single lines: exact (a trailing `\r` ignored) and whitespace
/// insensitive, where every whitespace run counts as one space and leading/trailing runs count as
/// nothing. The second is what lets a hunk from a whitespace-collapsed archive render match a
/// file that keeps kernel tabs. No allocation: both walk the bytes in place.

enum LineText {
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == Ascii.space || b == Ascii.tab || b == Ascii.cr || b == 0x0B || b == 0x0C
    }

    /// `line` without one trailing `\r` (a CRLF mail or file).
    static func strippingCR(_ line: [UInt8]) -> [UInt8] {
        line.last == Ascii.cr ? Array(line.dropLast()) : line
    }

    static func equal(_ a: [UInt8], _ aRange: Range<Int>, _ b: [UInt8]) -> Bool {
        guard aRange.count == b.count else { return false }
        var i = aRange.lowerBound
        var j = 0
        while j < b.count {
            if a[i] != b[j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    static func equalIgnoringWhitespace(
        _ a: [UInt8], _ aRange: Range<Int>, _ b: [UInt8], _ bRange: Range<Int>
    ) -> Bool {
        var i = aRange.lowerBound
        var j = bRange.lowerBound
        let aEnd = aRange.upperBound
        let bEnd = bRange.upperBound
        while i < aEnd && isSpace(a[i]) { i += 1 }
        while j < bEnd && isSpace(b[j]) { j += 1 }
        while i < aEnd && j < bEnd {
            let x = a[i]
            let y = b[j]
            let xs = isSpace(x)
            if xs != isSpace(y) {
                // A run on one side against a character on the other: the normalised forms
                // differ whether or not the run is trailing (the other side goes on).
                return false
            }
            if xs {
                while i < aEnd && isSpace(a[i]) { i += 1 }
                while j < bEnd && isSpace(b[j]) { j += 1 }
                continue
            }
            if x != y { return false }
            i += 1
            j += 1
        }
        // Whatever is left on either side must be a trailing run.
        while i < aEnd && isSpace(a[i]) { i += 1 }
        while j < bEnd && isSpace(b[j]) { j += 1 }
        return i == aEnd && j == bEnd
    }

    /// FNV-1a over the whitespace-normalised form, so equal-ignoring-whitespace lines hash alike.
    static func normalizedHash(_ a: [UInt8], _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = range.lowerBound
        let end = range.upperBound
        while i < end && isSpace(a[i]) { i += 1 }
        var pendingSpace = false
        while i < end {
            let b = a[i]
            if isSpace(b) {
                pendingSpace = true
            } else {
                if pendingSpace {
                    hash = (hash ^ UInt64(Ascii.space)) &* 0x100_0000_01b3
                    pendingSpace = false
                }
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            }
            i += 1
        }
        return hash
    }

    static func isBlank(_ a: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where !isSpace(a[i]) { return false }
        return true
    }

    /// The leading whitespace bytes of a line.
    static func indentEnd(_ a: [UInt8], _ range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound && (a[i] == Ascii.space || a[i] == Ascii.tab) { i += 1 }
        return i
    }

    /// The whitespace-normalised line as a String (for interdiff keys and messages).
    static func normalized(_ text: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in text.utf8 {
            if isSpace(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(Ascii.space) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
