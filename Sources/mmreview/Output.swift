#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and error, the only side effects of the command line.
enum Output {
    static func print(_ s: String, terminator: String = "\n") {
        writeAll(1, s + terminator)
    }
    static func error(_ s: String) {
        writeAll(2, "mmreview: " + s + "\n")
    }

    /// The progress line on stderr (a TTY): redrawn in place; nil clears it.
    static func progress(_ line: String?) {
        writeAll(2, "\r" + (line ?? "") + "\u{1B}[K")
    }

    /// Writes every byte, retrying short writes (pipes).
    private static func writeAll(_ fd: Int32, _ s: String) {
        var bytes = Array(s.utf8)
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { return }
                off += n
            }
        }
    }
}
