import Foundation

extension MailDate {
    /// A date as written in a `Date:` header (RFC 2822, with the obsolete forms mail really
    /// uses); `epochSeconds` is nil when it cannot be parsed.
    public static func parse(_ raw: String) -> MailDate {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let p = RFC2822DateParser.parse(trimmed) else { return MailDate(raw: raw) }
        return MailDate(raw: raw, epochSeconds: p.epochSeconds, utcOffsetMinutes: p.utcOffsetMinutes)
    }
}
