import Testing

@testable import Conversation

/// The sorted fingerprint list answers what a `Set` answered: distinct members, subset.
@Suite struct LineFingerprintsTests {
    @Test func keepsDistinctKeysSorted() {
        #expect(LineFingerprints([5, 1, 5, 3, 1]).keys == [1, 3, 5])
        #expect(LineFingerprints([]).isEmpty)
        #expect(LineFingerprints([7, 7, 7]).count == 1)
    }

    @Test func subsetAgreesWithSet() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...6, using: &rng)).map { _ in UInt64.random(in: 0...9, using: &rng) }
            let b = (0..<Int.random(in: 0...8, using: &rng)).map { _ in UInt64.random(in: 0...9, using: &rng) }
            #expect(
                LineFingerprints(a).isSubset(of: LineFingerprints(b)) == Set(a).isSubset(of: Set(b)), "\(a) \(b)")
        }
        #expect(LineFingerprints([UInt64.max, 0]).isSubset(of: LineFingerprints([0, 1, UInt64.max])))
        #expect(!LineFingerprints([2]).isSubset(of: LineFingerprints([])))
    }
}
