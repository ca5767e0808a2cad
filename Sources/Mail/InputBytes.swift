#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one input file, as `MailReader.read(path:)` reads them: a large regular file is
/// mapped read-only from the page cache (no copy, no fresh pages to fault in), anything else
/// (small files, stdin, pipes, or a mapping the system refuses) is read into memory.
///
/// A mapped file must not shrink while it is read: touching a page past its new end raises
/// SIGBUS (as for git's or ripgrep's mapped reads). The `mmreview` commands turn that signal into
/// an error message and exit status 2 (`InputBytes.reportShrunkFiles()`).
public final class InputBytes: @unchecked Sendable {
    private enum Storage {
        case mapped(UnsafeRawPointer, mappedLength: Int)
        case array([UInt8])
    }
    private let storage: Storage
    /// Bytes visible to readers (a mapping may cover less than the file when `truncated`).
    public let count: Int
    /// The file has more than the input limit; only the first `limit` bytes are here.
    public let truncated: Bool

    /// Whether the bytes are a mapping of the file rather than a copy read into memory.
    public var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    init(bytes: [UInt8], truncated: Bool) {
        storage = .array(bytes)
        count = bytes.count
        self.truncated = truncated
    }

    private init(mapping: UnsafeRawPointer, length: Int, truncated: Bool) {
        storage = .mapped(mapping, mappedLength: length)
        count = length
        self.truncated = truncated
    }

    /// Maps the first `limit` bytes of the open regular file `fd` of `size` bytes; nil when the
    /// system refuses (the caller reads instead). The mapping is private and read-only; on Linux
    /// its page table is filled up front (`MAP_POPULATE`), one pass instead of a fault per page.
    static func map(fd: Int32, size: Int, limit: Int) -> InputBytes? {
        let length = min(size, limit)
        guard length > 0 else { return nil }
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, length, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        return InputBytes(mapping: UnsafeRawPointer(p), length: length, truncated: size > limit)
    }

    /// Calls `body` with the bytes; the pointer is valid only inside `body`.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .array(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .mapped(let p, let length):
            return try body(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    /// The bytes as an array (a copy when mapped).
    public var array: [UInt8] {
        switch storage {
        case .array(let bytes): return bytes
        case .mapped: return withUnsafeBufferPointer { Array($0) }
        }
    }

    deinit {
        if case .mapped(let p, let length) = storage {
            munmap(UnsafeMutableRawPointer(mutating: p), length)
        }
    }

    /// Installs a SIGBUS handler that says a mapped input shrank while it was read, and exits
    /// with status 2 (unreadable input), instead of the default core dump. For executables: a
    /// library should not take over a process's signals.
    public static func reportShrunkFiles() {
        #if os(Linux) || os(macOS)
            signal(SIGBUS) { _ in
                let text: StaticString =
                    "mmreview: error: an input file shrank while it was being read (SIGBUS); read it again once it is no longer being rewritten\n"
                _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
                _exit(2)
            }
        #endif
    }
}
