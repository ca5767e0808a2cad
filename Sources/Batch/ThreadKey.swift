import Mail

/// A thread's stable name in results, journals and shard assignment: the Message-ID of its first
/// message (the root, or the earliest reply when the root is missing), without angle brackets.
/// Messages without one (archive renders, broken mail) are named by a hash of the normalised
/// subject and the first message's sender, date and body: `nomsgid:<16 hex>`. Keys that come out
/// equal (a Message-ID posted twice) get `#2`, `#3`... in thread order, so every key is unique
/// for one archive and the same on every run.
public enum ThreadKey {
    /// Longer ids are hashed: a key must fit in a journal line and a log.
    public static let maxLength = 512

    public static func keys(for threads: [MailThread]) -> [String] {
        var seen: [String: Int] = [:]
        var keys: [String] = []
        keys.reserveCapacity(threads.count)
        for t in threads {
            let base = key(for: t)
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            keys.append(n == 1 ? base : "\(base)#\(n)")
        }
        return keys
    }

    /// The key before uniquing.
    public static func key(for thread: MailThread) -> String {
        guard let first = thread.messages.first else { return "empty:" }
        if let raw = first.messageID, let id = clean(raw) {
            return id.utf8.count <= maxLength ? id : "longmsgid:" + StableHash.hex(StableHash.hash(id))
        }
        var bytes = Array(PatchSubject.parse(thread.subject).normalized.utf8)
        bytes.append(0)
        bytes += first.from.email.utf8
        bytes.append(0)
        bytes += (first.date?.raw ?? "").utf8
        bytes.append(0)
        bytes += first.body
        return "nomsgid:" + StableHash.hex(StableHash.hash(bytes))
    }

    /// The id without brackets and surrounding space; control characters (which would break a
    /// line-oriented journal or a terminal) make it unusable.
    static func clean(_ raw: String) -> String? {
        var s = Substring(raw).drop(while: { $0 == " " || $0 == "\t" })
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        if s.first == "<", s.last == ">", s.count >= 2 { s = s.dropFirst().dropLast() }
        guard !s.isEmpty, !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        return String(s)
    }
}
