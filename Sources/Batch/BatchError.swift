/// Why a batch or a merge cannot run at all (exit 2). A bad thread is not one of these: it
/// becomes an error line in the results and the batch goes on.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bad argument: a shard spec like `3/2`, a job count of 0.
    case usage(String)
    /// An input path that cannot be read at all.
    case unreadable(path: String, reason: String)
    /// Inputs that hold no messages.
    case emptyInput(paths: [String])
    /// `--out` exists and `--resume` was not given (or a merge output exists).
    case outputExists(path: String)
    /// An output (results, journal, summary) that cannot be created or written.
    case unwritable(path: String, reason: String)
    /// A journal or results file that contradicts itself, at a 1-based line.
    case corrupt(path: String, line: Int, reason: String)
    /// `--resume` with inputs or options other than the run that wrote the journal.
    case resumeMismatch(path: String, reason: String)
    /// Shard outputs that do not add up to one archive.
    case mergeMismatch(path: String, reason: String)

    public var description: String {
        switch self {
        case .usage(let m): m
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .emptyInput(let paths): "\(paths.joined(separator: ", ")): no messages to read"
        case .outputExists(let path): "\(path): already exists (use --resume to continue that run, or remove it)"
        case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
        case .corrupt(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .resumeMismatch(let path, let reason): "\(path): cannot resume: \(reason)"
        case .mergeMismatch(let path, let reason): "\(path): cannot merge: \(reason)"
        }
    }
}
