/// Writes a large linux-mm-like mbox: threads generated one after another, their messages
/// written in date order as a list archive has them, so threads interleave and replies come
/// hours or days after what they answer. Deterministic for a seed.
struct MboxGenerator {
    struct Summary: Encodable {
        var bytes = 0
        var messages = 0
        var patches = 0
        var coverLetters = 0
        var replies = 0
        var threads = 0
        var quotedFromLines = 0
        var quotedPrintable = 0
        var base64 = 0
        var minMessageBytes = Int.max
        var maxMessageBytes = 0
    }

    var seed: UInt64 = 0x6D6D_7265_7669_6577  // "mmreview"

    func write(to path: String, targetBytes: Int) throws -> Summary {
        var threads = ThreadGenerator(seed: seed)
        var random = SeededRandom(seed: seed ^ 0xA5A5_A5A5)
        let writer = try MboxWriter(path: path)
        var summary = Summary()
        var pending: [GeneratedMail] = []
        var pendingBytes = 0
        var clock: Int64 = 1_577_836_800  // 2020-01-01
        // Roughly the encoded size of a mail, to know when to stop generating.
        func estimate(_ m: GeneratedMail) -> Int { m.body.reduce(900) { $0 + $1.utf8.count + 1 } }

        while writer.bytesWritten + pendingBytes < targetBytes {
            let mails = threads.thread(startingAt: clock)
            summary.threads += 1
            pending += mails
            pendingBytes += mails.reduce(0) { $0 + estimate($1) }
            clock += Int64(random.int(300...7_200))
            // Everything dated before the next thread starts can go out now.
            pending.sort { ($0.date.epoch, $0.messageID) < ($1.date.epoch, $1.messageID) }
            let ready = pending.prefix { $0.date.epoch < clock }
            for m in ready {
                try write(m, writer, &summary, &random)
                pendingBytes -= estimate(m)
            }
            pending.removeFirst(ready.count)
        }
        for m in pending { try write(m, writer, &summary, &random) }
        try writer.close()
        summary.bytes = writer.bytesWritten
        summary.quotedFromLines = writer.quotedFromLines
        return summary
    }

    private func write(
        _ m: GeneratedMail, _ writer: MboxWriter, _ summary: inout Summary, _ random: inout SeededRandom
    ) throws {
        let before = writer.bytesWritten + writer.buffered
        try writer.write(m, &random)
        let size = writer.bytesWritten + writer.buffered - before
        summary.minMessageBytes = min(summary.minMessageBytes, size)
        summary.maxMessageBytes = max(summary.maxMessageBytes, size)
        summary.messages += 1
        switch m.kind {
        case .patch: summary.patches += 1
        case .coverLetter: summary.coverLetters += 1
        case .reply: summary.replies += 1
        }
        switch m.encoding {
        case .quotedPrintable: summary.quotedPrintable += 1
        case .base64: summary.base64 += 1
        default: break
        }
    }
}
