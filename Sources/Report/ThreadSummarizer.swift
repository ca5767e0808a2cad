import Conversation

/// The thread in brief: its messages, the people in it and what part they took, the dates.
enum ThreadSummarizer {
    static func summary(_ t: ThreadExtraction) -> ReportThread {
        var people: [ReportPerson] = []
        func person(_ name: String?, _ email: String?) -> Int? {
            guard let name, !name.isEmpty else { return nil }
            if let i = people.firstIndex(where: { $0.name == name }) {
                if people[i].email == nil { people[i].email = email }
                return i
            }
            people.append(ReportPerson(name: name, email: email, roles: [], messages: 0, comments: 0))
            return people.count - 1
        }
        func role(_ i: Int?, _ r: String) {
            guard let i, !people[i].roles.contains(r) else { return }
            people[i].roles.append(r)
        }
        for p in t.patches { role(person(p.author, p.email), "patch-author") }
        for m in t.messages {
            let i = person(m.from, m.email)
            role(i, "sender")
            if let i { people[i].messages += 1 }
        }
        for c in t.comments {
            let i = person(c.author, nil)
            role(i, "reviewer")
            if let i { people[i].comments += 1 }
        }
        let order = ["patch-author", "reviewer", "sender"]
        for i in people.indices {
            people[i].roles.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        }
        let dates = t.messages.compactMap(\.date).filter(isISO).sorted()
        let messages = t.messages.map { m in
            ReportMessage(
                index: m.index, messageID: m.messageID, parent: m.parent, from: m.from, email: m.email, date: m.date,
                subject: m.subject, source: m.source,
                patches: t.patches.filter { p in p.occurrences.contains { $0.message == m.index && $0.quoteLevel == 0 }
                }
                .count,
                comments: t.comments.filter { $0.message == m.index }.count)
        }
        return ReportThread(
            subject: t.subject, people: people, firstDate: dates.first, lastDate: dates.last, messages: messages,
            missingMessages: t.missingMessages.count, partial: t.partial, diagnostics: t.diagnostics.map(\.description))
    }

    /// `2020-08-21T11:13:37Z`: the extraction gives ISO 8601 when it could parse the date.
    static func isISO(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 20 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        return digits.allSatisfy { b[$0] >= 48 && b[$0] <= 57 } && b[4] == 45 && b[7] == 45 && b[10] == 84
    }
}
