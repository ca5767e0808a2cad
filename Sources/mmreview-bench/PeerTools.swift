import Dispatch
import Foundation

/// The tools we compare against, run as child processes on the same file: `git mailsplit` (C,
/// splits and writes each message to a file) and Python's `mailbox` (splits and, in the heavy
/// variant, parses every message into an `email.message.Message`).
enum PeerTools {
    struct Peer: Sendable {
        var name: String
        var note: String
        var executable: String
        var arguments: @Sendable (_ file: String, _ scratch: String) -> [String]
    }

    struct Timing: Encodable {
        var name: String
        var note: String
        var runs: [Double]
        /// CPU seconds (user + system) of each run.
        var cpuRuns: [Double] = []
        var best: Double?
        /// The message count the tool printed.
        var messages: Int?
        var error: String?
    }

    static let pythonFull = """
        import mailbox, sys
        n = 0
        for m in mailbox.mbox(sys.argv[1]):
            n += 1
        print(n)
        """

    static let pythonBytes = """
        import mailbox, sys
        mbox = mailbox.mbox(sys.argv[1])
        n = 0
        for k in mbox.iterkeys():
            mbox.get_bytes(k)
            n += 1
        print(n)
        """

    static let all: [Peer] = [
        Peer(
            name: "git mailsplit", note: "C; writes every message to its own file",
            executable: "git", arguments: { file, scratch in ["mailsplit", "-o" + scratch, file] }),
        Peer(
            name: "python mailbox (Message)", note: "iterates email.message.Message objects",
            executable: "python3", arguments: { file, _ in ["-c", pythonFull, file] }),
        Peer(
            name: "python mailbox (get_bytes)", note: "iterkeys + get_bytes: split only, no parsing",
            executable: "python3", arguments: { file, _ in ["-c", pythonBytes, file] }),
    ]

    /// Up to `runs` runs, fewer when a tool is slow: a further run is started only while the
    /// time spent on this peer stays under `slowAfter` seconds. Each run gets a fresh, empty
    /// scratch folder (mailsplit's output), removed after the run and outside the timing.
    static func time(
        _ peer: Peer, file: String, workspace: Workspace, runs: Int, slowAfter: Double, timeout: Double
    ) -> Timing {
        var timing = Timing(name: peer.name, note: peer.note, runs: [])
        var spent = 0.0
        for i in 0..<runs where i == 0 || spent + (timing.runs.min() ?? 0) < slowAfter {
            let scratch: String
            do { scratch = try workspace.makeFolder("\(peer.executable)-\(i)") } catch {
                timing.error = "\(error)"
                break
            }
            defer { workspace.remove(scratch) }
            let cpuBefore = CPUTime.childrenSeconds
            let outcome = ChildProcess.run(peer.executable, peer.arguments(file, scratch), timeout: timeout)
            spent += outcome.seconds
            if let error = outcome.error {
                timing.error = error
                break
            }
            timing.runs.append(outcome.seconds)
            timing.cpuRuns.append(CPUTime.childrenSeconds - cpuBefore)
            timing.messages = Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        timing.best = timing.runs.min()
        return timing
    }
}
