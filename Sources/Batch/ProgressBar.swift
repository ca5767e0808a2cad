/// The progress line a batch draws on a terminal: `[#####.....] 1234/20000 threads  56.7/s  ETA 4m56s`.
/// Rendering only; the caller decides where (stderr, and only when it is a TTY) and how often.
public struct ProgressBar: Sendable {
    public var width: Int

    public init(width: Int = 30) { self.width = max(5, min(width, 200)) }

    /// `done` of `total` threads; `rate` in threads per second over this run (resumed threads
    /// excluded), nil until known.
    public func render(done: Int, total: Int, rate: Double?) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var line = "[\(bar)] \(done)/\(total) threads"
        if let rate, rate > 0, rate.isFinite {
            line += "  " + (rate >= 10 ? String(Int(rate.rounded())) : String((rate * 10).rounded() / 10)) + "/s"
            let remaining = Double(max(0, total - done)) / rate
            line += "  ETA " + ProgressBar.duration(remaining)
        }
        return line
    }

    /// `45s`, `4m56s`, `2h03m`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e7 else { return "--" }
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(pad(s % 60))s" }
        return "\(s / 3600)h\(pad(s / 60 % 60))m"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
