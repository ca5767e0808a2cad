import Foundation
import Model
import Patches

/// `apply --out DIR`: the patched files of each version under DIR/<thread>-<patch>/<path>. Paths
/// were validated by the applier (no `..`, not absolute); DIR must not exist yet, so nothing of
/// the user's is overwritten.
enum PatchedFileWriter {
    static func write(_ runs: [ApplyRun], to dir: String) -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir) { return "\(dir): already exists; give a new folder for --out" }
        let root = URL(fileURLWithPath: dir)
        for (t, run) in runs.enumerated() {
            for v in run.versions {
                for (path, text) in v.patchedFiles {
                    guard case .success(let safe) = PathPolicy.validate(path) else { continue }
                    let url = root.appendingPathComponent("\(t)-\(v.patchIndex)").appendingPathComponent(safe)
                    do {
                        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(text.utf8).write(to: url)
                    } catch {
                        return "\(url.path): cannot write: \(error.localizedDescription)"
                    }
                }
            }
        }
        return nil
    }
}
