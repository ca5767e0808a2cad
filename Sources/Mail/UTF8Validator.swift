/// UTF-8 validation and repair over raw bytes: the fast path only checks (32 ASCII bytes at a
/// time); the slow path replaces each maximal invalid subpart by U+FFFD, as Unicode recommends.
enum UTF8Validator {
    /// The index of the first byte that does not start a well-formed sequence, or nil.
    static func firstInvalid(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while true {
            i = ASCII.firstNonASCII(buf, from: i)
            if i == buf.count { return nil }
            let len = sequenceLength(buf, i)
            if len == 0 { return i }
            i += len
        }
    }

    /// Length of the well-formed sequence starting at `i` (a non-ASCII lead), or 0 when ill-formed.
    @inline(__always)
    static func sequenceLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let prefix = validPrefix(buf, i)
        return prefix.complete ? prefix.length : 0
    }

    /// How many bytes from `i` form a well-formed (complete) sequence or a valid but cut prefix of one.
    @inline(__always)
    static func validPrefix(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (length: Int, complete: Bool) {
        let n = buf.count
        let b0 = buf[i]
        let need: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED:
            need = 2
            hi = 0x9F
        case 0xF0:
            need = 3
            lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            hi = 0x8F
        default: return (1, false)
        }
        var k = 1
        while k <= need {
            guard i + k < n else { return (k, false) }
            let b = buf[i + k]
            let (l, h): (UInt8, UInt8) = k == 1 ? (lo, hi) : (0x80, 0xBF)
            guard b >= l && b <= h else { return (k, false) }
            k += 1
        }
        return (need + 1, true)
    }

    /// Copies `buf` to well-formed UTF-8, replacing ill-formed parts by U+FFFD; returns the count replaced.
    static func repair(_ buf: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Int {
        guard let bad = firstInvalid(buf) else {
            out.append(contentsOf: buf)
            return 0
        }
        var replaced = 0
        out.reserveCapacity(out.count + buf.count + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[0..<bad]))
        var i = bad
        while i < buf.count {
            let b = buf[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let prefix = validPrefix(buf, i)
            if prefix.complete {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<(i + prefix.length)]))
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
            }
            i += prefix.length
        }
        return replaced
    }
}
