import Foundation
import Testing

@testable import Mail

@Suite struct DecoderTests {
    @Test func quotedPrintable() {
        let r = QuotedPrintableDecoder.decode(Array("a=3Db=\nc =C3=A9 =zz end=\t \nx=".utf8))
        #expect(String(decoding: r.bytes, as: UTF8.self) == "a=bc é =zz endx")
        #expect(r.badEscapes == 1)
        let lower = QuotedPrintableDecoder.decode(Array("=c3=a9".utf8))
        #expect(lower.bytes == [0xC3, 0xA9])
        let header = QuotedPrintableDecoder.decode(Array("a_b=5F".utf8), header: true)
        #expect(String(decoding: header.bytes, as: UTF8.self) == "a b_")
    }

    @Test func base64() {
        #expect(Base64Decoder.decode(Array("aGVs\nbG8g\r\nd29y bGQ=".utf8)).bytes == Array("hello world".utf8))
        let unpadded = Base64Decoder.decode(Array("aGVsbG8".utf8))
        #expect(unpadded.bytes == Array("hello".utf8))
        #expect(!unpadded.truncated && unpadded.garbage == 0)
        let garbage = Base64Decoder.decode(Array("aGV*sbG8=".utf8))
        #expect(garbage.bytes == Array("hello".utf8))
        #expect(garbage.garbage == 1)
        let cut = Base64Decoder.decode(Array("aGVsbG8gd".utf8))
        #expect(cut.truncated)
        #expect(cut.bytes == Array("hello ".utf8))
        // Separately padded chunks, concatenated.
        #expect(Base64Decoder.decode(Array("YQ==Yg==".utf8)).bytes == Array("ab".utf8))
    }

