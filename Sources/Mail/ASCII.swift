/// ASCII classification on bytes, without going through `Character`.
enum ASCII {
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { hexValue(b) != nil }

    /// The index of the first byte from `start` on that is not ASCII, or the buffer's end: 32
    /// bytes a test, then eight, then one (mail bodies and headers are mostly ASCII). Patches'
    /// `Ascii.isASCII` is the same test on the other side of the layering.
    static func firstNonASCII(_ buf: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        let n = buf.count
        var i = start
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 32 <= n {
                let w =
                    raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n && buf[i] < 0x80 { i += 1 }
        return i
    }

    /// Whether every byte is ASCII.
    static func isAllASCII(_ buf: UnsafeBufferPointer<UInt8>) -> Bool { firstNonASCII(buf) == buf.count }

    /// `Int(String)` on bytes: an optional sign, then one or more ASCII digits; nil otherwise and
    /// on overflow.
    static func decimal<C: Collection<UInt8>>(_ s: C) -> Int? {
        var digits = s[...]
        var negative = false
        if let f = digits.first, f == 0x2B || f == 0x2D {
            negative = f == 0x2D
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var v = 0
        for b in digits {
            guard isDigit(b) else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 { return nil }
            v = a
        }
        return negative ? -v : v
    }
}
