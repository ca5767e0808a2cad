/// One message's bytes (LF line ends, mbox quoting already undone) → `Message`: headers decoded, the
/// fields threading needs pulled out, the body and patch attachments decoded by `MIMEParser`.
enum MessageParser {
    /// `line` is where the message starts in its file (its `From ` line, if any); `contentLine` is the
    /// line of `buf`'s first byte, so diagnostics inside can point at the right line.
    static func parse(
        _ buf: UnsafeBufferPointer<UInt8>, file: String, line: Int, contentLine: Int, limits: ReadLimits
    ) -> Message {
        var diagnostics: [Diagnostic] = []
        var suppressed = 0
        func note(_ severity: Diagnostic.Severity, _ offset: Int, _ code: String, _ message: String) {
            guard diagnostics.count < limits.maxDiagnosticsPerMessage else {
                suppressed += 1
                return
            }
            let line0 = contentLine + buf.countLines(from: 0, to: min(max(offset, 0), buf.count))
            diagnostics.append(
                Diagnostic(
                    severity: severity, location: SourceLocation(file: file, line: line0), code: code,
                    message: message))
        }

        var message = Message(source: SourceLocation(file: file, line: line))
        let parsed = HeaderParser.parse(buf, from: 0, to: buf.count, limits: limits)
        for p in parsed.problems { note(.warning, p.offset, p.code, p.message) }

        var reportedLatin1 = false
        var seenSubject = false
        var reportedCut = false
        for field in parsed.fields {
            let kind = field.kind
            // The rest stay in the header block, decoded when `headers` is read. One that is all
            // ASCII, without encoded words and within the limit can raise no diagnostic here.
            if !isPulledOut(kind) && isQuiet(field.range, in: buf, limit: limits.maxHeaderLineLength) { continue }
            let decoded = decode(field, in: buf, limit: limits.maxHeaderLineLength)
            let raw = decoded.raw
            if raw.cut && !reportedCut {
                reportedCut = true
                note(
                    .warning, field.offset, "limit.header-length",
                    "header '\(field.name)' is longer than the limit; it was cut")
            }
            if !raw.wasUTF8 && !reportedLatin1 {
                reportedLatin1 = true
                note(
                    .warning, field.offset, "header.invalid-utf8",
                    "header '\(field.name)' has bytes that are not UTF-8; read as Latin-1")
            }
            let value = decoded.value
            if kind == .from && message.from == Address() {
                let address = AddressParser.parse(raw.text)
                message.from = address.address
                for p in address.problems { note(.warning, field.offset, p.code, p.message) }
            }
            if kind != .from {
                for p in decoded.problems { note(.warning, field.offset, p.code, p.message) }
            }
            switch kind {
            case .messageID where message.messageID == nil:
                message.messageID = MessageIDParser.first(value) ?? (value.isEmpty ? nil : "<\(value)>")
            case .inReplyTo where message.inReplyTo == nil:
                message.inReplyTo = MessageIDParser.first(value)
            case .references where message.references.isEmpty:
                message.references = MessageIDParser.all(value)
            case .subject where !seenSubject:
                seenSubject = true
                message.subject = value
            case .date where message.date == nil:
                if let parsedDate = RFC2822DateParser.parse(value) {
                    message.date = MailDate(
                        raw: value, epochSeconds: parsedDate.epochSeconds, utcOffsetMinutes: parsedDate.utcOffsetMinutes
                    )
                } else {
                    message.date = MailDate(raw: value)
                    note(.warning, field.offset, "date.unparsable", "cannot read the date '\(value)'")
                }
            default: break
            }
        }
        message.headerList = HeaderList(
            block: Array(UnsafeBufferPointer(rebasing: buf[0..<parsed.bodyStart])), limits: limits)
        if parsed.fields.filter({ $0.kind == .contentType }).count > 1 {
            note(.note, 0, "header.duplicate-content-type", "more than one Content-Type; the first one is used")
        }

        let mime = MIMEParser.parse(buf, fields: parsed.fields, body: parsed.bodyStart..<buf.count, limits: limits)
        message.body = mime.body
        message.attachments = mime.attachments
        message.isFormatFlowed = mime.isFormatFlowed
        for p in mime.problems { note(p.severity, p.offset, p.code, p.message) }
        if suppressed > 0 {
            diagnostics.append(
                Diagnostic(
                    severity: .note, location: message.source, code: "limit.diagnostics",
                    message: "\(suppressed) more diagnostics for this message were not kept"))
        }
        message.diagnostics = diagnostics
        message.cacheThreadIDs()
        return message
    }

    /// A field's value as `Message.headers` gives it (unfolded, trimmed, cut at `limit` bytes,
    /// Latin-1 when not UTF-8, encoded words decoded except in msg-id fields), with what reading
    /// it found.
    static func decode(_ field: HeaderParser.Field, in buf: UnsafeBufferPointer<UInt8>, limit: Int) -> (
        value: String, raw: (text: String, wasUTF8: Bool, cut: Bool), problems: [(code: String, message: String)]
    ) {
        let raw = field.text(in: buf, limit: limit)
        if field.kind.holdsIdentifiers { return (raw.text, raw, []) }
        let decoded = RFC2047Decoder.decode(raw.text)
        return (decoded.text, raw, decoded.problems)
    }

    /// The fields whose values `Message` keeps apart.
    private static func isPulledOut(_ kind: HeaderFieldKind) -> Bool {
        switch kind {
        case .from, .messageID, .inReplyTo, .references, .subject, .date: return true
        default: return false
        }
    }

    /// Whether a field's raw bytes are ASCII, hold no `=?` and fit the limit: then its text is
    /// valid UTF-8, uncut (unfolding only shortens) and without encoded words to report on.
    private static func isQuiet(_ r: Range<Int>, in buf: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        guard r.count <= limit else { return false }
        var previous: UInt8 = 0
        for i in r {
            let b = buf[i]
            if b >= 0x80 || (previous == 0x3D && b == 0x3F) { return false }
            previous = b
        }
        return true
    }
}
