import Dispatch
import Foundation

/// The benchmark's temp folder: everything it writes goes inside, and the whole folder goes when
/// the run ends, also when it is interrupted (SIGINT, SIGTERM, SIGHUP).
final class Workspace: @unchecked Sendable {
    static let terminationSignals = [SIGINT, SIGTERM, SIGHUP]

    let path: String
    private var signalSource: DispatchSourceRead?

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        let template = Array("\(base)/mmreview-bench.XXXXXX".utf8CString)
        var buffer = template
        guard let made = buffer.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a temp folder under \(base)")
        }
        path = String(cString: made)
        // The self-pipe trick: the handler only writes the signal number to a pipe; a dispatch
        // source reads it and does the cleanup outside signal context. A caught signal (unlike a
        // blocked or ignored one) is reset to its default in child processes, so the peers stay
        // stoppable.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("cannot create a pipe") }
        signalWriteFD = fds[1]
        let source = DispatchSource.makeReadSource(fileDescriptor: fds[0], queue: .global())
        source.setEventHandler { [path] in
            var sig: UInt8 = 0
            guard read(fds[0], &sig, 1) == 1 else { return }
            ChildProcess.terminateCurrent()
            try? FileManager.default.removeItem(atPath: path)
            FileHandle.standardError.write(Data("mmreview-bench: interrupted; removed \(path)\n".utf8))
            exit(128 + Int32(sig))
        }
        source.resume()
        signalSource = source
        for sig in Workspace.terminationSignals {
            var action = sigaction()
            #if canImport(Darwin)
                action.__sigaction_u.__sa_handler = forwardSignal
            #else
                action.__sigaction_handler.sa_handler = forwardSignal
            #endif
            action.sa_flags = SA_RESTART  // interrupted reads and writes resume; the source does the rest
            sigaction(sig, &action, nil)
        }
    }

    func file(_ name: String) -> String { path + "/" + name }

    func makeFolder(_ name: String) throws -> String {
        let folder = file(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        return folder
    }

    func remove(_ item: String) { try? FileManager.default.removeItem(atPath: item) }

    /// Bytes free on the temp folder's file system.
    var freeBytes: Int {
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: path)
        return (attributes?[.systemFreeSize] as? NSNumber)?.intValue ?? .max
    }

    func removeAll() {
        signalSource?.cancel()
        remove(path)
    }
}

/// Where the signal handler writes; set once, before the handler is installed.
nonisolated(unsafe) private var signalWriteFD: Int32 = -1

/// The signal handler: async-signal-safe, it only writes the signal number to the pipe.
private func forwardSignal(_ sig: Int32) {
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = write(signalWriteFD, &byte, 1)
}
