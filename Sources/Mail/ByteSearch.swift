#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level searches over a buffer, built on libc's vectorised `memchr`/`memmem`: every scan of the
/// input goes through here, so none of them walks bytes one by one in Swift.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` in `from..<to`, or nil.
    @inline(__always)
    func index(of byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let base = baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The end of the line starting at `from` (the index of its LF, or `to`).
    @inline(__always)
    func lineEnd(from: Int, to: Int) -> Int {
        index(of: 0x0A, from: from, to: to) ?? to
    }

    /// The index of the first occurrence of `needle` in `from..<to`, or nil. (glibc's `memmem` is not
    /// exported to Swift without _GNU_SOURCE, so: `memchr` for the first byte, then compare.)
    func index(of needle: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= to - from, let base = baseAddress else { return nil }
        let last = to - needle.count
        var i = from
        return needle.withUnsafeBufferPointer { n -> Int? in
            while i <= last, let hit = index(of: n[0], from: i, to: last + 1) {
                if memcmp(base + hit, n.baseAddress!, n.count) == 0 { return hit }
                i = hit + 1
            }
            return nil
        }
    }

    /// Whether the bytes at `at` start with `prefix` (ASCII, exact).
    @inline(__always)
    func hasPrefix(_ prefix: StaticString, at: Int, end: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard at >= 0, end - at >= n else { return false }
        let p = prefix.utf8Start
        for i in 0..<n where self[at + i] != p[i] { return false }
        return true
    }

    /// Whether the bytes at `at` start with `prefix`, ignoring ASCII case (`prefix` is lower case).
    @inline(__always)
    func hasPrefixIgnoringCase(_ prefix: StaticString, at: Int, end: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard at >= 0, end - at >= n else { return false }
        let p = prefix.utf8Start
        for i in 0..<n where ASCII.lower(self[at + i]) != p[i] { return false }
        return true
    }

    /// How many LFs are in `from..<to`.
    func countLines(from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while let lf = index(of: 0x0A, from: i, to: to) {
            count += 1
            i = lf + 1
        }
        return count
    }
}
