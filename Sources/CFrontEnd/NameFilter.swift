/// A cheap pre-check before a hashed lookup of a name: which (first byte, length) pairs occur among
/// the names in a set. Most identifiers in kernel code (`vmf`, `page`, `pte_offset_map_lock`) are
/// not keywords, macros or typedefs, and this rejects them without hashing the string.
struct NameFilter: Sendable {
    /// Bit `min(length, 63)` of entry `first byte`.
    private var bits = [UInt64](repeating: 0, count: 256)

    init<S: Sequence>(_ names: S) where S.Element == String {
        for n in names { insert(n) }
    }

    mutating func insert(_ name: String) {
        guard let first = name.utf8.first else { return }
        bits[Int(first)] |= 1 << UInt64(min(name.utf8.count, 63))
    }

    /// False only if no inserted name has this first byte and length.
    @inline(__always)
    func mayContain(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        return bits[Int(first)] & (1 << UInt64(min(name.utf8.count, 63))) != 0
    }

    /// The same test on raw bytes (the lexer has not made a String yet).
    @inline(__always)
    func mayContain(first: UInt8, length: Int) -> Bool {
        bits[Int(first)] & (1 << UInt64(min(length, 63))) != 0
    }
}
