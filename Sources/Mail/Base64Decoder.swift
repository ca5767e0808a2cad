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
        var garbage = 0
        var truncated = false
        // Every sextet gives at most 3/4 of a byte (a flush at `=` gives less), so the output
        // fits this capacity and is written in place (three checked appends a quantum cost
        // more than the decoding).
        let capacity = input.count / 4 * 3 + 3
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var k = 0
            var acc: UInt32 = 0
            var n = 0
            @inline(__always) func flush() {
                switch n {
                case 2:
                    out[k] = UInt8(truncatingIfNeeded: acc >> 4)
                    k += 1
                case 3:
                    out[k] = UInt8(truncatingIfNeeded: acc >> 10)
                    out[k + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                    k += 2
                default: break
                }
                acc = 0
                n = 0
            }
            table.withUnsafeBufferPointer { t in
                var i = 0
                let end = input.count
                while i < end {
                    // A whole quantum of four alphabet bytes, the common case inside a line: one
                    // test for all four (a non-alphabet byte maps to 0xFF).
                    if n == 0 && i + 4 <= end {
                        let a = t[Int(input[i])]
                        let b = t[Int(input[i + 1])]
                        let c = t[Int(input[i + 2])]
                        let d = t[Int(input[i + 3])]
                        if (a | b | c | d) & 0x80 == 0 {
                            let q = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[k] = UInt8(truncatingIfNeeded: q >> 16)
                            out[k + 1] = UInt8(truncatingIfNeeded: q >> 8)
                            out[k + 2] = UInt8(truncatingIfNeeded: q)
                            k += 3
                            i += 4
                            continue
                        }
                    }
                    let b = input[i]
                    i += 1
                    let v = t[Int(b)]
                    if v == 0xFF {
                        if b == 0x3D {  // '=': flush what the quantum holds
                            flush()
                        } else if !ASCII.isSpace(b) {
                            garbage += 1
                        }
                        continue
                    }
                    acc = acc << 6 | UInt32(v)
                    n += 1
                    if n == 4 {
                        out[k] = UInt8(truncatingIfNeeded: acc >> 16)
                        out[k + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                        out[k + 2] = UInt8(truncatingIfNeeded: acc)
                        k += 3
                        acc = 0
                        n = 0
                    }
                }
            }
            truncated = n == 1
            flush()
            count = k
        }
        return Output(bytes: bytes, garbage: garbage, truncated: truncated)
    }

    static func decode(_ input: [UInt8]) -> Output { input.withUnsafeBufferPointer { decode($0) } }
}
