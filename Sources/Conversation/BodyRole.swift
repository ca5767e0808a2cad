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

    // Case tests without the derived `==`, which compares the patch payload through a call: the
    // comment pass asks these of every line.
    var isProse: Bool {
        if case .prose = self { return true }
        return false
    }

    var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }

    var isCourtesy: Bool {
        if case .courtesy = self { return true }
        return false
    }
}
