/// The journal beside a results file (`results.jsonl.journal`): which threads are done and where
/// their lines are, so `--resume` after a crash (even `kill -9`) skips finished threads, redoes the
/// rest, and never duplicates or loses a line.
///
/// One JSON object per line. The first line is the header (the archive's fingerprint, the shard
/// and the settings that shape the lines); each following line is an entry written only after the
/// thread's result line is in the results file: the key, the byte offset and length of its line
/// (newline included) and the counts the summary needs. Entries are contiguous: each line starts
/// where the previous one ended, from offset 0.
///
/// Recovery trusts the journal, not the results file: the results file is cut back to the end of
/// the last journaled line. That drops a torn last line, a line written but not yet journaled
/// (crash between the two writes), and the summary line of a finished run; those threads are
/// redone. A torn last journal line is dropped the same way.
public enum Journal {
    public static let schema = "mmreview.batch-journal/1"
    /// A journal line longer than this is damage, not an entry.
    public static let maxLineBytes = 1 << 20

    public static func path(forResults results: String) -> String { results + ".journal" }

    public struct Header: Sendable, Equatable, Codable {
        public var journal: String = Journal.schema
        public var archive: ArchiveFingerprint
        public var shard: ShardSpec?
        /// Options that change what a line says (`--base`, `--max-paths`...): a resume must use
        /// the same, or its lines would not match the earlier ones.
        public var settings: [String: String]

        public init(archive: ArchiveFingerprint, shard: ShardSpec?, settings: [String: String]) {
            self.archive = archive
            self.shard = shard
            self.settings = settings
        }
    }

    public struct Entry: Sendable, Equatable, Codable {
        public var thread: String
        public var offset: Int
        public var length: Int
        public var patches: Int
        public var findings: [String: Int]
        public var error: String?

        public init(thread: String, offset: Int, length: Int, counts: ThreadCounts) {
            self.thread = thread
            self.offset = offset
            self.length = length
            patches = counts.patches
            findings = counts.findings
            error = counts.error
        }

        public var end: Int { offset + length }
        public var counts: ThreadCounts { ThreadCounts(patches: patches, findings: findings, error: error) }
    }

    public static func encode(_ header: Header) -> [UInt8] { JSONText.encode(header) + [0x0A] }
    public static func encode(_ entry: Entry) -> [UInt8] { JSONText.encode(entry) + [0x0A] }

    /// A journal as read back: the header, the entries, and the number of journal bytes that hold
    /// them (what follows is a torn line to cut off).
    public struct Contents: Sendable, Equatable {
        public var header: Header?
        public var entries: [Entry]
        public var validBytes: Int
        /// Journal byte offset just after each entry's line (to cut the journal after entry i).
        public var entryEnds: [Int]
        public var headerEnd: Int
    }

    /// Reads journal bytes. A last line without its newline, or one that does not parse, is a write
    /// the crash interrupted: dropped. Damage before the last line is an error.
    public static func parse(_ bytes: [UInt8], path: String) throws(BatchError) -> Contents {
        var contents = Contents(header: nil, entries: [], validBytes: 0, entryEnds: [], headerEnd: 0)
        var start = 0
        var lineNumber = 0
        var seen: Set<String> = []
        while start < bytes.count {
            lineNumber += 1
            guard let nl = bytes[start...].firstIndex(of: 0x0A) else { break }  // torn: no newline
            let line = bytes[start..<nl]
            let isLast = nl + 1 >= bytes.count
            func damaged(_ reason: String) throws(BatchError) {
                if !isLast { throw .corrupt(path: path, line: lineNumber, reason: reason) }
            }
            if line.count > maxLineBytes {
                try damaged("journal line longer than \(maxLineBytes) bytes")
                break
            }
            if contents.header == nil {
                guard let h = JSONText.decode(Header.self, line), h.journal == schema else {
                    try damaged("not a \(schema) header")
                    break
                }
                contents.header = h
                contents.headerEnd = nl + 1
            } else {
                guard let e = JSONText.decode(Entry.self, line) else {
                    try damaged("not a journal entry")
                    break
                }
                let expected = contents.entries.last?.end ?? 0
                guard e.offset == expected, e.length > 0 else {
                    throw .corrupt(
                        path: path, line: lineNumber,
                        reason:
                            "entry for \(e.thread) at offset \(e.offset), length \(e.length); expected offset \(expected)"
                    )
                }
                guard seen.insert(e.thread).inserted else {
                    throw .corrupt(path: path, line: lineNumber, reason: "thread \(e.thread) journaled twice")
                }
                contents.entries.append(e)
                contents.entryEnds.append(nl + 1)
            }
            contents.validBytes = nl + 1
            start = nl + 1
        }
        return contents
    }

    /// What to keep after a crash: the first `entries.count` entries, the results file cut at
    /// `resultsEnd` and the journal at `journalEnd`.
    public struct Recovery: Sendable, Equatable {
        public var entries: [Entry]
        public var resultsEnd: Int
        public var journalEnd: Int
        /// Bytes of results after the last journaled line (lines to redo, a torn line, a summary).
        public var droppedResultBytes: Int
        /// Entries whose lines are not (all) in the results file, e.g. after a power cut with
        /// `--fsync never`: their threads are redone.
        public var droppedEntries: Int
    }

    /// Plans the recovery of a results file of `resultsSize` bytes from its journal.
    /// `byte(at:)` reads one byte of the results file (to check a kept line ends with a newline).
    public static func recover(
        _ contents: Contents, resultsSize: Int, expected: Header, journalPath: String, resultsPath: String,
        byte: (Int) -> UInt8?
    ) throws(BatchError) -> Recovery {
        guard let header = contents.header else {
            // Nothing was journaled (not even the header): nothing is known to be done.
            return Recovery(
                entries: [], resultsEnd: 0, journalEnd: 0, droppedResultBytes: resultsSize, droppedEntries: 0)
        }
        if header.archive != expected.archive {
            throw .resumeMismatch(
                path: journalPath,
                reason: "it was started on other inputs (\(header.archive); these hold \(expected.archive))")
        }
        if header.shard != expected.shard {
            throw .resumeMismatch(
                path: journalPath,
                reason: "it was started with --shard \(header.shard?.description ?? "none"), "
                    + "not \(expected.shard?.description ?? "none")")
        }
        if header.settings != expected.settings {
            let keys = Set(header.settings.keys).union(expected.settings.keys).sorted()
            let differing = keys.filter { header.settings[$0] != expected.settings[$0] }.map {
                "\($0) \(header.settings[$0] ?? "unset") -> \(expected.settings[$0] ?? "unset")"
            }
            throw .resumeMismatch(
                path: journalPath, reason: "it was started with other options (\(differing.joined(separator: ", ")))")
        }
        var kept = contents.entries.count
        while kept > 0 && contents.entries[kept - 1].end > resultsSize { kept -= 1 }
        let resultsEnd = kept > 0 ? contents.entries[kept - 1].end : 0
        if resultsEnd > 0 && byte(resultsEnd - 1) != 0x0A {
            throw .corrupt(
                path: resultsPath, line: kept,
                reason: "the journal says line \(kept) ends at byte \(resultsEnd), but no line ends there")
        }
        return Recovery(
            entries: Array(contents.entries.prefix(kept)), resultsEnd: resultsEnd,
            journalEnd: kept > 0 ? contents.entryEnds[kept - 1] : contents.headerEnd,
            droppedResultBytes: resultsSize - resultsEnd, droppedEntries: contents.entries.count - kept)
    }
}
