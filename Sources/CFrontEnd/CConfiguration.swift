/// Which kernel configuration a file is read in: the `CONFIG_*` symbols that are set (as `=y`) and
/// any further macros. `#ifdef CONFIG_X`, `#if IS_ENABLED(CONFIG_X)` and `IS_ENABLED(CONFIG_X)` in
/// code all follow it, so one source gives a different set of functions per configuration.
public struct CConfiguration: Sendable, Hashable, Codable {
    /// `CONFIG_*` symbols defined to 1 (a symbol `CONFIG_X_MODULE` here stands for `=m`).
    public var enabled: Set<String>
    /// Extra macros, defined before the file is read and after the built-in kernel ones (so they
    /// can replace them): `"NAME": "replacement"` or `"NAME(a, b)": "replacement"`.
    public var macros: [String: String]

    public init(enabled: Set<String> = [], macros: [String: String] = [:]) {
        self.enabled = enabled
        self.macros = macros
    }

    /// Every on/off combination of `symbols` (sorted, so the order is stable), for a caller that
    /// runs each configuration a patch touches. Capped at `limit` symbols (2^limit configurations):
    /// symbols past the cap stay off.
    public static func combinations(of symbols: Set<String>, limit: Int = 8) -> [CConfiguration] {
        let names = Array(symbols.sorted().prefix(limit))
        return (0..<(1 << names.count)).map { mask in
            CConfiguration(enabled: Set(names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] }))
        }
    }
}
