/// A patch's changed lines as sorted, distinct 64-bit fingerprints (`PatchCatalog.lineKey`).
/// The catalogue only asks whether one patch's lines are among another's: a sorted array answers
/// that with one merge walk, where a `Set` hashed every fingerprint again on insert (~90
/// instructions each, for every changed line of every patch and fragment in an archive).
struct LineFingerprints: Equatable {
    private(set) var keys: [UInt64]

    init(_ unsorted: [UInt64]) {
        var k = unsorted
        k.sort()
        var out = 0
        for i in k.indices where i == 0 || k[i] != k[out - 1] {
            k[out] = k[i]
            out += 1
        }
        k.removeSubrange(out...)
        keys = k
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// Every fingerprint of `self` is in `other`.
    func isSubset(of other: LineFingerprints) -> Bool {
        guard keys.count <= other.keys.count else { return false }
        var j = 0
        for k in keys {
            while j < other.keys.count && other.keys[j] < k { j += 1 }
            guard j < other.keys.count && other.keys[j] == k else { return false }
            j += 1
        }
        return true
    }
}
