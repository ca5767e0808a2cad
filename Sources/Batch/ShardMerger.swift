import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mmreview merge`: the results of the N shards of one archive made into one results file, as if
/// one batch had run over it all. Each shard's output must be finished (end in its summary line),
/// hold as many lines as its summary says, and come from the same archive; together the shards
/// must be 1/N ... N/N, each once. Lines are copied byte for byte, shard 1's first, and a summary
/// of the whole follows: the same bytes a single run's summary has.
public enum ShardMerger {
    public struct Outcome: Sendable {
        public var summary: BatchSummary
        public var shards: [ShardSpec]
    }

    /// A finished shard output: its summary and where its lines end.
    struct ShardFile {
        var path: String
        var summary: BatchSummary
        /// Bytes before the summary line (the thread lines).
        var linesBytes: Int
    }

    public static func merge(inputs: [String], out: String, summaryFile: String? = nil) throws(BatchError) -> Outcome {
        guard !inputs.isEmpty else { throw .usage("merge needs the shard outputs to combine") }
        guard !FileManager.default.fileExists(atPath: out) else { throw .outputExists(path: out) }
        if inputs.contains(out) { throw .usage("\(out) is both an input and the output") }
        let files = try inputs.map { (path) throws(BatchError) in try read(path) }
        let (order, summary) = try plan(files.map { ($0.path, $0.summary) })
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw .outputExists(path: out) }
            throw .unwritable(path: out, reason: String(cString: strerror(errno)))
        }
        do throws(BatchError) {
            for i in order { try copy(files[i], to: fd, out: out) }
            try ResultsWriter.writeAll(fd, summary.line + [0x0A], path: out)
            guard fsync(fd) == 0 else {
                throw BatchError.unwritable(path: out, reason: String(cString: strerror(errno)))
            }
            close(fd)
        } catch {
            close(fd)
            unlink(out)
            throw error
        }
        if let summaryFile { try BatchRunner.writeSummary(summary, to: summaryFile) }
        return Outcome(summary: summary, shards: order.compactMap { files[$0].summary.shard })
    }

    /// Checks that the summaries are the shards of one archive, each once, all of them; returns
    /// the order to copy them in (by shard index) and the whole archive's summary.
    static func plan(_ shards: [(path: String, summary: BatchSummary)]) throws(BatchError) -> ([Int], BatchSummary) {
        let first = shards[0]
        var total = BatchSummary(archive: first.summary.archive, shard: nil)
        var byIndex: [Int: Int] = [:]
        for (i, s) in shards.enumerated() {
            guard s.summary.archive == first.summary.archive else {
                throw .mergeMismatch(
                    path: s.path,
                    reason: "its archive (\(s.summary.archive)) is not \(first.path)'s (\(first.summary.archive))")
            }
            guard let shard = s.summary.shard else {
                guard shards.count == 1 else {
                    throw .mergeMismatch(path: s.path, reason: "it covers the whole archive, not a shard")
                }
                total.absorb(s.summary)
                return ([0], total)
            }
            guard shard.count == first.summary.shard?.count else {
                throw .mergeMismatch(
                    path: s.path,
                    reason: "it is shard \(shard), but \(first.path) is \(first.summary.shard?.description ?? "whole")")
            }
            if let other = byIndex[shard.index] {
                throw .mergeMismatch(path: s.path, reason: "shard \(shard) is given twice (also \(shards[other].path))")
            }
            byIndex[shard.index] = i
            total.absorb(s.summary)
        }
        let n = first.summary.shard?.count ?? 1
        let missing = (1...n).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map { "\($0)/\(n)" }.joined(separator: ", ")
            throw .mergeMismatch(
                path: first.path,
                reason: "missing shard\(missing.count == 1 ? "" : "s") \(list)\(missing.count > 10 ? "..." : "")")
        }
        guard total.threads == first.summary.archive.threads else {
            throw .mergeMismatch(
                path: first.path,
                reason: "the shards hold \(total.threads) threads, the archive \(first.summary.archive.threads)")
        }
        return ((1...n).map { byIndex[$0]! }, total)
    }

    /// Finds a shard output's summary line (its last line) and counts the lines before it.
    static func read(_ path: String) throws(BatchError) -> ShardFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        let unfinished = "it does not end in a batch summary line: the run did not finish (run it again with --resume)"
        guard size > 0 else { throw .mergeMismatch(path: path, reason: "it is empty") }
        // The summary is the last line: read back from the end to the newline before it.
        let tailSize = min(size, Journal.maxLineBytes)
        var tail = [UInt8](repeating: 0, count: tailSize)
        guard pread(fd, &tail, tailSize, off_t(size - tailSize)) == tailSize else {
            throw .unreadable(path: path, reason: "short read")
        }
        guard tail.last == 0x0A else { throw .mergeMismatch(path: path, reason: unfinished) }
        let body = tail.dropLast()
        let lineStart = (body.lastIndex(of: 0x0A).map { $0 + 1 }) ?? (tailSize == size ? 0 : -1)
        guard lineStart >= 0, let summary = BatchSummary.parse(tail[lineStart..<body.endIndex]) else {
            throw .mergeMismatch(path: path, reason: unfinished)
        }
        let linesBytes = size - tailSize + lineStart
        // The thread lines must be exactly as many as the summary says.
        var lines = 0
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < linesBytes {
            let want = min(buf.count, linesBytes - offset)
            let n = pread(fd, &buf, want, off_t(offset))
            guard n > 0 else { throw .unreadable(path: path, reason: "short read") }
            for k in 0..<n where buf[k] == 0x0A { lines += 1 }
            offset += n
        }
        guard lines == summary.threads else {
            throw .mergeMismatch(
                path: path, reason: "it holds \(lines) lines before its summary, which counts \(summary.threads)")
        }
        return ShardFile(path: path, summary: summary, linesBytes: linesBytes)
    }

    private static func copy(_ file: ShardFile, to out: Int32, out outPath: String) throws(BatchError) {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: file.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < file.linesBytes {
            let want = min(buf.count, file.linesBytes - offset)
            let n = pread(fd, &buf, want, off_t(offset))
            guard n > 0 else { throw .unreadable(path: file.path, reason: "short read") }
            try ResultsWriter.writeAll(out, Array(buf[0..<n]), path: outPath)
            offset += n
        }
    }
}
