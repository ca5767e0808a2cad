import CZlib

/// Streaming gunzip through zlib, with the output bounded: `.gz` archives from lore can be large,
/// and a small hostile file can inflate to gigabytes. Concatenated gzip members are all read.
enum GzipInflater {
    struct Output {
        var bytes: [UInt8]
        /// zlib's complaint, when the stream is damaged or cut short.
        var error: String?
        /// Output reached `limit`; what follows was not inflated.
        var hitLimit: Bool
    }

    static func inflate(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Output {
        var out = [UInt8]()
        out.reserveCapacity(min(limit, input.count * 4))
        var stream = z_stream()
        // 15 + 32: a window of 32 KiB, gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return Output(bytes: [], error: "zlib could not be initialised", hitLimit: false)
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 18
        var scratch = [UInt8](repeating: 0, count: chunk)
        var error: String? = nil
        var hitLimit = false
        guard let base = input.baseAddress else { return Output(bytes: [], error: nil, hitLimit: false) }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = UInt32(clamping: input.count)
        func consumed() -> Int { base.distance(to: UnsafePointer(stream.next_in)) }
        scratch.withUnsafeMutableBufferPointer { s in
            while true {
                // avail_in is 32-bit: inputs above 4 GiB are fed in slices.
                if stream.avail_in == 0 { stream.avail_in = UInt32(clamping: input.count - consumed()) }
                stream.next_out = s.baseAddress
                stream.avail_out = UInt32(chunk)
                let ret = CZlib.inflate(&stream, Z_NO_FLUSH)
                let produced = chunk - Int(stream.avail_out)
                if produced > 0 {
                    let room = limit - out.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[0..<min(produced, max(room, 0))]))
                    if produced > room {
                        hitLimit = true
                        break
                    }
                }
                if ret == Z_STREAM_END {
                    if consumed() >= input.count { break }
                    // Another gzip member follows (trailing garbage makes the next inflate fail).
                    guard inflateReset(&stream) == Z_OK else { break }
                    continue
                }
                if ret == Z_BUF_ERROR {
                    // No progress possible: the input ended inside the stream.
                    error = "gzip stream is cut short"
                    break
                }
                if ret != Z_OK {
                    if let msg = stream.msg {
                        error = "gzip stream is damaged: " + String(cString: msg)
                    } else {
                        error = "gzip stream is damaged (zlib error \(ret))"
                    }
                    break
                }
            }
        }
        return Output(bytes: out, error: error, hitLimit: hitLimit)
    }
}
