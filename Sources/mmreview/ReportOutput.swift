import Foundation

/// `--out FILE`: never overwrites without `--force`, and says so in one line when it cannot
/// write.
enum ReportOutput {
    static func checkWritable(_ path: String, force: Bool) throws(UsageError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw UsageError("--out \(path): is a folder") }
            if !force { throw UsageError("--out \(path): already exists (give --force to overwrite)") }
            if !fm.isWritableFile(atPath: path) { throw UsageError("--out \(path): not writable") }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError("--out \(path): no folder \(parent)")
        }
        guard fm.isWritableFile(atPath: parent) else {
            throw UsageError("--out \(path): folder \(parent) not writable")
        }
    }

    /// Writes atomically (a temporary file renamed over the target); nil on success, else the
    /// one-line reason.
    static func write(_ text: String, to path: String) -> String? {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return "--out \(path): cannot write: \(error.localizedDescription)"
        }
    }
}
