/// Which function (or struct) encloses each line of a hunk. The hunk header names the function
/// the hunk starts in; a hunk that adds or passes a new definition moves into it. Comments are
/// anchored to functions, so a comment under `floops = ...` in a hunk headed `copy_present_page`
/// must say `folio_nr_pages_cont_mapped`, the function added above it.
///
/// Old and new side are tracked apart: a removed `-copy_present_pte(` and an added
/// `+copy_present_ptes(` each rename only their own side.
struct FunctionTracker {
    /// The archive render lost leading whitespace: context lines no longer show whether they sit at
    /// column 0 (added/removed lines still do: `+ int x;` kept one space for the tab).
    let collapsed: Bool
    private(set) var oldFunction: String?
    private(set) var newFunction: String?
    private var prevOld = ByteView.empty
    private var prevNew = ByteView.empty

    init(initial: String?, collapsed: Bool) {
        self.collapsed = collapsed
        oldFunction = initial
        newFunction = initial
    }

    /// Feeds one line (text without the diff prefix) and returns its enclosing function.
    mutating func observe(_ kind: DiffLine.Kind, _ text: Bytes) -> String? {
        switch kind {
        case .added:
            if let name = Self.definedName(text, previous: prevNew) {
                newFunction = name
            }
            prevNew = text
            return newFunction
        case .removed:
            if let name = Self.definedName(text, previous: prevOld) {
                oldFunction = name
            }
            prevOld = text
            return oldFunction
        case .context:
            if let name = Self.definedName(text, previous: prevNew) {
                oldFunction = name
                newFunction = name
            }
            prevOld = text
            prevNew = text
            return newFunction
        case .noNewline:
            return newFunction
        }
    }

    private static let statementKeywords: [StaticString] = [
        "if", "for", "while", "switch", "return", "else", "do", "case", "goto", "sizeof", "extern",
        "typedef", "default", "break", "continue",
    ]

    /// The name a line defines: `type name(` (not a statement, no `=` before the paren, not ending
    /// in `;`), `name(` with the return type alone on the previous line, or `struct name {`.
    static func definedName(_ text: Bytes, previous: Bytes) -> String? {
        // Column 0: in raw mode indented lines start with whitespace; in a collapsed render
        // context lines lost it, which is why a type must then be seen on this or the last line.
        guard let first = text.firstByte, Ascii.isIdent(first) else { return nil }
        let s = text.trimmingTrailingSpace
        guard let last = s.lastByte, last != Ascii.semicolon else { return nil }
        if startsWithKeyword(s, statementKeywords) { return nil }
        guard let paren = s.firstIndex(of: Ascii.lparen) else {
            return structTag(s)
        }
        // Only a declarator may precede the paren: identifiers, spaces, `*`.
        var nameEnd = paren
        while nameEnd > s.startIndex && Ascii.isSpace(s[nameEnd - 1]) { nameEnd -= 1 }
        var nameStart = nameEnd
        while nameStart > s.startIndex && Ascii.isIdent(s[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < nameEnd, !Ascii.isDigit(s[nameStart]) else { return nil }
        var typeTokens = 0
        var inToken = false
        for b in s[s.startIndex..<nameStart] {
            if Ascii.isIdent(b) {
                if !inToken { typeTokens += 1 }
                inToken = true
            } else if b == Ascii.star || Ascii.isSpace(b) {
                inToken = false
                if b == Ascii.star { typeTokens += 1 }
            } else {
                return nil
            }
        }
        // `foo(a,` alone is a call continued over lines unless the return type sits above it.
        if typeTokens == 0 && !isReturnTypeLine(previous) { return nil }
        return s[nameStart..<nameEnd].string
    }

    /// `struct zap_details {`, `union x {`, `enum y {`.
    private static func structTag(_ s: Bytes) -> String? {
        guard s.lastByte == Ascii.lbrace,
            s.hasPrefix("struct ") || s.hasPrefix("union ") || s.hasPrefix("enum ")
                || s.hasPrefix("static struct ") || s.hasPrefix("typedef struct ")
        else { return nil }
        for b in s where b == Ascii.equals { return nil }
        return HunkHeaderParser.identifier(endingBefore: s.endIndex - 1, in: s)
    }

    /// `static inline int`, `struct page *`, `vm_fault_t`: identifiers and stars only, not a
    /// statement keyword.
    private static func isReturnTypeLine(_ prev: Bytes) -> Bool {
        let s = prev.trimmed
        guard let first = s.firstByte, Ascii.isIdent(first) else { return false }
        if startsWithKeyword(s, statementKeywords) { return false }
        for b in s where !(Ascii.isIdent(b) || b == Ascii.star || Ascii.isSpace(b)) {
            return false
        }
        return true
    }

    private static func startsWithKeyword(_ s: Bytes, _ keywords: [StaticString]) -> Bool {
        for k in keywords where s.hasPrefix(k) {
            let after = s.startIndex + k.utf8CodeUnitCount
            if after == s.endIndex || !Ascii.isIdent(s[after]) { return true }
        }
        return false
    }
}
