import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a batch runs: where its results go, how many workers, which shard, resume or not.
public struct BatchOptions: Sendable {
    public var out: String
    public var summaryFile: String?
    public var jobs: Int
    public var shard: ShardSpec?
    public var resume: Bool
    public var fsync: FsyncPolicy
    /// Options that shape the lines; recorded in the journal, a resume must match them.
    public var settings: [String: String]

    public init(
        out: String, summaryFile: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        shard: ShardSpec? = nil, resume: Bool = false, fsync: FsyncPolicy = .default, settings: [String: String] = [:]
    ) {
        self.out = out
        self.summaryFile = summaryFile
        self.jobs = jobs
        self.shard = shard
        self.resume = resume
        self.fsync = fsync
        self.settings = settings
    }
}

/// Where a batch is, for a progress bar.
public struct BatchProgress: Sendable {
    /// Threads of this output with a line, resumed ones included.
    public var done: Int
    public var total: Int
    /// Threads that were already done when this run started.
    public var resumed: Int
    public var elapsed: Double
    /// Threads per second in this run.
    public var rate: Double? { elapsed > 0.5 && done > resumed ? Double(done - resumed) / elapsed : nil }
}

/// What a finished batch did.
public struct BatchOutcome: Sendable {
    public var summary: BatchSummary
    /// Threads skipped because the journal had them.
    public var resumed: Int
    /// Threads processed by this run.
    public var processed: Int
    /// Results bytes cut off on resume (redone lines, a torn line, an old summary).
    public var droppedBytes: Int
    public var seconds: Double
    public var fsyncs: Int
    public var fsyncSeconds: Double
}

/// Runs the caller's per-thread function over an archive's threads on `jobs` workers, appending
/// each line to the results and journaling it, then writes the summary. The function knows how to
/// turn a thread into a line; this knows nothing of what the line says.
public enum BatchRunner {
    public typealias Process = @Sendable (ThreadItem) throws(ThreadFailure) -> ThreadResult
    /// Worker stack: the checker's interpreter recurses; give workers what the main thread has.
    static let workerStackBytes = 16 << 20

    /// The inventory is consumed: each thread's messages are freed as soon as its line is written
    /// (and at once for threads of other shards or done before), so pass it with `consume`.
    public static func run(
        _ inventory: consuming ThreadInventory, options: BatchOptions, process: @escaping Process,
        progress: (@Sendable (BatchProgress) -> Void)? = nil
    ) throws(BatchError) -> BatchOutcome {
        guard options.jobs >= 1, options.jobs <= 1024 else { throw .usage("--jobs \(options.jobs): want 1 to 1024") }
        let start = Date()
        var inventory = inventory
        let header = Journal.Header(
            archive: inventory.fingerprint, shard: options.shard, settings: options.settings)
        let journalPath = Journal.path(forResults: options.out)
        let writer: ResultsWriter
        var summary = BatchSummary(archive: header.archive, shard: options.shard)
        var done: Set<String> = []
        var droppedBytes = 0
        let fm = FileManager.default
        if options.resume && (fm.fileExists(atPath: options.out) || fm.fileExists(atPath: journalPath)) {
            guard fm.fileExists(atPath: journalPath) else {
                throw .resumeMismatch(
                    path: options.out,
                    reason: "no journal \(journalPath) beside it, so nothing says which lines are complete")
            }
            let journalBytes = try readAll(journalPath)
            let contents = try Journal.parse(journalBytes, path: journalPath)
            let (size, reader) = try resultsFile(options.out)
            defer { if let reader { close(reader) } }
            let recovery = try Journal.recover(
                contents, resultsSize: size, expected: header, journalPath: journalPath, resultsPath: options.out,
                byte: { offset in reader.flatMap { byte(of: $0, at: offset) } })
            writer = try ResultsWriter(
                resuming: options.out, recovery: recovery, header: header, policy: options.fsync)
            for e in recovery.entries {
                done.insert(e.thread)
                summary.add(e.counts)
            }
            droppedBytes = recovery.droppedResultBytes
        } else {
            if let s = options.summaryFile, fm.fileExists(atPath: s), !options.resume {
                throw .outputExists(path: s)
            }
            writer = try ResultsWriter(fresh: options.out, header: header, policy: options.fsync)
        }

        // The shard's threads, minus those already done; the rest are let go at once.
        let (work, total) = select(from: inventory.take(), shard: options.shard, done: done)
        let resumed = done.count
        let shardTotal = total
        let state = RunState(items: work, summary: summary)
        let workers = min(options.jobs, max(1, state.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let item = state.take() {
                    let result: ThreadResult
                    do throws(ThreadFailure) {
                        result = try check(process(item))
                    } catch {
                        result = ThreadResult(
                            line: JSONText.errorLine(key: item.key, failure: error),
                            counts: ThreadCounts(error: error.kind))
                    }
                    do throws(BatchError) {
                        try writer.append(key: item.key, line: result.line, counts: result.counts)
                    } catch {
                        state.fail(error)
                        return
                    }
                    let now = Date().timeIntervalSince(start)
                    if let report = state.finished(result.counts, now: now), let progress {
                        progress(BatchProgress(done: report, total: shardTotal, resumed: resumed, elapsed: now))
                    }
                }
            }
            thread.stackSize = workerStackBytes
            thread.start()
        }
        group.wait()
        if let failure = state.failure { throw failure }
        summary = state.summary
        progress?(
            BatchProgress(
                done: summary.threads, total: total, resumed: resumed, elapsed: Date().timeIntervalSince(start)))
        try writer.finish(summaryLine: summary.line)
        if let path = options.summaryFile { try writeSummary(summary, to: path) }
        return BatchOutcome(
            summary: summary, resumed: resumed, processed: summary.threads - resumed, droppedBytes: droppedBytes,
            seconds: Date().timeIntervalSince(start), fsyncs: writer.fsyncs, fsyncSeconds: writer.fsyncSeconds)
    }

