import Batch
import Checker
import Conversation
import Foundation
import Mail
import Model

/// What `mmreview batch` does with one thread: extract, apply, check, and the thread's JSON line.
///
/// The line is an interim schema of its own, `mmreview.batch-thread/1` (docs/batch.md): the
/// thread key, subject, patches with where they applied, and the checker's findings. It is made
/// here and nowhere else, so the report's schema can take its place in this one file.
struct BatchThreadProcessor: Sendable {
    static let schema = "mmreview.batch-thread/1"
    /// A thread bigger than this is an error line, not hours of work: real review threads have
    /// tens of messages; thousands are a mis-threaded archive or a flood.
    static let maxMessages = 1_000
    static let maxBytes = 32 << 20

    var applier: VersionApplier
    var limits: CheckLimits

    func process(_ item: ThreadItem) throws(ThreadFailure) -> ThreadResult {
        let t = item.thread
        guard t.messages.count <= Self.maxMessages else {
            throw ThreadFailure(
                kind: "thread.too-large",
                message: "\(t.messages.count) messages (more than \(Self.maxMessages)); not analysed")
        }
        var bytes = 0
        for m in t.messages {
            bytes += m.body.count
            for a in m.attachments { bytes += a.content.count }
        }
        guard bytes <= Self.maxBytes else {
            throw ThreadFailure(
                kind: "thread.too-large",
                message: "\(bytes) bytes of message text (more than \(Self.maxBytes)); not analysed")
        }
        if t.messages.allSatisfy(Self.isUnreadable) {
            let first = t.messages[0].diagnostics.first { $0.severity == .error }
            throw ThreadFailure(
                kind: "thread.unreadable",
                message: "no message of the thread could be read"
                    + (first.map { ": \($0.location): \($0.message) [\($0.code)]" } ?? ""))
        }
        let extraction = ThreadExtractor.extract(
            messages: t.messages, parents: t.positions.map(\.parentIndex), subject: t.subject,
            missing: t.placeholders)
        let run = applier.apply(extraction)
        let check = CheckRunner.check(run, extraction: extraction, catalog: applier.catalog, limits: limits)
        let line = BatchThreadLine(key: item.key, extraction: extraction, run: run, check: check)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(line) } catch {
            throw ThreadFailure(kind: "json.encode", message: "cannot encode the thread's line: \(error)")
        }
        var findings: [String: Int] = [:]
        for v in check.versions where v.kind == "patched" {
            for f in v.findings where f.verdict == .violated { findings[f.invariant, default: 0] += 1 }
        }
        return ThreadResult(
            line: Array(data), counts: ThreadCounts(patches: extraction.patches.count, findings: findings))
    }

    /// Nothing to read: no headers that say anything, no text, only errors about why.
    static func isUnreadable(_ m: Message) -> Bool {
        m.messageID == nil && m.subject.isEmpty && m.from.email.isEmpty && m.from.name.isEmpty
            && m.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
            && m.attachments.isEmpty
    }
}

/// One line of `mmreview batch` output (`mmreview.batch-thread/1`).
struct BatchThreadLine: Encodable {
    var schema = BatchThreadProcessor.schema
    var thread: String
    var subject: String
    var messages: Int
    var comments: Int
    var missingMessages: Int
    /// Reading problems by severity (the details are in `mmreview extract`).
    var diagnostics: [String: Int]
    var patches: [Patch]
    var checks: [Check]

    struct Patch: Encodable {
        var index: Int
        var title: String
        var version: Int
        var part: Int?
        var total: Int?
        var quoteLevel: Int
        var files: [String]
        var base: String?
        /// Hunk results (`exact`, `fuzz`, `failed`, `not-in-model`...) by count; absent when the
        /// patch was not applied (nothing of it is in the model).
        var hunks: [String: Int]
        var functions: [String]
    }

    struct Check: Encodable {
        var patch: Int
        var version: Int
        /// `patched` or `base`.
        var kind: String
        var configuration: [String]
        var functions: [String]
        /// Verdict counts (`holds`, `violated`, `info`, `unknown`).
        var verdicts: [String: Int]
        var violations: [Violation]
    }

    struct Violation: Encodable {
        var invariant: String
        var function: String
        var line: Int?
        var message: String
    }

    init(key: String, extraction t: ThreadExtraction, run: ApplyRun, check: CheckReport) {
        thread = key
        subject = t.subject
        messages = t.messages.count
        comments = t.comments.count
        missingMessages = t.missingMessages.count
        var d: [String: Int] = [:]
        for x in t.diagnostics { d[x.severity.rawValue, default: 0] += 1 }
        for m in t.messages { for x in m.diagnostics { d[x.severity.rawValue, default: 0] += 1 } }
        diagnostics = d
        var applied: [Int: VersionApplication] = [:]
        for v in run.versions { applied[v.patchIndex] = v }
        patches = t.patches.map { p in
            let v = applied[p.index]
            var hunks: [String: Int] = [:]
            for h in v?.hunks ?? [] { hunks[h.result, default: 0] += 1 }
            return Patch(
                index: p.index, title: p.title, version: p.version, part: p.part, total: p.total,
                quoteLevel: p.quoteLevel, files: p.files.compactMap(\.path), base: v?.base.name, hunks: hunks,
                functions: (v?.functions ?? []).filter(\.changed).map(\.name))
        }
        checks = check.versions.map { v in
            var verdicts: [String: Int] = [:]
            for f in v.findings { verdicts[f.verdict.rawValue, default: 0] += 1 }
            return Check(
                patch: v.patchIndex, version: v.version, kind: v.kind, configuration: v.configuration,
                functions: v.functions.map(\.name), verdicts: verdicts,
                violations: v.findings.filter { $0.verdict == .violated }.map {
                    Violation(invariant: $0.invariant, function: $0.function, line: $0.line, message: $0.message)
                })
        }
    }
}
