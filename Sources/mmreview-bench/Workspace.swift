import Dispatch
import Foundation

/// The benchmark's temp folder: everything it writes goes inside, and the whole folder goes when
/// the run ends, also when it is interrupted (SIGINT, SIGTERM, SIGHUP).
final class Workspace: @unchecked Sendable {
    let path: String
    private var signalSources: [DispatchSourceSignal] = []

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        let template = Array("\(base)/mmreview-bench.XXXXXX".utf8CString)
        var buffer = template
        guard let made = buffer.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a temp folder under \(base)")
        }
        path = String(cString: made)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [path] in
                ChildProcess.terminateCurrent()
                try? FileManager.default.removeItem(atPath: path)
                FileHandle.standardError.write(Data("mmreview-bench: interrupted; removed \(path)\n".utf8))
                exit(128 + sig)
            }
            source.resume()
            signalSources.append(source)
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
        for s in signalSources { s.cancel() }
        remove(path)
    }
}
