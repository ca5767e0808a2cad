/// The one model of a unified diff, whatever it came from: a posted git format-patch, a plain
/// `diff -u`, a diff quoted (and damaged) in a reply, or a header-less fragment.

/// One patch: optional format-patch header, commit message, trailers, diffstat and file diffs.
public struct Patch: Sendable, Codable, Equatable {
    /// From the in-body header block (`From <sha> ...`, `From:`, `Date:`, `Subject:`) when present.
    public var header: PatchHeader?
    /// Commit message lines (without quote markers), in order; empty when the patch has none.
    public var commitMessage: [String]
    public var trailers: [Trailer]
    public var diffstat: Diffstat?
    public var files: [FileDiff]
    /// A run of `+`/`-` lines with no `diff`/`---`/`@@` header (or a hunk tail whose header was
    /// snipped): file and position unknown unless inferred later.
    public var isFragment: Bool
    /// The git version footer (`2.28.0.218.gc12ef3d349`) after `-- `, when present.
    public var versionFooter: String?
    /// Everything the scanner repaired or found inconsistent (counts vs diffstat, lying headers...).
    public var repairs: [Repair]
    /// Scan-line ids of the first and last line that belong to this patch.
    public var firstLineID: Int
    public var lastLineID: Int

    public init(
        header: PatchHeader? = nil, commitMessage: [String] = [], trailers: [Trailer] = [],
        diffstat: Diffstat? = nil, files: [FileDiff] = [], isFragment: Bool = false,
        versionFooter: String? = nil, repairs: [Repair] = [], firstLineID: Int = 0,
        lastLineID: Int = 0
    ) {
        self.header = header
        self.commitMessage = commitMessage
        self.trailers = trailers
        self.diffstat = diffstat
        self.files = files
        self.isFragment = isFragment
        self.versionFooter = versionFooter
        self.repairs = repairs
        self.firstLineID = firstLineID
        self.lastLineID = lastLineID
    }
}

public struct PatchHeader: Sendable, Codable, Equatable {
    /// The commit id from a `From <sha> Mon Sep 17 00:00:00 2001` line.
    public var commit: String?
    public var fromName: String?
    public var fromEmail: String?
    public var date: String?
    public var subject: String?
    public init(
        commit: String? = nil, fromName: String? = nil, fromEmail: String? = nil,
        date: String? = nil, subject: String? = nil
    ) {
        self.commit = commit
        self.fromName = fromName
        self.fromEmail = fromEmail
        self.date = date
        self.subject = subject
    }
}

/// `Signed-off-by: Name <mail>`, `Fixes: abc123 ("title")`, ...; `key` as written.
public struct Trailer: Sendable, Codable, Equatable, Hashable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// What the diffstat claims: per-file change counts and the summary line.
public struct Diffstat: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var path: String
        public var changes: Int?
        public init(path: String, changes: Int?) {
            self.path = path
            self.changes = changes
        }
    }
    public var entries: [Entry]
    public var filesChanged: Int?
    public var insertions: Int?
    public var deletions: Int?
    public init(entries: [Entry] = [], filesChanged: Int? = nil, insertions: Int? = nil, deletions: Int? = nil) {
        self.entries = entries
        self.filesChanged = filesChanged
        self.insertions = insertions
        self.deletions = deletions
    }
}

public struct FileDiff: Sendable, Codable, Equatable {
    /// Paths as the headers give them, with `a/`/`b/` (or a tree prefix), timestamps, `.orig` and
    /// `~name` suffixes removed; nil when absent. `/dev/null` is kept as nil plus isNew/isDeleted.
    public var oldPath: String?
    public var newPath: String?
    /// The path to report: the new path, else the old; nil when no file header was quoted.
    public var path: String?
    /// The path was not in the diff but inferred (e.g. from the thread); set by later stages.
    public var pathInferred: Bool
    public var isNew: Bool
    public var isDeleted: Bool
    public var renameFrom: String?
    public var renameTo: String?
    public var oldMode: String?
    public var newMode: String?
    public var isBinary: Bool
    /// From `index 602f4283122f..a43004dd2ff6 100644`.
    public var oldBlob: String?
    public var newBlob: String?
    public var hunks: [Hunk]

    public init(
        oldPath: String? = nil, newPath: String? = nil, path: String? = nil,
        pathInferred: Bool = false, isNew: Bool = false, isDeleted: Bool = false,
        renameFrom: String? = nil, renameTo: String? = nil, oldMode: String? = nil,
        newMode: String? = nil, isBinary: Bool = false, oldBlob: String? = nil,
        newBlob: String? = nil, hunks: [Hunk] = []
    ) {
        self.oldPath = oldPath
        self.newPath = newPath
        self.path = path
        self.pathInferred = pathInferred
        self.isNew = isNew
        self.isDeleted = isDeleted
        self.renameFrom = renameFrom
        self.renameTo = renameTo
        self.oldMode = oldMode
        self.newMode = newMode
        self.isBinary = isBinary
        self.oldBlob = oldBlob
        self.newBlob = newBlob
        self.hunks = hunks
    }
}

