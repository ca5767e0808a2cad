/// The last line of a results file (and `--summary FILE`): what the batch covered and found.
/// Written only when every thread of the run has its line, so its presence says the output is
/// complete. Deterministic: a resumed run, a clean run and a merge of all shards give the same
/// bytes for the same archive.
public struct BatchSummary: Sendable, Equatable, Codable {
    public static let schema = "mmreview.batch-summary/1"
    public var summary: String = BatchSummary.schema
    /// The whole archive the threads came from.
    public var archive: ArchiveFingerprint
    /// The shard this output covers; absent for the whole archive (a single run or a merge).
    public var shard: ShardSpec?
    /// Threads with a line in this output, error lines included.
    public var threads: Int = 0
    /// Threads whose line is an error line.
    public var threadErrors: Int = 0
    public var patches: Int = 0
    /// Finding counts by invariant id.
    public var findings: [String: Int] = [:]
    /// Error lines by kind.
    public var errors: [String: Int] = [:]

    public init(archive: ArchiveFingerprint, shard: ShardSpec?) {
        self.archive = archive
        self.shard = shard
    }

    public mutating func add(_ counts: ThreadCounts) {
        threads += 1
        patches += counts.patches
        for (k, n) in counts.findings { findings[k, default: 0] += n }
        if let kind = counts.error {
            threadErrors += 1
            errors[kind, default: 0] += 1
        }
    }

    /// Adds another output's numbers (a shard's) to these.
    public mutating func absorb(_ other: BatchSummary) {
        threads += other.threads
        threadErrors += other.threadErrors
        patches += other.patches
        for (k, n) in other.findings { findings[k, default: 0] += n }
        for (k, n) in other.errors { errors[k, default: 0] += n }
    }

    /// The summary as one JSON line (no newline), keys sorted.
    public var line: [UInt8] { JSONText.encode(self) }

    /// Reads a summary line; nil when the line is not one.
    public static func parse(_ line: ArraySlice<UInt8>) -> BatchSummary? {
        guard let s = JSONText.decode(BatchSummary.self, line), s.summary == schema else { return nil }
        return s
    }

    /// A few lines for a person.
    public var text: String {
        var out = "\(threads) threads"
        if let shard { out += " (shard \(shard) of an archive of \(archive.threads))" }
        out += ", \(patches) patches, \(threadErrors) error line\(threadErrors == 1 ? "" : "s")\n"
        if !findings.isEmpty {
            out += "findings: "
            out += findings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        if !errors.isEmpty {
            out += "errors: "
            out += errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
