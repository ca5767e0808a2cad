import Foundation
import Mail
import Patches
import Testing

@testable import Conversation

/// Comments and anchors are stored compactly (numbers without Optional's tag, the discussion
/// behind a reference); their JSON and equality are those of the plain fields.
@Suite struct CommentCodingTests {
    static let source = SourceReference(SourceLocation(file: "t.mbox", line: 40, column: 1))

    static func comment(discussion: Anchor?, patch: Int?) -> ReviewComment {
        ReviewComment(
            index: 3, author: "Jan Kara", authorInferred: false, message: 2, date: nil, quoteLevel: 0,
            file: "mm/memory.c", function: "do_wp_page",
            anchor: Anchor(kind: .prose, text: "why?", quoteLevel: 1, comment: 1, source: source),
            text: "Agreed.", trailers: [], source: source, patchNumber: OptionalNumber.store(patch),
            versionNumber: OptionalNumber.store(patch.map { _ in 2 }), discussionBox: discussion.map(AnchorBox.init))
    }

    @Test func anchorNumbersReadBackAndEncodeAsBefore() throws {
        var a = Anchor(kind: .added, patch: 0, file: "mm/memory.c", text: "x", newLine: 12, source: Self.source)
        #expect(a.patch == 0 && a.oldLine == nil && a.newLine == 12 && a.quoteLevel == nil && a.comment == nil)
        a.oldLine = 7
        a.newLine = nil
        #expect(a.oldLine == 7 && a.newLine == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(a), as: UTF8.self)
        #expect(
            json
                == #"{"file":"mm/memory.c","kind":"added","oldLine":7,"patch":0,"source":"t.mbox:40:1","text":"x"}"#)
        #expect(try JSONDecoder().decode(Anchor.self, from: Data(json.utf8)) == a)
        #expect(MemoryLayout<Anchor>.stride <= 128)
    }

    @Test(arguments: [true, false])
    func commentsRoundTripWithAndWithoutDiscussion(withDiscussion: Bool) throws {
        let discussion = withDiscussion ? Anchor(kind: .removed, patch: 1, oldLine: 9, quoteLevel: 2) : nil
        let c = Self.comment(discussion: discussion, patch: withDiscussion ? 1 : nil)
        #expect(c.discussion == discussion)
        #expect(c.patch == (withDiscussion ? 1 : nil) && c.version == (withDiscussion ? 2 : nil))
        let data = try JSONEncoder().encode(c)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["discussion"] != nil) == withDiscussion)
        #expect((object["patch"] != nil) == withDiscussion)
        #expect(object["patchNumber"] == nil && object["discussionBox"] == nil)
        #expect(try JSONDecoder().decode(ReviewComment.self, from: data) == c)
        // Equality is by value, through the box.
        var other = c
        other.discussion = discussion.map {
            var d = $0
            d.oldLine = 10
            return d
        }
        #expect((other == c) == !withDiscussion)
    }
}
