import Mail

/// The threads of a batch's inputs, in a stable order, each with its key.
public struct ThreadInventory: Sendable {
    public var items: [ThreadItem]
    public var messages: Int
    /// What the readers said about the inputs as a whole (unreadable files inside a folder...).
    public var diagnostics: [Diagnostic]

    /// Hands the items over, leaving none here (so they are not kept alive twice).
    public mutating func take() -> [ThreadItem] {
        defer { items = [] }
        return items
    }

    /// Identifies the archive: the number of threads and a hash of all keys in order. Shards of one
    /// archive carry the same one, so `merge` can tell shards of different inputs apart.
    public var fingerprint: ArchiveFingerprint {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for item in items {
            h = StableHash.hash(item.key.utf8, seed: h)
            h = StableHash.hash(CollectionOfOne(0x0A), seed: h)
        }
        return ArchiveFingerprint(threads: items.count, hash: StableHash.hex(h))
    }
}

public struct ArchiveFingerprint: Sendable, Equatable, Codable, CustomStringConvertible {
    public var threads: Int
    public var hash: String
    public init(threads: Int, hash: String) {
        self.threads = threads
        self.hash = hash
    }
    public var description: String { "\(threads) threads, keys \(hash)" }
}

/// Reads every input (files, folder trees, `.mbox.gz`, maildirs, renders; see `MailReader`), puts
/// all their messages together and threads them, so a thread whose replies sit in another file (the
/// next month's mbox) is one thread. Threads are not extracted here: that is per-thread work.
public enum ThreadSource {
    public static func read(
        inputs: [String], format: InputFormat = .auto, limits: ReadLimits = .init()
    ) throws(BatchError) -> ThreadInventory {
        guard !inputs.isEmpty else { throw .usage("no input given") }
        var messages: [Message] = []
        var diagnostics: [Diagnostic] = []
        for path in inputs {
            do {
                let archive = try MailReader.read(path: path, format: format, limits: limits)
                messages += archive.messages
                diagnostics += archive.diagnostics
            } catch {
                throw .unreadable(path: path, reason: reason(error))
            }
        }
        guard !messages.isEmpty else { throw .emptyInput(paths: inputs) }
        let threads = Threader.threads(messages)
        messages = []
        let keys = ThreadKey.keys(for: threads)
        let items = zip(keys, threads).enumerated().map { i, kt in ThreadItem(key: kt.0, ordinal: i, thread: kt.1) }
        return ThreadInventory(
            items: items, messages: threads.reduce(0) { $0 + $1.messages.count }, diagnostics: diagnostics)
    }

    private static func reason(_ error: MailError) -> String {
        switch error {
        case .unreadable(_, let reason): reason
        case .unsupported(_, let reason): reason
        }
    }
}
