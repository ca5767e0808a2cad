import Testing

@testable import Mail

struct ThreaderTests {
    /// A synthetic message; `id` doubles as its subject suffix so failures are easy to read.
    static func mail(
        _ id: String?, inReplyTo: String? = nil, references: [String] = [], subject: String? = nil,
        at time: Int64? = nil
    ) -> Message {
        Message(
            source: SourceLocation(file: "t", line: 1), messageID: id.map { "<\($0)>" },
            inReplyTo: inReplyTo.map { "<\($0)>" }, references: references.map { "<\($0)>" },
            date: time.map { MailDate(raw: "\($0)", epochSeconds: $0, utcOffsetMinutes: 0) },
            subject: subject ?? "Re: s \(id ?? "")")
    }

    /// Thread shape as (message-id, parent's message-id, depth) triples, for compact assertions.
    static func shape(_ thread: MailThread) -> [String] {
        thread.messages.indices.map { index in
            let position = thread.positions[index]
            let parent = position.parentIndex.map { thread.messages[$0].messageID ?? "?" } ?? "-"
            return "\(thread.messages[index].messageID ?? "?")<\(parent)@\(position.depth)"
        }
    }

    /// Every input message lands in exactly one thread, once.
    static func expectPartition(_ threads: [MailThread], count: Int) {
        let inputs = threads.flatMap { $0.positions.map(\.inputIndex) }
        #expect(inputs.sorted() == Array(0..<count))
        for thread in threads {
            #expect(thread.messages.count == thread.positions.count)
        }
    }

    @Test func inReplyToTreeInDepthFirstDateOrder() {
        let input = [
            Self.mail("d", inReplyTo: "b", at: 20),
            Self.mail("b", inReplyTo: "a", at: 10),
            Self.mail("a", subject: "[PATCH] mm: a", at: 0),
            Self.mail("c", inReplyTo: "a", at: 5),
        ]
        let threads = Threader.threads(input)
        try? #require(threads.count == 1)
        #expect(Self.shape(threads[0]) == ["<a><-@0", "<c><<a>@1", "<b><<a>@1", "<d><<b>@2"])
        #expect(threads[0].positions.map(\.inputIndex) == [2, 3, 1, 0])
        #expect(threads[0].subject == "mm: a")
        #expect(threads[0].placeholders.isEmpty)
        #expect(threads[0].children(of: 0) == [1, 2])
    }

    @Test func missingParentKeepsSiblingsTogether() {
        let input = [
            Self.mail("b", inReplyTo: "x", at: 2),
            Self.mail("other", at: 1),
            Self.mail("c", inReplyTo: "x", at: 3),
            Self.mail("d", references: ["x", "b"], at: 4),
        ]
        let threads = Threader.threads(input)
        Self.expectPartition(threads, count: 4)
        #expect(threads.count == 2)
        #expect(Self.shape(threads[0]) == ["<other><-@0"])
        #expect(Self.shape(threads[1]) == ["<b><-@0", "<d><<b>@1", "<c><-@0"])
        #expect(threads[1].placeholders == ["x"])
        #expect(threads[1].positions.map(\.missingParentID) == ["x", nil, "x"])
    }

    @Test func referencesOnlyChainIsOrderedWhateverTheInputOrder() {
        let input = [
            Self.mail("m3", references: ["m1", "m2"], at: 3),
            Self.mail("m1", at: 1),
            Self.mail("m2", references: ["m1"], at: 2),
        ]
        let threads = Threader.threads(input)
        #expect(threads.count == 1)
        #expect(Self.shape(threads[0]) == ["<m1><-@0", "<m2><<m1>@1", "<m3><<m2>@2"])
    }

