import Dispatch

/// The Mail layer's entry point: a path or bytes in, decoded messages out.
///
/// Formats are detected per file (gzip is undone first), mbox archives are split like `git mailsplit`
/// and their messages parsed in parallel. Nothing in the input can make reading fail: damage becomes
/// diagnostics and a partial result. Only an unreadable path throws.
public enum MailReader {
    /// Reads a file, a folder (recursively, in path order; maildirs understood) or `-` for stdin.
    public static func read(path: String, format: InputFormat = .auto, limits: ReadLimits = .init())
        throws(MailError) -> MailArchive
    {
        if path != "-", try FileInput.kind(of: path) == .directory {
            return readFolder(path, format: format, limits: limits)
        }
        if format == .maildir {
            throw .unsupported(location: SourceLocation(file: path, line: 1), reason: "a maildir must be a folder")
        }
        let name = path == "-" ? "<stdin>" : path
        return read(
            input: try FileInput.bytes(path: path, limit: limits.maxInputBytes), name: name, format: format,
            limits: limits)
    }

    /// The bytes of one file (or `-` for stdin) exactly as `read(path:)` reads them (a large
    /// regular file mapped, not copied): for callers that time or reuse the stages.
    public static func input(path: String, limits: ReadLimits = .init()) throws(MailError) -> InputBytes {
        try FileInput.bytes(path: path, limit: limits.maxInputBytes)
    }

    /// Reads the bytes of one file; `name` is used in source locations. When `input` was cut at
    /// the input limit, the archive says so.
    public static func read(
        input: InputBytes, name: String, format: InputFormat = .auto, limits: ReadLimits = .init()
    ) -> MailArchive {
        var archive = input.withUnsafeBufferPointer { read(buffer: $0, name: name, format: format, limits: limits) }
        if input.truncated { archive.diagnostics.insert(inputLimitDiagnostic(name, limits), at: 0) }
        return archive
    }

    /// Reads bytes already in memory; `name` is used in source locations.
    public static func read(
        bytes: [UInt8], name: String, format: InputFormat = .auto, limits: ReadLimits = .init()
    ) -> MailArchive {
        bytes.withUnsafeBufferPointer { read(buffer: $0, name: name, format: format, limits: limits) }
    }

