import Testing

@testable import Conversation

/// `isSnipMark` measures a line before lower-casing it; the answers must be those of lower-casing
/// first, on ASCII and non-ASCII lines alike.
@Suite struct SnipMarkTests {
    /// The rule as it was: lower-case, then measure and compare.
    static func reference(_ s: String) -> Bool {
        guard BodyMarkers.startsWithOneOf("<[s.(-8…", s) else { return false }
        let t = s.trimmingSpaces().lowercased()
        if t.isEmpty || t.count > 60 { return false }
        if BodyMarkers.isTruncationMark(t) { return true }
        return BodyMarkers.snipMarks.contains(t.filter { $0 != " " })
    }

    @Test func agreesWithLowerCasingFirst() {
        let lines = [
            "<snip>", "  [ SNIP ]  ", "[…]", "…", "< truncated lines 465-570 >", "<TRUNCATED LINES 1-2>",
            "[ truncated ]", "8<", "---8<---", "...", "[...]", "Snip", "SNIPPED", "[snipped]", "(...)",
            "< ÜBER truncated lines", "[…] " + String(repeating: "é", count: 70),
            "<" + String(repeating: "É", count: 59) + ">",
            "[" + String(repeating: "ÉÈ", count: 40) + "]", "s" + String(repeating: "\u{0301}", count: 80),
            "<İ>", "[İİİ]", "", "   ", "snip this paragraph please", "-->8--", "--snip--",
        ]
        for line in lines {
            #expect(BodyMarkers.isSnipMark(line) == Self.reference(line), "\(line)")
        }
        #expect(BodyMarkers.isSnipMark("  [ SNIP ]  "))
        #expect(!BodyMarkers.isSnipMark("[" + String(repeating: "ÉÈ", count: 40) + "]"))
    }
}
