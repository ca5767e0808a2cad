import Foundation

/// One bundled base: a manifest and the model files beside it, by kernel-relative path.
public struct ModelBase: Sendable {
    public var manifest: ModelManifest
    /// The base's folder (corpus/model/<name>).
    public var root: URL
    public var name: String { manifest.name }

    /// Paths of the model files the base has (from its folder, not only from the manifest).
    public var paths: [String]
    /// The files' texts, read once: choosing a base applies every patch to every base, and a
    /// batch does that for every thread (the bundled model is tens of kilobytes).
    private var texts: [String: String]

    /// Reads the model files at `paths` under `root`; a file that cannot be read counts as absent.
    public init(manifest: ModelManifest, root: URL, paths: [String]) {
        self.manifest = manifest
        self.root = root
        self.paths = paths
        var texts: [String: String] = [:]
        for p in paths {
            texts[p] = try? String(contentsOf: root.appendingPathComponent(p), encoding: .utf8)
        }
        self.texts = texts
    }

    /// The file's text, or nil when the base lacks it.
    public func text(of path: String) -> String? { texts[path] }

    /// All functions in the base: name, file, line range.
    public func functions() -> [(file: String, definition: CDefinition)] {
        paths.flatMap { p -> [(file: String, definition: CDefinition)] in
            guard let t = text(of: p) else { return [] }
            return CFunctionLocator.definitions(in: SourceLines.split(t)).map { (p, $0) }
        }
    }
}

/// Lines of a source text, without terminators; a final newline gives no extra empty line.
public enum SourceLines {
    public static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
