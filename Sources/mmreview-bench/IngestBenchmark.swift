import Conversation
import Mail

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times our ingestion on one file: read, split and decode (`MailReader`), thread (`Threader`),
/// extract (`ArchiveExtractor`: quote levels, diffs, comments). The whole is what
/// `ArchiveExtractor.extract(path:)` does; the stages are timed around the same public calls.
enum IngestBenchmark {
    /// Seconds per stage of one run.
    struct Stages: Encodable {
        /// The file into memory (page cache to heap).
        var fileRead: Double
        /// `MailReader.read(bytes:)`: mbox split, headers, MIME, transfer and charset decoding.
        var splitDecode: Double
        var thread: Double
        /// `ArchiveExtractor.extract(archive)` minus its own threading.
        var extract: Double
        var total: Double { fileRead + splitDecode + thread + extract }

        enum CodingKeys: String, CodingKey { case fileRead, splitDecode, thread, extract, total }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(fileRead, forKey: .fileRead)
            try c.encode(splitDecode, forKey: .splitDecode)
            try c.encode(thread, forKey: .thread)
            try c.encode(extract, forKey: .extract)
            try c.encode(total, forKey: .total)
        }
    }

    /// One run: wall seconds and, measured alongside, CPU seconds of all our threads.
    struct Run: Encodable {
        var wall: Stages
        var cpu: Stages
    }

    struct Result: Encodable {
        var runs: [Run]
        /// The run with the lowest total wall time.
        var best: Run
        var messages: Int
        var threads: Int
        var patches: Int
        var comments: Int
        var diagnostics: Int
    }

    static func run(path: String, runs: Int) throws -> Result {
        var all: [Run] = []
        var counts = (messages: 0, threads: 0, patches: 0, comments: 0, diagnostics: 0)
        for _ in 0..<runs {
            // Results are dropped outside the timed region: freeing millions of small objects is
            // not ingestion, and a command-line run would exit instead.
            let (run, c) = try once(path: path)
            all.append(run)
            counts = c
        }
        let best = all.min { $0.wall.total < $1.wall.total }!
        return Result(
            runs: all, best: best, messages: counts.messages, threads: counts.threads, patches: counts.patches,
            comments: counts.comments, diagnostics: counts.diagnostics)
    }

    private static func once(path: String) throws -> (
        Run, (messages: Int, threads: Int, patches: Int, comments: Int, diagnostics: Int)
    ) {
        let clock = ContinuousClock()
        var wall = [clock.now]
        var cpu = [CPUTime.ownSeconds]
        func mark() {
            wall.append(clock.now)
            cpu.append(CPUTime.ownSeconds)
        }
        // The input is dropped once read, as `MailReader.read(path:)` drops it (a mapped file
        // kept to the end would count its 220 MB in the peak).
        var input: InputBytes? = try readFile(path)
        mark()
        let archive = MailReader.read(input: input!, name: path)
        input = nil
        mark()
        let threads = Threader.threads(archive.messages)
        mark()
        // Threads again inside; that second threading is subtracted below.
        let extraction = ArchiveExtractor.extract(archive)
        mark()
        let w = zip(wall.dropFirst(), wall).map { seconds($0 - $1) }
        let c = zip(cpu.dropFirst(), cpu).map { $0 - $1 }
        let run = Run(
            wall: Stages(fileRead: w[0], splitDecode: w[1], thread: w[2], extract: max(0, w[3] - w[2])),
            cpu: Stages(fileRead: c[0], splitDecode: c[1], thread: c[2], extract: max(0, c[3] - c[2])))
        let counts = (
            messages: archive.messages.count, threads: threads.count,
            patches: extraction.threads.reduce(0) { $0 + $1.patches.count },
            comments: extraction.threads.reduce(0) { $0 + $1.comments.count },
            diagnostics: archive.allDiagnostics.count
        )
        return (run, counts)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The whole file, read as `MailReader.read(path:)` reads it (mapped, when it is large).
    private static func readFile(_ path: String) throws -> InputBytes {
        let input = try MailReader.input(path: path)
        guard !input.truncated else { throw BenchError("\(path) is larger than the input limit") }
        return input
    }
}
