/// Finds every patch in a stream of lines at one quote level: the contract with the caller.

/// One line handed to the scanner: the text after quote markers (and the one space after them).
/// The text is a slice, so callers can hand over ranges of one body buffer without copying
/// every line; the scanner indexes it from its `startIndex`.
public struct ScanLine: Sendable {
    public var text: ArraySlice<UInt8>
    /// The caller's id for the line (the body line index); reported back in roles and DiffLines.
    public var id: Int
    /// Lines of other quote levels (a reviewer's comment) came between this line and the previous
    /// one in the stream: a hunk may go on across that gap.
    public var interruptedBefore: Bool
    public init(text: [UInt8], id: Int, interruptedBefore: Bool = false) {
        self.text = text[...]
        self.id = id
        self.interruptedBefore = interruptedBefore
    }
    public init(text: ArraySlice<UInt8>, id: Int, interruptedBefore: Bool = false) {
        self.text = text
        self.id = id
        self.interruptedBefore = interruptedBefore
    }
}

/// One line of a body handed to the scanner by position: `range` is the text after the quote
/// markers. The scanner reads every line of a stream from the one body, so a line costs no
/// reference count (slices of the body did, several times a line in the hunk loop).
public struct ScanSpan: Sendable, Equatable {
    public var range: Range<Int>
    /// The caller's id for the line (the body line index); reported back in roles and DiffLines.
    public var id: Int
    /// Lines of other quote levels came between this line and the previous one in the stream.
    public var interruptedBefore: Bool
    public init(range: Range<Int>, id: Int, interruptedBefore: Bool = false) {
        self.range = range
        self.id = id
        self.interruptedBefore = interruptedBefore
    }
}

public struct ScanOptions: Sendable {
    /// The text is an archive render: whitespace runs collapsed, so context lines lost their
    /// leading space and any line inside a hunk's counts is context unless it starts `+`/`-`.
    public var whitespaceCollapsed: Bool
    /// Upper bound on lines examined; beyond it the scan stops with a `limit` repair.
    public var maxLines: Int
    public init(whitespaceCollapsed: Bool = false, maxLines: Int = 5_000_000) {
        self.whitespaceCollapsed = whitespaceCollapsed
        self.maxLines = maxLines
    }
}

/// What the scanner made of each input line (parallel to the input).
public enum LineRole: Sendable, Equatable {
    /// Not claimed by any patch: someone's prose, a blank line, an attribution...
    case prose
    case patchHeader(patch: Int)
    case commitMessage(patch: Int)
    case trailer(patch: Int)
    /// The `---` line between the commit message and the diffstat/diff.
    case separator(patch: Int)
    case diffstat(patch: Int)
    /// `diff --git`, `index`, mode/rename lines, `---`, `+++`, `Index:`, `=====`.
    case fileHeader(patch: Int, file: Int)
    case hunkHeader(patch: Int, file: Int, hunk: Int)
    case diffLine(patch: Int, file: Int, hunk: Int, line: Int)
    /// `-- ` and the git version after the last hunk.
    case versionFooter(patch: Int)
    /// A snip mark (`<snip>`, `[...]`, `...`, `[ snip ]`) or truncation mark.
    case snip
}

public struct DiffScan: Sendable {
    public var patches: [Patch]
    public var roles: [LineRole]
    /// Problems with the scan as a whole (a `limit` repair when `maxLines` cut it short).
    public var repairs: [Repair]
    public init(patches: [Patch], roles: [LineRole], repairs: [Repair] = []) {
        self.patches = patches
        self.roles = roles
        self.repairs = repairs
    }
}

/// Finds every diff in one quote level of a mail: posted patches, quoted (and damaged) diffs,
/// header-less fragments. Knows nothing of mail: the caller split the body into quote levels.
public enum DiffScanner {
    /// Every patch in `lines` (one quote level, in order) and a role for every line.
    public static func scan(_ lines: [ScanLine], options: ScanOptions = .init()) -> DiffScan {
        // Lines from anywhere: laid end to end in one buffer, which the diff lines then share.
        var body: [UInt8] = []
        body.reserveCapacity(lines.reduce(0) { $0 + $1.text.count })
        var spans: [ScanSpan] = []
        spans.reserveCapacity(lines.count)
        for line in lines {
            let start = body.count
            body.append(contentsOf: line.text)
            spans.append(ScanSpan(range: start..<body.count, id: line.id, interruptedBefore: line.interruptedBefore))
        }
        return scan(body, spans: spans, options: options)
    }

    /// Every patch in the lines `spans` mark in `body` (one quote level, in order) and a role for
    /// every span. Ranges outside the body are cut to it.
    public static func scan(_ body: [UInt8], spans: [ScanSpan], options: ScanOptions = .init()) -> DiffScan {
        body.withUnsafeBufferPointer { buf in
            var machine = ScanMachine(input: ScanInput(storage: body, buffer: buf, spans: spans, options: options))
            return machine.run()
        }
    }

    /// The function (or struct tag) a hunk header's section names: `do_wp_page` for
    /// `static vm_fault_t do_wp_page(struct vm_fault *vmf)`, `zap_details` for
    /// `struct zap_details {`, nil for a label (`oom:`) or an empty section.
    public static func functionName(fromSection section: String) -> String? {
        HunkHeaderParser.functionName(fromSection: section)
    }

    /// A header path as the repository path: `a/`, `b/` and tree prefixes, timestamps, `.orig`
    /// and `~name` suffixes removed; nil for `/dev/null`.
    public static func normalizedPath(_ raw: String) -> String? {
        ByteView.of(raw, DiffPath.normalise)
    }

    /// Whether a line of text reads as English rather than C (see `ProseHeuristics`).
    public static func looksLikeProse(_ text: String) -> Bool {
        ProseHeuristics.looksLikeProse(text)
    }
}
