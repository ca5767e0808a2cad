/// What applying one FileDiff produced: the output text, a report per hunk, and the diff that was
/// effectively applied (what was really written, which differs from the mail after re-indenting).

/// How one hunk went. The order of the cases is the order of the ladder the applier climbs.
public enum HunkStatus: Sendable, Equatable {
    /// Matched byte for byte where the header (adjusted by earlier hunks' offsets) says.
    case exact
    /// Matched byte for byte, N lines away from the header's line (positive: further down).
    case offset(Int)
    /// Matched only with whitespace runs collapsed (an archive render, a reflowed mail).
    case whitespace
    /// Matched, whitespace-insensitively, after dropping N leading/trailing context lines.
    case fuzz(Int)
    /// A header-less fragment placed where the caller said.
    case inserted
    /// The hunk's post-image is already there: nothing written.
    case alreadyApplied
    /// Not tried (a fragment without an insertion point, a binary file...), with why.
    case skipped(String)
    case failed(ApplyError)
    /// The caller has no such file in its model.
    case notInModel

    /// The hunk is in the output (or already was).
    public var isApplied: Bool {
        switch self {
        case .exact, .offset, .whitespace, .fuzz, .inserted, .alreadyApplied: true
        case .skipped, .failed, .notInModel: false
        }
    }

    /// Short stable name: `exact`, `offset`, `whitespace`, `fuzz`, `inserted`, `already-applied`,
    /// `skipped`, `failed`, `not-in-model`.
    public var name: String {
        switch self {
        case .exact: "exact"
        case .offset: "offset"
        case .whitespace: "whitespace"
        case .fuzz: "fuzz"
        case .inserted: "inserted"
        case .alreadyApplied: "already-applied"
        case .skipped: "skipped"
        case .failed: "failed"
        case .notInModel: "not-in-model"
        }
    }
}

public struct HunkReport: Sendable, Equatable {
    /// Index of the hunk in the FileDiff.
    public var hunk: Int
    public var status: HunkStatus
    /// 1-based base line where the matched lines start (for a pure insertion: the line the new
    /// lines go before); nil when the hunk was not placed.
    public var baseLine: Int?
    /// 1-based output line where the hunk's lines start; nil when not placed.
    public var outputLine: Int?
    /// Matched line minus the header's line (0 when exact or unknown).
    public var offset: Int
    /// Everything repaired to make the hunk apply ("context matched ignoring whitespace", ...).
    public var repairs: [String]

    public init(
        hunk: Int, status: HunkStatus, baseLine: Int? = nil, outputLine: Int? = nil,
        offset: Int = 0, repairs: [String] = []
    ) {
        self.hunk = hunk
        self.status = status
        self.baseLine = baseLine
        self.outputLine = outputLine
        self.offset = offset
        self.repairs = repairs
    }
}

/// Where an apply error is: the file (as the diff names it), the 1-based line in the base, and
/// the hunk; printed like a compiler's `path:line: hunk #n: message`.
public struct ApplyLocation: Sendable, Equatable, CustomStringConvertible {
    public var path: String?
    public var line: Int
    /// 1-based hunk number, as GNU patch counts them.
    public var hunk: Int
    public init(path: String?, line: Int, hunk: Int) {
        self.path = path
        self.line = line
        self.hunk = hunk
    }
    public var description: String { "\(path ?? "<unknown>"):\(line): hunk #\(hunk)" }
}

/// The closest place a failed hunk came to matching.
public struct NearMiss: Sendable, Equatable {
    /// 1-based base line where the hunk's first (kept) line would go.
    public var line: Int
    /// Pre-image lines that matched there (whitespace-insensitively), out of `total`.
    public var matched: Int
    public var total: Int
    /// The first hunk line that did not match there: its 1-based index in the hunk, its text,
    /// and the base line (1-based, text) it was compared with; nil base text past the end.
    public var hunkLine: Int
    public var hunkText: String
    public var baseLine: Int
    public var baseText: String?
}

