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
        var collapsed = collapsingWhitespace(subject)
        // ASCII text (nearly every subject) is read byte by byte; elsewhere a Character can be
        // an ASCII delimiter with a combining mark, so the general path reads Characters.
        if let fast = collapsed.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? parseASCII($0) : nil }) {
            return fast
        }
        var result = PatchSubject()
        var rest = Substring(collapsed)
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
        result.normalized = result.title.lowercasedASCIIFast()
        return result
    }

    private mutating func classify(_ tag: String) {
        switch Self.keyword(tag) {
        case .patch?: isPatch = true
        case .rfc?: isRFC = true
        case .resend?: isResend = true
        case .pull?: isPullRequest = true
        case nil:
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

    private enum Keyword { case patch, rfc, resend, pull }

    private static let keywords: [(StaticString, Keyword)] = [
        ("PATCH", .patch), ("PATCHES", .patch), ("PATCHSET", .patch), ("PATCH-SET", .patch), ("RFC", .rfc),
        ("RESEND", .resend), ("REPOST", .resend), ("GIT", .pull), ("PULL", .pull), ("GIT-PULL", .pull),
    ]

    /// The keyword a tag is, in any case. An ASCII tag is compared on bytes (`uppercased()` only
    /// raises a-z there; the call cost ~2,000 instructions a tag); other tags go through
    /// `uppercased()`, where `gıt` (dotless i) is `GIT`.
    private static func keyword(_ tag: String) -> Keyword? {
        var text = tag
        let ascii = text.withUTF8 { u -> Keyword?? in
            guard ASCII.isAllASCII(u) else { return .none }
            for (literal, kind) in keywords where literal.utf8CodeUnitCount == u.count {
                var same = true
                for k in 0..<u.count where (u[k] &- 0x61 < 26 ? u[k] ^ 0x20 : u[k]) != literal.utf8Start[k] {
                    same = false
                    break
                }
                if same { return .some(kind) }
            }
            return .some(nil)
        }
        if let ascii { return ascii }
        let upper = tag.uppercased()
        return keywords.first {
            String(decoding: UnsafeBufferPointer(start: $0.0.utf8Start, count: $0.0.utf8CodeUnitCount), as: UTF8.self)
                == upper
        }?.1
    }

    /// `v3`, `V10`, `v3.1` (integer part kept). Not `v` alone, not `vfs`. Read as UTF-8: every
    /// byte it accepts is ASCII, so bytes and Characters give the same answer.
    private static func versionNumber(_ tag: String) -> Int? { versionNumber(bytes: tag.utf8) }

    private static func versionNumber<C: Collection<UInt8>>(bytes: C) -> Int? {
        guard let first = bytes.first, first == 0x76 || first == 0x56 else { return nil }
        let digits = bytes.dropFirst()
        let integer = digits.prefix(while: ASCII.isDigit)
        guard !integer.isEmpty, digits.dropFirst(integer.count).allSatisfy({ $0 == 0x2E || ASCII.isDigit($0) })
        else { return nil }
        return ASCII.decimal(integer)
    }

    /// `03/15`, `0/4`.
    private static func partAndTotal(_ tag: String) -> (Int, Int)? {
        // On the bytes in place: splitting built an array of two views per tag.
        var text = tag
        return text.withUTF8 { u -> (Int, Int)? in
            guard let slash = u.firstIndex(of: 0x2F) else { return nil }
            let part = u[..<slash]
            let total = u[(slash + 1)...]
            guard !part.isEmpty, !total.isEmpty, part.allSatisfy(ASCII.isDigit), total.allSatisfy(ASCII.isDigit),
                let p = ASCII.decimal(part), let t = ASCII.decimal(total)
            else { return nil }
            return (p, t)
        }
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

    /// What a lower-cased prefix word says: `re`, `aw`... a reply; `fwd`, `fw` a forward.
    private static func prefixKind(_ lower: String) -> PrefixKind? {
        replyWords.contains(lower) ? .reply : forwardWords.contains(lower) ? .forward : nil
    }

    /// `prefixKind` for one to four ASCII letters, packed into an integer instead of lower-cased
    /// into a String and hashed (every subject's first word, `mm:` included, is tried).
    private static func prefixKind(letters: Slice<UnsafeBufferPointer<UInt8>>) -> PrefixKind? {
        var key: UInt32 = 0
        for b in letters { key = key << 8 | UInt32(b | 0x20) }
        switch key {
        case 0x7265, 0x6177, 0x7376, 0x616E_7477, 0x6F_6470: return .reply  // re aw sv antw odp
        case 0x66_7764, 0x6677: return .forward  // fwd fw
        default: return nil
        }
    }

    /// `Re:`, `RE:`, `Re[2]:`, `Re^2:`, `Re :`, `Fwd:`... at the start of `text`, and what follows.
    private static func leadingPrefix(_ text: Substring) -> (PrefixKind, Substring)? {
        let word = text.prefix(while: { $0.isASCII && $0.isLetter })
        guard !word.isEmpty, word.count <= 4 else { return nil }
        guard let kind = prefixKind(word.lowercased()) else { return nil }
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

    /// `parse` for ASCII text, where every Character is one byte.
    private static func parseASCII(_ u: UnsafeBufferPointer<UInt8>) -> PatchSubject {
        var result = PatchSubject()
        var i = 0
        while true {
            while i < u.count && u[i] == 0x20 { i += 1 }
            if let (kind, after) = leadingPrefix(u, at: i) {
                if kind == .reply { result.isReply = true } else { result.isForward = true }
                i = after
            } else if i < u.count, u[i] == 0x5B, let close = u[i...].firstIndex(of: 0x5D) {
                result.tags += words(u[(i + 1)..<close])
                i = close + 1
            } else {
                break
            }
        }
        for tag in result.tags { result.classify(tag) }
        result.isCoverLetter = result.part == 0
        let title = UnsafeBufferPointer(rebasing: u[i...])
        result.title = String(decoding: title, as: UTF8.self)
        result.normalized = String(unsafeUninitializedCapacity: title.count) { out in
            for (k, b) in title.enumerated() { out[k] = ASCII.lower(b) }
            return title.count
        }
        return result
    }

    private static let splitKeywords: [[UInt8]] = [Array("PATCH".utf8), Array("RFC".utf8), Array("RESEND".utf8)]

    /// `words(_:)` for ASCII bytes.
    private static func words(_ group: Slice<UnsafeBufferPointer<UInt8>>) -> [String] {
        var result: [String] = []
        for raw in group.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C }) {
            var word = raw
            for keyword in splitKeywords where word.count > keyword.count {
                let head = word.prefix(keyword.count)
                let tail = word.dropFirst(keyword.count)
                if zip(head, keyword).allSatisfy({ ($0 &- 0x61 < 26 ? $0 ^ 0x20 : $0) == $1 }),
                    versionNumber(bytes: tail) != nil
                {
                    result.append(String(decoding: head, as: UTF8.self))
                    word = tail
                    break
                }
            }
            result.append(String(decoding: word, as: UTF8.self))
        }
        return result
    }

    /// `leadingPrefix(_:)` for ASCII bytes from `i`; returns the index after the colon.
    private static func leadingPrefix(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (PrefixKind, Int)? {
        var j = i
        while j < u.count && (u[j] | 0x20) &- 0x61 < 26 { j += 1 }
        guard j > i, j - i <= 4 else { return nil }
        guard let kind = prefixKind(letters: u[i..<j]) else { return nil }
        var r = j
        // A reply counter some mailers add: `Re[2]:`, `Re^2:`, `Re(2):`.
        if r < u.count, u[r] == 0x5B || u[r] == 0x5E || u[r] == 0x28 {
            let first = u[r]
            r += 1
            let digitsStart = r
            while r < u.count && ASCII.isDigit(u[r]) { r += 1 }
            guard r > digitsStart else { return nil }
            if first != 0x5E {
                guard r < u.count, u[r] == (first == 0x5B ? 0x5D : 0x29) else { return nil }
                r += 1
            }
        }
        while r < u.count && u[r] == 0x20 { r += 1 }
        guard r < u.count, u[r] == 0x3A else { return nil }
        return (kind, r + 1)
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
