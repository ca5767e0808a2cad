#if canImport(Glibc)
    import Glibc
#endif

/// How the process's allocator gives memory back, for executables (a library should not set a
/// process-wide policy).
public enum HeapRetention {
    /// Asks glibc's malloc to keep freed memory at the top of its heaps instead of handing it
    /// back to the system as soon as 128 KB are free (`M_TRIM_THRESHOLD`), and to grow them
    /// 64 MB at a time (`M_TOP_PAD`). Ingestion frees and reallocates a message's worth of
    /// memory thousands of times a second per thread: shrinking and growing the heaps again took
    /// ~36,000 mprotect and brk calls a 220 MB run, and 3-4% of its time on a quiet machine
    /// (docs/PERFORMANCE.md, run O). The peak is unchanged; memory a long `batch` run has freed
    /// stays with the process until it exits.
    ///
    /// `mallopt` is not exported to Swift, so it is looked up by name; without glibc this does
    /// nothing. Returns whether glibc took both settings.
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            // From glibc's <malloc.h>: M_TRIM_THRESHOLD is -1, M_TOP_PAD is -2; 1 means taken.
            return mallopt(-1, 1 << 30) == 1 && mallopt(-2, 64 << 20) == 1
        #else
            return false
        #endif
    }
}
