import Foundation
import Model

/// `mmreview-bench generate-archive`: a linux-mm-like archive of N threads for batch runs, as a
/// folder tree of monthly mbox files (`2020/01.mbox` ...) the way list archives are kept: replies
/// land in the month they were sent, so threads cross files. Deterministic for a seed.
///
/// The mix, per thread: `--model-percent` short series whose patches edit functions of the
/// simulated memory.c model (the checker's real work), `--broken-percent` damaged messages
/// (noise bodies, headers cut short, a base64 body that is not base64), every `--flood-every`th
/// thread a 1,001-message thread (more than a batch analyses: an error line), and the rest patch
/// series against files outside the model, reviewed with quoted hunks and inline comments.
struct ArchiveGenerator {
    struct Summary: Encodable {
        var threads = 0
        var modelThreads = 0
        var genericThreads = 0
        var brokenMessages = 0
        var floods = 0
        var messages = 0
        var bytes = 0
        var files = 0
        /// `function edit` -> patches.
        var modelEdits: [String: Int] = [:]
    }

    var threads = 20_000
    var seed: UInt64 = 0x6261_7463_6821  // "batch!"
    var modelPercent = 10
    var brokenPercent = 2
    var floodEvery = 5_000
    var maxPatches = 4

    func write(to root: String, catalog: ModelCatalog) throws -> Summary {
        let model = ModelPatchWriter(catalog: catalog)
        guard !model.targets.isEmpty else { throw BenchError("the model has no functions to patch") }
        var generator = ThreadGenerator(seed: seed)
        generator.maxPatches = maxPatches
        var random = SeededRandom(seed: seed ^ 0x5A5A_5A5A)
        var summary = Summary()
        var writers: [String: MboxWriter] = [:]
        var pending: [GeneratedMail] = []
        var clock: Int64 = 1_577_836_800  // 2020-01-01

        func writer(for date: MailDateText) throws -> MboxWriter {
            let c = date.compactUTC
            let name = "\(c.prefix(4))/\(c.dropFirst(4).prefix(2)).mbox"
            if let w = writers[name] { return w }
            let folder = root + "/" + c.prefix(4)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let w = try MboxWriter(path: root + "/" + name)
            writers[name] = w
            return w
        }
        func flushReady(before: Int64) throws {
            pending.sort { ($0.date.epoch, $0.messageID) < ($1.date.epoch, $1.messageID) }
            let ready = pending.prefix { $0.date.epoch < before }
            for m in ready {
                try writer(for: m.date).write(m, &random)
                summary.messages += 1
            }
            pending.removeFirst(ready.count)
        }

        for n in 0..<threads {
            summary.threads += 1
            if floodEvery > 0 && n % floodEvery == floodEvery - 1 {
                pending += flood(n, at: clock)
                summary.floods += 1
            } else if random.chance(brokenPercent) {
                pending.append(broken(n, at: clock, &random))
                summary.brokenMessages += 1
            } else if random.chance(modelPercent) {
                pending += generator.thread(startingAt: clock, model: model)
                for e in generator.modelEdits { summary.modelEdits[e, default: 0] += 1 }
                generator.modelEdits.removeAll()
                summary.modelThreads += 1
            } else {
                pending += generator.thread(startingAt: clock)
                summary.genericThreads += 1
            }
            clock += Int64(random.int(300...7_200))
            try flushReady(before: clock)
        }
        try flushReady(before: .max)
        for (_, w) in writers.sorted(by: { $0.key < $1.key }) {
            try w.close()
            summary.bytes += w.bytesWritten
        }
        summary.files = writers.count
        return summary
    }

    /// A message a list archive really has now and then, damaged in one of a few ways.
    private func broken(_ n: Int, at clock: Int64, _ random: inout SeededRandom) -> GeneratedMail {
        let noise = (0..<random.int(5...40)).map { _ in
            String((0..<random.int(10...76)).map { _ in Character(Unicode.Scalar(UInt8(random.int(33...126)))) })
        }
        let person = random.pick(KernelVocabulary.people)
        switch random.int(0...2) {
        case 0:
            // No subject, no ids, a body of noise.
            return GeneratedMail(
                kind: .reply, from: person, date: MailDateText(epoch: clock, offsetMinutes: 0), subject: "",
                messageID: "", references: [], to: [], cc: [], body: noise, encoding: .sevenBit, agent: "")
        case 1:
            // Claims base64 but is not.
            return GeneratedMail(
                kind: .reply, from: person, date: MailDateText(epoch: clock, offsetMinutes: 0),
                subject: "Re: [PATCH] mm: \(random.pick(KernelVocabulary.functions)) broken \(n)",
                messageID: "<broken-\(n)@example.invalid>", inReplyTo: "<never-seen-\(n)@example.invalid>",
                references: ["<never-seen-\(n)@example.invalid>"], to: [], cc: [],
                body: ["this is not base64 !!! ~~~"] + noise, encoding: .sevenBit, agent: "broken-mailer/0.1")
        default:
            // A patch mail whose diff was cut off in the middle of a hunk.
            return GeneratedMail(
                kind: .patch, from: person, date: MailDateText(epoch: clock, offsetMinutes: 0),
                subject: "[PATCH] mm: truncated \(n)", messageID: "<truncated-\(n)@example.invalid>",
                references: [], to: [], cc: [],
                body: [
                    "Signed-off-by: \(person.name) <\(person.email)>", "---", "diff --git a/mm/memory.c b/mm/memory.c",
                    "--- a/mm/memory.c", "+++ b/mm/memory.c", "@@ -100,20 +100,21 @@ static vm_fault_t do_wp_page(",
                    " \tstruct vm_area_struct *vma = vmf->vma;", "+\tif (!vma)",
                ], encoding: .sevenBit, agent: "")
        }
    }

    /// A thread too large to analyse: a chain of 1,001 one-line replies.
    private func flood(_ n: Int, at clock: Int64) -> [GeneratedMail] {
        let person = KernelVocabulary.people[n % KernelVocabulary.people.count]
        var mails: [GeneratedMail] = []
        for k in 0..<1_001 {
            let id = "<flood-\(n)-\(k)@example.com>"
            let parent = k > 0 ? "<flood-\(n)-\(k - 1)@example.com>" : nil
            mails.append(
                GeneratedMail(
                    kind: .reply, from: person, date: MailDateText(epoch: clock + Int64(k), offsetMinutes: 0),
                    subject: "Re: mm: the great flood \(n)", messageID: id, inReplyTo: parent,
                    references: parent.map { [$0] } ?? [], to: [], cc: [], body: ["+1"], encoding: .sevenBit,
                    agent: ""))
        }
        return mails
    }
}
