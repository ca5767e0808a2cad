/// The thread as a reader meets it: subject, who took part, when, and each message in brief.
public struct ReportThread: Sendable, Codable, Equatable {
    public var subject: String
    public var people: [ReportPerson]
    /// ISO 8601 dates of the first and last message whose date could be read.
    public var firstDate: String?
    public var lastDate: String?
    public var messages: [ReportMessage]
    /// Messages referred to but not in the input.
    public var missingMessages: Int
    /// Some input could not be read whole; the reasons are in `diagnostics`.
    public var partial: Bool
    public var diagnostics: [String]

    public init(
        subject: String, people: [ReportPerson], firstDate: String?, lastDate: String?,
        messages: [ReportMessage], missingMessages: Int, partial: Bool, diagnostics: [String]
    ) {
        self.subject = subject
        self.people = people
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.messages = messages
        self.missingMessages = missingMessages
        self.partial = partial
        self.diagnostics = diagnostics
    }
}

public struct ReportPerson: Sendable, Codable, Equatable {
    public var name: String
    public var email: String?
    /// `patch-author`, `reviewer` (wrote a comment), `sender` (wrote a message), in that order.
    public var roles: [String]
    public var messages: Int
    public var comments: Int

    public init(name: String, email: String?, roles: [String], messages: Int, comments: Int) {
        self.name = name
        self.email = email
        self.roles = roles
        self.messages = messages
        self.comments = comments
    }
}

public struct ReportMessage: Sendable, Codable, Equatable {
    public var index: Int
    public var messageID: String?
    public var parent: Int?
    public var from: String
    public var email: String?
    public var date: String?
    public var subject: String
    /// `file:line` of the message in the input.
    public var source: String
    /// Patches posted (quote level 0) in this message, and comments it makes.
    public var patches: Int
    public var comments: Int

    public init(
        index: Int, messageID: String?, parent: Int?, from: String, email: String?, date: String?,
        subject: String, source: String, patches: Int, comments: Int
    ) {
        self.index = index
        self.messageID = messageID
        self.parent = parent
        self.from = from
        self.email = email
        self.date = date
        self.subject = subject
        self.source = source
        self.patches = patches
        self.comments = comments
    }
}
