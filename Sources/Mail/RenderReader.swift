/// Reads plain-text renders of archive pages (lkml.iu.edu and other hypermail archives):
///
///     Re: [PATCH v3] mm/gup: Allow real explicit breaking of COW
///
///     From: Jan Kara
///     Date: Fri Aug 21 2020 - 06:13:37 EST
///
///
///     On Thu 20-08-20 15:01:00, Linus Torvalds wrote:
///     ...
///
/// Only the few header lines are decoded as text; the body is sliced from the bytes as it stands
/// (CRLF turned into LF), because it may be megabytes of quoted diff.
public enum RenderReader {
    /// True when the bytes have a render's shape: a subject line, a blank line, then a block of
    /// `From:` / `Date:` lines. RFC 822 mail, mbox files and bare patches all start with a header
    /// or diff line directly followed by another, so the blank second line rules them out.
    public static func looksLikeRender(_ bytes: [UInt8]) -> Bool {
        guard let layout = Layout(bytes), layout.hasBlankAfterSubject else { return false }
        return layout.fields.contains { $0.name == "From" || $0.name == "Date" }
    }

    /// One message per render; a render always yields a message, with diagnostics for whatever
    /// was missing or guessed.
    public static func read(_ bytes: [UInt8], file: String) -> [Message] {
        let layout = Layout(bytes) ?? Layout.empty(at: bytes.count)
        var diagnostics: [Diagnostic] = []
        func note(_ severity: Diagnostic.Severity, line: Int, _ code: String, _ text: String) {
            diagnostics.append(
                Diagnostic(
                    severity: severity, location: SourceLocation(file: file, line: line),
                    code: code, message: text))
        }

        var message = Message(source: SourceLocation(file: file, line: layout.bodyLine))
        message.isRender = true
        if let subject = layout.subject {
            message.subject = subject.value
            message.headers.append(Header(name: "Subject", value: subject.value))
        } else if !layout.fields.contains(where: { $0.name == "Subject" }) {
            note(.warning, line: 1, "render.missing-subject", "render has no subject line")
        }
        if layout.subject != nil, !layout.hasBlankAfterSubject {
            note(
                .note, line: layout.subject?.line ?? 1, "render.no-blank-after-subject",
                "no blank line after the subject")
        }
        if layout.usedLatin1 {
            note(
                .note, line: 1, "render.latin1-assumed",
                "header lines are not UTF-8; read them as ISO-8859-1")
        }

        for field in layout.fields {
            message.headers.append(Header(name: field.name, value: field.value))
            switch field.name {
            case "From" where message.from == Address():
                message.from = parseAddress(field.value)
            case "Subject" where layout.subject == nil && message.subject.isEmpty:
                message.subject = field.value
            case "Date" where message.date == nil:
                var date = MailDate(raw: field.value)
                if let parsed = RenderDate.parse(field.value) {
                    date.epochSeconds = parsed.epochSeconds
                    date.utcOffsetMinutes = parsed.utcOffsetMinutes
                    if parsed.utcOffsetMinutes == nil {
                        note(
                            .warning, line: field.line, "render.date-no-zone",
                            "date '\(field.value)' names no time zone; read as UTC")
                    }
                } else {
                    note(
                        .warning, line: field.line, "render.bad-date",
                        "cannot read date '\(field.value)'")
                }
                message.date = date
            case "Message-ID" where message.messageID == nil:
                // Renders normally carry no ids, but when an archive prints them they are the
                // best threading evidence there is.
                message.messageID = Threader.normalizedID(field.value)
            case "In-Reply-To" where message.inReplyTo == nil:
                message.inReplyTo = Threader.ids(in: field.value).last
            case "References":
                message.references += Threader.ids(in: field.value)
            default:
                break
            }
        }
        if message.from == Address() {
            note(
                .warning, line: layout.fieldsLine, "render.missing-from", "render has no From line")
        }
        if message.date == nil {
            note(
                .warning, line: layout.fieldsLine, "render.missing-date", "render has no Date line")
        }

        message.body = LineEndings.normalised(Array(bytes[layout.bodyStart...]))
        if message.body.isEmpty {
            note(.note, line: layout.bodyLine, "render.empty-body", "render has no body")
        } else if String(validating: message.body, as: UTF8.self) == nil {
            message.body = CharsetDecoder.decode(message.body, charset: "iso-8859-1").bytes
            note(
                .note, line: layout.bodyLine, "render.latin1-assumed",
                "body is not UTF-8; read it as ISO-8859-1")
        }
        message.diagnostics = diagnostics
        return [message]
    }

    /// `Jan Kara`, `Peter Xu <peterx@xxxxxxxxxx>`, `peterx@xxxxxxxxxx`, `jack@suse.cz (Jan Kara)`.
    /// Obfuscated addresses are kept as written: their local part still tells people apart.
    static func parseAddress(_ value: String) -> Address {
        let text = value.trimmedForRender
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let email = text[text.index(after: open)..<close].trimmedForRender
            return Address(name: unquoted(String(text[..<open])), email: email)
        }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let outside = text[..<open].trimmedForRender
            let inside = text[text.index(after: open)..<close].trimmedForRender
            if outside.contains("@") { return Address(name: unquoted(inside), email: outside) }
            if inside.contains("@") { return Address(name: unquoted(outside), email: inside) }
        }
        var words = text.split(separator: " ").map(String.init)
        if let last = words.last, last.contains("@") {
            words.removeLast()
            return Address(name: unquoted(words.joined(separator: " ")), email: last)
        }
        return Address(name: unquoted(text), email: "")
    }

    private static func unquoted(_ text: String) -> String {
        var result = text.trimmedForRender
        if result.count >= 2, result.first == "\"", result.last == "\"" {
            result = String(result.dropFirst().dropLast())
        }
        return result.trimmedForRender
    }
}

