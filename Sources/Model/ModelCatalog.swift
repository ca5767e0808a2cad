import Foundation

public enum ModelError: Error, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case badManifest(path: String, reason: String)
    case unknownBase(String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let p, let r): return "\(p): error: cannot read: \(r)"
        case .badManifest(let p, let r): return "\(p): error: bad manifest: \(r)"
        case .unknownBase(let n, let known):
            return "error: no base named \(n) (known: \(known.joined(separator: ", ")))"
        }
    }
}

/// The bundled bases under `corpus/model/`, one folder each with a `manifest.json`.
public struct ModelCatalog: Sendable {
    public var bases: [ModelBase]

    public init(bases: [ModelBase]) { self.bases = bases }

    public static func load(root: URL) throws(ModelError) -> ModelCatalog {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root.path) else {
            throw .unreadable(path: root.path, reason: "no such folder")
        }
        var bases: [ModelBase] = []
        for name in names.sorted() {
            let dir = root.appendingPathComponent(name)
            let manifestURL = dir.appendingPathComponent("manifest.json")
            guard fm.fileExists(atPath: manifestURL.path) else { continue }
            let manifest: ModelManifest
            do {
                manifest = try JSONDecoder().decode(ModelManifest.self, from: Data(contentsOf: manifestURL))
            } catch {
                throw .badManifest(path: manifestURL.path, reason: "\(error)")
            }
            bases.append(ModelBase(manifest: manifest, root: dir, paths: Self.sourcePaths(under: dir)))
        }
        return ModelCatalog(bases: bases)
    }

    /// `.c` and `.h` files under a base folder, as kernel-relative paths.
    static func sourcePaths(under dir: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            if p.hasSuffix(".c") || p.hasSuffix(".h") { out.append(p) }
        }
        return out.sorted()
    }

    public func base(named name: String) throws(ModelError) -> ModelBase {
        guard let b = bases.first(where: { $0.name == name }) else {
            throw .unknownBase(name, known: bases.map(\.name))
        }
        return b
    }

    /// The folder of the bundled model: `corpus/model` beside the working directory, or beside the
    /// executable's package (so `mmreview` works from any directory of the checkout).
    public static func defaultRoot() -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var dir = cwd
        for _ in 0..<8 {
            let c = dir.appendingPathComponent("corpus/model")
            if FileManager.default.fileExists(atPath: c.path) { return c }
            dir.deleteLastPathComponent()
        }
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<8 {
            exe.deleteLastPathComponent()
            let c = exe.appendingPathComponent("corpus/model")
            if FileManager.default.fileExists(atPath: c.path) { return c }
        }
        return cwd.appendingPathComponent("corpus/model")
    }
}
