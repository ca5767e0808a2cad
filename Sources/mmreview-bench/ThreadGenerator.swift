/// One thread as it appears on linux-mm: a patch series (with a cover letter when it has several
/// patches) and its review: replies to patches, the author's answers, the reviewer's answer to
/// those, so quotes reach levels 1 to 3.
struct ThreadGenerator {
    typealias Person = KernelVocabulary.Person

    /// Replies per posted message. Tuned so that about 70% of all mail is replies, as on the list.
    static let replyCounts = [0, 0, 1, 1, 1, 1, 2, 2, 3, 3]

    var random: SeededRandom
    private var serial = 0
    /// `function edit` of each model patch written, for the caller to count (and clear).
    var modelEdits: [String] = []
    /// Series longer than this are cut to it (the ingest benchmark keeps 15; batch archives use
    /// fewer, so 20,000 threads stay under a gigabyte).
    var maxPatches = 15

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// With `model`, a short series (1 to 3 patches) whose every patch edits a model function.
    mutating func thread(startingAt start: Int64, model: ModelPatchWriter? = nil) -> [GeneratedMail] {
        let author = random.pick(KernelVocabulary.people)
        var reviewers: [Person] = []
        while reviewers.count < 3 {
            let r = random.pick(KernelVocabulary.people)
            if r.name != author.name { reviewers.append(r) }
        }
        let version = random.pick([1, 1, 1, 2, 2, 3, 4, 5])
        let count =
            model != nil
            ? random.int(1...3)
            : min(maxPatches, random.chance(40) ? 1 : random.chance(65) ? random.int(2...5) : random.int(6...15))
        let zone = random.pick([-420, -480, -300, 0, 60, 120, 480, 540, 330])
        let tags = random.pick([
            "PATCH", "PATCH", "PATCH", "RFC PATCH", "PATCH RFC", "PATCH -next", "PATCH mm-unstable",
        ])
        let prefix = version > 1 ? "\(tags) v\(version)" : tags
        let stamp = MailDateText(epoch: start, offsetMinutes: 0).compactUTC
        let pid = random.int(1000...99999)
        func sendEmailID(_ n: Int) -> String { "<\(stamp).\(pid)-\(n)-\(author.email)>" }

        var mails: [GeneratedMail] = []
        var titles: [String] = []
        for _ in 0..<count {
            let verb = random.pick(KernelVocabulary.subjectVerbs)
            var title =
                "\(random.pick(KernelVocabulary.subsystems)): \(verb) \(random.pick(KernelVocabulary.subjectObjects))"
            // A few non-ASCII subjects, which mailers send as RFC 2047 encoded words.
            if random.chance(3) { title += " \u{2013} take \(random.int(2...4))" }
            titles.append(title)
        }
        let to = [KernelVocabulary.people[0]]
        let cc = reviewers + (0..<random.int(0...6)).map { _ in random.pick(KernelVocabulary.people) }
        var root: String?
        if count > 1 && random.chance(80) {
            let id = sendEmailID(0)
            root = id
            mails.append(
                GeneratedMail(
                    kind: .coverLetter, from: author, date: MailDateText(epoch: start, offsetMinutes: zone),
                    subject: "[\(prefix) 0/\(count)] \(coverTitle())", messageID: id, references: [], to: to, cc: cc,
                    body: PatchBodyWriter.coverLetter(author: author, titles: titles, &random),
                    encoding: encoding(patch: true), agent: "git-send-email 2.\(random.int(30...45)).0"))
        }
        for (i, title) in titles.enumerated() {
            let id = sendEmailID(i + 1)
            let modelPatch = model?.write(&random)
            if let modelPatch { modelEdits.append("\(modelPatch.target.function) \(modelPatch.edit)") }
            let parent = root ?? (i > 0 ? mails[0].messageID : nil)
            let numbering = count > 1 ? " \(i + 1)/\(count)" : ""
            mails.append(
                GeneratedMail(
                    kind: .patch, from: author, date: MailDateText(epoch: start + Int64(i + 1), offsetMinutes: zone),
                    subject: "[\(prefix)\(numbering)] \(title)", messageID: id, inReplyTo: parent,
                    references: parent.map { [$0] } ?? [], to: to, cc: cc,
                    body: PatchBodyWriter.patch(
                        author: author, version: version, reviewers: reviewers, large: random.chance(12),
                        diff: modelPatch?.diff, &random),
                    encoding: encoding(patch: true), agent: "git-send-email 2.\(random.int(30...45)).0"))
        }
        // Review: each posting draws replies; the author answers some, the reviewer answers back.
        var queue = Array(mails.indices)
        var depth = [Int](repeating: 0, count: mails.count)
        var parentOf = [Int?](repeating: nil, count: mails.count)
        while !queue.isEmpty {
            let p = queue.removeFirst()
            guard depth[p] < 3 else { continue }
            let n = depth[p] == 0 ? random.pick(ThreadGenerator.replyCounts) : (random.chance(45) ? 1 : 0)
            for _ in 0..<n {
                let who: Person
                switch depth[p] {
                case 0: who = random.pick(reviewers)
                case 1: who = author
                // The reviewer answers the author's answer to their review.
                default: who = parentOf[p].map { mails[$0].from } ?? random.pick(reviewers)
                }
                mails.append(reply(to: mails[p], by: who, atDepth: depth[p] + 1))
                depth.append(depth[p] + 1)
                parentOf.append(p)
                queue.append(mails.count - 1)
            }
        }
        return mails
    }

