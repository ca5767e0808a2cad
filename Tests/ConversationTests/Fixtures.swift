import Conversation
import Foundation
import Mail

/// Paths of the repository's own files, for tests (never ../shared at test time).
enum Fixtures {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func corpusThread(_ name: String) -> String {
        repoRoot.appendingPathComponent("corpus/threads/\(name)").path
    }
    static func local(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(relative)").path
    }

    /// The one thread of a seed render.
    static func seed(_ name: String) throws -> ThreadExtraction {
        let result = try ArchiveExtractor.extract(path: corpusThread(name))
        guard result.threads.count == 1 else {
            throw FixtureError.unexpected("\(name): \(result.threads.count) threads")
        }
        return result.threads[0]
    }

    enum FixtureError: Error { case unexpected(String) }
}

/// Whitespace-insensitive comparison: renders and mailers change whitespace, never tokens.
func squeeze(_ s: String?) -> String {
    (s ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
}
