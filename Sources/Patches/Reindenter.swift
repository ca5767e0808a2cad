/// Gives added lines that lost their indentation in the mail (an archive render collapses tabs)
/// kernel indentation again: one tab per brace depth, `case` labels at the `switch`'s level,
/// goto labels and `#` lines at column 0, continuation lines of a statement one tab deeper than
/// the statement, block-comment lines as ` * ` one space after the comment's tabs.
///
/// The depth comes from the base: every kept line (real indentation) resets it, so an error in
/// the running `{`/`}` balance of added lines does not outlive the next context line. It is a
/// heuristic that reads like kernel code for ordinary functions, not a C formatter.
struct Reindenter {
    /// Brace depth where the next statement goes (its indentation level, in tabs).
    private var depth = 0
    /// Open parentheses of the current statement.
    private var parenDepth = 0
    /// The current statement goes on onto the next line (no `;`, `{`, `}` or `:` yet, or
    /// parentheses open): that line is a continuation.
    private var continuing = false
    private var statementLevel = 0
    private var inComment = false
    private var commentLevel = 0

    /// Primed with base lines before the place (their real indentation).
    init(priming lines: [ArraySlice<UInt8>]) {
        for line in lines { observe(line) }
    }

    /// A base line the output keeps as it is (content without terminator).
    mutating func observe(_ line: ArraySlice<UInt8>) {
        let shape = CodeShape(line, inComment: inComment)
        if shape.isBlank { return }
        if inComment || shape.isPreprocessor || shape.isLabel {
            updateComment(shape, level: commentLevel)
            return
        }
        advance(shape, level: shape.level)
    }

    /// The added line re-indented (content without terminator), and the state moved past it.
    mutating func indent(_ line: ArraySlice<UInt8>) -> [UInt8] {
        let shape = CodeShape(line, inComment: inComment)
        if shape.isBlank { return [] }
        let text = line[shape.trimmed]
        if inComment {
            let star = text.first == Ascii.star
            updateComment(shape, level: commentLevel)
            return tabs(commentLevel) + (star ? [Ascii.space] : []) + text
        }
        if shape.isPreprocessor || shape.isLabel {
            updateComment(shape, level: 0)
            return Array(text)
        }
        let level: Int
        if continuing && shape.leadingClosers == 0 {
            // A function body's `{` on its own line belongs to the statement, not below it.
            level = text.first == Ascii.lbrace ? statementLevel : statementLevel + 1
        } else if shape.isCaseLabel {
            level = max(0, depth - 1)
        } else {
            level = max(0, depth - shape.leadingClosers)
        }
        advance(shape, level: level)
        return tabs(level) + text
    }

    private mutating func advance(_ shape: CodeShape, level: Int) {
        if !continuing || shape.leadingClosers > 0 {
            statementLevel = level
            depth = level + shape.leadingClosers
            parenDepth = 0
        }
        depth = max(0, depth + shape.opens - shape.closes)
        if shape.isCaseLabel { depth = level + 1 }
        parenDepth = max(0, parenDepth + shape.parenDelta)
        continuing = !(shape.terminated && parenDepth == 0)
        updateComment(shape, level: level)
    }

    private mutating func updateComment(_ shape: CodeShape, level: Int) {
        if shape.commentOpenAtEnd {
            if !inComment { commentLevel = level }
            inComment = true
        } else {
            inComment = false
        }
    }

    private func tabs(_ n: Int) -> [UInt8] { [UInt8](repeating: Ascii.tab, count: n) }
}

/// What the re-indenter needs to know of one line of C: braces, parentheses and the last code
/// byte outside strings and comments, and whether it is a label, `case`, `#` line or blank.
struct CodeShape {
    var level = 0
    var trimmed: Range<Int>
    var isBlank = false
    var isPreprocessor = false
    var isLabel = false
    var isCaseLabel = false
    var opens = 0
    var closes = 0
    var leadingClosers = 0
    var parenDelta = 0
    var lastCode: UInt8?
    var commentOpenAtEnd = false

