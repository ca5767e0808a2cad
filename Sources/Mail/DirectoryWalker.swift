import Foundation

/// The files under a folder, in path order so results do not depend on the file system. Maildirs
/// met on the way contribute their messages (not tmp/); dot files and symlinked folders are skipped.
enum DirectoryWalker {
    struct File: Equatable {
        var path: String
        /// A message file of a maildir: always read as one eml.
        var inMaildir: Bool
    }

    static func files(under root: String, maxDepth: Int = 64) -> [File] {
        var out: [File] = []
        walk(root, depth: 0, maxDepth: maxDepth, into: &out)
        return out.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private static func walk(_ dir: String, depth: Int, maxDepth: Int, into out: inout [File]) {
        guard depth <= maxDepth else { return }
        if MaildirReader.isMaildir(dir) {
            out.append(contentsOf: MaildirReader.messageFiles(in: dir).map { File(path: $0, inMaildir: true) })
            return
        }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                let type = attributes[.type] as? FileAttributeType
            else { continue }
            if type == .typeDirectory {
                walk(path, depth: depth + 1, maxDepth: maxDepth, into: &out)
            } else if type == .typeRegular || (type == .typeSymbolicLink && (try? FileInput.kind(of: path)) == .file) {
                out.append(File(path: path, inMaildir: false))
            }
        }
    }
}
