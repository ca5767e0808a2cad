import Batch
import Foundation

/// `mmreview merge OUT SHARD_RESULTS...` (or `--out OUT SHARD_RESULTS...`) `[--summary FILE]`
enum MergeCommand {
    static let valued: Set<String> = ["--out", "--summary"]
    static let flags: Set<String> = ["--help", "-h"]

    static func run(_ args: Arguments) throws(UsageError) -> Int32 {
        var inputs = args.positional
        let out: String
        if let o = args.options["--out"] {
            out = o
        } else {
            guard inputs.count >= 2 else {
                throw UsageError("merge takes OUT and the shard results to combine (or --out OUT)")
            }
            out = inputs.removeFirst()
        }
        guard !inputs.isEmpty else { throw UsageError("merge needs the shard results to combine") }
        if FileManager.default.fileExists(atPath: out) {
            throw UsageError(BatchError.outputExists(path: out).description)
        }
        if let problem = BatchCommand.unwritableFolder(of: out) { throw UsageError("\(out): cannot write: \(problem)") }
        let outcome: ShardMerger.Outcome
        do {
            outcome = try ShardMerger.merge(inputs: inputs, out: out, summaryFile: args.options["--summary"])
        } catch {
            Output.error(error.description)
            return 2
        }
        Output.print(outcome.summary.text, terminator: "")
        let shards =
            outcome.shards.isEmpty
            ? "the whole archive" : "shards " + outcome.shards.map(\.description).joined(separator: ", ")
        Output.print("\(out): \(outcome.summary.threads) lines from \(shards)")
        return outcome.summary.threadErrors > 0 ? 1 : 0
    }
}
