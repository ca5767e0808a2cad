/// CRLF → LF. A lone CR (not before LF) is content and stays.
enum LineEndings {
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buf in
            guard buf.index(of: 0x0D, from: 0, to: buf.count) != nil else { return bytes }
            return normalised(buf)
        }
    }

    static func normalised(_ buf: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(buf.count)
        var i = 0
        let n = buf.count
        while i < n {
            guard let cr = buf.index(of: 0x0D, from: i, to: n) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<n]))
                break
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<cr]))
            if cr + 1 >= n || buf[cr + 1] != 0x0A { out.append(0x0D) }
            i = cr + 1
        }
        return out
    }
}
