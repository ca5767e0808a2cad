import Foundation
import Testing

@testable import Mail

/// Header facts of real linux-mm / LKML review mails against their hand-made labels.
@Suite struct RealMailTests {
    static let labels: [String] = {
        let dir = FixtureFiles.root.appendingPathComponent("real-mail").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }()

    @Test func allLabelsArePresent() {
        #expect(Self.labels.count == 12)
    }

    @Test(arguments: labels)
    func headersMatchLabel(_ label: String) throws {
        let json = try #require(try FixtureFiles.json("real-mail/" + label) as? [String: Any])
        let file = try #require(json["file"] as? String)
        let archive = try MailReader.read(path: FixtureFiles.path("real-mail/" + file))
        #expect(archive.messages.count == 1)
        let m = try #require(archive.messages.first)
        #expect(m.from.name == json["from"] as? String)
        #expect(m.date?.raw == json["date"] as? String)
        #expect(m.date?.epochSeconds != nil)
        #expect(m.subject == json["subject"] as? String)
        #expect(m.messageID == json["messageId"] as? String)
        #expect(m.inReplyTo == json["inReplyTo"] as? String)
        #expect(!m.body.isEmpty)
        #expect(m.source == SourceLocation(file: FixtureFiles.path("real-mail/" + file), line: 1))
    }
}
