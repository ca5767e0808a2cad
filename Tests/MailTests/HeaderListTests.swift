import Foundation
import Testing

@testable import Mail

/// Parsed messages keep their header block and decode it when `headers` is read.
@Suite struct HeaderListTests {
    static let lines = [
        "From: =?utf-8?q?J=C3=B6rg?= <j@x>", "Subject: =?utf-8?b?w6k=?= folded", "  on two lines",
        "Message-ID: <=?x?y@z>", "Received: from a", "\tby b", "X-Plain: plain value", "X-Enc: =?utf-8?q?caf=C3=A9?=",
        "X-Bad-Word: =?nope", "Date: Fri, 9 Jun 2006 00:44:16 -0700", "", "body",
    ]

    @Test func lazyHeadersDecodeLikeEagerOnes() throws {
        let m = try #require(SyntheticMail.one(Self.lines))
        #expect(
            m.headers == [
                Header(name: "From", value: "Jörg <j@x>"), Header(name: "Subject", value: "é folded  on two lines"),
                Header(name: "Message-ID", value: "<=?x?y@z>"), Header(name: "Received", value: "from a by b"),
                Header(name: "X-Plain", value: "plain value"), Header(name: "X-Enc", value: "café"),
                Header(name: "X-Bad-Word", value: "=?nope"),
                Header(name: "Date", value: "Fri, 9 Jun 2006 00:44:16 -0700"),
            ])
        #expect(m.subject == "é folded  on two lines")
        #expect(m.from == Address(name: "Jörg", email: "j@x"))
    }

    @Test func rawAndDecodedListsAreEqualAndEncodeAlike() throws {
        let m = try #require(SyntheticMail.one(Self.lines))
        var decoded = m
        decoded.headers = m.headers
        #expect(decoded == m)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        #expect(try enc.encode(m) == enc.encode(decoded))
        let back = try JSONDecoder().decode(Message.self, from: enc.encode(m))
        #expect(back.headers == m.headers)
        #expect(back == m)
    }

    @Test func setHeadersReplaceTheBlock() throws {
        var m = try #require(SyntheticMail.one(Self.lines))
        m.headers.append(Header(name: "X-New", value: "v"))
        #expect(m.headers.count == 9)
        #expect(m.headers.last == Header(name: "X-New", value: "v"))
    }
}
