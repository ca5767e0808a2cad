/// Everything read from one input: the messages in input order and notes about the input as a whole
/// (per-message notes live in each `Message.diagnostics`).
public struct MailArchive: Sendable, Equatable {
    public var messages: [Message]
    public var diagnostics: [Diagnostic]
    public init(messages: [Message] = [], diagnostics: [Diagnostic] = []) {
        self.messages = messages
        self.diagnostics = diagnostics
    }
    /// Input-level and per-message diagnostics together.
    public var allDiagnostics: [Diagnostic] {
        diagnostics + messages.flatMap(\.diagnostics)
    }
}
