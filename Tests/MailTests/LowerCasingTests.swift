import Testing

@testable import Mail

@Suite struct LowerCasingTests {
    /// The byte path must give `lowercased()`'s answer on every ASCII string, and other text
    /// must go through `lowercased()` itself.
    @Test func agreesWithLowercased() {
        var rng = SystemRandomNumberGenerator()
        var samples = [
            "", "A", "Signed-off-by", "[PATCH v3 02/15] MM: Fix COW", "ÄÖÜ", "İstanbul", "Σίσυφος", "KELVIN \u{212A}",
        ]
        for _ in 0..<20000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let asciiOnly = Bool.random(using: &rng)
            samples.append(
                String(
                    String.UnicodeScalarView(
                        (0..<n).map { _ in
                            asciiOnly
                                ? Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &rng))
                                : Unicode.Scalar(
                                    [
                                        UInt32.random(in: 0...0x7F, using: &rng),
                                        UInt32.random(in: 0...0x3FF, using: &rng),
                                        UInt32.random(in: 0x370...0x3FF, using: &rng),
                                        UInt32.random(in: 0...0x1FFFF, using: &rng),
                                    ].randomElement(using: &rng)!) ?? "x"
                        })))
        }
        for s in samples {
            #expect(s.lowercasedASCIIFast() == s.lowercased(), "\(s.debugDescription)")
        }
    }
}
