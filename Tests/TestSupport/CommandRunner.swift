import Foundation

/// What a finished command left behind.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `mmreview` (or any executable) the way a user's shell would, for the test
/// targets that check the command line.
public enum CommandRunner {
    /// The `mmreview` that `swift test` built (`MMREVIEW_BIN` overrides): next to the test bundle,
    /// else in the package's `.build/debug`.
    public static func mmreview(repoRoot: URL) -> URL {
        if let path = ProcessInfo.processInfo.environment["MMREVIEW_BIN"] { return URL(fileURLWithPath: path) }
        let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent()
        for dir in [bundleDir, repoRoot.appendingPathComponent(".build/debug")] {
            let u = dir.appendingPathComponent("mmreview")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return repoRoot.appendingPathComponent(".build/debug/mmreview")
    }

    /// Runs `executable` with `arguments` in `directory` (nil: this process's), with this
    /// process's environment changed by `environment` (a nil value removes the variable), and
    /// `stdin` on standard input (nothing: an empty, closed input). Standard output goes to a
    /// file, so a large output cannot block the child while its standard error is read.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String?] = [:], stdin: Data? = nil
    ) throws -> CommandRun {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            p.environment = env
        }
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("mmreview-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let out = try FileHandle(forWritingTo: outURL)
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try out.close()
        let o = try Data(contentsOf: outURL)
        return CommandRun(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}
