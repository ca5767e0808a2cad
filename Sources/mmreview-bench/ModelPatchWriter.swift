import Foundation
import Model

/// Patches against the functions of the simulated memory.c model (corpus/model), so a generated
/// archive holds threads the checker has real work on: one hunk per patch, three lines of context,
/// `@@` numbers right for the base, the function's name in the hunk header. The edits are the kinds
/// a reviewer meets: a comment added, a debug assertion added, a reference drop or unlock removed
/// (a seeded bug), a condition's `&&` turned into `||`.
struct ModelPatchWriter {
    struct Target {
        var base: String
        var file: String
        var function: String
        var lines: [String]
        /// 0-based indexes of the body lines (inside the braces) of the function.
        var body: ClosedRange<Int>
    }

    struct Patch {
        var diff: DiffWriter.Output
        var target: Target
        var edit: String
    }

    let targets: [Target]

    init(catalog: ModelCatalog) {
        var targets: [Target] = []
        for base in catalog.bases {
            for path in base.paths where path.hasSuffix(".c") {
                guard let text = base.text(of: path) else { continue }
                let lines = SourceLines.split(text)
                for d in CFunctionLocator.definitions(in: lines) where d.kind == .function {
                    // startLine..endLine is 1-based and includes the signature and the closing brace.
                    guard let open = (d.startLine - 1..<d.endLine).first(where: { lines[$0].contains("{") }),
                        open + 1 < d.endLine - 1
                    else { continue }
                    targets.append(
                        Target(
                            base: base.name, file: path, function: d.name, lines: lines,
                            body: (open + 1)...(d.endLine - 2)))
                }
            }
        }
        self.targets = targets.sorted { ($0.base, $0.file, $0.function) < ($1.base, $1.file, $1.function) }
    }

    func write(_ random: inout SeededRandom) -> Patch {
        let t = random.pick(targets)
        var removed: [String] = []
        var added: [String] = []
        var at = random.int(t.body)
        var edit = "comment"
        let drops = t.body.filter { i in
            ["put_page(", "folio_put(", "unlock(", "pte_unmap_unlock(", "mutex_unlock("].contains {
                t.lines[i].contains($0)
            }
        }
        let conditions = t.body.filter { t.lines[$0].contains("if (") && t.lines[$0].contains("&&") }
        switch random.int(0...9) {
        case 0...1 where !drops.isEmpty:
            at = random.pick(drops)
            removed = [t.lines[at]]
            edit = "drop-release"
        case 2...3 where !conditions.isEmpty:
            at = random.pick(conditions)
            removed = [t.lines[at]]
            added = [t.lines[at].replacingOccurrences(of: "&&", with: "||")]
            edit = "flip-condition"
        case 4...5:
            let indent = String(t.lines[at].prefix { $0 == "\t" || $0 == " " })
            added = [indent.isEmpty ? "\tVM_WARN_ON_ONCE(!vma);" : indent + "VM_WARN_ON_ONCE(!vma);"]
            edit = "add-assertion"
        default:
            let indent = String(t.lines[at].prefix { $0 == "\t" || $0 == " " })
            added = [
                (indent.isEmpty ? "\t" : indent) + "/* "
                    + ProseWriter.fill("{fn}() is called with {lock} held */", &random)
            ]
        }
        // Lines [first, at) are context before; the removed line (if any) is at `at`.
        let first = max(0, at - 3)
        let afterStart = removed.isEmpty ? at : at + 1
        let afterEnd = min(t.lines.count, afterStart + 3)
        var body: [String] = t.lines[first..<at].map { " " + $0 }
        body += removed.map { "-" + $0 } + added.map { "+" + $0 }
        body += t.lines[afterStart..<afterEnd].map { " " + $0 }
        let oldCount = (at - first) + removed.count + (afterEnd - afterStart)
        let newCount = (at - first) + added.count + (afterEnd - afterStart)
        let signature = t.lines.indices.contains(t.body.lowerBound - 1) ? signatureLine(t) : ""
        var out = DiffWriter.Output()
        out.lines =
            [
                "diff --git a/\(t.file) b/\(t.file)",
                "--- a/\(t.file)",
                "+++ b/\(t.file)",
                "@@ -\(first + 1),\(oldCount) +\(first + 1),\(newCount) @@ \(signature)",
            ] + body
        out.stats = [DiffWriter.FileStat(path: t.file, added: added.count, removed: removed.count)]
        return Patch(diff: out, target: t, edit: edit)
    }

    /// The hunk-header text git shows: the function's first line.
    private func signatureLine(_ t: Target) -> String {
        var i = t.body.lowerBound - 1
        while i > 0 && !t.lines[i].contains(t.function) { i -= 1 }
        return String(t.lines[i].prefix(60))
    }
}
