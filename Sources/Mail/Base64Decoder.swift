/// Lenient base64: whitespace is skipped, missing padding tolerated, other stray bytes skipped and
/// counted, decoding continues after a `=` (some senders concatenate separately padded chunks).
enum Base64Decoder {
    struct Output {
        var bytes: [UInt8]
        /// Bytes that are neither base64, whitespace nor padding.
        var garbage: Int
        /// The text ended with a lone sextet (a cut-off quantum), which was dropped.
        var truncated: Bool
    }

    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "-"))] = 62  // base64url, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Output {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var garbage = 0
        var acc: UInt32 = 0
        var n = 0
        table.withUnsafeBufferPointer { t in
            for b in input {
                let v = t[Int(b)]
                if v == 0xFF {
                    if b == 0x3D {  // '=': flush what the quantum holds
                        flush(&acc, &n, &out)
                    } else if !ASCII.isSpace(b) {
                        garbage += 1
                    }
                    continue
                }
                acc = acc << 6 | UInt32(v)
                n += 1
                if n == 4 {
                    out.append(UInt8(truncatingIfNeeded: acc >> 16))
                    out.append(UInt8(truncatingIfNeeded: acc >> 8))
                    out.append(UInt8(truncatingIfNeeded: acc))
                    acc = 0
                    n = 0
                }
            }
        }
        let truncated = n == 1
        flush(&acc, &n, &out)
        return Output(bytes: out, garbage: garbage, truncated: truncated)
    }

    static func decode(_ input: [UInt8]) -> Output { input.withUnsafeBufferPointer { decode($0) } }

    @inline(__always)
    private static func flush(_ acc: inout UInt32, _ n: inout Int, _ out: inout [UInt8]) {
        switch n {
        case 2: out.append(UInt8(truncatingIfNeeded: acc >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        default: break
        }
        acc = 0
        n = 0
    }
}
