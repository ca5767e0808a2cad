/// How to interpret an input. `auto` sniffs the bytes (see `FormatDetector`).
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case auto
    /// mboxo or mboxrd, chosen per archive.
    case mbox
    /// A folder with cur/ and new/; every file in them is one message.
    case maildir
    /// One RFC 822 message.
    case eml
    /// A bare diff, or `git format-patch` output (one or more mails without mbox quoting).
    case patch
    /// A plain-text archive render (hypermail style).
    case render
}
