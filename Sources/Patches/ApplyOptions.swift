/// How hard the applier tries, and what it may change.
public struct ApplyOptions: Sendable {
    public enum Reindent: Sendable {
        /// Re-indent added lines when the hunk's context matched the base only ignoring leading
        /// whitespace (the mail lost its indentation), or an inserted fragment has none.
        case automatic
        case never
    }

    /// Context lines that may be dropped at each end (GNU patch's `--fuzz`).
    public var maxFuzz: Int
    /// How far from its stated line a hunk may be found; nil: anywhere in the file.
    public var maxOffset: Int?
    /// A hunk matching more places than this is ambiguous, whatever their distances.
    public var maxPlaces: Int
    public var reindent: Reindent
    /// Look for the hunk's post-image before declaring failure.
    public var detectAlreadyApplied: Bool
    /// Where header-less fragment hunks go: hunk index → 1-based base line the fragment's lines
    /// go before (line count + 1 appends). Fragments without an entry are skipped.
    public var insertionPoints: [Int: Int]

    public init(
        maxFuzz: Int = 2, maxOffset: Int? = nil, maxPlaces: Int = 1000, reindent: Reindent = .automatic,
        detectAlreadyApplied: Bool = true, insertionPoints: [Int: Int] = [:]
    ) {
        self.maxFuzz = maxFuzz
        self.maxOffset = maxOffset
        self.maxPlaces = maxPlaces
        self.reindent = reindent
        self.detectAlreadyApplied = detectAlreadyApplied
        self.insertionPoints = insertionPoints
    }
}