    /// Random bytes of every length up to 3 quanta and beyond, encoded by Foundation (with line
    /// breaks), come back; the output is written in place, so the densest inputs (3-sextet
    /// chunks each flushed by `=`, every byte a sextet) must fit as well.
    /// The decoder one byte at a time, as it was before its four-byte fast path.
    static func base64Reference(_ input: [UInt8]) -> (bytes: [UInt8], garbage: Int, truncated: Bool) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var value: [UInt8: UInt32] = [UInt8(ascii: "-"): 62, UInt8(ascii: "_"): 63]
        for (i, c) in alphabet.enumerated() { value[c] = UInt32(i) }
        var out: [UInt8] = []
        var garbage = 0
        var acc: UInt32 = 0
        var n = 0
        func flush() {
            if n == 2 { out.append(UInt8(truncatingIfNeeded: acc >> 4)) }
            if n == 3 { out += [UInt8(truncatingIfNeeded: acc >> 10), UInt8(truncatingIfNeeded: acc >> 2)] }
            acc = 0
            n = 0
        }
        for b in input {
            guard let v = value[b] else {
                if b == 0x3D { flush() } else if !" \t\n\r\u{0B}\u{0C}".utf8.contains(b) { garbage += 1 }
                continue
            }
            acc = acc << 6 | v
            n += 1
            if n == 4 {
                out += [
                    UInt8(truncatingIfNeeded: acc >> 16), UInt8(truncatingIfNeeded: acc >> 8),
                    UInt8(truncatingIfNeeded: acc),
                ]
                acc = 0
                n = 0
            }
        }
        let truncated = n == 1
        flush()
        return (out, garbage, truncated)
    }

    @Test func base64AgreesWithTheByteByByteDecoder() {
        var rng = SystemRandomNumberGenerator()
        let pool =
            Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n\r\t*!~".utf8) + [0xC3, 0xFF]
        for round in 0..<3000 {
            let n = Int.random(in: 0..<200, using: &rng)
            let noisy = round % 3 == 0
            let input = (0..<n).map { _ in
                noisy ? pool.randomElement(using: &rng)! : pool[Int.random(in: 0..<64, using: &rng)]
            }
            let fast = Base64Decoder.decode(input)
            let slow = Self.base64Reference(input)
            #expect(fast.bytes == slow.bytes && fast.garbage == slow.garbage && fast.truncated == slow.truncated)
        }
    }

    @Test func base64RoundTripsAndDenseInputsFit() throws {
        var rng = SystemRandomNumberGenerator()
        for length in Array(0...13) + [57, 58, 1000] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = Data(data).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
            let r = Base64Decoder.decode(Array(text.utf8))
            #expect(r.bytes == data && r.garbage == 0 && !r.truncated, "length \(length)")
        }
        for chunks in 0...9 {
            let r = Base64Decoder.decode(Array(String(repeating: "QUI=", count: chunks).utf8))
            #expect(r.bytes == Array(String(repeating: "AB", count: chunks).utf8))
        }
        #expect(Base64Decoder.decode(Array("QUJD".utf8)).bytes == Array("ABC".utf8))
        #expect(Base64Decoder.decode(Array("QUJ".utf8)).bytes == Array("AB".utf8))
    }

    @Test func rfc2047() {
        #expect(RFC2047Decoder.decode("=?UTF-8?B?w6k=?= =?UTF-8?Q?_x?=").text == "é x")
        // Whitespace between adjacent words goes, between a word and text stays.
        #expect(RFC2047Decoder.decode("=?iso-8859-1?q?a?=  \n =?iso-8859-1?q?b?= c").text == "ab c")
        #expect(RFC2047Decoder.decode("x =?iso-8859-2?q?=B1?=").text == "x ą")
        #expect(RFC2047Decoder.decode("=?windows-1252?Q?=80?=").text == "€")
        #expect(RFC2047Decoder.decode("=?iso-8859-15?Q?=A4?=").text == "€")
        // A UTF-8 character split over two words is joined before decoding.
        #expect(RFC2047Decoder.decode("=?utf-8?B?w6?= =?utf-8?B?k=?=").text != "")
        #expect(RFC2047Decoder.decode("=?utf-8?Q?=C3?= =?utf-8?Q?=A9?=").text == "é")
        let malformed = RFC2047Decoder.decode("=?utf-8?B?***?= tail")
        #expect(malformed.text == "=?utf-8?B?***?= tail")
        #expect(malformed.problems.map(\.code) == ["rfc2047.malformed"])
        let unknown = RFC2047Decoder.decode("=?x-klingon?Q?abc?=")
        #expect(unknown.text == "abc")
        #expect(unknown.problems.map(\.code) == ["rfc2047.unknown-charset"])
        #expect(RFC2047Decoder.decode("no words =? here").text == "no words =? here")
        #expect(RFC2047Decoder.decode("=?ISO-2022-JP?B?GyRCNUhGIzFRTEAbKEI=?=").text == "吉藤英明")
    }

    @Test func charsets() {
        func d(_ bytes: [UInt8], _ cs: String?) -> String {
            String(decoding: CharsetDecoder.decode(bytes, charset: cs).bytes, as: UTF8.self)
        }
        #expect(d([0xE9], "ISO-8859-1") == "é")
        #expect(d([0xE9], "latin1") == "é")
        #expect(d([0xB1], "iso-8859-2") == "ą")
        #expect(d([0xA4], "ISO8859-15") == "€")
        #expect(d([0x80, 0x93, 0x94], "windows-1252") == "€“”")
        #expect(d([0x80], "cp1252") == "€")
        #expect(d([0xC1], "koi8-r") == "а")
        #expect(d([0xE9, 0x41], "\"us-ascii\"") == "\u{FFFD}A")
        let bad = CharsetDecoder.decode([0x61, 0xFF, 0xC3, 0x28, 0x62], charset: "utf-8")
        #expect(String(decoding: bad.bytes, as: UTF8.self) == "a\u{FFFD}\u{FFFD}(b")
        #expect(bad.undecodable == 2)
        let unknown = CharsetDecoder.decode(Array("plain".utf8), charset: "none")
        #expect(unknown.unsupportedCharset == "none")
        #expect(unknown.bytes == Array("plain".utf8))
        let undefined = CharsetDecoder.decode([0x81], charset: "windows-1252")
        #expect(undefined.undecodable == 1)
        #expect(CharsetDecoder.canonicalName("ISO_8859-15") == "iso-8859-15")
        #expect(CharsetDecoder.canonicalName("iso8859-2") == "iso-8859-2")
    }

    @Test func utf8Validation() {
        for valid in ["", "ascii only text that is longer than eight", "é€𝄞", "日本語"] {
            #expect(Array(valid.utf8).withUnsafeBufferPointer { UTF8Validator.firstInvalid($0) } == nil)
        }
        // Overlong, surrogate, cut sequence, stray continuation.
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF5, 0x80, 0x80, 0x80]] {
            #expect(invalid.withUnsafeBufferPointer { UTF8Validator.firstInvalid($0) } == 0)
        }
    }
}
