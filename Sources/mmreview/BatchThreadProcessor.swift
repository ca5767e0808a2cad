import Batch
import Checker
import Conversation
import Foundation
import Mail
import Model
import Report

/// What `mmreview batch` does with one thread: the review report (extract, apply, check, as
/// `mmreview report` builds it) as one JSON line, `{"thread": KEY, "report": REPORT}` with
/// REPORT in the `mmreview.report/1` schema (docs/json-schema.md); docs/batch.md.
struct BatchThreadProcessor: Sendable {
    /// The line's form, recorded in the journal so a resume never mixes two forms.
    static let schema = "mmreview.batch-line/1 (report: \(ReviewReport.schema))"
    /// A thread bigger than this is an error line, not hours of work: real review threads have
    /// tens of messages; thousands are a mis-threaded archive or a flood.
    static let maxMessages = 1_000
    static let maxBytes = 32 << 20

    var catalog: ModelCatalog
    var options: ReportOptions

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
        let report = ReportBuilder.build(thread: extraction, catalog: catalog, options: options)
        let encoded: [UInt8]
        do { encoded = try ReportJSON.encode(report, pretty: false) } catch {
            throw ThreadFailure(kind: "json.encode", message: "cannot encode the thread's line: \(error)")
        }
        return ThreadResult(
            key: item.key, field: "report", value: encoded,
            counts: ThreadCounts(patches: report.summary.patches, findings: report.summary.violatedByInvariant))
    }

    /// Nothing to read: no headers that say anything, no text, only errors about why.
    static func isUnreadable(_ m: Message) -> Bool {
        m.messageID == nil && m.subject.isEmpty && m.from.email.isEmpty && m.from.name.isEmpty
            && m.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
            && m.attachments.isEmpty
    }
}
