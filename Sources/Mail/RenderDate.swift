/// Parses the dates archive renders write, e.g. hypermail's `Fri Aug 21 2020 - 06:13:37 EST`.
///
/// Renders are not RFC 2822 mail, and archives differ in field order and punctuation, so this reads
/// tokens by shape (a month name, a 4-digit year, a 1–2 digit day, `hh:mm[:ss]`, a zone) instead
/// of insisting on one layout. It knows the common zone abbreviations, because hypermail writes
/// times as US local time labelled `EST`/`EDT`. The label is taken at face value: the render
/// carries nothing better to correct it with.
enum RenderDate {
    struct Parsed: Equatable {
        var epochSeconds: Int64
        /// Nil when the render named no zone (the instant was then computed as if UTC).
        var utcOffsetMinutes: Int?
    }

    /// Offsets in minutes east of UTC for the abbreviations archives and mailers commonly write.
    static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
        "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
        "AKST": -540, "AKDT": -480, "HST": -600,
        "BST": 60, "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "WEST": 60,
        "EET": 120, "EEST": 180, "MSK": 180,
        "HKT": 480, "SGT": 480, "JST": 540, "KST": 540,
        "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    ]

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Nil when the text lacks a month, day, year or time, or they are out of range.
    static func parse(_ raw: String) -> Parsed? {
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var numericOffset: Int?
        var namedOffset: Int?
        var pm: Bool?

        let separators: Set<Character> = [" ", "\t", ",", "(", ")"]
        let tokens = raw.split(whereSeparator: { separators.contains($0) }).map(String.init)
        for token in tokens where token != "-" {
            let lower = token.lowercased()
            let isoParts = token.split(separator: "-", omittingEmptySubsequences: false)
            if isoParts.count == 3, isoParts[0].count == 4,
                let y = Int(isoParts[0]), let m = Int(isoParts[1]), let d = Int(isoParts[2])
            {
                // `2020-08-21`, as some archives print it.
                (year, month, day) = (y, m, d)
            } else if token.contains(":") {
                if time == nil { time = parseTime(token) }
            } else if let first = token.first, first == "+" || first == "-", token.count == 5,
                let value = Int(token.dropFirst())
            {
                // Numeric zone, `+hhmm` / `-hhmm`.
                let minutes = (value / 100) * 60 + value % 100
                numericOffset = first == "-" ? -minutes : minutes
            } else if let value = Int(token), token.allSatisfy(\.isASCII) {
                if token.count == 4 {
                    year = value
                } else if token.count <= 2, day == nil {
                    day = value
                } else if token.count == 2, year == nil {
                    // Two-digit years, as old mailers wrote them (RFC 2822 §4.3).
                    year = value < 50 ? 2000 + value : 1900 + value
                }
            } else if lower == "am" || lower == "pm" {
                pm = lower == "pm"
            } else if let zone = zoneOffsets[token.uppercased()] {
                namedOffset = zone
            } else if lower.count >= 3, month == nil,
                let index = months.firstIndex(of: String(lower.prefix(3))),
                lower.allSatisfy(\.isLetter)
            {
                // A month name; weekday names never start with a month's three letters.
                month = index + 1
            }
        }
        guard let year, let month, let day, var time else { return nil }
        if let pm {
            guard (1...12).contains(time.hour) else { return nil }
            time.hour = time.hour % 12 + (pm ? 12 : 0)
        }
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(time.hour), (0...59).contains(time.minute),
            (0...60).contains(time.second)
        else { return nil }
        // `+0100 (BST)`: the number is what the mailer computed; the name is a comment.
        let offset = numericOffset ?? namedOffset
        let days = CivilDate.days(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second)
        return Parsed(epochSeconds: local - Int64((offset ?? 0) * 60), utcOffsetMinutes: offset)
    }

    private static func parseTime(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let fields = token.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3 else { return nil }
        // Fractional seconds (`06:13:37.5`) are dropped: the contract counts whole seconds.
        let numbers = fields.map { Int($0.split(separator: ".").first ?? "") }
        guard let hour = numbers[0], let minute = numbers[1] else { return nil }
        if fields.count == 3 {
            guard let second = numbers[2] else { return nil }
            return (hour, minute, second)
        }
        return (hour, minute, 0)
    }
}
