/// When results and journal reach the disk. Every line is written (`write(2)`) as soon as its
/// thread is done, so a killed process loses nothing the kernel has; fsync is about power cuts
/// and kernel crashes.
public enum FsyncPolicy: Sendable, Equatable, CustomStringConvertible {
    /// fsync the results after every line, before its journal entry is written.
    case always
    /// Group commit: every `seconds`, fsync the results, then write the journal entries of the
    /// lines that just became durable, then fsync the journal. After a crash at most that much
    /// work is redone.
    case interval(seconds: Double)
    /// Never fsync; journal entries follow their lines at once. Safe against `kill -9`, not
    /// against a power cut.
    case never

    public static let `default` = FsyncPolicy.interval(seconds: 1)

    public static func parse(_ text: String) throws(BatchError) -> FsyncPolicy {
        switch text {
        case "always": return .always
        case "never": return .never
        case "interval": return .default
        default:
            if text.hasPrefix("interval="), let s = Double(text.dropFirst("interval=".count)), s > 0, s <= 3600 {
                return .interval(seconds: s)
            }
            throw .usage("--fsync \(text): want always, interval, interval=SECONDS or never")
        }
    }

    public var description: String {
        switch self {
        case .always: "always"
        case .never: "never"
        case .interval(let s): "interval=\(s)"
        }
    }
}
