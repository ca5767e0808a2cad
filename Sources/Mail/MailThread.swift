/// One conversation: its messages in reading order (depth-first through the reply tree, siblings
/// by date, then by input order) and where each sits in the tree.
public struct MailThread: Sendable, Equatable, Codable {
    /// Where one message sits; `positions[i]` describes `messages[i]`.
    public struct Position: Sendable, Equatable, Codable {
        /// The index in `messages` of the nearest ancestor that is present. Nil for a top-level
        /// message, including one whose parent is missing (see `missingParentID`).
        public var parentIndex: Int?
        /// The number of present ancestors: 0 at the top, `depth(parent) + 1` below.
        public var depth: Int
        /// The index of this message in the array given to `Threader.threads`.
        public var inputIndex: Int
        /// The Message-ID of the direct parent when that parent is not in the input: the
        /// message answers something we do not have.
        public var missingParentID: String?

        public init(parentIndex: Int?, depth: Int, inputIndex: Int, missingParentID: String? = nil) {
            self.parentIndex = parentIndex
            self.depth = depth
            self.inputIndex = inputIndex
            self.missingParentID = missingParentID
        }
    }

    public var messages: [Message]
    /// Parallel to `messages`.
    public var positions: [Position]
    /// The first message's subject without reply prefixes and bracket tags (`PatchSubject.title`).
    public var subject: String
    /// Message-IDs referenced within the thread but absent from the input, in thread order.
    public var placeholders: [String]

    public init(messages: [Message], positions: [Position], subject: String, placeholders: [String]) {
        self.messages = messages
        self.positions = positions
        self.subject = subject
        self.placeholders = placeholders
    }

    /// The indexes in `messages` of the messages whose parent is `index`, in thread order.
    public func children(of index: Int) -> [Int] {
        positions.indices.filter { positions[$0].parentIndex == index }
    }
}
