/// What a mailing-list subject says about the mail: reply or not, which patch of which series in
/// which version, and the title left when the prefixes are gone.
///
/// Only *leading* bracket groups are tags: `mm: kill [add|del]_page_to_lru_list()` keeps its
/// brackets in the title. Reply prefixes and bracket groups may interleave
/// (`Re: [Buildroot] [PATCH 01/11] ...`, `[PATCH] Re: ...`); they are peeled off in a loop.
///
/// Tag-derived fields (`isPatch`, `part`, `isCoverLetter`, ...) describe the subject as written,
/// so a reply to a cover letter has both `isReply` and `isCoverLetter`; callers decide what a
/// reply means to them.
public struct PatchSubject: Sendable, Codable, Equatable {
    /// The subject had `Re:`, `Aw:`, `Sv:`, `Antw:`, `Odp:` (in any case, repeated or not).
    public var isReply: Bool
    /// The subject had `Fwd:` or `Fw:`.
    public var isForward: Bool
    /// Every word of every leading bracket group, in order: `["RFC", "PATCH", "v2", "03/15"]`.
    /// `PATCHv3` is split into `PATCH` and `v3`.
    public var tags: [String]
    public var isPatch: Bool
    public var isRFC: Bool
    public var isResend: Bool
    /// `[GIT PULL]`, `[git pull]`, `[GIT]`.
    public var isPullRequest: Bool
    /// 1 when the subject names no version. `v3.1` gives 3; `versionRaw` keeps `v3.1`.
    public var version: Int
    public var versionRaw: String?
    /// `03/15` gives part 3 of 15; a cover letter is part 0.
    public var part: Int?
    public var total: Int?
    /// Part 0 of a numbered series.
    public var isCoverLetter: Bool
    /// Tag words that are none of the above: trees and releases (`-mm`, `net-next`,
    /// `mm-unstable`, `2.6.12-rc1`), list names (`Buildroot`), `RFT`, ...
    public var prefixExtras: [String]
    /// The subject without reply prefixes and tags, whitespace runs collapsed.
    public var title: String
    /// `title` lower-cased: the key for matching subjects across replies and versions.
    public var normalized: String

    public init(
        isReply: Bool = false, isForward: Bool = false, tags: [String] = [], isPatch: Bool = false,
        isRFC: Bool = false, isResend: Bool = false, isPullRequest: Bool = false, version: Int = 1,
        versionRaw: String? = nil, part: Int? = nil, total: Int? = nil,
        isCoverLetter: Bool = false, prefixExtras: [String] = [], title: String = "",
        normalized: String = ""
    ) {
        self.isReply = isReply
        self.isForward = isForward
        self.tags = tags
        self.isPatch = isPatch
        self.isRFC = isRFC
        self.isResend = isResend
        self.isPullRequest = isPullRequest
        self.version = version
        self.versionRaw = versionRaw
        self.part = part
        self.total = total
        self.isCoverLetter = isCoverLetter
        self.prefixExtras = prefixExtras
        self.title = title
        self.normalized = normalized
    }

