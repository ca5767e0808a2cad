/// The in-body header a `git format-patch` mail carries when pasted or quoted:
/// `From <40-hex> Mon Sep 17 00:00:00 2001`, then `From:`, `Date:`, `Subject:` (possibly folded),
/// a blank line, and the commit message. git send-email bodies may also start with a lone `From:`
/// line when the author differs from the sender.
enum FormatPatchHeader {
    /// The commit id when `line` is the mbox `From <sha> ...` separator line git writes.
    static func commit(fromMboxLine line: Bytes) -> String? {
        guard line.count >= 45, line.hasPrefix("From ") else { return nil }
        let sha = line[(line.startIndex + 5)..<(line.startIndex + 45)]
        for b in sha where !Ascii.isHex(b) { return nil }
        let after = line.startIndex + 45
        guard after == line.endIndex || line[after] == Ascii.space else { return nil }
        return sha.string
    }

    enum Field { case from, date, subject, other }

    /// A `Key: value` header line of the in-body block; `other` for headers we keep no value of.
    static func field(_ line: Bytes) -> (Field, Bytes)? {
        if line.hasPrefixIgnoringCase("from:") { return (.from, line.dropping(5).trimmed) }
        if line.hasPrefixIgnoringCase("date:") { return (.date, line.dropping(5).trimmed) }
        if line.hasPrefixIgnoringCase("subject:") { return (.subject, line.dropping(8).trimmed) }
        // Any other RFC 822 style header (`Message-Id:`, `X-Mailer:`) inside the block.
        var k = line.startIndex
        while k < line.endIndex && (Ascii.isIdent(line[k]) || line[k] == Ascii.minus) { k += 1 }
        guard k > line.startIndex, k < line.endIndex, line[k] == Ascii.colon,
            k + 1 == line.endIndex || line[k + 1] == Ascii.space
        else { return nil }
        return (.other, line[(k + 1)...].trimmed)
    }

    /// `Linus Torvalds <torvalds@...>`, `"Name" <mail>`, `mail (Name)` or a bare address.
    static func splitAddress(_ value: Bytes) -> (name: String?, email: String?) {
        let v = value.trimmed
        if let lt = v.firstIndex(of: Ascii.lt), let gt = v.firstIndex(of: Ascii.gt, from: lt),
            gt > lt
        {
            let email = v[(lt + 1)..<gt].trimmed
            var name = v[..<lt].trimmed
            if name.count >= 2 && name.firstByte == Ascii.quote && name.lastByte == Ascii.quote {
                name = name[(name.startIndex + 1)..<(name.endIndex - 1)]
            }
            return (name.isEmpty ? nil : name.string, email.isEmpty ? nil : email.string)
        }
        if let lp = v.firstIndex(of: Ascii.lparen), v.lastByte == Ascii.rparen {
            let name = v[(lp + 1)..<(v.endIndex - 1)].trimmed
            let email = v[..<lp].trimmed
            return (name.isEmpty ? nil : name.string, email.isEmpty ? nil : email.string)
        }
        if v.contains("@") { return (nil, v.string) }
        return (v.isEmpty ? nil : v.string, nil)
    }

    /// Reads the header block starting at `start` (the `From <sha>` line or a `From:` line) and
    /// returns the header and the index after the block (past its blank line when present).
    /// `collapsed`: the archive render lost the leading whitespace of folded lines, so every
    /// non-header line before the blank line continues the previous header.
    static func read(
        _ text: (Int) -> Bytes, start: Int, end: Int, collapsed: Bool
    ) -> (PatchHeader, next: Int, lines: Int) {
        var header = PatchHeader()
        var k = start
        if let sha = commit(fromMboxLine: text(k)) {
            header.commit = sha
            k += 1
        }
        var last: Field? = nil
        var subject: [UInt8] = []
        while k < end {
            let line = text(k)
            if line.isBlank {
                k += 1
                break
            }
            if let first = line.firstByte, Ascii.isSpace(first), last != nil {
                if last == .subject { appendFolded(&subject, line) }
                k += 1
                continue
            }
            if let (f, value) = field(line) {
                last = f
                switch f {
                case .from:
                    let (n, e) = splitAddress(value)
                    header.fromName = n
                    header.fromEmail = e
                case .date: header.date = value.string
                case .subject: subject = Array(value)
                case .other: break
                }
                k += 1
                continue
            }
            if collapsed && last != nil {
                if last == .subject { appendFolded(&subject, line) }
                k += 1
                continue
            }
            break
        }
        if last != nil || header.commit != nil {
            header.subject = subject.isEmpty ? header.subject : String(decoding: subject, as: UTF8.self)
        }
        return (header, k, k - start)
    }

    private static func appendFolded(_ subject: inout [UInt8], _ line: Bytes) {
        subject.append(Ascii.space)
        subject.append(contentsOf: line.trimmed)
    }
}
