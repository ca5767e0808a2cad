import Foundation

/// A maildir is a folder with `cur/` and `new/` (and `tmp/`, which holds unfinished deliveries and is
/// never read). Its messages are the files in cur/ then new/, each sorted by name; each is one eml.
enum MaildirReader {
    static func isMaildir(_ path: String) -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        for sub in ["cur", "new"] {
            guard fm.fileExists(atPath: path + "/" + sub, isDirectory: &isDir), isDir.boolValue else { return false }
        }
        return true
    }

    static func messageFiles(in path: String) -> [String] {
        var files: [String] = []
        for sub in ["cur", "new"] {
            let dir = path + "/" + sub
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                if (try? FileInput.kind(of: dir + "/" + name)) == .file { files.append(dir + "/" + name) }
            }
        }
        return files
    }
}
