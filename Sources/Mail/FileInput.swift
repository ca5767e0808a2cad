import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole files (or stdin), at most `limit` bytes: large regular files mapped, the rest read into
/// memory with plain POSIX calls.
enum FileInput {
    struct Read {
        var bytes: [UInt8]
        /// The file has more than `limit` bytes; only the first `limit` were read.
        var truncated: Bool
    }

    /// The bytes of `path` (or `-` for stdin): a regular file of at least `mapMinimum` bytes is
    /// mapped (`InputBytes.map`), anything else read.
    static func bytes(path: String, limit: Int, mapMinimum: Int = mapMinimum) throws(MailError) -> InputBytes {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        // The size of a regular file (stdin may be one too), 0 for anything else: one fstat
        // decides both the mapping and the read.
        var st = stat()
        let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        if fd != STDIN_FILENO, size >= mapMinimum,
            let mapped = InputBytes.map(fd: fd, size: size, limit: limit)
        {
            return mapped
        }
        let read = try read(fd: fd, path: path, size: size, limit: limit)
        return InputBytes(bytes: read.bytes, truncated: read.truncated)
    }

    /// Files this large are mapped rather than read: below it the mapping's system calls cost
    /// more than the copy they save.
    static let mapMinimum = 1 << 20

    /// `size`: the regular file's size when the read began, 0 for a stream.
    private static func read(fd: Int32, path: String, size expected: Int, limit: Int) throws(MailError) -> Read {
        if expected > 0 && expected <= limit {
            // A regular file of known size: read straight into the array, no staging copy. Large
            // files in parallel pieces: most of a read's time is faulting in fresh pages, and
            // each core can fault its own piece.
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let pieces = expected >= parallelReadMinimum ? max(1, min(4, cores)) : 1
            let pieceSize = (expected + pieces - 1) / pieces
            // Per piece: the bytes it read and the errno it stopped on (0 for none).
            let results = ResultSlots<(done: Int, failure: Int32)>(count: pieces)
            let size = expected
            var bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
                // Each piece writes only its own range of the buffer.
                nonisolated(unsafe) let base = UnsafeMutableRawPointer(buf.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: pieces) { p in
                    let start = p * pieceSize
                    let end = min(size, start + pieceSize)
                    var done = 0
                    var failure: Int32 = 0
                    while start + done < end {
                        let n = pread(fd, base + start + done, end - start - done, off_t(start + done))
                        if n < 0 && errno == EINTR { continue }
                        if n < 0 { failure = errno }
                        if n <= 0 { break }
                        done += n
                    }
                    results.slots[p] = (done, failure)
                }
                // The valid prefix: up to the first piece that came up short (the file shrank).
                count = 0
                for (p, piece) in results.collect().enumerated() {
                    count += piece.done
                    if piece.done < min(size, (p + 1) * pieceSize) - p * pieceSize { break }
                }
            }
            if let failure = results.collect().lazy.map(\.failure).first(where: { $0 != 0 }) {
                throw .unreadable(path: path, reason: String(cString: strerror(failure)))
            }
            // The file may have grown since fstat: read what follows like a stream (pread left
            // the offset alone).
            guard lseek(fd, off_t(bytes.count), SEEK_SET) >= 0 else {
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            let rest = try readStream(fd, path: path, limit: limit - bytes.count)
            bytes.append(contentsOf: rest.bytes)
            return Read(bytes: bytes, truncated: rest.truncated)
        }
        return try readStream(fd, path: path, limit: limit)
    }

    /// Files this large are read in parallel pieces.
    static let parallelReadMinimum = 32 << 20

    private static func readStream(_ fd: Int32, path: String, limit: Int) throws(MailError) -> Read {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let truncated = bytes.count > limit
        if truncated { bytes.removeLast(bytes.count - limit) }
        return Read(bytes: bytes, truncated: truncated)
    }

    enum Kind { case file, directory, other }

    static func kind(of path: String) throws(MailError) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }
}

/// libc `read`, reachable from inside `FileInput`, whose own `read` would shadow it.
@inline(__always)
private func posixRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buf, count)
}
