/// Walks a message's MIME structure (multipart nested up to a depth limit) and picks what a patch
/// reader needs: the body (first inline text/plain part, decoded to UTF-8, LF line ends) and the
/// other text parts that carry patches. Damage is reported, never fatal: an unterminated multipart
/// keeps its last part, bad encodings decode what they can.
enum MIMEParser {
    struct Problem {
        var offset: Int
        var severity: Diagnostic.Severity
        var code: String
        var message: String
    }

    struct Result {
        var body: [UInt8] = []
        var attachments: [Attachment] = []
        var isFormatFlowed = false
        var problems: [Problem] = []
    }

    private struct Leaf {
        var type: ContentType
        var disposition: ContentType?
        var encoding: String
        var range: Range<Int>
        var offset: Int
        var filename: String? { disposition?.parameters["filename"] ?? type.parameters["name"] }
        var isAttachment: Bool { disposition?.value == "attachment" }
    }

    private struct Walk {
        var leaves: [Leaf] = []
        var problems: [Problem] = []
        var parts = 0
        var partLimitHit = false
    }

    static func parse(
        _ buf: UnsafeBufferPointer<UInt8>, fields: [HeaderParser.Field], body: Range<Int>, limits: ReadLimits
    ) -> Result {
        var walk = Walk()
        collect(buf, fields: fields, range: body, offset: 0, depth: 0, limits: limits, into: &walk)
        var result = Result(problems: walk.problems)
        let leaves = walk.leaves

        let plain = leaves.indices.filter { leaves[$0].type.value == "text/plain" }
        var bodyIndex = plain.first(where: { !leaves[$0].isAttachment }) ?? plain.first
        if bodyIndex == nil, let html = leaves.indices.first(where: { leaves[$0].type.value == "text/html" }) {
            bodyIndex = html
            result.problems.append(
                Problem(
                    offset: leaves[html].offset, severity: .warning, code: "mime.html-only",
                    message: "no text/plain part; the body is the text/html part as sent"))
        }
        if bodyIndex == nil, let text = leaves.indices.first(where: { leaves[$0].type.isText }) {
            bodyIndex = text
        }
        if let b = bodyIndex {
            let leaf = leaves[b]
            result.body = decode(buf, leaf, into: &result.problems)
            if leaf.type.parameters["format"]?.asciiLowercased() == "flowed" {
                result.isFormatFlowed = true
                let delsp = leaf.type.parameters["delsp"]?.asciiLowercased() == "yes"
                result.problems.append(
                    Problem(
                        offset: leaf.offset, severity: .warning, code: "mime.format-flowed",
                        message: "body is format=flowed\(delsp ? " (delsp=yes)" : ""); "
                            + "the mailer may have re-wrapped or trimmed lines of any patch in it"))
            }
        } else if !leaves.isEmpty || !body.isEmpty {
            result.problems.append(
                Problem(offset: 0, severity: .warning, code: "mime.no-text-part", message: "message has no text part"))
        }
        for (k, leaf) in leaves.enumerated() where k != bodyIndex {
            let named =
                leaf.filename.map { name in
                    let lower = name.lowercased()
                    return lower.hasSuffix(".patch") || lower.hasSuffix(".diff")
                } ?? false
            let patchType = patchTypes.contains(leaf.type.value)
            let textual = leaf.type.isText && leaf.type.value != "text/html"
            guard patchType || (named && (textual || leaf.type.value == "application/octet-stream")) || textual else {
                continue
            }
            let content = decode(buf, leaf, into: &result.problems)
            if patchType || named || startsLikeDiff(content) {
                result.attachments.append(
                    Attachment(filename: leaf.filename, contentType: leaf.type.value, content: content))
            } else if leaf.type.value == "text/plain" {
                result.problems.append(
                    Problem(
                        offset: leaf.offset, severity: .note, code: "mime.part-skipped",
                        message: "a further text/plain part without a patch was not kept"))
            }
        }
        return result
    }

    private static let patchTypes: Set<String> = [
        "text/x-patch", "text/x-diff", "text/patch", "text/diff", "application/x-patch", "application/x-diff",
    ]

