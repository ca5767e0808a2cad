import Conversation
import Patches

/// Which base a patch version is applied to, and why (the report says both).
public struct BaseChoice: Sendable, Codable, Equatable {
    public enum Basis: String, Sendable, Codable {
        case tree, named, blob
        case bestApply = "best-apply"
        case date, none
    }
    public var name: String?
    public var basis: Basis
    public var reason: String
}

public enum BaseChooser {
    /// In order: `--base NAME`; the base whose manifest names the preimage blobs of the patch's
    /// `index` lines; the base where the patch applies best (`score`: hunks applied); the base
    /// current at the patch's date. (`--tree` is chosen by the caller before this.)
    public static func choose(
        for patch: ExtractedPatch, catalog: ModelCatalog, named: String? = nil,
        score: (ModelBase) -> Int
    ) -> BaseChoice {
        if let named {
            return BaseChoice(name: named, basis: .named, reason: "--base \(named)")
        }
        var blobHits: [(String, Int)] = []
        for b in catalog.bases {
            var hits = 0
            for f in patch.files {
                guard let path = f.path, let blob = f.oldBlob, let known = b.manifest.blobs?[path] else { continue }
                if known.contains(where: { Self.sameBlob($0, blob) }) { hits += 1 }
            }
            if hits > 0 { blobHits.append((b.name, hits)) }
        }
        if let best = blobHits.max(by: { $0.1 < $1.1 }) {
            let blobs = patch.files.compactMap { f in f.oldBlob.map { "\(f.path ?? "?") \($0)" } }
            return BaseChoice(
                name: best.0, basis: .blob,
                reason:
                    "its manifest names the preimage blob(s) of the patch's index line(s): \(blobs.joined(separator: ", "))"
            )
        }
        let scored = catalog.bases.map { ($0, score($0)) }
        if let top = scored.max(by: { $0.1 < $1.1 }), top.1 > 0 {
            let ties = scored.filter { $0.1 == top.1 }
            if ties.count == 1 {
                return BaseChoice(
                    name: top.0.name, basis: .bestApply,
                    reason: "\(top.1) hunk(s) apply there, more than to any other base")
            }
            if let d = patch.date, let byDate = Self.byDate(d, among: ties.map(\.0)) {
                return BaseChoice(
                    name: byDate.name, basis: .bestApply,
                    reason:
                        "\(top.1) hunk(s) apply to \(ties.count) bases; of those, \(byDate.name) is the latest before the patch's date \(d.prefix(10))"
                )
            }
        }
        if let d = patch.date, let b = Self.byDate(d, among: catalog.bases) {
            return BaseChoice(
                name: b.name, basis: .date,
                reason: "no hunk applies anywhere; \(b.name) is the latest base before the patch's date \(d.prefix(10))"
            )
        }
        return BaseChoice(
            name: nil, basis: .none,
            reason: "no base names the patch's blobs, no hunk applies, and the patch has no date")
    }

    /// Abbreviated blob ids match when one is a prefix of the other (7 hex digits at least).
    static func sameBlob(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased()
        let y = b.lowercased()
        guard min(x.count, y.count) >= 7 else { return false }
        return x.hasPrefix(y) || y.hasPrefix(x)
    }

    /// The latest base dated on or before `date` (ISO 8601), else the earliest one.
    static func byDate(_ date: String, among bases: [ModelBase]) -> ModelBase? {
        let day = String(date.prefix(10))
        let sorted = bases.sorted { $0.manifest.date < $1.manifest.date }
        return sorted.last(where: { $0.manifest.date <= day }) ?? sorted.first
    }
}
