import CFrontEnd
import Conversation
import Foundation
import Model
import Patches

/// Runs the checker over every patch version of a thread (and its base).
public enum CheckRunner {
    public static func check(
        _ run: ApplyRun, extraction t: ThreadExtraction, catalog: ModelCatalog, limits: CheckLimits = .init()
    ) -> CheckReport {
        var versions: [VersionCheck] = []
        for v in run.versions {
            let changed = v.functions.filter { $0.changed && $0.file.hasSuffix(".c") }
            guard !changed.isEmpty else { continue }
            let patch = t.patches[v.patchIndex]
            let date = v.base.name.flatMap { try? catalog.base(named: $0) }?.manifest.date ?? "9999-12-31"
            for kind in ["patched", "base"] {
                let isBase = kind == "base"
                var byConfig: [String: VersionCheck] = [:]
                for path in Set(changed.map(\.file)).sorted() {
                    guard let text = isBase ? v.baseFiles[path] : v.patchedFiles[path] else { continue }
                    let maps = PatchLineMap(patch: patch, version: v, path: path)
                    let symbols = CPreprocessor.configurationSymbols(in: text).sorted()
                    let configs: [[String]] = symbols.isEmpty ? [[]] : [[], symbols]
                    for config in configs {
                        let unit = CParser.parse(text, file: path, configuration: CConfiguration(enabled: Set(config)))
                        // The other files of this version are part of the program: a function may
                        // call into them (do_wp_page() -> can_share_swap_page() in 2.6.11).
                        var functions: [String: CFunction] = [:]
                        let files = isBase ? v.baseFiles : v.patchedFiles
                        for (other, otherText) in files.sorted(by: { $0.key < $1.key })
                        where other != path && other.hasSuffix(".c") {
                            for fn in CParser.parse(
                                otherText, file: other, configuration: CConfiguration(enabled: Set(config))
                            ).functions {
                                functions[fn.name] = fn
                            }
                        }
                        for fn in unit.functions { functions[fn.name] = fn }
                        let program = Program(
                            functions: functions, globals: unit.globals, enumConstants: unit.enumConstants)
                        let key = config.joined(separator: ",")
                        var vc =
                            byConfig[key]
                            ?? VersionCheck(
                                patchIndex: v.patchIndex, patch: v.patch, version: v.version, kind: kind,
                                base: v.base.name,
                                configuration: config, functions: [], findings: [])
                        if !isBase, let baseText = v.baseFiles[path] {
                            let baseUnit = CParser.parse(
                                baseText, file: path, configuration: CConfiguration(enabled: Set(config)))
                            vc.findings += SignatureCheck.check(
                                patched: Dictionary(
                                    unit.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
                                base: Dictionary(
                                    baseUnit.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
                                file: path)
                        }
                        for name in Set(changed.filter { $0.file == path }.map(\.name)).sorted() {
                            guard let f = program.functions[name] else {
                                if !isBase, unit.errors.contains(where: { $0.function == name }) {
                                    vc.functions.append(
                                        FunctionCheck(
                                            name: name, file: path, scenarios: 0, paths: 0, boundsHit: [],
                                            unknownCalls: [],
                                            errors: unit.errors.filter { $0.function == name }.map(\.description),
                                            contract: nil))
                                }
                                continue
                            }
                            let (fc, findings) = checkFunction(
                                f, file: path, text: text, program: program, kernelDate: date, maps: maps,
                                isBase: isBase,
                                limits: limits,
                                parseErrors: unit.errors.filter { $0.function == name }.map(\.description))
                            vc.functions.append(fc)
                            vc.findings += findings
                        }
                        byConfig[key] = vc
                    }
                }
                versions += byConfig.keys.sorted().compactMap { byConfig[$0] }.filter { !$0.functions.isEmpty }
            }
        }
        return CheckReport(
            subject: run.subject, versions: versions,
            invariants: InvariantRegistry.all.map {
                InvariantInfo(id: $0.id, statement: $0.statement, reference: $0.reference)
            })
    }

    /// Every path of `f` from each starting state its contract gives, the path budget shared
    /// fairly between the states, within one deadline. (The benchmark's probe runs this too.)
    static func explore(
        _ f: CFunction, program: Program, contract: EntryContract?, pteMapCanFail: Bool, conditionLines: Set<Int>,
        limits: CheckLimits
    ) -> (scenarios: Int, paths: [PathRecord], bounds: [String], errors: [String]) {
        let scenarios = ScenarioBuilder.scenarios(for: f, contract: contract, pteMapCanFail: pteMapCanFail)
        let explorer = PathExplorer(program: program, builtins: .standard, limits: limits)
        var paths: [PathRecord] = []
        var bounds: [String] = []
        var errors: [String] = []
        let deadline = Date().addingTimeInterval(limits.seconds)
        for (k, s) in scenarios.enumerated() {
            let budget = max(1, (limits.maxPaths - paths.count) / max(1, scenarios.count - k))
            let o = explorer.explore(f, scenario: s, budget: budget, deadline: deadline, conditionLines: conditionLines)
            paths += o.paths
            for b in o.bounds where !bounds.contains(b) { bounds.append(b) }
            for e in o.errors where !errors.contains(e) { errors.append(e) }
        }
        return (scenarios.count, paths, bounds, errors)
    }

    static func checkFunction(
        _ f: CFunction, file: String, text: String, program: Program, kernelDate: String, maps: PatchLineMap,
        isBase: Bool, limits: CheckLimits, parseErrors: [String]
    ) -> (FunctionCheck, [Finding]) {
        let contract = EntryContract.table[f.name]
        let conditionLines = isBase ? Set(maps.removed.compactMap(\.fileLine)) : maps.addedFileLines
        let explored = explore(
            f, program: program, contract: contract, pteMapCanFail: kernelDate >= "2023-06-01",
            conditionLines: conditionLines, limits: limits)
        let (scenarios, paths) = (explored.scenarios, explored.paths)
        var bounds = explored.bounds
        var errors = parseErrors
        for e in explored.errors where !errors.contains(e) { errors.append(e) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let run = FunctionRun(
            function: f, file: file, sourceLines: lines, paths: paths, contract: contract,
            addedLines: isBase ? [] : maps.addedFileLines, kernelDate: kernelDate,
            patchLine: { isBase ? maps.removedByBaseLine[$0] ?? maps.contextByBaseLine[$0] : maps.byPatchedLine[$0] },
            removedLines: maps.removed.filter { r in r.fileLine.map { $0 >= 1 } ?? false }, isBase: isBase)
        var findings: [Finding] = []
        // A verdict on paths that went through calls nobody modelled rests on them.
        let unknownReason = run.unknownWithoutDecision()
        for inv in InvariantRegistry.all {
            var fs = inv.judge(run)
            if let unknownReason, inv.mayBeHiddenByUnknownCalls {
                for k in fs.indices where fs[k].verdict == .holds {
                    fs[k].verdict = .unknown
                    fs[k].reason = unknownReason
                }
            }
            // Without its callers' contract the starting states are generic: a violation found
            // there may sit on a path no caller takes. Say so rather than claim it.
            if contract == nil {
                for k in fs.indices where fs[k].verdict == .violated {
                    fs[k].verdict = .unknown
                    fs[k].reason =
                        "found from a generic starting state: no entry contract of \(f.name)'s callers is modelled, "
                        + "so the path may be one no caller takes"
                }
            }
            if isBase {
                fs = fs.map {
                    var x = $0
                    x.removedLines = []
                    return x
                }
            }
            findings += fs
        }
        let cut = paths.filter { $0.cut != nil }.count
        if cut > 0 {
            bounds.append("\(cut) of \(paths.count) paths stopped early (bounds, BUG_ON or unsupported constructs)")
        }
        let fc = FunctionCheck(
            name: f.name, file: file, scenarios: scenarios, paths: paths.count, boundsHit: bounds,
            unknownCalls: run.unknownCalls.sorted(), errors: errors, contract: contract?.models
        )
        return (fc, findings)
    }
}

/// Where each line of a patched (or base) file sits in the patch.
struct PatchLineMap {
    /// No patch: every line is the file's own (checking a source as it is).
    init() {}

    var byPatchedLine: [Int: PatchLineRef] = [:]
    var removedByBaseLine: [Int: PatchLineRef] = [:]
    var contextByBaseLine: [Int: PatchLineRef] = [:]
    var addedFileLines: Set<Int> = []
    var removed: [PatchLineRef] = []

    init(patch: ExtractedPatch, version v: VersionApplication, path: String) {
        for h in v.hunks where h.file == path {
            guard h.fileIndex < patch.files.count, h.hunk < patch.files[h.fileIndex].hunks.count,
                let out = h.patchedLine, let base = h.baseLine
            else { continue }
            let hunk = patch.files[h.fileIndex].hunks[h.hunk]
            var o = out
            var b = base
            for l in hunk.lines {
                switch l.kind {
                case .context:
                    let r = PatchLineRef(
                        kind: "context", text: l.text, oldLine: l.oldLine, newLine: l.newLine, fileLine: o)
                    byPatchedLine[o] = r
                    contextByBaseLine[b] = PatchLineRef(
                        kind: "context", text: l.text, oldLine: l.oldLine, newLine: l.newLine, fileLine: b)
                    o += 1
                    b += 1
                case .added:
                    byPatchedLine[o] = PatchLineRef(
                        kind: "added", text: l.text, oldLine: nil, newLine: l.newLine, fileLine: o)
                    addedFileLines.insert(o)
                    o += 1
                case .removed:
                    let r = PatchLineRef(kind: "removed", text: l.text, oldLine: l.oldLine, newLine: nil, fileLine: b)
                    removedByBaseLine[b] = r
                    removed.append(r)
                    b += 1
                case .noNewline: break
                }
            }
        }
    }
}

/// Checks one function of a C source as it is, with no patch around it (seeded-bug tests, a
/// function under development).
public enum SourceCheck {
    public static func check(
        source: String, file: String, function name: String, kernelDate: String, limits: CheckLimits = .init()
    ) -> (FunctionCheck, [Finding])? {
        let unit = CParser.parse(source, file: file)
        guard let f = unit.function(named: name) else { return nil }
        let program = Program(unit: unit)
        return CheckRunner.checkFunction(
            f, file: file, text: source, program: program, kernelDate: kernelDate, maps: PatchLineMap(), isBase: false,
            limits: limits, parseErrors: [])
    }
}