    private static func collect(
        _ buf: UnsafeBufferPointer<UInt8>, fields: [HeaderParser.Field], range: Range<Int>, offset: Int, depth: Int,
        limits: ReadLimits, into walk: inout Walk
    ) {
        var type = ContentType.plainText
        if let raw = value(of: .contentType, in: fields, buf) {
            let parsed = ContentType.parse(raw)
            if parsed.value.utf8.contains(0x2F) {
                type = parsed
            } else {
                walk.problems.append(
                    Problem(
                        offset: offset, severity: .note, code: "mime.bad-content-type",
                        message: "Content-Type '\(raw)' is not a media type; read as text/plain"))
            }
        }
        let disposition = value(of: .contentDisposition, in: fields, buf).map(ContentType.parse)
        let encoding = (value(of: .contentTransferEncoding, in: fields, buf) ?? "").trimmingWhitespace()
            .asciiLowercased()
        guard type.isMultipart else {
            walk.leaves.append(
                Leaf(type: type, disposition: disposition, encoding: encoding, range: range, offset: offset))
            return
        }
        guard depth < limits.maxMIMEDepth else {
            walk.problems.append(
                Problem(
                    offset: offset, severity: .warning, code: "limit.mime-depth",
                    message: "multipart nested deeper than \(limits.maxMIMEDepth); its parts were skipped"))
            return
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
            walk.problems.append(
                Problem(
                    offset: offset, severity: .warning, code: "mime.no-boundary",
                    message: "\(type.value) without a boundary parameter; read as text/plain"))
            walk.leaves.append(
                Leaf(type: .plainText, disposition: nil, encoding: encoding, range: range, offset: offset))
            return
        }
        let split = splitParts(buf, range: range, boundary: Array(("--" + boundary).utf8))
        if split.parts.isEmpty {
            walk.problems.append(
                Problem(
                    offset: offset, severity: .warning, code: "mime.boundary-not-found",
                    message: "boundary '\(boundary)' never occurs; the body is read as text/plain"))
            walk.leaves.append(
                Leaf(type: .plainText, disposition: nil, encoding: encoding, range: range, offset: offset))
            return
        }
        if !split.terminated {
            walk.problems.append(
                Problem(
                    offset: split.parts.last!.lowerBound, severity: .warning, code: "mime.unterminated-boundary",
                    message: "multipart ends without its closing boundary '--\(boundary)--'; kept what is there"))
        }
        for part in split.parts {
            walk.parts += 1
            if walk.parts > limits.maxMIMEParts {
                if !walk.partLimitHit {
                    walk.partLimitHit = true
                    walk.problems.append(
                        Problem(
                            offset: part.lowerBound, severity: .warning, code: "limit.mime-parts",
                            message: "more than \(limits.maxMIMEParts) MIME parts; the rest were skipped"))
                }
                return
            }
            let headers = HeaderParser.parse(buf, from: part.lowerBound, to: part.upperBound, limits: limits)
            for p in headers.problems {
                walk.problems.append(Problem(offset: p.offset, severity: .note, code: p.code, message: p.message))
            }
            collect(
                buf, fields: headers.fields, range: headers.bodyStart..<part.upperBound, offset: part.lowerBound,
                depth: depth + 1, limits: limits, into: &walk)
        }
    }

    /// The parts between `--boundary` lines; `terminated` when `--boundary--` was seen.
    static func splitParts(_ buf: UnsafeBufferPointer<UInt8>, range: Range<Int>, boundary delim: [UInt8])
        -> (parts: [Range<Int>], terminated: Bool)
    {
        var parts: [Range<Int>] = []
        var partStart: Int? = nil
        var searchFrom = range.lowerBound
        let end = range.upperBound
        let lineDelim = [0x0A] + delim
        while searchFrom < end {
            let p: Int
            if searchFrom == range.lowerBound && startsWith(buf, delim, at: searchFrom, end: end) {
                p = searchFrom
            } else if let hit = buf.index(of: lineDelim, from: max(range.lowerBound, searchFrom - 1), to: end) {
                p = hit + 1
            } else {
                break
            }
            var after = p + delim.count
            let isClose = startsWith(buf, [0x2D, 0x2D], at: after, end: end)
            if isClose { after += 2 }
            let lineEnd = buf.lineEnd(from: after, to: end)
            // Anything but blanks after the boundary means it is a longer, different boundary.
            if !(after..<lineEnd).allSatisfy({ ASCII.isSpace(buf[$0]) }) {
                searchFrom = after
                continue
            }
            if let s = partStart { parts.append(s..<max(s, p - 1)) }
            if isClose { return (parts, true) }
            partStart = min(lineEnd + 1, end)
            searchFrom = partStart!
        }
        if let s = partStart { parts.append(s..<end) }
        return (parts, false)
    }