    public static func parse(_ subject: String) -> PatchSubject {
        var result = PatchSubject()
        var rest = Substring(collapsingWhitespace(subject))
        while true {
            rest = rest.drop(while: { $0 == " " })
            if let (kind, after) = leadingPrefix(rest) {
                if kind == .reply { result.isReply = true } else { result.isForward = true }
                rest = after
            } else if rest.first == "[", let close = rest.firstIndex(of: "]") {
                result.tags += words(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                break
            }
        }
        for tag in result.tags { result.classify(tag) }
        result.isCoverLetter = result.part == 0
        result.title = String(rest)
        result.normalized = result.title.lowercased()
        return result
    }

    private mutating func classify(_ tag: String) {
        let upper = tag.uppercased()
        switch upper {
        case "PATCH", "PATCHES", "PATCHSET", "PATCH-SET": isPatch = true
        case "RFC": isRFC = true
        case "RESEND", "REPOST": isResend = true
        case "GIT", "PULL", "GIT-PULL": isPullRequest = true
        default:
            if let number = Self.versionNumber(tag) {
                // The first version wins: `[PATCH v2] ... [v3]` is rarer than a stray tag.
                if versionRaw == nil {
                    version = number
                    versionRaw = tag
                }
            } else if let (part, total) = Self.partAndTotal(tag), self.part == nil {
                self.part = part
                self.total = total
            } else {
                prefixExtras.append(tag)
            }
        }
    }

    /// `v3`, `V10`, `v3.1` (integer part kept). Not `v` alone, not `vfs`.
    private static func versionNumber(_ tag: String) -> Int? {
        guard let first = tag.first, first == "v" || first == "V" else { return nil }
        let digits = tag.dropFirst()
        let integer = digits.prefix(while: \.isASCIIDigit)
        guard !integer.isEmpty,
            digits.dropFirst(integer.count).allSatisfy({ $0 == "." || $0.isASCIIDigit })
        else { return nil }
        return Int(integer)
    }

    /// `03/15`, `0/4`.
    private static func partAndTotal(_ tag: String) -> (Int, Int)? {
        let fields = tag.split(separator: "/", omittingEmptySubsequences: false)
        guard fields.count == 2,
            fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let part = Int(fields[0]), let total = Int(fields[1])
        else { return nil }
        return (part, total)
    }

    /// The words of one bracket group. `PATCHv3` / `RFCv2` are split so the version is seen; a
    /// trailing comma (`[PATCH v2, 3/4]`) is punctuation, not part of the word.
    private static func words(_ group: Substring) -> [String] {
        var result: [String] = []
        for raw in group.split(whereSeparator: { $0 == " " || $0 == "," }) {
            var word = raw
            for keyword in ["PATCH", "RFC", "RESEND"] where word.count > keyword.count {
                let head = word.prefix(keyword.count)
                let tail = word.dropFirst(keyword.count)
                if head.uppercased() == keyword, versionNumber(String(tail)) != nil {
                    result.append(String(head))
                    word = tail
                    break
                }
            }
            result.append(String(word))
        }
        return result
    }

    private enum PrefixKind { case reply, forward }

    private static let replyWords: Set<String> = ["re", "aw", "sv", "antw", "odp"]
    private static let forwardWords: Set<String> = ["fwd", "fw"]

    /// `Re:`, `RE:`, `Re[2]:`, `Re^2:`, `Re :`, `Fwd:`... at the start of `text`, and what follows.
    private static func leadingPrefix(_ text: Substring) -> (PrefixKind, Substring)? {
        let word = text.prefix(while: { $0.isASCII && $0.isLetter })
        guard !word.isEmpty, word.count <= 4 else { return nil }
        let lower = word.lowercased()
        let kind: PrefixKind
        if replyWords.contains(lower) {
            kind = .reply
        } else if forwardWords.contains(lower) {
            kind = .forward
        } else {
            return nil
        }
        var rest = text.dropFirst(word.count)
        // A reply counter some mailers add: `Re[2]:`, `Re^2:`, `Re(2):`.
        if let first = rest.first, first == "[" || first == "^" || first == "(" {
            let afterOpen = rest.dropFirst()
            let digits = afterOpen.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { return nil }
            rest = afterOpen.dropFirst(digits.count)
            if first != "^" {
                guard let close = rest.first, close == (first == "[" ? "]" : ")") else {
                    return nil
                }
                rest = rest.dropFirst()
            }
        }
        rest = rest.drop(while: { $0 == " " })
        guard rest.first == ":" else { return nil }
        return (kind, rest.dropFirst())
    }

    /// Tabs, line breaks (a folded header) and space runs become one space; ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        if let fast = collapsingASCIIWhitespace(text) { return fast }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

extension PatchSubject {
    /// `collapsingWhitespace` on bytes for ASCII text, where each byte is a Character (CR LF is
    /// one Character, but whitespace either way) and the whitespace Characters are TAB, LF, VT,
    /// FF, CR and space. Nil for other text.
    static func collapsingASCIIWhitespace(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { buf -> String? in
            var changed = false
            var pendingSpace = false
            var n = 0
            for b in buf {
                if b >= 0x80 { return nil }
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if b != 0x20 || pendingSpace || n == 0 { changed = true }
                    pendingSpace = n > 0
                } else {
                    if pendingSpace { n += 1 }
                    pendingSpace = false
                    n += 1
                }
            }
            if pendingSpace { changed = true }
            if !changed { return text }
            return String(unsafeUninitializedCapacity: n) { out in
                var k = 0
                var pending = false
                for b in buf {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        pending = k > 0
                    } else {
                        if pending {
                            out[k] = 0x20
                            k += 1
                        }
                        pending = false
                        out[k] = b
                        k += 1
                    }
                }
                return k
            }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
