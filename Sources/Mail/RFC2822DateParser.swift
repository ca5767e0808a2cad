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
        var raw = raw
        return raw.withUTF8 { parse(bytes: $0) }
    }

    /// The same on bytes: every separator and bracket is ASCII, so tokens are byte runs. A
    /// String per token and per scalar appended cost ~30,000 instructions a date header.
    private static func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> (epochSeconds: Int64, utcOffsetMinutes: Int)? {
        // Tokens: comments dropped (text around a comment joins), commas as separators.
        var chars: [UInt8] = []
        chars.reserveCapacity(raw.count)
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(8)
        var tokenStart = 0
        var depth = 0
        for c in raw {
            if c == 0x28 { depth += 1 }
            if depth > 0 {
                if c == 0x29 { depth -= 1 }
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x2C || c == 0x0A || c == 0x0D {
                if chars.count > tokenStart { tokens.append(tokenStart..<chars.count) }
                tokenStart = chars.count
            } else {
                chars.append(c)
            }
            if tokens.count > 16 { return nil }
        }
        if chars.count > tokenStart { tokens.append(tokenStart..<chars.count) }

        var day: Int?
        var month: Int?
        var year: Int?
        var hour: Int?
        var minute = 0
        var second = 0
        var offset: Int?
        var numbers: [Range<Int>] = []
        for r in tokens {
            let token = chars[r]
            if let iso = parseISO(token) {
                (year, month, day) = (iso.y, iso.m, iso.d)
                if let t = iso.time { (hour, minute, second) = t }
                if let z = iso.zone { offset = z }
                continue
            }
            if token.contains(0x3A) {
                guard hour == nil, let t = parseTime(token) else { continue }
                (hour, minute, second) = t
                continue
            }
            if let f = token.first, f == 0x2B || f == 0x2D, token.count >= 3 {
                if offset == nil, let z = parseNumericZone(token.dropFirst(), negative: f == 0x2D) { offset = z }
                continue
            }
            if token.allSatisfy(ASCII.isDigit) {
                numbers.append(r)
                continue
            }
            if month == nil, token.count >= 3, let m = monthIndex(token) {
                month = m + 1
                continue
            }
            if offset == nil, hour != nil,
                let z = zones[String(decoding: token.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)]
            {
                offset = z
            }
        }
        for r in numbers where r.count <= 4 {
            let v = ASCII.decimal(chars[r])!
            let digits = r.count
            if day == nil && digits <= 2 && v >= 1 && v <= 31 {
                day = v
            } else if year == nil {
                year = digits == 4 ? v : (digits == 3 ? 1900 + v : (v < 50 ? 2000 + v : 1900 + v))
            }
        }
        guard let d = day, let m = month, let y = year, let h = hour else { return nil }
        guard d <= CivilDate.daysIn(month: m, year: y), h <= 24, minute < 60, second <= 60 else { return nil }
        let z = offset ?? 0
        let days = CivilDate.days(year: y, month: m, day: d)
        let local = days * 86_400 + Int64(h * 3600 + minute * 60 + second)
        return (local - Int64(z * 60), z)
    }

    /// The month whose three-letter name the token starts with (ASCII case ignored).
    private static func monthIndex(_ token: ArraySlice<UInt8>) -> Int? {
        let i = token.startIndex
        return monthKeys.firstIndex(of: monthKey(token[i], token[i + 1], token[i + 2]))
    }

    /// Three lower-cased bytes in one integer: the month test without arrays or Strings.
    private static func monthKey(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(ASCII.lower(a)) | UInt32(ASCII.lower(b)) << 8 | UInt32(ASCII.lower(c)) << 16
    }

    private static let monthKeys: [UInt32] = months.map { m in
        let u = Array(m.utf8)
        return monthKey(u[0], u[1], u[2])
    }

    private static func parseTime(_ s: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        // `h:m` or `h:m:s`, each part one or two bytes; the colons found without splitting.
        guard let c1 = s.firstIndex(of: 0x3A) else { return nil }
        let rest = s[(c1 + 1)...]
        let c2 = rest.firstIndex(of: 0x3A)
        let hours = s[..<c1]
        let minutes = rest[..<(c2 ?? rest.endIndex)]
        var seconds: ArraySlice<UInt8>? = nil
        if let c2 {
            let t = s[(c2 + 1)...]
            if t.contains(0x3A) { return nil }
            seconds = t
        }
        func fits(_ p: ArraySlice<UInt8>) -> Bool { !p.isEmpty && p.count <= 2 }
        guard fits(hours), fits(minutes), seconds.map(fits) ?? true,
            let h = ASCII.decimal(hours), let m = ASCII.decimal(minutes)
        else { return nil }
        guard let sec = seconds.map({ ASCII.decimal($0) }) ?? 0 else { return nil }
        return (h, m, sec)
    }

    private static func parseNumericZone(_ s: ArraySlice<UInt8>, negative: Bool) -> Int? {
        let digits = s.filter { $0 != 0x3A }
        let n = digits.count
        guard n == 4 || n == 2, digits.allSatisfy(ASCII.isDigit), let v = ASCII.decimal(digits[...]) else { return nil }
        let minutes = n == 4 ? (v / 100) * 60 + v % 100 : v * 60
        guard minutes <= 18 * 60 else { return nil }
        return negative ? -minutes : minutes
    }

    /// `2008-11-12` or `2008-11-12T17:54:41+03:00`.
    private static func parseISO(_ u: ArraySlice<UInt8>)
        -> (y: Int, m: Int, d: Int, time: (Int, Int, Int)?, zone: Int?)?
    {
        let b = u.startIndex
        guard u.count >= 10, u[b + 4] == 0x2D, u[b + 7] == 0x2D,
            let y = ASCII.decimal(u[b..<(b + 4)]), let m = ASCII.decimal(u[(b + 5)..<(b + 7)]),
            let d = ASCII.decimal(u[(b + 8)..<(b + 10)]),
            (1...12).contains(m), d >= 1
        else { return nil }
        guard u.count > 10, u[b + 10] == 0x54 || u[b + 10] == 0x74 else {
            return u.count == 10 ? (y, m, d, nil, nil) : nil
        }
        var rest = u[(b + 11)...]
        var zone: Int? = nil
        if let last = rest.last, last == 0x5A || last == 0x7A {
            zone = 0
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == 0x2B || $0 == 0x2D }) {
            zone = parseNumericZone(rest[(sign + 1)...], negative: rest[sign] == 0x2D)
            rest = rest[..<sign]
        }
        if let dot = rest.firstIndex(of: 0x2E) { rest = rest[..<dot] }
        guard let t = parseTime(rest) else { return nil }
        return (y, m, d, t, zone)
    }
}