    @inline(__always)
    private static func startsWith(_ buf: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at: Int, end: Int) -> Bool {
        guard end - at >= prefix.count else { return false }
        for k in 0..<prefix.count where buf[at + k] != prefix[k] { return false }
        return true
    }

    private static func value(
        of kind: HeaderFieldKind, in fields: [HeaderParser.Field], _ buf: UnsafeBufferPointer<UInt8>
    )
        -> String?
    {
        guard let f = fields.first(where: { $0.kind == kind }) else { return nil }
        return f.text(in: buf, limit: 64 << 10).text
    }

    /// A part's content: transfer encoding undone, charset converted to UTF-8, CRLF made LF.
    private static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ leaf: Leaf, into problems: inout [Problem])
        -> [UInt8]
    {
        let raw = UnsafeBufferPointer(rebasing: buf[leaf.range])
        var transferDecoded: [UInt8]? = nil
        switch leaf.encoding {
        case "base64":
            let r = Base64Decoder.decode(raw)
            if r.garbage > 0 {
                problems.append(
                    Problem(
                        offset: leaf.offset, severity: .warning, code: "mime.base64-garbage",
                        message: "\(r.garbage) bytes that are not base64 were skipped"))
            }
            if r.truncated {
                problems.append(
                    Problem(
                        offset: leaf.offset, severity: .warning, code: "mime.base64-truncated",
                        message: "base64 text ends in the middle of a byte; the part may be cut short"))
            }
            transferDecoded = r.bytes
        case "quoted-printable":
            let r = QuotedPrintableDecoder.decode(raw)
            if r.badEscapes > 0 {
                problems.append(
                    Problem(
                        offset: leaf.offset, severity: .note, code: "mime.qp-bad-escape",
                        message: "\(r.badEscapes) '=' not followed by two hex digits kept as written"))
            }
            transferDecoded = r.bytes
        case "", "7bit", "8bit", "binary":
            break
        default:
            problems.append(
                Problem(
                    offset: leaf.offset, severity: .note, code: "mime.unknown-encoding",
                    message: "unknown Content-Transfer-Encoding '\(leaf.encoding)'; read as 8bit"))
        }
        let charset = leaf.type.charset
        let converted =
            transferDecoded.map { CharsetDecoder.decode($0, charset: charset) }
            ?? CharsetDecoder.decode(raw, charset: charset)
        if let cs = converted.unsupportedCharset {
            problems.append(
                Problem(
                    offset: leaf.offset, severity: .warning, code: "charset.unknown",
                    message: "unknown or unsupported charset '\(cs)'; read as UTF-8"))
        }
        if converted.undecodable > 0 {
            problems.append(
                Problem(
                    offset: leaf.offset, severity: .warning, code: "charset.undecodable",
                    message: "\(converted.undecodable) undecodable bytes replaced by U+FFFD"))
        }
        return LineEndings.normalised(converted.bytes)
    }

    /// First non-blank line opens a diff or a format-patch mail, or a `diff --git` comes early on.
    static func startsLikeDiff(_ content: [UInt8]) -> Bool {
        content.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count && ASCII.isSpace(buf[i]) { i += 1 }
            let end = buf.count
            if buf.hasPrefix("diff ", at: i, end: end) || buf.hasPrefix("--- ", at: i, end: end)
                || buf.hasPrefix("Index: ", at: i, end: end) || FormatDetector.isFormatPatchLine(buf, at: i)
            {
                return true
            }
            return buf.index(of: Array("\ndiff --git ".utf8), from: 0, to: min(end, 16 << 10)) != nil
        }
    }
}
