/// Groups messages into threads, after Jamie Zawinski's algorithm
/// (https://www.jwz.org/doc/threading.html), with two departures:
///
/// - Loops are not checked link by link (that walks ancestors and costs O(depth) per link, so
///   O(n²) on a long chain). Parent links are collected first, then every cycle in the resulting
///   parent graph is cut in one linear pass.
/// - Messages with no ids at all (archive renders) are grouped by normalised subject only, among
///   themselves, ordered by date.
///
/// All walks are iterative so a 100,000-deep reply chain cannot overflow the stack, and nothing
/// depends on dictionary order, so the output is the same on every run.
public enum Threader {
    public static func threads(_ messages: [Message]) -> [MailThread] {
        var graph = Graph()
        graph.reserveCapacity(messages.count)
        var idless: [Int] = []
        for index in messages.indices {
            if !graph.add(messages[index], at: index) { idless.append(index) }
        }
        graph.breakCycles()
        var threads = graph.threads(of: messages)
        threads += subjectThreads(idless, of: messages)
        // Threads by the date of their first message, then by where it was in the input.
        return threads.sorted { sortKey(of: $0) < sortKey(of: $1) }
    }

    /// A message-id without angle brackets or surrounding space; nil when nothing is left.
    static func normalizedID(_ raw: String) -> String? {
        if let single = singleBracketedID(raw) { return single.isEmpty ? nil : single }
        var text = Substring(raw).drop(while: \.isWhitespace)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.first == "<", let close = text.firstIndex(of: ">") {
            text = text[text.index(after: text.startIndex)..<close]
        }
        return text.isEmpty ? nil : String(text)
    }

    /// Every message-id in a header value: the `<...>` groups, or, when there are none, each
    /// whitespace-separated word (some mailers drop the brackets).
    static func ids(in value: String) -> [String] {
        if let single = singleBracketedID(value) { return single.isEmpty ? [] : [single] }
        var result: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            if let id = normalizedID(String(rest[open...close])) { result.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if result.isEmpty, !value.contains("<") {
            result = value.split(whereSeparator: { $0.isWhitespace || $0 == "," })
                .compactMap { normalizedID(String($0)) }
        }
        return result
    }

    /// The common case, `<id>` as `MessageIDParser` leaves it: ASCII, one pair of brackets around
    /// the whole value, no whitespace. Its inside (maybe empty), found on bytes; nil for anything
    /// else, which the general path handles. Threading spent half its time in Character-level
    /// scanning of exactly these values (30,000 messages: 0.8 s of 0.8 s single-threaded).
    static func singleBracketedID(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            guard bytes.count >= 2, bytes[0] == 0x3C, bytes[bytes.count - 1] == 0x3E else { return nil }
            let inner = UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])
            for b in inner where b >= 0x80 || b == 0x3C || b == 0x3E || ASCII.isSpace(b) { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
    }

    /// Date first (undated messages last), then input order: a total order, so sorts are stable.
    struct SortKey: Comparable {
        var epoch: Int64
        var input: Int
        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.epoch, lhs.input) < (rhs.epoch, rhs.input)
        }
    }

    static func sortKey(of message: Message, at input: Int) -> SortKey {
        SortKey(epoch: message.date?.epochSeconds ?? .max, input: input)
    }

    private static func sortKey(of thread: MailThread) -> SortKey {
        guard let first = thread.messages.first, let position = thread.positions.first else {
            return SortKey(epoch: .max, input: .max)
        }
        return sortKey(of: first, at: position.inputIndex)
    }

    /// Id-less messages, one thread per normalised subject. When the earliest of a group is not a
    /// reply it is taken as the root and the rest as its replies; otherwise all stay at the top,
    /// because without ids nothing says who answered whom.
    private static func subjectThreads(_ indexes: [Int], of messages: [Message]) -> [MailThread] {
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        for index in indexes {
            let subject = PatchSubject.parse(messages[index].subject)
            // An empty subject says nothing about belonging together.
            if !subject.normalized.isEmpty, let group = groupOf[subject.normalized] {
                groups[group].append(index)
            } else {
                if !subject.normalized.isEmpty { groupOf[subject.normalized] = groups.count }
                groups.append([index])
            }
        }
        return groups.map { group in
            let ordered = group.sorted {
                sortKey(of: messages[$0], at: $0) < sortKey(of: messages[$1], at: $1)
            }
            let first = PatchSubject.parse(messages[ordered[0]].subject)
            let rooted = !first.isReply && !first.isForward && ordered.count > 1
            let positions = ordered.enumerated().map { offset, input in
                rooted && offset > 0
                    ? MailThread.Position(parentIndex: 0, depth: 1, inputIndex: input)
                    : MailThread.Position(parentIndex: nil, depth: 0, inputIndex: input)
            }
            return MailThread(
                messages: ordered.map { messages[$0] }, positions: positions, subject: first.title,
                placeholders: [])
        }
    }
}

