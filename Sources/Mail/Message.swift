/// One mail message, decoded: headers unfolded and RFC 2047-decoded, the text body decoded from its
/// transfer encoding and charset to UTF-8 bytes, text attachments (patches) kept beside it.
///
/// A value type whose fields live in one copy-on-write box: messages are copied into threads and
/// passed around whole, and a copy of thirteen separate strings and arrays retained and released
/// each of them (threading spent a third of its time there).
public struct Message: Sendable, Codable, Equatable {
    struct Fields: Sendable, Codable, Equatable {
        var source: SourceLocation
        var messageID: String?
        var inReplyTo: String?
        var references: [String]
        var from: Address
        var date: MailDate?
        var subject: String
        var body: [UInt8]
        var attachments: [Attachment]
        var isRender: Bool
        var isFormatFlowed: Bool
        var diagnostics: [Diagnostic]
        var headers: HeaderList
    }

    private final class Box: @unchecked Sendable {
        // Mutated only through `fields`' `_modify` and `cacheThreadIDs`, which first make the box
        // unique.
        var fields: Fields
        /// The ids threading reads, parsed from `fields` when the message was read (in parallel,
        /// so the serial threading pass only hashes); cleared by any change to `fields`.
        var threadIDs: Threader.IDs?
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        _modify {
            makeBoxUnique()
            box.threadIDs = nil
            yield &box.fields
        }
    }

    private mutating func makeBoxUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// The ids threading reads: the cached ones, or parsed now when the message changed since.
    var threadIDs: Threader.IDs { box.threadIDs ?? Threader.IDs(of: self) }

    /// Parses the ids threading reads once, where messages are read in parallel.
    mutating func cacheThreadIDs() {
        makeBoxUnique()
        box.threadIDs = Threader.IDs(of: self)
    }

    /// Where the message came from: the file and the 1-based line of its first byte.
    public var source: SourceLocation {
        get { box.fields.source }
        _modify { yield &fields.source }
    }
    public var messageID: String? {
        get { box.fields.messageID }
        _modify { yield &fields.messageID }
    }
    public var inReplyTo: String? {
        get { box.fields.inReplyTo }
        _modify { yield &fields.inReplyTo }
    }
    public var references: [String] {
        get { box.fields.references }
        _modify { yield &fields.references }
    }
    public var from: Address {
        get { box.fields.from }
        _modify { yield &fields.from }
    }
    public var date: MailDate? {
        get { box.fields.date }
        _modify { yield &fields.date }
    }
    /// The Subject, unfolded and decoded; empty when the message has none.
    public var subject: String {
        get { box.fields.subject }
        _modify { yield &fields.subject }
    }
    /// The text body as UTF-8 bytes, lines separated by LF (CRLF normalised). For multipart mail it
    /// is the first text/plain part; other text parts that carry patches are in `attachments`.
    public var body: [UInt8] {
        get { box.fields.body }
        _modify { yield &fields.body }
    }
    public var attachments: [Attachment] {
        get { box.fields.attachments }
        _modify { yield &fields.attachments }
    }
    /// The body is a plain-text archive render (hypermail style): whitespace runs are collapsed and
    /// addresses obfuscated, so diff context lines have lost their leading space.
    public var isRender: Bool {
        get { box.fields.isRender }
        _modify { yield &fields.isRender }
    }
    /// The body was format=flowed: soft line breaks may have damaged any patch in it.
    public var isFormatFlowed: Bool {
        get { box.fields.isFormatFlowed }
        _modify { yield &fields.isFormatFlowed }
    }
    /// Everything that was repaired, guessed or dropped while reading this message.
    public var diagnostics: [Diagnostic] {
        get { box.fields.diagnostics }
        _modify { yield &fields.diagnostics }
    }
    /// Raw headers in order (name as written, value unfolded and decoded), for callers that need more.
    public var headers: [Header] {
        get { box.fields.headers.headers }
        set { fields.headers = HeaderList(newValue) }
    }

