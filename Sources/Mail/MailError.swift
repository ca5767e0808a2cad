/// Why an input could not be read at all. Damaged content is never an error: it becomes a
/// `Diagnostic` and a partial result.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The path exists but cannot be read in the requested format (e.g. `maildir` on a file).
    case unsupported(location: SourceLocation, reason: String)

    public var location: SourceLocation {
        switch self {
        case .unreadable(let path, _): SourceLocation(file: path, line: 1)
        case .unsupported(let location, _): location
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): error: cannot read: \(reason)"
        case .unsupported(let location, let reason): "\(location): error: \(reason)"
        }
    }
}
