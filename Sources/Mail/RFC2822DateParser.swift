/// Parses mail dates: RFC 2822 and its obsolete forms (named zones, two-digit years, missing
/// weekday or seconds, comments like `(EDT)`), plus the asctime and ISO 8601 shapes some tools write.
/// Returns nil when no calendar date and time can be found; the raw text is kept by the caller.
enum RFC2822DateParser {
    /// Zone names of RFC 822 and a few more seen on mailing lists; ambiguous ones (IST) left out.
    static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
        "BST": 60, "CET": 60, "MET": 60, "CEST": 120, "MEST": 120, "MESZ": 120, "MEZ": 60, "WEST": 60,
        "EET": 120, "EEST": 180, "MSK": 180, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480,
        "AEST": 600, "AEDT": 660, "ACST": 570, "AWST": 480, "NZST": 720, "NZDT": 780,
    ]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ raw: String) -> (epochSeconds: Int64, utcOffsetMinutes: Int)? {
        // Tokens: comments dropped, commas as separators, ISO 'T' split.
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for c in raw.unicodeScalars {
            if c == "(" { depth += 1 }
            if depth > 0 {
                if c == ")" { depth -= 1 }
                continue
            }
            if c == " " || c == "\t" || c == "," || c == "\n" || c == "\r" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.unicodeScalars.append(c)
            }
            if tokens.count > 16 { return nil }
        }
        if !current.isEmpty { tokens.append(current) }

        var day: Int?
        var month: Int?
        var year: Int?
        var hour: Int?
        var minute = 0
        var second = 0
        var offset: Int?
        var numbers: [Substring] = []
        for token in tokens {
            if let iso = parseISO(token) {
                (year, month, day) = (iso.y, iso.m, iso.d)
                if let t = iso.time { (hour, minute, second) = t }
                if let z = iso.zone { offset = z }
                continue
            }
            if token.utf8.contains(0x3A) {
                guard hour == nil, let t = parseTime(Substring(token)) else { continue }
                (hour, minute, second) = t
                continue
            }
            if let f = token.unicodeScalars.first, f == "+" || f == "-", token.utf8.count >= 3 {
                if offset == nil, let z = parseNumericZone(token.dropFirst(), negative: f == "-") { offset = z }
                continue
            }
            if token.utf8.allSatisfy(ASCII.isDigit) {
                numbers.append(Substring(token))
                continue
            }
            let upper = String(decoding: token.utf8.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)
            if month == nil, token.utf8.count >= 3,
                let m = months.firstIndex(of: String(token.asciiLowercased().prefix(3)))
            {
                month = m + 1
                continue
            }
            if offset == nil, hour != nil, let z = zones[upper] { offset = z }
        }
        for number in numbers where number.utf8.count <= 4 {
            let v = Int(number)!
            let digits = number.utf8.count
            if day == nil && digits <= 2 && v >= 1 && v <= 31 {
                day = v
            } else if year == nil {
                year = digits == 4 ? v : (digits == 3 ? 1900 + v : (v < 50 ? 2000 + v : 1900 + v))
            }
        }
        guard let d = day, let m = month, let y = year, let h = hour else { return nil }
        guard d <= daysIn(month: m, year: y), h <= 24, minute < 60, second <= 60 else { return nil }
        let z = offset ?? 0
        let days = daysFromCivil(y, m, d)
        let local = Int64(days) * 86_400 + Int64(h * 3600 + minute * 60 + second)
        return (local - Int64(z * 60), z)
    }

    private static func parseTime(_ s: Substring) -> (Int, Int, Int)? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 2 }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let sec = parts.count == 3 ? Int(parts[2]) : 0
        guard let sec else { return nil }
        return (h, m, sec)
    }

    private static func parseNumericZone(_ s: Substring, negative: Bool) -> Int? {
        let digits = s.filter { $0 != ":" }
        let n = digits.utf8.count
        guard n == 4 || n == 2, digits.utf8.allSatisfy(ASCII.isDigit), let v = Int(digits) else { return nil }
        let minutes = n == 4 ? (v / 100) * 60 + v % 100 : v * 60
        guard minutes <= 18 * 60 else { return nil }
        return negative ? -minutes : minutes
    }

    /// `2008-11-12` or `2008-11-12T17:54:41+03:00`.
    private static func parseISO(_ token: String)
        -> (y: Int, m: Int, d: Int, time: (Int, Int, Int)?, zone: Int?)?
    {
        let u = Array(token.utf8)
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
            let y = Int(token.prefix(4)), let m = Int(token.dropFirst(5).prefix(2)),
            let d = Int(token.dropFirst(8).prefix(2)),
            (1...12).contains(m), d >= 1
        else { return nil }
        guard u.count > 10, u[10] == 0x54 || u[10] == 0x74 else { return u.count == 10 ? (y, m, d, nil, nil) : nil }
        var rest = token.dropFirst(11)
        var zone: Int? = nil
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            zone = 0
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = parseNumericZone(rest[rest.index(after: sign)...], negative: rest[sign] == "-")
            rest = rest[..<sign]
        }
        if let dot = rest.firstIndex(of: ".") { rest = rest[..<dot] }
        guard let t = parseTime(rest) else { return nil }
        return (y, m, d, t, zone)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
