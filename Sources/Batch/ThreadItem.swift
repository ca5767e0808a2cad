import Mail

/// One unit of batch work: a thread (its messages, still undecoded into patches) and its key.
public struct ThreadItem: Sendable {
    public var key: String
    /// Position in the archive's thread order (by date of the first message, then input order).
    public var ordinal: Int
    public var thread: MailThread

    public init(key: String, ordinal: Int, thread: MailThread) {
        self.key = key
        self.ordinal = ordinal
        self.thread = thread
    }
}

/// What the caller's processing function returns for a thread: the JSON line (without its
/// newline) and the counts the summary adds up.
public struct ThreadResult: Sendable, Equatable {
    public var line: [UInt8]
    public var counts: ThreadCounts

    public init(line: [UInt8], counts: ThreadCounts) {
        self.line = line
        self.counts = counts
    }

    /// The line `{"thread": KEY, "NAME": VALUE}`, in the same envelope as the error lines.
    public init(key: String, field name: String, value: [UInt8], counts: ThreadCounts) {
        self.init(line: JSONText.threadLine(key: key, name, value), counts: counts)
    }
}

/// The numbers one thread contributes to the summary. Also kept in the journal, so a resumed run
/// can sum up threads done before the crash without reading their lines.
public struct ThreadCounts: Sendable, Equatable, Codable {
    public var patches: Int
    /// Finding counts by invariant id (what counts as a finding is the caller's choice).
    public var findings: [String: Int]
    /// Set when the thread ended in an error line: the error's kind.
    public var error: String?

    public init(patches: Int = 0, findings: [String: Int] = [:], error: String? = nil) {
        self.patches = patches
        self.findings = findings
        self.error = error
    }
}

/// A thread that could not be processed: it becomes
/// `{"thread": key, "error": {"kind": ..., "message": ...}}` and the batch goes on.
public struct ThreadFailure: Error, Sendable, Equatable {
    /// A short stable code, e.g. `thread.too-large`.
    public var kind: String
    public var message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}
