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

    /// The ids threading reads are parsed when a message is read; a later change to the message
    /// must drop them, in that copy only.
    @Test func threadIDsFollowChanges() {
        let raw = "Message-ID: <b@x>\nIn-Reply-To: <a@x>\nReferences: <a@x> <b@x> <a@x>\nSubject: s\n\nbody\n"
        var parsed = MailReader.read(bytes: Array(raw.utf8), name: "t").messages[0]
        let kept = parsed
        #expect(parsed.threadIDs.own?.text == "b@x" && parsed.threadIDs.inReplyTo?.text == "a@x")
        #expect(parsed.threadIDs.references.map(\.text) == ["a@x"])
        #expect(parsed.threadIDs.own?.hash == "b@x".hashValue)
        parsed.inReplyTo = "<c@x>"
        parsed.references = ["<c@x>"]
        #expect(parsed.threadIDs.inReplyTo?.text == "c@x" && parsed.threadIDs.references.map(\.text) == ["c@x"])
        #expect(kept.threadIDs.inReplyTo?.text == "a@x")
        // Threading sees the change: b now answers c, a placeholder.
        let threads = Threader.threads([parsed])
        #expect(threads.count == 1 && threads[0].placeholders == ["c@x"])
    }
}
