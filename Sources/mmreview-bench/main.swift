import Foundation
import Mail

let usage = """
    usage: mmreview-bench ingest [--size-mb N] [--keep FILE | --input FILE] [--runs N] [--no-peers]
                                 [--seed N] [--json]

      ingest   generate a linux-mm-like mbox (default 220 MB, deterministic for a seed) in a temp
               folder, then time, on that file: mmreview (read, split, decode, thread, extract),
               git mailsplit, and Python's mailbox module (two ways); print a table and ratios.
               --keep FILE    write the mbox to FILE and leave it there
               --input FILE   time an existing mbox instead of generating one
               --runs N       best of N (default 3; slow peers run fewer times)
               --no-peers     time mmreview only (for profiling)
               --json         machine-readable output

           mmreview-bench apply [--lines N] [--every N] [--runs N] [--ours-only]
      apply    a generated 200,000-line file and a 5,000-hunk series: our applier (per-hunk
               report on) beside git apply and GNU patch, hunks/s and ratios

           mmreview-bench check
      check    paths and events per second: do_wp_page on its model base, and a synthetic
               function with 20 nested branches and a bounded loop

           mmreview-bench generate-archive --out DIR [--threads N] [--seed N] [--model-percent P]
                                           [--broken-percent P] [--flood-every N]
      generate-archive
               a linux-mm-like archive of N threads (default 20,000) for `mmreview batch`: monthly
               mbox files, P% series patching model functions (default 10), damaged messages
               (default 2%), a 1,001-message flood every N threads (default 5,000), the rest
               reviewed series against files outside the model; deterministic for a seed

    run it in release mode: swift run -c release mmreview-bench ingest
    """

func runMain() -> Int32 {
    let argv = Array(CommandLine.arguments.dropFirst())
    guard let command = argv.first, command != "--help", command != "-h" else {
        print(usage)
        return argv.isEmpty ? 2 : 0
    }
    if command == "check" {
        return CheckBenchmark.run(arguments: Array(argv.dropFirst()))
    }
    if command == "generate-archive" {
        return GenerateArchiveCommand.run(arguments: Array(argv.dropFirst()))
    }
    if command == "apply" {
        return ApplyBenchmark.run(arguments: Array(argv.dropFirst()))
    }
    guard command == "ingest" else {
        FileHandle.standardError.write(Data("mmreview-bench: unknown command \(command)\n\(usage)\n".utf8))
        return 2
    }
    do {
        print(try IngestCommand(Array(argv.dropFirst())).run())
        return 0
    } catch {
        FileHandle.standardError.write(Data("mmreview-bench: \(error)\n".utf8))
        return 1
    }
}

// Large inputs are mapped, not copied: a file cut short meanwhile is an error, not a core dump.
InputBytes.reportShrunkFiles()
// Freed memory is kept for reuse rather than returned to the system and faulted in again.
HeapRetention.keepFreedMemory()
exit(runMain())
