/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in a header value. Whitespace between
/// two adjacent encoded words is dropped (RFC 2047 §6.2), and adjacent words in the same charset are
/// joined as bytes before conversion, so a character split across two words survives. A malformed
/// word is kept as written and reported.
enum RFC2047Decoder {
    struct Output {
        var text: String
        var problems: [(code: String, message: String)]
    }

    static func decode(_ value: String) -> Output {
        guard value.mayHoldEncodedWord else { return Output(text: value, problems: []) }
        var problems: [(code: String, message: String)] = []
        let bytes = Array(value.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pending: (charset: String, bytes: [UInt8])? = nil
        var afterWord = false

        func flush() {
            guard let p = pending else { return }
            let decoded = CharsetDecoder.decode(p.bytes, charset: p.charset)
            if let cs = decoded.unsupportedCharset {
                problems.append(("rfc2047.unknown-charset", "encoded word in unknown charset '\(cs)', read as UTF-8"))
            } else if decoded.undecodable > 0 {
                problems.append(
                    (
                        "charset.undecodable",
                        "\(decoded.undecodable) undecodable bytes in an encoded word replaced by U+FFFD"
                    ))
            }
            out.append(contentsOf: decoded.bytes)
            pending = nil
        }

        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            while i < n {
                guard let start = buf.index(of: [0x3D, 0x3F], from: i, to: n) else {
                    flush()
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<n]))
                    break
                }
                let word = parseWord(buf, start)
                let gapIsBlank = (i..<start).allSatisfy { ASCII.isSpace(buf[$0]) }
                if !(afterWord && gapIsBlank && word != nil) {
                    flush()
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<start]))
                }
                guard let word else {
                    flush()
                    out.append(contentsOf: [0x3D, 0x3F])
                    afterWord = false
                    i = start + 2
                    continue
                }
                let text = UnsafeBufferPointer(rebasing: buf[word.text])
                var decoded: [UInt8]? = nil
                if word.encoding == 0x42 {
                    let r = Base64Decoder.decode(text)
                    if r.garbage == 0 && !r.truncated { decoded = r.bytes }
                } else {
                    let r = QuotedPrintableDecoder.decode(text, header: true)
                    if r.badEscapes == 0 { decoded = r.bytes }
                }
                if let decoded {
                    if pending?.charset != word.charset { flush() }
                    if pending == nil { pending = (word.charset, []) }
                    pending!.bytes.append(contentsOf: decoded)
                    afterWord = true
                } else {
                    flush()
                    let raw = UnsafeBufferPointer(rebasing: buf[start..<word.end])
                    out.append(contentsOf: raw)
                    problems.append(
                        (
                            "rfc2047.malformed",
                            "malformed encoded word '\(String(decoding: raw, as: UTF8.self))' kept as written"
                        ))
                    afterWord = false
                }
                i = word.end
            }
        }
        flush()
        return Output(text: String(decoding: out, as: UTF8.self), problems: problems)
    }

    /// `=?charset?X?text?=` at `start`: charset, the upper-cased encoding letter, the text range and the end.
    private static func parseWord(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int)
        -> (charset: String, encoding: UInt8, text: Range<Int>, end: Int)?
    {
        let n = buf.count
        var i = start + 2
        let csStart = i
        while i < n && i - csStart < 80 {
            let b = buf[i]
            if b == 0x3F || ASCII.isSpace(b) { break }
            i += 1
        }
        guard i < n, buf[i] == 0x3F, i > csStart, i + 2 < n else { return nil }
        let enc = buf[i + 1] & ~0x20
        guard enc == 0x42 || enc == 0x51, buf[i + 2] == 0x3F else { return nil }
        let charset = String(decoding: UnsafeBufferPointer(rebasing: buf[csStart..<i]), as: UTF8.self)
        let textStart = i + 3
        var j = textStart
        while j + 1 < n {
            let b = buf[j]
            if b == 0x3F && buf[j + 1] == 0x3D { break }
            if ASCII.isSpace(b) { return nil }
            j += 1
        }
        guard j + 1 < n else { return nil }
        return (charset, enc, textStart..<j, j + 2)
    }
}