extension RenderReader {
    /// Where the parts of a render are: found by walking the first few lines only.
    struct Layout {
        struct Field {
            var name: String
            var value: String
            var line: Int
        }

        var subject: (value: String, line: Int)?
        var hasBlankAfterSubject = false
        var fields: [Field] = []
        /// The line where the header block starts (or would have), for diagnostics.
        var fieldsLine = 1
        var bodyStart: Int
        var bodyLine: Int
        var usedLatin1 = false

        static func empty(at end: Int) -> Layout { Layout(bodyStart: end, bodyLine: 1) }

        private init(bodyStart: Int, bodyLine: Int) {
            self.bodyStart = bodyStart
            self.bodyLine = bodyLine
        }

        /// The header names a render may print, as hypermail spells them. A line outside this set
        /// ends the header block, so a body that begins `Thanks:` is never eaten.
        static let knownFields: [String: String] = [
            "from": "From", "date": "Date", "subject": "Subject", "to": "To", "cc": "Cc",
            "message-id": "Message-ID", "in-reply-to": "In-Reply-To", "references": "References",
            "reply-to": "Reply-To", "sender": "Sender", "organization": "Organization",
        ]

        /// Nil for an empty input.
        init?(_ bytes: [UInt8]) {
            var cursor = LineCursor(bytes)
            guard var line = cursor.next() else { return nil }
            while line.isBlank(in: bytes) {
                guard let next = cursor.next() else { return nil }
                line = next
            }
            self.init(bodyStart: bytes.count, bodyLine: line.number)
            var pending: LineCursor.Line? = line

            // Line 1 is the subject, unless the archive left it out and went straight to headers.
            let leading = parseField(line, bytes)
            if leading == nil || leading?.name == "Subject" {
                var value = text(line, bytes)
                if value.lowercased().hasPrefix("subject:") {
                    value = String(value.dropFirst("subject:".count))
                }
                subject = (value.trimmedForRender, line.number)
                pending = cursor.next()
                while let blank = pending, blank.isBlank(in: bytes) {
                    hasBlankAfterSubject = true
                    pending = cursor.next()
                }
            }

            // The header block: consecutive known `Name: value` lines.
            fieldsLine = pending?.number ?? line.number + 1
            while let current = pending, let field = parseField(current, bytes) {
                fields.append(field)
                pending = cursor.next()
            }

            // The body: from the first non-blank line to the end of the file.
            while let blank = pending, blank.isBlank(in: bytes) { pending = cursor.next() }
            if let first = pending {
                bodyStart = first.start
                bodyLine = first.number
            } else {
                bodyLine = cursor.lineNumber
            }
        }

        private mutating func text(_ line: LineCursor.Line, _ bytes: [UInt8]) -> String {
            let slice = bytes[line.start..<line.end]
            if let text = String(validating: slice, as: UTF8.self) { return text }
            usedLatin1 = true
            return slice.withUnsafeBufferPointer(CharsetDecoder.latin1String)
        }

        private mutating func parseField(_ line: LineCursor.Line, _ bytes: [UInt8]) -> Field? {
            // Header names are short ASCII; look for the colon in the first few bytes only.
            let limit = min(line.end, line.start + 16)
            guard let colon = bytes[line.start..<limit].firstIndex(of: UInt8(ascii: ":")),
                colon > line.start
            else { return nil }
            let name = String(decoding: bytes[line.start..<colon], as: UTF8.self).lowercased()
            guard let canonical = Layout.knownFields[name] else { return nil }
            // `From:` alone is a field with no value; `From:x` without a space is not hypermail's.
            let after = colon + 1
            guard after == line.end || bytes[after] == 32 || bytes[after] == 9 else { return nil }
            let value = text(
                LineCursor.Line(start: after, end: line.end, number: line.number), bytes)
            return Field(name: canonical, value: value.trimmedForRender, line: line.number)
        }
    }

    /// Lines of a byte array, LF or CRLF terminated, numbered from 1.
    struct LineCursor {
        struct Line {
            var start: Int
            /// End of the content, before any CR LF.
            var end: Int
            var number: Int

            func isBlank(in bytes: [UInt8]) -> Bool {
                bytes[start..<end].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
            }
        }

        let bytes: [UInt8]
        var position: Int
        /// The number the next line will get.
        var lineNumber = 1

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            // A UTF-8 byte-order mark is not part of the subject.
            position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }

        mutating func next() -> Line? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            position = end < bytes.count ? end + 1 : end
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            defer { lineNumber += 1 }
            return Line(start: start, end: end, number: lineNumber)
        }
    }
}

extension StringProtocol {
    /// Spaces, tabs and line ends trimmed from both ends.
    fileprivate var trimmedForRender: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
