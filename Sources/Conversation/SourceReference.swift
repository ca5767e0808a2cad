import Mail

/// Where in the input a comment or an anchored line was found, written `file:line:column` (as
/// compilers write it) in JSON and text. Holds the location, not the text: an archive has
/// hundreds of thousands of comments and anchors, and building each one's string up front cost
/// an allocation and ~700 instructions that most runs never read.
public struct SourceReference: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation

    public init(_ location: SourceLocation) { self.location = location }

    public var description: String { location.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let location = Self.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected file:line:column, got \(text)"))
        }
        self.location = location
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// `file:line:column`, split at the last two colons (a file name may hold colons).
    static func parse(_ text: String) -> SourceLocation? {
        guard let c2 = text.lastIndex(of: ":"), let column = Int(text[text.index(after: c2)...]) else {
            return nil
        }
        let head = text[..<c2]
        guard let c1 = head.lastIndex(of: ":"), let line = Int(head[head.index(after: c1)...]) else { return nil }
        return SourceLocation(file: String(head[..<c1]), line: line, column: column)
    }
}