public enum ApplyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pre-image is nowhere; the closest place, if any line matched anywhere.
    case noMatch(ApplyLocation, closest: NearMiss?)
    /// Equally good places at the same step and distance: not ours to choose.
    case ambiguous(ApplyLocation, lines: [Int], step: String)
    /// The context matches more places than the cap: the nearest ones are reported.
    case tooManyPlaces(ApplyLocation, atLeast: Int, nearest: [Int])
    /// The hunk matches only over lines an earlier hunk (1-based) already changed.
    case overlaps(ApplyLocation, hunk: Int, lines: ClosedRange<Int>)
    /// A fragment placed by the caller at a line outside the base.
    case insertionOutOfRange(ApplyLocation, lineCount: Int)

    /// Ambiguous either way: equally near places, or too many places.
    public var isAmbiguous: Bool {
        switch self {
        case .ambiguous, .tooManyPlaces: true
        default: false
        }
    }

    public var location: ApplyLocation {
        switch self {
        case .noMatch(let l, _), .ambiguous(let l, _, _), .tooManyPlaces(let l, _, _),
            .overlaps(let l, _, _), .insertionOutOfRange(let l, _):
            l
        }
    }

    public var description: String {
        switch self {
        case .noMatch(let l, let near):
            guard let near else { return "\(l): error: no line of the hunk matches anywhere" }
            let base = near.baseText.map { "'\($0)'" } ?? "end of file"
            return "\(l): error: hunk does not apply; closest at line \(near.line), where "
                + "\(near.matched) of \(near.total) lines match; hunk line \(near.hunkLine) "
                + "'\(near.hunkText)' differs from line \(near.baseLine) \(base)"
        case .ambiguous(let l, let lines, let step):
            return "\(l): error: ambiguous (\(step)): matches equally well at lines "
                + lines.map(String.init).joined(separator: " and ")
        case .tooManyPlaces(let l, let n, let nearest):
            return "\(l): error: ambiguous: context matches more than \(n) places (nearest: lines "
                + nearest.map(String.init).joined(separator: ", ") + ")"
        case .overlaps(let l, let hunk, let lines):
            return "\(l): error: overlaps hunk #\(hunk), which changed lines "
                + "\(lines.lowerBound)-\(lines.upperBound)"
        case .insertionOutOfRange(let l, let n):
            return "\(l): error: insertion point outside the file (\(n) lines)"
        }
    }
}

/// The result of applying one FileDiff to one base text.
public struct AppliedFile: Sendable {
    public var path: String?
    /// The patched text, bytes as written: the base's own bytes wherever the base was kept.
    public var output: [UInt8]
    public var reports: [HunkReport]
    /// Internal: the base and the line-level edit script from base to output, from which the
    /// effective diff is computed only when asked for (it costs a String per changed line).
    let base: [UInt8]
    let script: EditScript

    public var text: String { String(decoding: output, as: UTF8.self) }
    public var appliedCount: Int { reports.filter { $0.status.isApplied }.count }
    public var failures: [ApplyError] {
        reports.compactMap { if case .failed(let e) = $0.status { e } else { nil } }
    }
    /// Every hunk is in the output (or already was).
    public var isClean: Bool { reports.allSatisfy { $0.status.isApplied } }

    /// The diff from base to output as actually written (re-indented lines as re-indented, the
    /// base's bytes for removed lines, `\r` kept at the end of CRLF lines), with `context` lines
    /// of context. `PatchApplier.reverse` of it applied to `output` gives back the base byte for byte.
    public func effectiveDiff(context: Int = 3) -> FileDiff {
        var file = FileDiff(oldPath: path, newPath: path, path: path)
        file.hunks = script.hunks(old: LineTable(base), new: LineTable(output), context: context)
        return file
    }

    public var effectiveDiff: FileDiff { effectiveDiff() }
}
