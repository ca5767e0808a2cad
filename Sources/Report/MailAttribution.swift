import Foundation

/// The attribution line a kernel reply opens its quote with, as mutt writes it:
/// `On Tue, Aug 11, 2020 at 09:23:04PM +0000, Linus Torvalds wrote:`.
enum MailAttribution {
    static func line(author: String?, date: String?) -> String {
        let who = author ?? "you"
        guard let date else { return "\(who) wrote:" }
        guard let when = mutt(date) else { return "On \(date), \(who) wrote:" }
        return "On \(when), \(who) wrote:"
    }

    /// `Tue, Aug 11, 2020 at 09:23:04PM +0000` from an ISO 8601 UTC date; nil for other text.
    static func mutt(_ iso: String) -> String? {
        guard ThreadSummarizer.isISO(iso) else { return nil }
        let b = Array(iso.utf8)
        func n(_ from: Int, _ len: Int) -> Int { b[from..<(from + len)].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let (year, month, day, hour, minute, second) = (n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2))
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let d = cal.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let weekday = cal.component(.weekday, from: d)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return
            "\(days[weekday - 1]), \(months[month - 1]) \(two(day)), \(year) at \(two(h12)):\(two(minute)):\(two(second))"
            + "\(hour < 12 ? "AM" : "PM") +0000"
    }
}
