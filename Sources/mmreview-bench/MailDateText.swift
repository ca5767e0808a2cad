import Mail

/// Dates as mail shows them, computed from seconds since 1970 by hand so the output does not
/// depend on the machine's time zone database or locale.
struct MailDateText {
    var epoch: Int64
    /// Minutes east of UTC, e.g. -420 for -0700.
    var offsetMinutes: Int

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private struct Civil {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: String
    }

    /// Local civil time.
    private var civil: Civil {
        let local = epoch + Int64(offsetMinutes * 60)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secs = Int(local - Int64(days) * 86_400)
        let (year, month, day) = CivilDate.date(days: Int64(days))
        let weekday = MailDateText.weekdays[CivilDate.weekday(days: Int64(days))]
        return Civil(
            year: year, month: month, day: day, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60,
            weekday: weekday)
    }

    private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private var zone: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let m = abs(offsetMinutes)
        return sign + two(m / 60) + two(m % 60)
    }

    /// `Tue, 11 Aug 2020 14:23:04 -0700` (RFC 2822, as in the Date header).
    var rfc2822: String {
        let c = civil
        return "\(c.weekday), \(c.day) \(MailDateText.months[c.month - 1]) \(c.year) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(zone)"
    }

    /// `Tue, Aug 11, 2020 at 02:23:04PM -0700` (mutt's default attribution).
    var mutt: String {
        let c = civil
        let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
        return "\(c.weekday), \(MailDateText.months[c.month - 1]) \(two(c.day)), \(c.year) at "
            + "\(two(hour12)):\(two(c.minute)):\(two(c.second))\(c.hour < 12 ? "AM" : "PM") \(zone)"
    }

    /// `8/11/20 11:23 PM` (Thunderbird's).
    var thunderbird: String {
        let c = civil
        let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
        return "\(c.month)/\(c.day)/\(two(c.year % 100)) \(hour12):\(two(c.minute)) \(c.hour < 12 ? "AM" : "PM")"
    }

    /// `Tue 11-08-20 14:23:04` (the form some SUSE folks' mutt config writes).
    var dayFirst: String {
        let c = civil
        return "\(c.weekday) \(two(c.day))-\(two(c.month))-\(two(c.year % 100)) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// `20200811212304`: the UTC stamp git send-email puts in Message-IDs.
    var compactUTC: String {
        let c = MailDateText(epoch: epoch, offsetMinutes: 0).civil
        return "\(c.year)\(two(c.month))\(two(c.day))\(two(c.hour))\(two(c.minute))\(two(c.second))"
    }
}