extension Threader {
    /// The ids of one message that threading reads, normalised: its own, its direct parent's
    /// (In-Reply-To) and its References without duplicates or itself.
    struct IDs: Sendable {
        var own: HashedID?
        var inReplyTo: HashedID?
        var references: [HashedID]

        init(of message: Message) {
            let ownID = message.messageID.flatMap(normalizedID)
            var references: [String] = []
            // Duplicates are looked for in the list itself while it is short (a Set costs an
            // allocation and a string hash per id, for lists of one to three ids).
            var seen: Set<String>? = nil
            for raw in message.references {
                // A header value may hold several ids if the reader did not split it.
                for id in ids(in: raw) where id != ownID {
                    if seen == nil && references.count >= 16 { seen = Set(references) }
                    if seen == nil ? references.contains(id) : !seen!.insert(id).inserted { continue }
                    references.append(id)
                }
            }
            own = ownID.map(HashedID.init)
            inReplyTo = message.inReplyTo.flatMap { ids(in: $0).last }.flatMap { $0 == ownID ? nil : HashedID($0) }
            self.references = references.map(HashedID.init)
        }
    }

    /// A message-id with its hash taken once, where messages are read in parallel: the serial
    /// threading pass looks every id up, three passes a run (reader, extractor, series summary),
    /// and hashing a 40-60 byte id there was ~240 of a lookup's ~630 instructions.
    struct HashedID: Hashable, Sendable {
        let text: String
        let hash: Int

        init(_ text: String) {
            self.text = text
            hash = text.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: HashedID, b: HashedID) -> Bool { a.hash == b.hash && a.text == b.text }
    }

    /// Containers (a message, or a placeholder for an id only referenced) and their parent links.
    struct Graph {
        struct Container {
            var id: String?
            var message: Int?
            var parent: Int?
            /// The link came from this message's own In-Reply-To / References, not from someone
            /// else's References chain, so it overrides an inferred one.
            var parentIsOwn = false
        }

        var containers: [Container] = []
        var byID: [HashedID: Int] = [:]

        /// One hash lookup: the slot is claimed through the defaulted subscript's in-place access.
        private mutating func container(for id: HashedID) -> Int {
            let next = containers.count
            let index = Self.claim(&byID[id, default: -1], next)
            if index == next { containers.append(Container(id: id.text)) }
            return index
        }

        private static func claim(_ slot: inout Int, _ next: Int) -> Int {
            if slot < 0 { slot = next }
            return slot
        }

        mutating func reserveCapacity(_ messages: Int) {
            // Ids are the messages' own and the parents they name: about two per message.
            containers.reserveCapacity(2 * messages)
            byID.reserveCapacity(2 * messages)
        }

        /// False when the message has no ids at all and must be threaded by subject.
        mutating func add(_ message: Message, at index: Int) -> Bool {
            let ids = message.threadIDs
            let ownID = ids.own
            let references = ids.references
            let inReplyTo = ids.inReplyTo
            guard ownID != nil || inReplyTo != nil || !references.isEmpty else { return false }

            let ownIndex: Int
            if let ownID, case let c = container(for: ownID), containers[c].message == nil {
                ownIndex = c
            } else {
                // No id, or a duplicate id: a container of its own that nobody can point at, so
                // replies go to the first message with that id.
                containers.append(Container())
                ownIndex = containers.count - 1
            }
            containers[ownIndex].message = index

            // The References chain: each id is taken as the parent of the next, unless that one
            // already has a parent (first claim wins, own headers win over everything).
            var previous: Int?
            for id in references {
                let current = container(for: id)
                if let previous, previous != current, containers[current].parent == nil {
                    containers[current].parent = previous
                }
                previous = current
            }
            // The direct parent: In-Reply-To names it most reliably; else the last reference.
            if let parentID = inReplyTo ?? references.last {
                let parent = container(for: parentID)
                if parent != ownIndex {
                    containers[ownIndex].parent = parent
                    containers[ownIndex].parentIsOwn = true
                }
            }
            return true
        }

