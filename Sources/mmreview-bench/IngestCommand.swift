import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ingest`: make (or take) a big mbox, time our pipeline and the peers on it, report.
struct IngestCommand {
    var sizeMB = 220
    var keep: String?
    var input: String?
    var json = false
    var runs = 3
    var peers = true
    var seed: UInt64 = MboxGenerator().seed

    /// Peers stop repeating once this much time went into one of them (slow ones run once).
    static let peerBudgetSeconds = 60.0

    init(_ args: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--size-mb":
                guard let n = Int(try value()), (1...8192).contains(n) else {
                    throw BenchError("--size-mb takes a number of megabytes from 1 to 8192")
                }
                sizeMB = n
            case "--keep": keep = try value()
            case "--input": input = try value()
            case "--json": json = true
            case "--runs":
                guard let n = Int(try value()), (1...20).contains(n) else { throw BenchError("--runs takes 1 to 20") }
                runs = n
            case "--no-peers": peers = false
            case "--seed":
                guard let n = UInt64(try value()) else { throw BenchError("--seed takes an unsigned integer") }
                seed = n
            default: throw BenchError("unknown option \(args[i])")
            }
            i += 1
        }
        if keep != nil && input != nil { throw BenchError("--keep and --input exclude each other") }
    }

    func run() throws -> String {
        let workspace = try Workspace()
        defer { workspace.removeAll() }
        let clock = ContinuousClock()

        var generated: MboxGenerator.Summary?
        var generationSeconds: Double?
        let file: String
        if let input {
            file = input
        } else {
            file = keep ?? workspace.file("bench.mbox")
            let target = sizeMB * 1_000_000
            // The mbox, and mailsplit's copy of it one message a file.
            if workspace.freeBytes < target * 5 / 2 {
                throw BenchError("not enough free space in \(workspace.path) for a \(sizeMB) MB benchmark")
            }
            progress("generating a \(sizeMB) MB mbox at \(file)")
            let start = clock.now
            generated = try MboxGenerator(seed: seed).write(to: file, targetBytes: target)
            generationSeconds = IngestBenchmark.seconds(clock.now - start)
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0

        let loadBefore = CPUTime.loadAverage
        progress("timing mmreview, best of \(runs)")
        let ours = try IngestBenchmark.run(path: file, runs: runs)
        let rss = peakRSSMiB()
        var timings: [PeerTools.Timing] = []
        if peers {
            // Generous: Python's email parser manages a few MB/s on slow machines.
            let timeout = max(300, Double(bytes) / 1e6 * 3)
            for peer in PeerTools.all {
                progress("timing \(peer.name)")
                timings.append(
                    PeerTools.time(
                        peer, file: file, workspace: workspace, runs: runs, slowAfter: IngestCommand.peerBudgetSeconds,
                        timeout: timeout))
            }
        }
        let report = IngestReport(
            machine: .current(), scanner: ScannerProbe.isPlaceholder ? "placeholder (finds no patches)" : "real",
            file: keep ?? input ?? "(temporary, removed)", bytes: bytes, generated: generated,
            generationSeconds: generationSeconds, ours: ours, peakRSSMiB: rss, peers: timings,
            loadBefore: loadBefore, loadAfter: CPUTime.loadAverage)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        }
        return report.text
    }

    private func progress(_ s: String) {
        FileHandle.standardError.write(Data("mmreview-bench: \(s)\n".utf8))
    }

    /// Peak resident memory of this process so far (generator and our pipeline; not the peers).
    private func peakRSSMiB() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss) >> 20
        #else
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) >> 10
        #endif
    }
}
