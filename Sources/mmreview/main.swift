import Mail

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    usage: mmreview <command> [options] INPUT

    commands:
      extract INPUT     messages, quote levels, patches and anchored review comments
                        --format text|json   (default text)
                        --input-format auto|mbox|maildir|eml|patch|render

      apply INPUT       apply each patch version to the simulated memory.c model (or --tree PATH)
                        --base NAME, --tree PATH, --format text|json; exit 1 if a hunk failed
      compare INPUT [INPUT2] [--from vN] [--to vM] [--no-check]
                        interdiff per file and function between versions, whether each
                        review comment on the older version was addressed, and the checker's
                        findings fixed, introduced or still there; exit 1 if the newer
                        version still violates an invariant
      check INPUT       run the patched functions (and the base's) on every path over an abstract
                        mm state; each invariant holds, is violated (with a counterexample),
                        info, or unknown (with why); exit 1 on a violation in a patched version
      report INPUT      the review: thread, each version's diff with the comments and findings
                        under their lines, where reviewers and checker meet, a verdict each
                        --format text|md|json|html|reply (default text; reply: a mail to send)
                        --out FILE [--force], --base NAME, --tree PATH, --model DIR,
                        --max-paths N, --time-limit S, --color auto|always|never (text; colour
                        only on a terminal, never with NO_COLOR), --from ADDRESS (reply)
      batch INPUT... --out FILE [--jobs N] [--resume] [--shard K/N] [--summary FILE]
                        one JSON line per thread of archives (folders of mbox, .mbox.gz, maildir,
                        renders; a big mbox is split into threads), then a summary line; crash-safe
                        (journal beside FILE, --resume after a kill), --fsync always|interval|never,
                        --base/--model/--max-paths/--time-limit as for check; exit 1 if some thread
                        ended in an error line (docs/batch.md)
      merge OUT SHARD_RESULTS... [--summary FILE]
                        the results of all shards of one archive as one results file
      model list        the bundled bases of the simulated memory.c model (corpus/model)
      model show FUNCTION [--base NAME]
                        a model function's source, with what it models

    INPUT is a file (mbox, .mbox.gz, .eml, patch, archive render), a folder, or - for stdin.
    exit codes, the same for every command: 0 nothing found, 1 findings (a violation in a patched
      version, a hunk that failed; the base's violations are context; compare: the newer version
      still violates), 2 bad usage, unreadable or empty input, or a bad --out;
      batch and merge: 0 every thread processed, 1 some threads ended in an error line, 2 bad usage
    """

func runMain() -> Int32 {
    let argv = Array(CommandLine.arguments.dropFirst())
    if argv.isEmpty || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help" {
        Output.print(usage)
        return argv.isEmpty ? 2 : 0
    }
    do {
        guard let command = Commands.byName[argv[0]] else { throw UsageError("unknown command \(argv[0])") }
        let args = try Arguments(argv, valued: command.valued, flagNames: command.flags)
        if args.flags.contains("--help") || args.flags.contains("-h") {
            Output.print(usage)
            return 0
        }
        return try command.run(args)
    } catch {
        // One line: scripts and people read the first line of an error.
        Output.error("\(error) (try 'mmreview --help')")
        return 2
    }
}

// Large inputs are mapped, not copied: a file cut short meanwhile is an error, not a core dump.
InputBytes.reportShrunkFiles()
// Freed memory is kept for reuse rather than returned to the system and faulted in again.
HeapRetention.keepFreedMemory()
exit(runMain())