    @Test func referencesAloneCreatePlaceholderChain() {
        let threads = Threader.threads([Self.mail("m3", references: ["m1", "m2"], at: 3)])
        #expect(threads.count == 1)
        #expect(threads[0].placeholders == ["m1", "m2"])
        #expect(
            threads[0].positions == [
                MailThread.Position(
                    parentIndex: nil, depth: 0, inputIndex: 0, missingParentID: "m2")
            ])
    }

    @Test func inReplyToWinsOverAnotherMessagesReferences() {
        // `c` says its parent is `a`; `d`'s References claim `b` is c's parent. Own headers win.
        let input = [
            Self.mail("a", at: 0), Self.mail("b", inReplyTo: "a", at: 1),
            Self.mail("d", references: ["b", "c"], at: 3),
            Self.mail("c", inReplyTo: "a", at: 2),
        ]
        let threads = Threader.threads(input)
        #expect(threads.count == 1)
        #expect(Self.shape(threads[0]) == ["<a><-@0", "<b><<a>@1", "<c><<a>@1", "<d><<c>@2"])
    }

    @Test func cyclesAreBrokenAtTheFirstInputMessage() {
        let input = [
            Self.mail("a", inReplyTo: "c", at: 3),
            Self.mail("b", inReplyTo: "a", at: 1),
            Self.mail("c", inReplyTo: "b", at: 2),
            Self.mail("self", inReplyTo: "self", at: 9),
        ]
        let threads = Threader.threads(input)
        Self.expectPartition(threads, count: 4)
        #expect(threads.count == 2)
        #expect(Self.shape(threads[0]) == ["<a><-@0", "<b><<a>@1", "<c><<b>@2"])
        #expect(Self.shape(threads[1]) == ["<self><-@0"])
    }

    @Test func referencesCycleIsBroken() {
        let input = [
            Self.mail("a", references: ["b"], at: 1),
            Self.mail("b", references: ["a"], at: 2),
        ]
        let threads = Threader.threads(input)
        Self.expectPartition(threads, count: 2)
        #expect(threads.count == 1)
        #expect(Self.shape(threads[0]) == ["<a><-@0", "<b><<a>@1"])
    }

    @Test func duplicateIDsKeepBothMessagesAndRepliesGoToTheFirst() {
        let input = [
            Self.mail("x", subject: "first", at: 1),
            Self.mail("x", subject: "second", at: 2),
            Self.mail("y", inReplyTo: "x", at: 3),
        ]
        let threads = Threader.threads(input)
        Self.expectPartition(threads, count: 3)
        #expect(threads.count == 2)
        #expect(threads[0].messages.map(\.subject) == ["first", "Re: s y"])
        #expect(threads[0].positions.map(\.parentIndex) == [nil, 0])
        #expect(threads[1].messages.map(\.subject) == ["second"])
    }

    @Test func idlessMessagesThreadBySubject() {
        let input = [
            Self.mail(nil, subject: "Re: [PATCH v3] mm: foo", at: 10),
            Self.mail(nil, subject: "Re: [PATCH v2] mm: other", at: 7),
            Self.mail(nil, subject: "RE: Re: [PATCH v3 1/2] mm:  Foo", at: 5),
            Self.mail(nil, subject: "[PATCH] mm: bar", at: 1),
            Self.mail(nil, subject: "Re: [PATCH] mm: bar", at: 2),
            Self.mail(nil, subject: "", at: 3),
            Self.mail(nil, subject: "", at: 4),
        ]
        let threads = Threader.threads(input)
        Self.expectPartition(threads, count: 7)
        #expect(
            threads.map { $0.positions.map(\.inputIndex) } == [[3, 4], [5], [6], [2, 0], [1]])
        #expect(threads.map(\.subject) == ["mm: bar", "", "", "mm: Foo", "mm: other"])
        // A non-reply first message is taken as the root; without one, all stay at the top.
        #expect(threads[0].positions.map(\.depth) == [0, 1])
        #expect(threads[3].positions.map(\.depth) == [0, 0])
    }

    @Test func threadsAreOrderedByFirstDateThenInputAndUndatedLast() {
        let input = [
            Self.mail("late", at: 50), Self.mail("undated"), Self.mail("early", at: 10),
            Self.mail("tie", at: 50),
        ]
        let threads = Threader.threads(input)
        #expect(
            threads.map { $0.messages[0].messageID } == ["<early>", "<late>", "<tie>", "<undated>"])
    }

    @Test func outputIsDeterministic() {
        var input: [Message] = []
        for index in 0..<200 {
            // A tangle: several roots, replies to present and missing parents, equal dates.
            let parent = index % 7 == 0 ? nil : "m\((index * 31) % 250)"
            input.append(Self.mail("m\(index)", inReplyTo: parent, at: Int64(index % 13)))
        }
        let first = Threader.threads(input)
        let second = Threader.threads(input)
        #expect(first == second)
        Self.expectPartition(first, count: input.count)
        for thread in first {
            for (index, position) in thread.positions.enumerated() {
                if let parent = position.parentIndex {
                    #expect(parent < index)
                    #expect(position.depth == thread.positions[parent].depth + 1)
                } else {
                    #expect(position.depth == 0)
                }
            }
        }
    }

    @Test func hundredThousandDeepChainIsIterative() {
        let count = 100_000
        var input: [Message] = []
        input.reserveCapacity(count)
        // Input in reverse so every parent is first seen as a placeholder.
        for index in stride(from: count - 1, through: 0, by: -1) {
            let parents = index == 0 ? [] : (max(0, index - 2)..<index).map { "m\($0)" }
            input.append(
                Self.mail(
                    "m\(index)", inReplyTo: index == 0 ? nil : "m\(index - 1)",
                    references: parents, at: Int64(index)))
        }
        let clock = ContinuousClock()
        var threads: [MailThread] = []
        let elapsed = clock.measure { threads = Threader.threads(input) }
        #expect(elapsed < .seconds(20))
        #expect(threads.count == 1)
        #expect(threads.first?.positions.last?.depth == count - 1)
        #expect(threads.first?.messages.last?.messageID == "<m\(count - 1)>")
        #expect(threads.first?.placeholders.isEmpty == true)
    }

    @Test func idNormalisation() {
        #expect(Threader.normalizedID("  <a@b>  ") == "a@b")
        #expect(Threader.normalizedID("a@b") == "a@b")
        #expect(Threader.normalizedID(" <> ") == nil)
        #expect(Threader.ids(in: "<a@b> <c@d>\n\t<e@f>") == ["a@b", "c@d", "e@f"])
        #expect(Threader.ids(in: "a@b c@d") == ["a@b", "c@d"])
    }
}