    private mutating func reply(to parent: GeneratedMail, by who: Person, atDepth depth: Int) -> GeneratedMail {
        serial += 1
        let delay = Int64(random.int(600...(depth == 1 ? 4 * 86_400 : 86_400)))
        let zone = random.pick([-420, -480, 0, 60, 120, 480, 540])
        let date = MailDateText(epoch: parent.date.epoch + delay, offsetMinutes: zone)
        let maxBytes = random.chance(75) ? random.int(1_500...9_000) : random.int(9_000...30_000)
        let trailer = parent.kind == .patch && depth == 1 && random.chance(35)
        let body = ReplyWriter.reply(
            to: parent.body, parentAuthor: parent.from, parentDate: parent.date, by: who, maxBytes: maxBytes,
            trailer: trailer, &random)
        let subject = parent.subject.hasPrefix("Re: ") ? parent.subject : "Re: " + parent.subject
        let (id, agent) = replyID(who, date)
        return GeneratedMail(
            kind: .reply, from: who, date: date, subject: subject, messageID: id, inReplyTo: parent.messageID,
            references: parent.references + [parent.messageID], to: [parent.from], cc: parent.cc,
            body: body, encoding: encoding(patch: false), agent: agent)
    }

    /// Message-IDs in the shapes the big mailers produce (mutt, Gmail, Thunderbird, alpine).
    private mutating func replyID(_ who: Person, _ date: MailDateText) -> (String, String) {
        let domain = who.email.split(separator: "@").last.map(String.init) ?? "example.org"
        switch random.int(0...3) {
        case 0: return ("<\(token(16))@\(domain)>", "Mutt/2.2.\(random.int(1...12))")
        case 1: return ("<CA\(token(40))@mail.gmail.com>", "")
        case 2: return ("<\(token(8))-\(token(4))-\(token(4))-\(token(12))@\(domain)>", "Mozilla Thunderbird")
        default: return ("<alpine.LSU.2.11.\(date.compactUTC.prefix(10))\(serial)@\(domain)>", "Alpine 2.11")
        }
    }

    private mutating func token(_ n: Int) -> String {
        let chars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<n).map { _ in chars[random.int(0...chars.count - 1)] } + String(serial))
    }

    private mutating func coverTitle() -> String {
        ProseWriter.fill(
            random.pick([
                "mm: batch {helper}() for large folios", "mm: rework {fn}() locking",
                "mm/swap: fix refcount races in {fn}()", "mm: don't take {lock} in {fn}()",
                "mm: convert {fn}() to folios", "Improve {fn}() performance",
            ]), &random)
    }

    /// Most mail is plain 7bit/8bit; some mailers quoted-printable or base64 everything.
    private mutating func encoding(patch: Bool) -> TransferEncoding {
        let r = random.int(0...99)
        if r < (patch ? 10 : 14) { return .quotedPrintable }
        if r < (patch ? 16 : 24) { return .base64 }
        return r < 60 ? .eightBit : .sevenBit
    }
}
