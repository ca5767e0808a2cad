/// Bounds on what one read may consume. Hitting one yields a diagnostic and a partial result.
public struct ReadLimits: Sendable, Equatable {
    /// Input bytes read from one file (after gunzip).
    public var maxInputBytes: Int
    /// Bytes of one message; the rest of it is dropped.
    public var maxMessageBytes: Int
    /// Header fields kept per message or MIME part.
    public var maxHeaderCount: Int
    /// Nesting of multipart entities.
    public var maxMIMEDepth: Int
    /// MIME parts looked at per message.
    public var maxMIMEParts: Int
    /// Bytes of one unfolded header field.
    public var maxHeaderLineLength: Int
    /// Diagnostics kept per message, so hostile input cannot flood the report.
    public var maxDiagnosticsPerMessage: Int

    public init(
        maxInputBytes: Int = 4 << 30, maxMessageBytes: Int = 64 << 20, maxHeaderCount: Int = 2000,
        maxMIMEDepth: Int = 16, maxMIMEParts: Int = 1000, maxHeaderLineLength: Int = 256 << 10,
        maxDiagnosticsPerMessage: Int = 100
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxMessageBytes = maxMessageBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxMIMEDepth = maxMIMEDepth
        self.maxMIMEParts = maxMIMEParts
        self.maxHeaderLineLength = maxHeaderLineLength
        self.maxDiagnosticsPerMessage = maxDiagnosticsPerMessage
    }
}