        /// Each container has at most one parent, so every cycle is found by walking up from each
        /// container once, marking what was seen. A cycle is cut at its member that came first in
        /// the input (placeholders after messages), which then becomes a root.
        mutating func breakCycles() {
            enum Mark { case unseen, onPath, done }
            var marks = [Mark](repeating: .unseen, count: containers.count)
            var path: [Int] = []
            for start in containers.indices where marks[start] == .unseen {
                path.removeAll(keepingCapacity: true)
                var node: Int? = start
                while let current = node, marks[current] == .unseen {
                    marks[current] = .onPath
                    path.append(current)
                    node = containers[current].parent
                }
                if let current = node, marks[current] == .onPath,
                    let entry = path.firstIndex(of: current)
                {
                    let cycle = path[entry...]
                    let cut = cycle.min { rank($0) < rank($1) }!
                    containers[cut].parent = nil
                    containers[cut].parentIsOwn = false
                }
                for member in path { marks[member] = .done }
            }
        }

        private func rank(_ container: Int) -> (Int, Int) {
            (containers[container].message ?? .max, container)
        }

        /// The threads, each in depth-first order with siblings sorted.
        func threads(of messages: [Message]) -> [MailThread] {
            var children = [[Int]](repeating: [], count: containers.count)
            var roots: [Int] = []
            for index in containers.indices {
                if let parent = containers[index].parent {
                    children[parent].append(index)
                } else {
                    roots.append(index)
                }
            }
            // A placeholder with nothing under it (a refused chain link) is no thread.
            roots.removeAll { containers[$0].message == nil && children[$0].isEmpty }

            // Keys bottom-up: a placeholder sorts as its earliest child. A preorder walk lists
            // parents before children; its reverse gives children before parents.
            var preorder: [Int] = []
            preorder.reserveCapacity(containers.count)
            var stack = roots
            while let node = stack.popLast() {
                preorder.append(node)
                stack += children[node]
            }
            var keys = [SortKey](
                repeating: SortKey(epoch: .max, input: .max), count: containers.count)
            for node in preorder.reversed() {
                if let message = containers[node].message {
                    keys[node] = sortKey(of: messages[message], at: message)
                } else {
                    keys[node] = children[node].map { keys[$0] }.min() ?? keys[node]
                }
                children[node].sort { keys[$0] < keys[$1] }
            }
            roots.sort { keys[$0] < keys[$1] }
            return roots.map { thread(from: $0, children: children, messages: messages) }
        }

        private func thread(from root: Int, children: [[Int]], messages: [Message]) -> MailThread {
            var thread = MailThread(messages: [], positions: [], subject: "", placeholders: [])
            // (container, index in the thread of the nearest present ancestor)
            var stack: [(node: Int, ancestor: Int?)] = [(root, nil)]
            while let (node, ancestor) = stack.popLast() {
                let container = containers[node]
                var below = ancestor
                if let input = container.message {
                    let parent = container.parent.map { containers[$0] }
                    thread.positions.append(
                        MailThread.Position(
                            parentIndex: ancestor,
                            depth: ancestor.map { thread.positions[$0].depth + 1 } ?? 0,
                            inputIndex: input,
                            missingParentID: parent?.message == nil ? parent?.id : nil))
                    thread.messages.append(messages[input])
                    below = thread.messages.count - 1
                } else if let id = container.id {
                    thread.placeholders.append(id)
                }
                for child in children[node].reversed() { stack.append((child, below)) }
            }
            thread.subject =
                thread.messages.first.map { PatchSubject.parse($0.subject).title } ?? ""
            return thread
        }
    }
}
