import Foundation

/// Writes messages as lore's `t.mbox` has them: mboxrd (`From mboxrd@z Thu Jan  1 00:00:00 1970`
/// separators, every body line matching `^>*From ` gets one more `>`), headers folded at 78
/// columns, RFC 2047 for non-ASCII phrases, bodies in their transfer encoding, a blank line after
/// each message. Output is buffered and written in large chunks.
final class MboxWriter {
    static let separator = Array("From mboxrd@z Thu Jan  1 00:00:00 1970\n".utf8)

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0
    var buffered: Int { buffer.count }
    /// Body lines that needed mboxrd quoting, to show the file exercises the unquoter.
    private(set) var quotedFromLines = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw BenchError("cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(16 << 20)
    }

    func write(_ mail: GeneratedMail, _ random: inout SeededRandom) throws {
        buffer += MboxWriter.separator
        var headers: [(String, String)] = [
            ("From", address(mail.from, &random)),
            ("To", mail.to.map { address($0, &random) }.joined(separator: ", ")),
            (
                "Cc",
                (mail.cc.map { address($0, &random) } + ["linux-mm@kvack.org", "linux-kernel@vger.kernel.org"])
                    .joined(separator: ", ")
            ),
            ("Subject", phrase(mail.subject, &random)),
            ("Date", mail.date.rfc2822),
            ("Message-ID", mail.messageID),
        ]
        if let parent = mail.inReplyTo { headers.append(("In-Reply-To", parent)) }
        if !mail.references.isEmpty { headers.append(("References", mail.references.joined(separator: " "))) }
        var text = Array(mail.body.joined(separator: "\n").utf8)
        text.append(0x0A)
        let ascii = !text.contains { $0 >= 0x80 }
        var encoding = mail.encoding
        if encoding == .sevenBit && !ascii { encoding = .eightBit }
        headers += [
            ("MIME-Version", "1.0"),
            (
                "Content-Type",
                ascii && random.chance(50) ? "text/plain; charset=\"us-ascii\"" : "text/plain; charset=UTF-8"
            ),
            ("Content-Transfer-Encoding", encoding.rawValue),
        ]
        if !mail.agent.isEmpty {
            headers.append((mail.agent.hasPrefix("git") ? "X-Mailer" : "User-Agent", mail.agent))
        }
        headers.append(("List-Id", "<linux-mm.kvack.org>"))
        for (name, value) in headers { buffer += MboxWriter.folded(name, value) }
        buffer.append(0x0A)
        appendQuotingFromLines(encoding.encode(text))
        buffer.append(0x0A)
        if buffer.count >= 8 << 20 { try flush() }
    }

    func flush() throws {
        try handle.write(contentsOf: buffer)
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    /// mboxrd: `From ` after any number of `>` at a line start gets one more `>`.
    private func appendQuotingFromLines(_ body: [UInt8]) {
        let from = Array("From ".utf8)
        var start = 0
        while start < body.count {
            var end = start
            while end < body.count && body[end] != 0x0A { end += 1 }
            var i = start
            while i < end && body[i] == 0x3E { i += 1 }
            if end - i >= from.count && body[i..<i + from.count].elementsEqual(from) {
                buffer.append(0x3E)
                quotedFromLines += 1
            }
            buffer += body[start..<min(end + 1, body.count)]
            start = end + 1
        }
    }

    private func address(_ p: KernelVocabulary.Person, _ random: inout SeededRandom) -> String {
        let name = p.name.contains(",") || p.name.contains(".") ? "\"\(p.name)\"" : p.name
        return "\(phrase(name, &random)) <\(p.email)>"
    }

    /// Non-ASCII text as encoded words of at most ~20 characters each, so none exceeds 75
    /// columns; folding may then break between them.
    private func phrase(_ text: String, _ random: inout SeededRandom) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let useBase64 = random.chance(40)
        var words: [String] = []
        var chunk = ""
        for c in text {
            chunk.append(c)
            if chunk.count >= 20 {
                words.append(TransferEncoding.encodedWord(chunk, base64: useBase64))
                chunk = ""
            }
        }
        if !chunk.isEmpty { words.append(TransferEncoding.encodedWord(chunk, base64: useBase64)) }
        // Every chunk is encoded, even an ASCII one: the blank between two encoded words vanishes
        // when decoded (RFC 2047 6.2), while one next to a plain word would stay.
        return words.joined(separator: " ")
    }

    /// `Name: value`, folded before a space once a line would pass 78 columns.
    static func folded(_ name: String, _ value: String) -> [UInt8] {
        var out = Array(name.utf8) + [0x3A, 0x20]
        var column = out.count
        var first = true
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            let w = word.utf8.count
            if !first {
                if column + 1 + w > 78 {
                    out += [0x0A, 0x20]
                    column = 1
                } else {
                    out.append(0x20)
                    column += 1
                }
            }
            out += word.utf8
            column += w
            first = false
        }
        out.append(0x0A)
        return out
    }
}