    private static func select(from items: consuming [ThreadItem], shard: ShardSpec?, done: Set<String>)
        -> (work: [ThreadItem], total: Int)
    {
        var total = 0
        var work: [ThreadItem] = []
        for item in items where shard?.contains(key: item.key) ?? true {
            total += 1
            if !done.contains(item.key) { work.append(item) }
        }
        return (work, total)
    }

    /// A line must be one line: a newline inside would split it in two for every reader.
    private static func check(_ result: ThreadResult) throws(ThreadFailure) -> ThreadResult {
        if result.line.isEmpty {
            throw ThreadFailure(kind: "batch.empty-line", message: "the thread's processing gave an empty line")
        }
        if result.line.contains(0x0A) || result.line.contains(0x0D) {
            throw ThreadFailure(kind: "batch.line-break", message: "the thread's line holds a line break")
        }
        return result
    }

    /// `--summary FILE`: written whole to a temporary name, then renamed over FILE.
    static func writeSummary(_ summary: BatchSummary, to path: String) throws(BatchError) {
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        do {
            try ResultsWriter.writeAll(fd, summary.line + [0x0A], path: path)
        } catch {
            close(fd)
            throw error
        }
        fsync(fd)
        close(fd)
        guard rename(temp, path) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    static func readAll(_ path: String) throws(BatchError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot open")
        }
        return Array(data)
    }

    /// The results file's size and a descriptor to read single bytes (nil when it does not exist).
    private static func resultsFile(_ path: String) throws(BatchError) -> (Int, Int32?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return (0, nil) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return (Int(st.st_size), fd)
    }

    private static func byte(of fd: Int32, at offset: Int) -> UInt8? {
        var b: UInt8 = 0
        return pread(fd, &b, 1, off_t(offset)) == 1 ? b : nil
    }
}

/// The work list and the running totals, shared by the workers.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ThreadItem?]
    private var next = 0
    private(set) var summary: BatchSummary
    private(set) var failure: BatchError?
    private var lastReport = -1.0

    init(items: consuming [ThreadItem], summary: BatchSummary) {
        self.items = items.map { $0 }
        self.summary = summary
    }

    var count: Int { items.count }

    /// The next thread, handed out once; its slot is cleared so its messages are freed when done.
    func take() -> ThreadItem? {
        lock.withLock {
            guard failure == nil, next < items.count else { return nil }
            defer {
                items[next] = nil
                next += 1
            }
            return items[next]
        }
    }

    func fail(_ error: BatchError) { lock.withLock { if failure == nil { failure = error } } }

    /// Adds a thread's counts; returns the lines done when a progress report is due (10 a second).
    func finished(_ counts: ThreadCounts, now: Double) -> Int? {
        lock.withLock {
            summary.add(counts)
            guard now - lastReport >= 0.1 else { return nil }
            lastReport = now
            return summary.threads
        }
    }
}
