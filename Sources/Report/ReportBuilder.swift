import Checker
import Conversation
import Model

/// How to build a report: the base or tree to apply to and the checker's bounds.
public struct ReportOptions: Sendable {
    /// `--base NAME`.
    public var forcedBase: String?
    /// `--tree PATH`: a kernel checkout instead of the bundled bases.
    public var tree: KernelTree?
    public var limits: CheckLimits

    public init(forcedBase: String? = nil, tree: KernelTree? = nil, limits: CheckLimits = .init()) {
        self.forcedBase = forcedBase
        self.tree = tree
        self.limits = limits
    }
}

/// Builds the one report value of a thread from what the stages compute.
public enum ReportBuilder {
    /// Applies every patch version, checks it, and joins the results with the conversation.
    public static func build(
        thread t: ThreadExtraction, catalog: ModelCatalog, options: ReportOptions = .init()
    ) -> ReviewReport {
        let run = VersionApplier(catalog: catalog, forcedBase: options.forcedBase, tree: options.tree).apply(t)
        let check = CheckRunner.check(run, extraction: t, catalog: catalog, limits: options.limits)
        return assemble(thread: t, apply: run, check: check, limits: options.limits)
    }

    /// Joins an extraction, its apply run and its check report (a pure function of the three).
    public static func assemble(
        thread t: ThreadExtraction, apply run: ApplyRun, check: CheckReport, limits: CheckLimits
    ) -> ReviewReport {
        var versions: [ReportVersion] = []
        var placedComments = Set<Int>()
        for v in run.versions where v.patchIndex < t.patches.count {
            let p = t.patches[v.patchIndex]
            var layout = DiffLayout(patch: p, application: v)
            let checks = check.versions.filter { $0.patchIndex == v.patchIndex }
            let findings = FindingCollector.collect(checks, layout: layout)
            var comments: [ReportComment] = []
            for c in t.comments where CommentPlacer.target(c).patch == v.patchIndex {
                comments.append(CommentPlacer.place(c, layout: layout))
                placedComments.insert(c.index)
            }
            for c in comments {
                guard let a = c.at else { continue }
                switch c.placement {
                case "line": layout.files[a.file].hunks[a.hunk].lines[a.line].comments.append(c.index)
                case "hunk": layout.files[a.file].hunks[a.hunk].comments.append(c.index)
                case "file": layout.files[a.file].comments.append(c.index)
                default: break
                }
            }
            for f in findings {
                if let a = f.at { layout.files[a.file].hunks[a.hunk].lines[a.line].findings.append(f.id) }
            }
            let functions = v.functions.map { fn in
                ReportFunction(
                    name: fn.name, file: fn.file, startLine: fn.startLine, endLine: fn.endLine, changed: fn.changed,
                    source: fn.source,
                    analysis: checks.flatMap { vc in
                        vc.functions.filter { $0.name == fn.name && $0.file == fn.file }.map {
                            ReportAnalysis(
                                kind: vc.kind, configuration: vc.configuration, scenarios: $0.scenarios,
                                paths: $0.paths, boundsHit: $0.boundsHit, unknownCalls: $0.unknownCalls,
                                errors: $0.errors, contract: $0.contract)
                        }
                    },
                    findings: findings.filter { $0.function == fn.name && $0.file == fn.file }.map(\.id))
            }
            let meetings = MeetingFinder.meetings(findings: findings, comments: comments)
            let verdict = VerdictWriter.verdict(
                findings: findings, meetings: meetings, files: layout.files, functions: functions,
                missingFunctions: v.missingFunctions)
            versions.append(
                ReportVersion(
                    patchIndex: v.patchIndex, subject: p.subject, title: p.title, version: p.version, part: p.part,
                    total: p.total, author: p.author, email: p.email, date: p.date, isRFC: p.isRFC,
                    isFragment: p.isFragment, message: p.message, quoteLevel: p.quoteLevel,
                    commitMessage: p.commitMessage, trailers: p.trailers.map { "\($0.key): \($0.value)" },
                    replyTrailers: p.replyTrailers.map {
                        ReportReplyTrailer(key: $0.key, value: $0.value, by: $0.by, message: $0.message)
                    },
                    base: ReportBase(name: v.base.name, basis: v.base.basis.rawValue, reason: v.base.reason),
                    appliedOnTopOf: v.appliedOnTopOf, reverseRoundTrip: v.reverseRoundTrip, notes: v.notes,
                    missingFunctions: v.missingFunctions, files: layout.files, functions: functions,
                    findings: findings, comments: comments, meetings: meetings, verdict: verdict))
        }
        let threadComments = t.comments.filter { !placedComments.contains($0.index) }.map {
            CommentPlacer.place($0, layout: nil)
        }
        return ReviewReport(
            thread: ThreadSummarizer.summary(t), versions: versions, threadComments: threadComments,
            invariants: check.invariants.map {
                ReportInvariant(id: $0.id, statement: $0.statement, reference: $0.reference)
            },
            limits: ReportLimits(
                maxPaths: limits.maxPaths, maxSteps: limits.maxSteps, maxLoopIterations: limits.maxLoopIterations,
                maxCallDepth: limits.maxCallDepth, seconds: limits.seconds),
            summary: summary(t, versions))
    }

    static func summary(_ t: ThreadExtraction, _ versions: [ReportVersion]) -> ReportSummary {
        var verdicts: [String: Int] = [:]
        var violated: [String: Int] = [:]
        var meetings: [String: Int] = [:]
        for v in versions {
            for f in v.findings where f.kind == "patched" {
                verdicts[f.verdict, default: 0] += 1
                if f.verdict == "violated" { violated[f.invariant, default: 0] += 1 }
            }
            for m in v.meetings { meetings[m.kind, default: 0] += 1 }
        }
        let hunks = versions.flatMap { $0.files.flatMap(\.hunks) }
        let failed = hunks.filter { $0.application.failed }.count
        return ReportSummary(
            patches: t.patches.count,
            versionsChecked: versions.filter { v in v.functions.contains(where: \.isChecked) }.count,
            hunks: hunks.count, failedHunks: failed, comments: t.comments.count, verdicts: verdicts,
            violatedByInvariant: violated, meetings: meetings, hasFindings: !violated.isEmpty || failed > 0)
    }
}