    /// Messages are copied out of `buffer`: nothing read keeps a pointer into it.
    static func read(
        buffer whole: UnsafeBufferPointer<UInt8>, name: String, format: InputFormat, limits: ReadLimits,
        gzipLevels: Int = 0
    ) -> MailArchive {
        var buf = whole
        var diagnostics: [Diagnostic] = []
        if buf.count > limits.maxInputBytes {
            buf = UnsafeBufferPointer(rebasing: buf[0..<limits.maxInputBytes])
            diagnostics.append(inputLimitDiagnostic(name, limits))
        }
        // Gzip, possibly nested (a .gz of a .gz), at most a few levels.
        if gzipLevels < 3, FormatDetector.isGzip(buf) {
            let inflated = GzipInflater.inflate(buf, limit: limits.maxInputBytes)
            if let error = inflated.error {
                diagnostics.append(
                    Diagnostic(
                        severity: .error, location: SourceLocation(file: name, line: 1), code: "gzip.damaged",
                        message: "\(error); reading the \(inflated.bytes.count) bytes inflated before that"))
            }
            if inflated.hitLimit {
                diagnostics.append(
                    Diagnostic(
                        severity: .error, location: SourceLocation(file: name, line: 1), code: "limit.input-bytes",
                        message: "gzip output exceeds the limit of \(limits.maxInputBytes) bytes; the rest is not read")
                )
            }
            var archive = inflated.bytes.withUnsafeBufferPointer {
                read(buffer: $0, name: name, format: format, limits: limits, gzipLevels: gzipLevels + 1)
            }
            archive.diagnostics = diagnostics + archive.diagnostics
            return archive
        }
        if buf.allSatisfy({ ASCII.isSpace($0) }) {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, location: SourceLocation(file: name, line: 1), code: "input.empty",
                    message: buf.isEmpty ? "input is empty" : "input holds only whitespace"))
            return MailArchive(messages: [], diagnostics: diagnostics)
        }
        let resolved = format == .auto ? FormatDetector.detect(buf) : format
        var archive: MailArchive
        switch resolved {
        case .mbox:
            archive = readMbox(buf, name: name, quoting: nil, limits: limits)
        case .patch:
            archive = readPatch(buf, name: name, limits: limits)
            if format == .auto && !FormatDetector.startsLikePatch(buf) {
                diagnostics.append(
                    Diagnostic(
                        severity: .note, location: SourceLocation(file: name, line: 1), code: "input.plain-text",
                        message: "no mail headers, no mbox separator and not an archive render: read as plain text"))
            }
        case .eml, .maildir, .auto:
            archive = MailArchive(messages: [readSingle(buf, name: name, limits: limits)])
        case .render:
            archive = MailArchive(messages: RenderReader.read(LineEndings.normalised(buf), file: name))
        }
        archive.diagnostics = diagnostics + archive.diagnostics
        return archive
    }

    // MARK: - Formats

    private static func readFolder(_ path: String, format: InputFormat, limits: ReadLimits) -> MailArchive {
        var archive = MailArchive()
        let files: [DirectoryWalker.File]
        if format == .maildir {
            files = MaildirReader.messageFiles(in: path).map { DirectoryWalker.File(path: $0, inMaildir: true) }
        } else {
            files = DirectoryWalker.files(under: path)
        }
        if files.isEmpty {
            archive.diagnostics.append(
                Diagnostic(
                    severity: .warning, location: SourceLocation(file: path, line: 1), code: "input.empty",
                    message: "folder holds no files to read"))
        }
        for file in files {
            do throws(MailError) {
                let input = try FileInput.bytes(path: file.path, limit: limits.maxInputBytes)
                let fileFormat: InputFormat = file.inMaildir ? .eml : format
                let one = read(input: input, name: file.path, format: fileFormat, limits: limits)
                archive.messages.append(contentsOf: one.messages)
                archive.diagnostics.append(contentsOf: one.diagnostics)
            } catch {
                archive.diagnostics.append(
                    Diagnostic(
                        severity: .error, location: error.location, code: "input.unreadable",
                        message: error.description))
            }
        }
        return archive
    }

    /// An mbox (`quoting` nil: mboxo or mboxrd as the archive shows) or format-patch output (`.none`).
    private static func readMbox(
        _ buf: UnsafeBufferPointer<UInt8>, name: String, quoting: MboxUnquoter.Mode?, limits: ReadLimits
    ) -> MailArchive {
        let split = MboxSplitter.split(buf, file: name, limits: limits)
        let mode = quoting ?? (split.isMboxrd ? .mboxrd : .mboxo)
        let entries = split.entries
        let messages = parallelMap(count: entries.count, weight: buf.count) { k in
            let entry = entries[k]
            let slice = UnsafeBufferPointer(rebasing: buf[entry.range])
            let contentLine = entry.contentLine
            if entry.hasCR || (entry.hasQuotedFrom && mode != .none) {
                let copy = MboxUnquoter.normalised(slice, mode: mode)
                return copy.withUnsafeBufferPointer {
                    MessageParser.parse($0, file: name, line: entry.line, contentLine: contentLine, limits: limits)
                }
            }
            return MessageParser.parse(
                slice, file: name, line: entry.line, contentLine: contentLine, limits: limits)
        }
        return MailArchive(messages: messages, diagnostics: split.diagnostics)
    }

    /// A bare diff is one message whose body is the file; format-patch output is split like an mbox
    /// but never unquoted (git writes `From ` lines in bodies as they are).
    private static func readPatch(_ buf: UnsafeBufferPointer<UInt8>, name: String, limits: ReadLimits) -> MailArchive {
        var i = 0
        while i < buf.count && ASCII.isSpace(buf[i]) { i += 1 }
        if MboxSplitter.isFromLine(buf, from: i, to: buf.lineEnd(from: i, to: buf.count)) {
            return readMbox(buf, name: name, quoting: MboxUnquoter.Mode.none, limits: limits)
        }
        var message = Message(source: SourceLocation(file: name, line: 1))
        message.body = LineEndings.normalised(buf)
        let bad = message.body.withUnsafeBufferPointer { UTF8Validator.firstInvalid($0) != nil }
        if bad {
            let repaired = CharsetDecoder.decode(message.body, charset: "utf-8")
            message.body = repaired.bytes
            message.diagnostics.append(
                Diagnostic(
                    severity: .warning, location: message.source, code: "charset.undecodable",
                    message: "\(repaired.undecodable) bytes that are not UTF-8 replaced by U+FFFD"))
        }
        return MailArchive(messages: [message])
    }

    private static func readSingle(_ whole: UnsafeBufferPointer<UInt8>, name: String, limits: ReadLimits) -> Message {
        let limitHit = whole.count > limits.maxMessageBytes
        let bytes = LineEndings.normalised(
            limitHit ? UnsafeBufferPointer(rebasing: whole[0..<limits.maxMessageBytes]) : whole)
        var message = bytes.withUnsafeBufferPointer {
            MessageParser.parse($0, file: name, line: 1, contentLine: 1, limits: limits)
        }
        if limitHit {
            message.diagnostics.insert(
                Diagnostic(
                    severity: .warning, location: message.source, code: "limit.message-bytes",
                    message: "message is larger than \(limits.maxMessageBytes) bytes; the rest of it is dropped"),
                at: 0)
        }
        return message
    }

    private static func inputLimitDiagnostic(_ name: String, _ limits: ReadLimits) -> Diagnostic {
        Diagnostic(
            severity: .error, location: SourceLocation(file: name, line: 1), code: "limit.input-bytes",
            message: "input is larger than \(limits.maxInputBytes) bytes; only the first part is read")
    }

    // MARK: - Parallel parsing

    /// Inputs this large are split and parsed on all cores; below it the threads cost more than
    /// they save.
    static let parallelMinimumBytes = 4 << 20

    /// `transform(0..<count)` in order, spread over all cores when the input is big enough to pay.
    private static func parallelMap(count: Int, weight: Int, _ transform: (Int) -> Message) -> [Message] {
        if count < 64 || weight < parallelMinimumBytes { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = ResultSlots<Message>(count: count)
            let chunks = min(count, 256)
            let box = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = count * c / chunks
                let hi = count * (c + 1) / chunks
                for k in lo..<hi { results.slots[k] = box.value(k) }
            }
            return results.collect()
        }
    }
}

/// A value handed to `concurrentPerform` workers that only read it (the parse closure and the buffer
/// it captures are immutable while they run).
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