public struct Hunk: Sendable, Codable, Equatable {
    /// The `@@ ... @@ section` line as written (quote markers removed); nil for fragments.
    public var header: String?
    public var oldStart: Int
    public var oldLines: Int
    public var newStart: Int
    public var newLines: Int
    /// The section text after the second `@@`, raw.
    public var section: String?
    /// The function (or struct tag) parsed from `section`; nil when there is none.
    public var function: String?
    public var lines: [DiffLine]
    /// All the lines the header counts are present.
    public var complete: Bool
    /// Header-less: a run of `+`/`-` lines, or a hunk tail whose `@@` was snipped.
    public var isFragment: Bool
    public var repairs: [Repair]

    public init(
        header: String? = nil, oldStart: Int = 0, oldLines: Int = 0, newStart: Int = 0,
        newLines: Int = 0, section: String? = nil, function: String? = nil,
        lines: [DiffLine] = [], complete: Bool = true, isFragment: Bool = false,
        repairs: [Repair] = []
    ) {
        self.header = header
        self.oldStart = oldStart
        self.oldLines = oldLines
        self.newStart = newStart
        self.newLines = newLines
        self.section = section
        self.function = function
        self.lines = lines
        self.complete = complete
        self.isFragment = isFragment
        self.repairs = repairs
    }

    public var addedCount: Int { count(of: .added) }
    public var removedCount: Int { count(of: .removed) }
    public var contextCount: Int { count(of: .context) }

    /// Reads each line's kind in place: a loop over the elements copied every line (its text and
    /// function retained and released) to look at one byte.
    private func count(of kind: DiffLine.Kind) -> Int {
        var n = 0
        for i in lines.indices where lines[i].kind == kind { n += 1 }
        return n
    }
}

public struct DiffLine: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case context, added, removed
        /// `\ No newline at end of file`: applies to the line before it.
        case noNewline = "no-newline"
    }
    public var kind: Kind
    /// The text's bytes (see `LineContent`).
    @usableFromInline var content: LineContent
    /// The line's text without its one-character diff prefix.
    public var text: String {
        get { content.string }
        set { content = LineContent(newValue) }
    }
    /// Line number in the old file (context, removed) and in the new file (context, added);
    /// nil when unknown (fragments) or not applicable.
    public var oldLine: Int? {
        get { OptionalNumber.read(oldNumber) }
        set { oldNumber = OptionalNumber.store(newValue) }
    }
    public var newLine: Int? {
        get { OptionalNumber.read(newNumber) }
        set { newNumber = OptionalNumber.store(newValue) }
    }
    /// The function (or struct) that encloses this line, tracked through the hunk: starts from the
    /// section's function and changes where a definition starts inside the hunk.
    public var function: String?
    /// The id of the ScanLine this came from (the caller's line number).
    public var sourceID: Int
    // The numbers without Optional's tag byte (see `OptionalNumber`): an archive holds millions
    // of diff lines.
    var oldNumber: Int
    var newNumber: Int

    // The initialisers are in an extension so the scanner can use the implicit memberwise one:
    // built with it, a line goes into its array without the copy and destroy (two retains and
    // releases) the optimiser left around a custom `init` (Swift 6.3, release build).

    /// The UTF-8 of `text`, without building the String. Inlinable: a generic call across the
    /// module boundary cost more than the String it saves.
    @inlinable
    public func withTextUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { content.withUTF8(body) }
}

extension DiffLine {
    public init(
        kind: Kind, text: String, oldLine: Int? = nil, newLine: Int? = nil,
        function: String? = nil, sourceID: Int
    ) {
        self.init(
            kind: kind, content: LineContent(text), function: function, sourceID: sourceID,
            oldNumber: OptionalNumber.store(oldLine), newNumber: OptionalNumber.store(newLine))
    }

    private enum CodingKeys: String, CodingKey { case kind, text, oldLine, newLine, function, sourceID }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind), text: try c.decode(String.self, forKey: .text),
            oldLine: try c.decodeIfPresent(Int.self, forKey: .oldLine),
            newLine: try c.decodeIfPresent(Int.self, forKey: .newLine),
            function: try c.decodeIfPresent(String.self, forKey: .function),
            sourceID: try c.decode(Int.self, forKey: .sourceID))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(oldLine, forKey: .oldLine)
        try c.encodeIfPresent(newLine, forKey: .newLine)
        try c.encodeIfPresent(function, forKey: .function)
        try c.encode(sourceID, forKey: .sourceID)
    }
}

/// Something the scanner repaired or found wrong, with the line it concerns.
public struct Repair: Sendable, Codable, Equatable {
    /// Context lines of a hunk that arrived without their leading space (mail clients eat it).
    static func contextWithoutSpace(_ count: Int, sourceID: Int?) -> Repair {
        Repair(
            code: "context-without-space", message: "\(count) context line(s) had lost the leading space",
            sourceID: sourceID)
    }

    /// Stable short code: `context-without-space`, `blank-context`, `hunk-truncated`,
    /// `count-mismatch`, `diffstat-mismatch`, `header-lies`, ...
    public var code: String
    public var message: String
    public var sourceID: Int?
    public init(code: String, message: String, sourceID: Int?) {
        self.code = code
        self.message = message
        self.sourceID = sourceID
    }
}
