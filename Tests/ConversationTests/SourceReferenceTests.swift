import Foundation
import Mail
import Testing

@testable import Conversation

/// A comment's source is written `file:line:column`, and read back from that.
@Suite struct SourceReferenceTests {
    @Test func writesAndReadsFileLineColumn() throws {
        let r = SourceReference(SourceLocation(file: "a:b/thread.mbox", line: 120, column: 1))
        #expect(r.description == "a:b/thread.mbox:120:1")
        let json = try JSONEncoder().encode([r])
        #expect(String(decoding: json, as: UTF8.self) == #"["a:b\/thread.mbox:120:1"]"#)
        #expect(try JSONDecoder().decode([SourceReference].self, from: json) == [r])
    }

    @Test(arguments: ["", "file", "file:12", "file:x:1", "file:1:y", ":1"])
    func refusesOtherText(text: String) {
        #expect(SourceReference.parse(text) == nil)
        let json = Data(("[\"" + text + "\"]").utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SourceReference].self, from: json) }
    }
}
