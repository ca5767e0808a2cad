import Testing

@testable import Batch

/// Reading a journal back after a crash, and planning what to keep.
@Suite struct JournalTests {
    static let archive = ArchiveFingerprint(threads: 3, hash: "00000000000000aa")
    static let header = Journal.Header(archive: archive, shard: nil, settings: ["line": "x/1"])

    /// Three finished threads: their lines in the results, their entries in the journal.
    static func finished() -> (results: [UInt8], journal: [UInt8], lines: [[UInt8]]) {
        var results: [UInt8] = []
        var journal = Journal.encode(header)
        var lines: [[UInt8]] = []
        for (k, key) in ["<a@x>", "<b@x>", "<c@x>"].enumerated() {
            let line = Array("{\"thread\":\"\(key)\",\"n\":\(k)}\n".utf8)
            let entry = Journal.Entry(
                thread: key, offset: results.count, length: line.count,
                counts: ThreadCounts(patches: k, findings: k == 2 ? ["ref.balance": 1] : [:]))
            results += line
            journal += Journal.encode(entry)
            lines.append(line)
        }
        return (results, journal, lines)
    }

    static func recover(journal: [UInt8], results: [UInt8], expected: Journal.Header = header) throws
        -> Journal.Recovery
    {
        let contents = try Journal.parse(journal, path: "r.journal")
        return try Journal.recover(
            contents, resultsSize: results.count, expected: expected, journalPath: "r.journal", resultsPath: "r",
            byte: { $0 >= 0 && $0 < results.count ? results[$0] : nil })
    }

    @Test func cleanJournalKeepsEverything() throws {
        let (results, journal, _) = Self.finished()
        let r = try Self.recover(journal: journal, results: results)
        #expect(r.entries.map(\.thread) == ["<a@x>", "<b@x>", "<c@x>"])
        #expect(r.resultsEnd == results.count)
        #expect(r.journalEnd == journal.count)
        #expect(r.droppedResultBytes == 0)
        #expect(r.entries[2].counts == ThreadCounts(patches: 2, findings: ["ref.balance": 1]))
    }

    @Test func tornLastJournalLineIsDropped() throws {
        let (results, journal, lines) = Self.finished()
        // The crash cut the last entry's line half way: that thread is redone, its line cut off.
        let torn = Array(journal.dropLast(20))
        let r = try Self.recover(journal: torn, results: results)
        #expect(r.entries.map(\.thread) == ["<a@x>", "<b@x>"])
        #expect(r.resultsEnd == lines[0].count + lines[1].count)
        #expect(r.droppedResultBytes == lines[2].count)
        #expect(r.journalEnd < torn.count)
        #expect(torn[r.journalEnd - 1] == 0x0A)
    }

    @Test func tornLastResultLineIsCutOff() throws {
        let (results, journal, lines) = Self.finished()
        // A fourth line was being written when the process died; nothing journaled it.
        let r = try Self.recover(journal: journal, results: results + Array("{\"thread\":\"<d@x>\",\"n".utf8))
        #expect(r.entries.count == 3)
        #expect(r.resultsEnd == lines.reduce(0) { $0 + $1.count })
    }

    @Test func crashBetweenLineAndJournalRedoesTheThread() throws {
        var (results, journal, lines) = Self.finished()
        // The line of a fourth thread is complete in the results, but its entry never got written.
        let unjournaled = Array("{\"thread\":\"<d@x>\",\"n\":3}\n".utf8)
        results += unjournaled
        let r = try Self.recover(journal: journal, results: results)
        #expect(r.entries.count == 3)
        #expect(r.resultsEnd == lines.reduce(0) { $0 + $1.count })
        #expect(r.droppedResultBytes == unjournaled.count)
    }

    @Test func journalAheadOfResultsDropsThoseEntries() throws {
        let (results, journal, lines) = Self.finished()
        // A power cut with --fsync never: the journal reached the disk, the last line did not.
        let r = try Self.recover(journal: journal, results: Array(results.prefix(lines[0].count + 5)))
        #expect(r.entries.map(\.thread) == ["<a@x>"])
        #expect(r.droppedEntries == 2)
        #expect(r.resultsEnd == lines[0].count)
    }

    @Test func noHeaderMeansNothingIsDone() throws {
        let (results, _, _) = Self.finished()
        let r = try Self.recover(journal: Array(Journal.encode(Self.header).prefix(10)), results: results)
        #expect(r.entries.isEmpty)
        #expect(r.resultsEnd == 0)
        #expect(r.journalEnd == 0)
    }

    @Test func summaryLineOfAFinishedRunIsCutOff() throws {
        let (results, journal, _) = Self.finished()
        var summary = BatchSummary(archive: Self.archive, shard: nil)
        summary.threads = 3
        let r = try Self.recover(journal: journal, results: results + summary.line + [0x0A])
        #expect(r.resultsEnd == results.count)
    }

    @Test func damageBeforeTheLastLineIsAnError() throws {
        let (_, journal, _) = Self.finished()
        var bad = journal
        let firstEntry = Journal.encode(Self.header).count
        bad[firstEntry] = 0x78  // `x`: the first entry is no longer JSON
        #expect(throws: BatchError.self) { try Journal.parse(bad, path: "j") }
    }

    @Test func entriesMustBeContiguousAndUnique() throws {
        var journal = Journal.encode(Self.header)
        journal += Journal.encode(Journal.Entry(thread: "<a@x>", offset: 0, length: 10, counts: .init()))
        journal += Journal.encode(Journal.Entry(thread: "<b@x>", offset: 11, length: 10, counts: .init()))
        journal += Journal.encode(Journal.Entry(thread: "<c@x>", offset: 21, length: 10, counts: .init()))
        #expect(throws: BatchError.self) { try Journal.parse(journal, path: "j") }
        var twice = Journal.encode(Self.header)
        twice += Journal.encode(Journal.Entry(thread: "<a@x>", offset: 0, length: 10, counts: .init()))
        twice += Journal.encode(Journal.Entry(thread: "<a@x>", offset: 10, length: 10, counts: .init()))
        twice += Journal.encode(Journal.Entry(thread: "<c@x>", offset: 20, length: 10, counts: .init()))
        #expect(throws: BatchError.self) { try Journal.parse(twice, path: "j") }
    }

    @Test func lineEndMustBeANewline() throws {
        let (results, journal, _) = Self.finished()
        var shifted = results
        shifted.insert(0x20, at: 0)  // the file is not the one the journal describes
        #expect(throws: BatchError.self) { try Self.recover(journal: journal, results: shifted) }
    }

    @Test func resumeWithOtherSettingsIsRefused() throws {
        let (results, journal, _) = Self.finished()
        var other = Self.header
        other.settings["max-paths"] = "64"
        #expect(throws: BatchError.self) { try Self.recover(journal: journal, results: results, expected: other) }
        var shard = Self.header
        shard.shard = try ShardSpec(index: 1, count: 2)
        #expect(throws: BatchError.self) { try Self.recover(journal: journal, results: results, expected: shard) }
        var archive = Self.header
        archive.archive.threads = 4
        #expect(throws: BatchError.self) { try Self.recover(journal: journal, results: results, expected: archive) }
    }
}
