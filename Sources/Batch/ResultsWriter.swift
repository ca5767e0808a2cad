import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The results file and its journal, open for appending. Workers hand in finished threads in any
/// order; each line goes out with one `write(2)` right away, its journal entry after it (at once,
/// or after the next group fsync). One lock serialises the two files, so offsets are exact.
final class ResultsWriter: @unchecked Sendable {
    let resultsPath: String
    let journalPath: String
    private let results: Int32
    private let journal: Int32
    private let policy: FsyncPolicy
    private let lock = NSLock()
    /// Bytes in the results file (the next line's offset).
    private var size: Int
    /// Entries whose lines are written but not yet fsynced (interval policy).
    private var pending: [Journal.Entry] = []
    private var lastSync = Date()
    private(set) var fsyncs = 0
    private(set) var fsyncSeconds = 0.0

    /// Opens for a fresh run: both files must not exist.
    init(fresh resultsPath: String, header: Journal.Header, policy: FsyncPolicy) throws(BatchError) {
        self.resultsPath = resultsPath
        journalPath = Journal.path(forResults: resultsPath)
        self.policy = policy
        results = try Self.openFile(resultsPath, flags: O_WRONLY | O_CREAT | O_EXCL)
        do {
            journal = try Self.openFile(journalPath, flags: O_WRONLY | O_CREAT | O_EXCL)
        } catch {
            close(results)
            unlink(resultsPath)
            throw error
        }
        size = 0
        try Self.writeAll(journal, Journal.encode(header), path: journalPath)
        try sync(journal, path: journalPath)
    }

    /// Opens for `--resume`: cuts both files back to what the recovery keeps.
    init(resuming resultsPath: String, recovery: Journal.Recovery, header: Journal.Header, policy: FsyncPolicy)
        throws(BatchError)
    {
        self.resultsPath = resultsPath
        journalPath = Journal.path(forResults: resultsPath)
        self.policy = policy
        results = try Self.openFile(resultsPath, flags: O_WRONLY | O_CREAT)
        do {
            journal = try Self.openFile(journalPath, flags: O_WRONLY | O_CREAT)
        } catch {
            close(results)
            throw error
        }
        size = recovery.resultsEnd
        guard ftruncate(results, off_t(recovery.resultsEnd)) == 0 else { throw Self.failure(resultsPath) }
        guard ftruncate(journal, off_t(recovery.journalEnd)) == 0 else { throw Self.failure(journalPath) }
        guard lseek(results, 0, SEEK_END) >= 0, lseek(journal, 0, SEEK_END) >= 0 else {
            throw Self.failure(resultsPath)
        }
        if recovery.journalEnd == 0 { try Self.writeAll(journal, Journal.encode(header), path: journalPath) }
        try sync(results, path: resultsPath)
        try sync(journal, path: journalPath)
    }

    deinit {
        close(results)
        close(journal)
    }

    /// Appends one thread's line (the newline is added here) and journals it.
    func append(key: String, line: [UInt8], counts: ThreadCounts) throws(BatchError) {
        var bytes = line
        bytes.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        try Self.writeAll(results, bytes, path: resultsPath)
        let entry = Journal.Entry(thread: key, offset: size, length: bytes.count, counts: counts)
        size += bytes.count
        switch policy {
        case .never:
            try Self.writeAll(journal, Journal.encode(entry), path: journalPath)
        case .always:
            try sync(results, path: resultsPath)
            try Self.writeAll(journal, Journal.encode(entry), path: journalPath)
        case .interval(let seconds):
            pending.append(entry)
            if Date().timeIntervalSince(lastSync) >= seconds { try commitPending() }
        }
    }

    /// fsync the results, then journal what is now durable, then fsync the journal.
    private func commitPending() throws(BatchError) {
        try sync(results, path: resultsPath)
        if !pending.isEmpty {
            var bytes: [UInt8] = []
            for e in pending { bytes += Journal.encode(e) }
            try Self.writeAll(journal, bytes, path: journalPath)
            pending.removeAll(keepingCapacity: true)
        }
        try sync(journal, path: journalPath)
        lastSync = Date()
    }

    /// Journals everything, then appends the summary line (never journaled: a resume cuts it
    /// off and writes a new one) and makes both files durable.
    func finish(summaryLine: [UInt8]) throws(BatchError) {
        lock.lock()
        defer { lock.unlock() }
        if policy != .never { try commitPending() }
        try Self.writeAll(results, summaryLine + [0x0A], path: resultsPath)
        if policy != .never { try sync(results, path: resultsPath) }
    }

    // MARK: - POSIX

    private static func openFile(_ path: String, flags: Int32) throws(BatchError) -> Int32 {
        let fd = open(path, flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw .outputExists(path: path) }
            throw failure(path)
        }
        return fd
    }

    private func sync(_ fd: Int32, path: String) throws(BatchError) {
        let start = Date()
        guard fsync(fd) == 0 else { throw Self.failure(path) }
        fsyncs += 1
        fsyncSeconds += Date().timeIntervalSince(start)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(BatchError) {
        var failed: Int32 = 0
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = n < 0 ? errno : EIO
                    return
                }
                off += n
            }
        }
        if failed != 0 { throw .unwritable(path: path, reason: String(cString: strerror(failed))) }
    }

    private static func failure(_ path: String) -> BatchError {
        .unwritable(path: path, reason: String(cString: strerror(errno)))
    }
}
