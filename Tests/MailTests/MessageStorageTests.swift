import Foundation
import Testing

@testable import Mail

/// `Message` shares one box of fields between copies: a change to one copy must not show in
/// another, and the box must not show in the JSON.
struct MessageStorageTests {
    @Test func copiesAreIndependent() {
        var a = Message(source: SourceLocation(file: "t", line: 1, column: 1), subject: "one", body: Array("x".utf8))
        let b = a
        a.subject = "two"
        a.body.append(UInt8(ascii: "y"))
        a.references.append("<r@x>")
        #expect(b.subject == "one" && b.body == Array("x".utf8) && b.references.isEmpty)
        #expect(a.subject == "two" && a.body == Array("xy".utf8) && a.references == ["<r@x>"])
        #expect(a != b)
        var c = b
        #expect(c == b)
        c.isRender = true
        #expect(c != b && !b.isRender)
    }

    @Test func encodesItsFieldsOnly() throws {
        let m = Message(
            source: SourceLocation(file: "t", line: 3, column: 1), messageID: "<a@b>", subject: "s",
            body: Array("hi".utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(m), as: UTF8.self)
        #expect(json.hasPrefix(#"{"attachments":[],"body":[104,105],"diagnostics":[]"#))
        #expect(!json.contains("box") && !json.contains("fields"))
        #expect(try JSONDecoder().decode(Message.self, from: Data(json.utf8)) == m)
    }
}
