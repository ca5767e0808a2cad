import Dispatch
import Foundation

/// Runs a program (found on PATH) with a time limit and times it by the wall clock. The child
/// currently running is remembered so an interrupted benchmark can stop it before it exits.
enum ChildProcess {
    struct Outcome {
        var seconds: Double
        var stdout: String
        var error: String?
    }

    private static let current = Locked<Process?>(nil)

    static func run(_ program: String, _ arguments: [String], timeout: Double) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        do { try process.run() } catch {
            return Outcome(seconds: 0, stdout: "", error: "cannot start \(program): \(error)")
        }
        current.withLock { $0 = process }
        let timedOut = Locked(false)
        let watchdog = DispatchWorkItem {
            timedOut.withLock { $0 = true }
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Both pipes are drained while the child runs, so a chatty child cannot block on a full pipe.
        let errorText = Locked(Data())
        let errReader = DispatchWorkItem { errorText.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        DispatchQueue.global().async(execute: errReader)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = IngestBenchmark.seconds(clock.now - start)
        watchdog.cancel()
        errReader.wait()
        current.withLock { $0 = nil }
        let stdout = String(decoding: output, as: UTF8.self)
        if timedOut.withLock({ $0 }) {
            return Outcome(seconds: seconds, stdout: stdout, error: "timed out after \(Int(timeout)) s")
        }
        if process.terminationStatus != 0 {
            let stderr = String(decoding: errorText.withLock { $0 }.prefix(500), as: UTF8.self)
            return Outcome(
                seconds: seconds, stdout: stdout,
                error: "\(program) exited with \(process.terminationStatus): \(stderr)")
        }
        return Outcome(seconds: seconds, stdout: stdout)
    }

    /// Stops the running child, if any, and waits up to two seconds for it to go, so it no
    /// longer writes into the folder about to be removed (called on interruption).
    static func terminateCurrent() {
        guard let process = current.withLock({ $0 }) else { return }
        process.terminate()
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }
}
