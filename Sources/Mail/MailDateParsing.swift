import Foundation

extension MailDate {
    /// A date as written in a `Date:` header (RFC 2822, with the obsolete forms mail really
    /// uses); `epochSeconds` is nil when it cannot be parsed.
    public static func parse(_ raw: String) -> MailDate {
        // The parser skips spaces and tabs as separators, so trimming matters only when the
        // first or last other byte starts a non-ASCII Character (a no-break space, say); Foundation's
        // trim costs ~20,000 instructions a date.
        let ascii = asciiAtTheEnds(raw.utf8)
        guard let p = RFC2822DateParser.parse(ascii ? raw : raw.trimmingCharacters(in: .whitespaces)) else {
            return MailDate(raw: raw)
        }
        return MailDate(raw: raw, epochSeconds: p.epochSeconds, utcOffsetMinutes: p.utcOffsetMinutes)
    }

    /// Whether the first and last bytes that are not a space or a tab are ASCII (true when
    /// there are none).
    static func asciiAtTheEnds(_ u: String.UTF8View) -> Bool {
        let first = u.first { $0 != 0x20 && $0 != 0x09 }
        let last = u.last { $0 != 0x20 && $0 != 0x09 }
        return (first ?? 0) < 0x80 && (last ?? 0) < 0x80
    }
}
