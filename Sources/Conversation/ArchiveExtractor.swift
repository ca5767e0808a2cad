import Dispatch
import Foundation
import Mail

/// The threads of an input (a file, a folder, an archive), each extracted.
public struct ArchiveExtraction: Sendable {
    public var threads: [ThreadExtraction]
    /// What the reader reported about the input as a whole (per-message notes are in the threads).
    public var diagnostics: [Diagnostic]
    public init(threads: [ThreadExtraction], diagnostics: [Diagnostic]) {
        self.threads = threads
        self.diagnostics = diagnostics
    }
}

public enum ArchiveExtractor {
    /// Reads `path` (file, folder, `-` for stdin), groups its messages into threads and extracts
    /// each. Throws only when the input cannot be read at all.
    public static func extract(
        path: String, format: InputFormat = .auto, options: ThreadExtractor.Options = .init()
    ) throws(MailError) -> ArchiveExtraction {
        let archive = try MailReader.read(path: path, format: format)
        return extract(archive, options: options)
    }

    /// Threads are independent: they are extracted in parallel on all cores.
    public static func extract(_ archive: MailArchive, options: ThreadExtractor.Options = .init())
        -> ArchiveExtraction
    {
        let threads = Threader.threads(archive.messages)
        let results = ResultSlots<ThreadExtraction>(count: threads.count)
        DispatchQueue.concurrentPerform(iterations: threads.count) { i in
            let t = threads[i]
            results.slots[i] = ThreadExtractor.extract(
                messages: t.messages, parents: t.positions.map(\.parentIndex),
                subject: t.subject, missing: t.placeholders, options: options)
        }
        return ArchiveExtraction(threads: results.collect(), diagnostics: archive.diagnostics)
    }
}
