import Foundation
import Patches

/// A real kernel git checkout given with `--tree`: files are read at HEAD with `git show`, or
/// from the work tree when it is not a git repository. Paths are validated before use.
public struct KernelTree: Sendable {
    public var root: String
    public init(root: String) { self.root = root }

    public func text(of path: String) -> String? {
        guard Self.isSafe(path) else { return nil }
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        if let s = try? String(contentsOf: url, encoding: .utf8) { return s }
        return git(["show", "HEAD:\(path)"])
    }

    /// The file as it was at `commit` (a `base-commit:` line), when the repository has it.
    public func text(of path: String, at commit: String) -> String? {
        guard Self.isObjectID(commit), Self.isSafe(path) else { return nil }
        return git(["show", "\(commit):\(path)"])
    }

    /// The preimage named by an abbreviated blob id from a patch's `index` line, when the
    /// repository has it.
    public func blob(_ id: String) -> String? {
        guard Self.isObjectID(id) else { return nil }
        return git(["cat-file", "-p", id])
    }

    /// A relative path inside the tree (the rules every patch path is held to: `PathPolicy`).
    private static func isSafe(_ path: String) -> Bool {
        if case .success = PathPolicy.validate(path) { return true }
        return false
    }

    /// An abbreviated git object id: 7 or more hex digits.
    private static func isObjectID(_ s: String) -> Bool { s.count >= 7 && s.allSatisfy(\.isHexDigit) }

    func git(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
