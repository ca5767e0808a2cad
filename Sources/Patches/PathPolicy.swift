/// Which paths from a diff may be opened: relative, inside the tree. The caller validates a path
/// before touching the file system; the applier itself never opens anything.
public enum PathPolicy {
    public enum Violation: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case absolute(String)
        case parentComponent(String)
        case nulByte(String)

        public var description: String {
            switch self {
            case .empty: "error: empty path"
            case .absolute(let p): "\(p): error: absolute path"
            case .parentComponent(let p): "\(p): error: path climbs out of the tree with '..'"
            case .nulByte(let p): "\(p.replacingNulls): error: path contains a NUL byte"
            }
        }
    }

    /// The path with `.` components and repeated slashes removed, or why it is refused.
    public static func validate(_ path: String) -> Result<String, Violation> {
        if path.utf8.contains(0) { return .failure(.nulByte(path)) }
        if path.isEmpty { return .failure(.empty) }
        if path.hasPrefix("/") || path.hasPrefix("\\") { return .failure(.absolute(path)) }
        var kept: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." { return .failure(.parentComponent(path)) }
            if component != "." { kept.append(component) }
        }
        if kept.isEmpty { return .failure(.empty) }
        return .success(kept.joined(separator: "/"))
    }
}

extension String {
    fileprivate var replacingNulls: String { String(map { $0 == "\0" ? "␀" : $0 }) }
}
