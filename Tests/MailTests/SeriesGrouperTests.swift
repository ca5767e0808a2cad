import Testing

@testable import Mail

struct SeriesGrouperTests {
    static let ryan = Address(name: "Ryan Roberts", email: "ryan.roberts@arm.com")
    static let jan = Address(name: "Jan Kara", email: "jack@suse.cz")

    static func mail(
        _ id: String?, _ subject: String, from: Address = ryan, inReplyTo: String? = nil,
        at time: Int64
    ) -> Message {
        Message(
            source: SourceLocation(file: "s", line: 1), messageID: id.map { "<\($0)>" },
            inReplyTo: inReplyTo.map { "<\($0)>" }, references: inReplyTo.map { ["<\($0)>"] } ?? [],
            from: from, date: MailDate(raw: "\(time)", epochSeconds: time, utcOffsetMinutes: 0),
            subject: subject)
    }

    /// v1 (cover + 3) and v2 (cover + 3, one patch resent), replies at every level, an unrelated
    /// lone patch with its reply, and a pull request, in a scrambled input order.
    static let input: [Message] = [
        mail("v2p2", "[PATCH v2 2/3] mm: use frob", inReplyTo: "v2c", at: 1002),  // 0
        mail("r1", "Re: [PATCH 2/3] mm: use frob", from: jan, inReplyTo: "v1p2", at: 200),  // 1
        mail("v1c", "[PATCH 0/3] mm: frob the widgets", at: 100),  // 2
        mail("v1p3", "[PATCH 3/3] mm: test frob", inReplyTo: "v1c", at: 103),  // 3
        mail("v1p1", "[PATCH 1/3] mm: add frob", inReplyTo: "v1c", at: 101),  // 4
        mail("lone", "[PATCH] mm: unrelated fix", from: jan, at: 50),  // 5
        mail("v2c", "[PATCH v2 0/3] mm: frob the widgets", at: 1000),  // 6
        mail("v1p2", "[PATCH 2/3] mm: use frob", inReplyTo: "v1c", at: 102),  // 7
        mail(
            "r2", "Re: [PATCH v2 0/3] mm: frob the widgets", from: jan, inReplyTo: "v2c", at: 1100),
        mail("v2p1", "[PATCH v2 1/3] mm: add frob", inReplyTo: "v2c", at: 1001),  // 9
        mail("v2p3", "[PATCH v2 3/3] mm: test frob", inReplyTo: "v2c", at: 1003),  // 10
        mail("v2p2b", "[PATCH v2 2/3] mm: use frob", inReplyTo: "v2c", at: 1004),  // 11
        mail("r3", "Re: [PATCH] mm: unrelated fix", inReplyTo: "lone", at: 60),  // 12
        mail("pull", "[GIT PULL] mm fixes", at: 70),  // 13
    ]

    @Test func findsBothVersionsAndSkipsReplies() throws {
        let series = SeriesGrouper.series(in: Self.input)
        try #require(series.count == 3)
        let (lone, v1, v2) = (series[0], series[1], series[2])

        #expect(lone.title == "mm: unrelated fix")
        #expect(lone.author == Self.jan)
        #expect(lone.total == nil)
        #expect(lone.parts == [1: 5])
        #expect(lone.isComplete)

        #expect(v1.version == 1)
        #expect(v1.total == 3)
        #expect(v1.title == "mm: frob the widgets")
        #expect(v1.coverLetter == 2)
        #expect(v1.parts == [1: 4, 2: 7, 3: 3])
        #expect(v1.messageIndexes == [2, 4, 7, 3])
        #expect(v1.date?.epochSeconds == 100)
        #expect(v1.isComplete)
        #expect(v1.duplicates.isEmpty)

        #expect(v2.version == 2)
        #expect(v2.coverLetter == 6)
        #expect(v2.patchIndexes == [9, 0, 10])
        // The second 2/3 (a resend in the same thread) is kept aside, not lost.
        #expect(v2.duplicates == [11])
    }

    @Test func versionsAnswerCompareQueries() throws {
        let versions = SeriesGrouper.versions(of: SeriesGrouper.series(in: Self.input))
        try #require(versions.count == 2)
        #expect(versions[0].title == "mm: unrelated fix")
        let frob = versions[1]
        #expect(frob.title == "mm: frob the widgets")
        #expect(frob.versions == [1, 2])
        #expect(frob.series(version: 2)?.messageIndexes == [6, 9, 0, 10])
        #expect(frob.series(version: 1)?.coverLetter == 2)
        #expect(frob.series(version: 3) == nil)
        #expect(frob.latest?.version == 2)
        let subjects = frob.series(version: 2)!.messageIndexes.map { Self.input[$0].subject }
        #expect(subjects.first == "[PATCH v2 0/3] mm: frob the widgets")
    }

    @Test func seriesInOneThreadIndexesIntoTheThread() throws {
        let threads = Threader.threads(Self.input)
        let thread = try #require(threads.first { $0.messages.first?.messageID == "<v1c>" })
        let series = SeriesGrouper.series(in: thread)
        try #require(series.count == 1)
        #expect(
            series[0].messageIndexes.map { thread.messages[$0].messageID } == [
                "<v1c>", "<v1p1>", "<v1p2>", "<v1p3>",
            ])
    }

    @Test func unthreadedFragmentsAreMergedAndCollisionsAreNot() {
        let input = [
            // A v3 sent with --no-thread: every patch is its own thread.
            Self.mail("a3", "[PATCH v3 3/3] mm: test frob", at: 3),
            Self.mail("a1", "[PATCH v3 1/3] mm: add frob", at: 1),
            Self.mail("a2", "[PATCH v3 2/3] mm: use frob", at: 2),
            // Two complete unrelated postings with the same identity, threaded apart.
            Self.mail("x1", "[PATCH 1/2] mm: x one", at: 10),
            Self.mail("x2", "[PATCH 2/2] mm: x two", inReplyTo: "x1", at: 11),
            Self.mail("y1", "[PATCH 1/2] mm: y one", at: 20),
            Self.mail("y2", "[PATCH 2/2] mm: y two", inReplyTo: "y1", at: 21),
        ]
        let series = SeriesGrouper.series(in: input)
        #expect(series.map(\.title) == ["mm: add frob", "mm: x one", "mm: y one"])
        #expect(series.map(\.patchIndexes) == [[1, 2, 0], [3, 4], [5, 6]])
        #expect(series[0].version == 3)
        #expect(series[0].isComplete)
    }

    @Test func incompletePostingReportsMissingParts() {
        let input = [
            Self.mail("c", "[RFC PATCH v4 0/4] mm: partial", at: 1),
            Self.mail("p2", "[RFC PATCH v4 2/4] mm: two", inReplyTo: "c", at: 2),
        ]
        let series = SeriesGrouper.series(in: input)
        #expect(series.count == 1)
        #expect(series.first?.isRFC == true)
        #expect(series.first?.missingParts == [1, 3, 4])
        #expect(series.first?.isComplete == false)
    }

    @Test func authorsAreMatchedByName() {
        #expect(SeriesGrouper.authorKey(Address(name: " Jan  Kara", email: "x@y")) == "jan kara")
        #expect(SeriesGrouper.authorKey(Address(name: "", email: "Jack@SUSE.cz")) == "jack@suse.cz")
    }
}