    /// The headers as stored: decoded, or the raw block decoded when `headers` is read.
    var headerList: HeaderList {
        get { box.fields.headers }
        _modify { yield &fields.headers }
    }

    public init(
        source: SourceLocation, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], from: Address = Address(), date: MailDate? = nil,
        subject: String = "", body: [UInt8] = [], attachments: [Attachment] = [],
        isRender: Bool = false, isFormatFlowed: Bool = false, diagnostics: [Diagnostic] = [],
        headers: [Header] = []
    ) {
        box = Box(
            Fields(
                source: source, messageID: messageID, inReplyTo: inReplyTo, references: references, from: from,
                date: date, subject: subject, body: body, attachments: attachments, isRender: isRender,
                isFormatFlowed: isFormatFlowed, diagnostics: diagnostics, headers: HeaderList(headers)))
    }

    /// The same keys as the fields themselves: the box does not show in the encoding.
    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    public static func == (lhs: Message, rhs: Message) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}

public struct Header: Sendable, Codable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A display name and an address; either may be empty (renders obfuscate addresses).
public struct Address: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var email: String
    public init(name: String = "", email: String = "") {
        self.name = name
        self.email = email
    }
    /// The name when there is one, else the address.
    public var display: String { name.isEmpty ? email : name }
}

/// A date as written and, where it could be parsed, as seconds since 1970 with its UTC offset.
public struct MailDate: Sendable, Codable, Equatable {
    public var raw: String
    public var epochSeconds: Int64?
    public var utcOffsetMinutes: Int?
    public init(raw: String, epochSeconds: Int64? = nil, utcOffsetMinutes: Int? = nil) {
        self.raw = raw
        self.epochSeconds = epochSeconds
        self.utcOffsetMinutes = utcOffsetMinutes
    }
}

/// A text part other than the body: typically a patch sent as text/x-patch or text/x-diff.
public struct Attachment: Sendable, Codable, Equatable {
    public var filename: String?
    public var contentType: String
    /// Decoded to UTF-8, LF line ends.
    public var content: [UInt8]
    public init(filename: String?, contentType: String, content: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }
}

/// A place in an input file a person can jump to.
public struct SourceLocation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// `file:line:column`, written straight into the string's buffer: interpolation (and
    /// `String(Int)`) cost ~500 instructions, and every comment and anchor has one.
    public var description: String {
        var file = file
        return file.withUTF8 { name in
            String(unsafeUninitializedCapacity: name.count + 44) { out in
                var k = name.count
                if let source = name.baseAddress, let target = out.baseAddress {
                    target.update(from: source, count: k)
                }
                out[k] = UInt8(ascii: ":")
                k = Self.writeDecimal(line, into: out, at: k + 1)
                out[k] = UInt8(ascii: ":")
                return Self.writeDecimal(column, into: out, at: k + 1)
            }
        }
    }

    /// Writes `v` in decimal at `k` (at most 20 bytes); returns the index after it.
    private static func writeDecimal(_ v: Int, into out: UnsafeMutableBufferPointer<UInt8>, at k: Int) -> Int {
        var k = k
        if v < 0 {
            out[k] = UInt8(ascii: "-")
            k += 1
        }
        var width = 1
        var rest = v.magnitude / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        var m = v.magnitude
        for i in stride(from: k + width - 1, through: k, by: -1) {
            out[i] = UInt8(truncatingIfNeeded: m % 10) + 0x30
            m /= 10
        }
        return k + width
    }
}

/// A note about the input, worded like a compiler's: where, how bad, what.
public struct Diagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case note, warning, error }
    public var severity: Severity
    public var location: SourceLocation
    /// A stable short code, e.g. `mime.unterminated-boundary`, `charset.undecodable`.
    public var code: String
    public var message: String
    public init(severity: Severity, location: SourceLocation, code: String, message: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(code)]" }
}
