import Patches

/// What one body line is, as far as the conversation is concerned.
public enum BodyRole: Sendable, Equatable {
    case blank
    /// Somebody's words: the candidates for comments.
    case prose
    /// `On ..., Name wrote:` (names the author of the next level).
    case attribution
    case signature
    case footer
    case snip
    /// A greeting (`Hi Ryan,`), a closing (`Thanks,`), a sign-off (`Honza`) or a separator (`===`).
    case courtesy
    /// Claimed by a patch found at this line's level.
    case patch(LineRole)

    var isPatchContent: Bool {
        if case .patch = self { return true }
        return false
    }
}
