/// ASCII-level string helpers that stay in the standard library: Foundation's `contains` and
/// `trimmingCharacters` bridge through CFString and showed up as the top cost of header parsing.
extension StringProtocol {
    /// Without leading and trailing ASCII whitespace (the only whitespace mail syntax knows).
    func trimmingWhitespace() -> String {
        let u = Substring(self).utf8
        guard let first = u.firstIndex(where: { !ASCII.isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !ASCII.isSpace($0) })!
        return String(decoding: u[first...last], as: UTF8.self)
    }

    /// Whether `=?` occurs, i.e. the text may hold an RFC 2047 encoded word (checked per header, so
    /// it scans the UTF-8 storage in place).
    var mayHoldEncodedWord: Bool {
        func scan(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while let eq = buf.index(of: 0x3D, from: i, to: buf.count) {
                if eq + 1 < buf.count && buf[eq + 1] == 0x3F { return true }
                i = eq + 1
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? ContiguousArray(utf8).withUnsafeBufferPointer(scan)
    }

    /// ASCII lower case (non-ASCII left alone), cheaper than `lowercased()`.
    func asciiLowercased() -> String {
        String(decoding: utf8.map(ASCII.lower), as: UTF8.self)
    }
}
