import Foundation

/// What the numbers were measured on and at, for docs/PERFORMANCE.md.
struct MachineInfo: Encodable {
    var cores: Int
    var cpu: String
    var memoryGiB: Double
    var os: String
    var date: String
    /// `git rev-parse HEAD` of the working directory, `+dirty` when it has changes.
    var commit: String?

    static func current() -> MachineInfo {
        let info = ProcessInfo.processInfo
        var cpu = "unknown"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var commit: String?
        let head = ChildProcess.run("git", ["rev-parse", "HEAD"], timeout: 10)
        if head.error == nil {
            commit = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let status = ChildProcess.run("git", ["status", "--porcelain", "--untracked-files=no"], timeout: 10)
            if status.error == nil && !status.stdout.isEmpty { commit! += "+dirty" }
        }
        let formatter = ISO8601DateFormatter()
        return MachineInfo(
            cores: info.activeProcessorCount, cpu: cpu,
            memoryGiB: (Double(info.physicalMemory) / Double(1 << 30) * 10).rounded() / 10,
            os: info.operatingSystemVersionString, date: formatter.string(from: Date()), commit: commit)
    }
}