    /// Ends a statement (or is only a comment): the next line starts a new one.
    var terminated: Bool {
        guard let last = lastCode else { return true }
        return last == Ascii.semicolon || last == Ascii.lbrace || last == Ascii.rbrace
            || last == Ascii.colon || last == Ascii.comma
    }

    init(_ line: ArraySlice<UInt8>, inComment: Bool) {
        var start = line.startIndex
        var column = 0
        while start < line.endIndex && (line[start] == Ascii.space || line[start] == Ascii.tab) {
            column = line[start] == Ascii.tab ? (column / 8 + 1) * 8 : column + 1
            start += 1
        }
        var end = line.endIndex
        while end > start && LineText.isSpace(line[end - 1]) { end -= 1 }
        level = column / 8
        trimmed = start..<end
        if start == end {
            isBlank = true
            commentOpenAtEnd = inComment
            return
        }
        let first = line[start]
        if !inComment && first == Ascii.hash { isPreprocessor = true }
        scan(line, start..<end, inComment: inComment)
        if !inComment && !isPreprocessor {
            isCaseLabel = Self.startsWord(line, start, end, "case") || Self.startsWord(line, start, end, "default")
            isCaseLabel = isCaseLabel && lastCode == Ascii.colon
            isLabel = !isCaseLabel && Self.isGotoLabel(line, start, end)
        }
    }

    private mutating func scan(_ line: ArraySlice<UInt8>, _ range: Range<Int>, inComment: Bool) {
        var comment = inComment
        var quote: UInt8? = nil
        var seenCode = false
        var i = range.lowerBound
        while i < range.upperBound {
            let b = line[i]
            let next: UInt8? = i + 1 < range.upperBound ? line[i + 1] : nil
            if comment {
                if b == Ascii.star && next == Ascii.slash {
                    comment = false
                    i += 2
                    continue
                }
                i += 1
                continue
            }
            if let q = quote {
                if b == Ascii.backslash {
                    i += 2
                    continue
                }
                if b == q { quote = nil }
                lastCode = b
                i += 1
                continue
            }
            if b == Ascii.slash && next == Ascii.star {
                comment = true
                i += 2
                continue
            }
            if b == Ascii.slash && next == Ascii.slash { break }
            switch b {
            case Ascii.quote, Ascii.apostrophe: quote = b
            case Ascii.lbrace: opens += 1
            case Ascii.rbrace:
                closes += 1
                if !seenCode { leadingClosers += 1 }
            case Ascii.lparen: parenDelta += 1
            case Ascii.rparen: parenDelta -= 1
            default: break
            }
            if !LineText.isSpace(b) {
                // A macro's line-continuation backslash is not the statement's last byte.
                if b != Ascii.backslash { lastCode = b }
                if b != Ascii.rbrace { seenCode = true }
            }
            i += 1
        }
        commentOpenAtEnd = comment
    }

    private static func startsWord(_ line: ArraySlice<UInt8>, _ start: Int, _ end: Int, _ word: String) -> Bool {
        var i = start
        for c in word.utf8 {
            guard i < end, line[i] == c else { return false }
            i += 1
        }
        return i == end || !Ascii.isIdent(line[i])
    }

    /// `name:` alone on its line (a goto target), not `default:` and not `a ? b : c`.
    private static func isGotoLabel(_ line: ArraySlice<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end && Ascii.isIdent(line[i]) { i += 1 }
        guard i > start, !Ascii.isDigit(line[start]) else { return false }
        while i < end && LineText.isSpace(line[i]) { i += 1 }
        guard i < end, line[i] == Ascii.colon else { return false }
        i += 1
        guard i == end || line[i] != Ascii.colon else { return false }
        while i < end && LineText.isSpace(line[i]) { i += 1 }
        return i == end
            || (line[i] == Ascii.slash && i + 1 < end && (line[i + 1] == Ascii.star || line[i + 1] == Ascii.slash))
    }
}
