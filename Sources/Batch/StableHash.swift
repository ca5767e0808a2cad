/// A 64-bit hash that is the same on every machine, run and Swift version (Swift's `Hasher` is
/// seeded per process): FNV-1a over the bytes, then the SplitMix64 finaliser so that `% N` of
/// nearby inputs spreads evenly. Used for thread keys without a Message-ID, shard assignment and
/// fingerprints; not for security.
public enum StableHash {
    public static func hash<S: Sequence>(_ bytes: S, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64
    where S.Element == UInt8 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return mix(h)
    }

    public static func hash(_ text: String) -> UInt64 { hash(text.utf8) }

    /// SplitMix64's output function.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
