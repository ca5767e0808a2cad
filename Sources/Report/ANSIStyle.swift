/// Terminal colour for the text report; every method returns its input unchanged when colour is
/// off, so the renderer never branches on it.
struct ANSIStyle {
    var enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func blue(_ s: String) -> String { wrap(s, "34") }
    func magenta(_ s: String) -> String { wrap(s, "35") }
    func cyan(_ s: String) -> String { wrap(s, "36") }

    /// The colour a verdict is shown in.
    func verdict(_ v: String, _ s: String) -> String {
        switch v {
        case "violated": return bold(red(s))
        case "unknown": return yellow(s)
        case "info": return cyan(s)
        default: return green(s)
        }
    }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
