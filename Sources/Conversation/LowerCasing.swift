import Patches

extension String {
    /// `lowercased()`, computed on bytes when the text is ASCII: there it lowers A-Z and nothing
    /// else, and the standard library's own call costs ~2,000 instructions even on a short line.
    /// Other text goes through `lowercased()`.
    func lowercasedASCIIFast() -> String {
        var copy = self
        let lowered = copy.withUTF8 { b in Ascii.isASCII(b) ? ProseBytes.lowerString(b) : nil }
        return lowered ?? lowercased()
    }
}
