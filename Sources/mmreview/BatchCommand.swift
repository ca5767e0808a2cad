import Batch
import Checker
import Foundation
import Mail
import Model
import Report

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mmreview batch INPUT... --out results.jsonl [--jobs N] [--resume] [--shard K/N] [--summary FILE]`
enum BatchCommand {
    static let valued: Set<String> = [
        "--out", "--jobs", "--shard", "--summary", "--base", "--model", "--max-paths", "--time-limit",
        "--input-format", "--fsync",
    ]
    static let flags: Set<String> = ["--resume", "--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        guard !args.positional.isEmpty else {
            throw UsageError("batch takes one or more inputs (files or folders) and --out FILE")
        }
        guard let out = args.options["--out"], !out.isEmpty else { throw UsageError("batch needs --out FILE") }
        let resume = args.flags.contains("--resume")
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let j = args.options["--jobs"] {
            guard let n = Int(j), n >= 1, n <= 1024 else {
                throw UsageError("--jobs \(j): want a number from 1 to 1024")
            }
            jobs = n
        }
        let shard: ShardSpec?
        let fsync: FsyncPolicy
        do throws(BatchError) {
            shard = try args.options["--shard"].map(ShardSpec.parse)
            fsync = try args.options["--fsync"].map(FsyncPolicy.parse) ?? .default
        } catch {
            throw UsageError(error.description)
        }
        let inputFormat = try InputFormatOption.parse(args.options["--input-format"])
        let limits = try CommandInputs.limits(args)
        // Output problems are found before the (long) reading of the inputs.
        let journal = Journal.path(forResults: out)
        if !resume {
            for path in [out, journal] + [args.options["--summary"]].compactMap({ $0 })
            where FileManager.default.fileExists(atPath: path) {
                throw UsageError(BatchError.outputExists(path: path).description)
            }
        }
        for path in [out, args.options["--summary"]].compactMap({ $0 }) {
            if let problem = unwritableFolder(of: path) { throw UsageError("\(path): cannot write: \(problem)") }
        }
        for input in args.positional where input != "-" && !FileManager.default.fileExists(atPath: input) {
            throw UsageError("\(input): no such file or folder")
        }
        guard let catalog = try CommandInputs.catalog(args) else { return 2 }

        let inventory: ThreadInventory
        do { inventory = try ThreadSource.read(inputs: args.positional, format: inputFormat) } catch {
            Output.error(error.description)
            return 2
        }
        let processor = BatchThreadProcessor(
            catalog: catalog, options: ReportOptions(forcedBase: args.options["--base"], limits: limits))
        var settings = ["line": BatchThreadProcessor.schema, "input-format": inputFormat.rawValue]
        settings["base"] = args.options["--base"]
        settings["model"] = args.options["--model"]
        settings["max-paths"] = String(limits.maxPaths)
        settings["time-limit"] = String(limits.seconds)
        let options = BatchOptions(
            out: out, summaryFile: args.options["--summary"], jobs: jobs, shard: shard, resume: resume, fsync: fsync,
            settings: settings)
        let bar = isatty(2) == 1 ? ProgressBar(width: 30) : nil
        var progress: (@Sendable (BatchProgress) -> Void)?
        if let bar {
            progress = { p in Output.progress(bar.render(done: p.done, total: p.total, rate: p.rate)) }
        }
        let process: BatchRunner.Process = { item throws(ThreadFailure) in try processor.process(item) }
        let outcome: BatchOutcome
        do throws(BatchError) {
            outcome = try BatchRunner.run(consume inventory, options: options, process: process, progress: progress)
        } catch {
            if bar != nil { Output.progress(nil) }
            Output.error(error.description)
            return 2
        }
        if bar != nil { Output.progress(nil) }
        let s = outcome.summary
        Output.print(s.text, terminator: "")
        var how = "\(out): \(s.threads) lines"
        if outcome.resumed > 0 { how += " (\(outcome.resumed) from the earlier run, \(outcome.processed) now)" }
        let rate = outcome.seconds > 0 ? Double(outcome.processed) / outcome.seconds : 0
        how += String(format: " in %.1f s, %.1f threads/s with %d jobs", outcome.seconds, rate, jobs)
        Output.print(how)
        return s.threadErrors > 0 ? 1 : 0
    }

    /// Why a file cannot be created at `path` (its folder is missing or not writable), or nil.
    static func unwritableFolder(of path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            return "no folder \(dir)"
        }
        return access(dir, W_OK) == 0 ? nil : "folder \(dir) is not writable"
    }
}
