/// The short verdict closing each version.
public struct VersionVerdict: Sendable, Codable, Equatable {
    /// `violations`, `does-not-apply`, `inconclusive`, `clean`, `not-checked`.
    public var status: String
    /// One or two sentences for a person.
    public var text: String
    public var violated: Int
    public var unknown: Int
    public var info: Int
    public var failedHunks: Int
}
