import Foundation
import Testing

@testable import Mail

/// Large regular files are mapped, everything else read: both must give the same archive.
@Suite struct InputBytesTests {
    /// A file in a fresh temporary folder, removed with it.
    struct TempFile {
        let folder: String
        let path: String
        init(_ bytes: [UInt8], name: String = "input.mbox") throws {
            folder = NSTemporaryDirectory() + "mmreview-input-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Three messages: plain, CRLF, and one whose body has mboxrd `>From ` quoting.
    static let mbox: [UInt8] =
        SyntheticMail.bytes([
            "From a Mon Sep 17 00:00:00 2001", "From: A <a@x>", "Subject: one", "", "first body", "",
        ])
        + SyntheticMail.bytes(
            ["From b Mon Sep 17 00:00:00 2001", "From: B <b@x>", "Subject: two", "", "second", ""], crlf: true)
        + SyntheticMail.bytes([
            "From c Mon Sep 17 00:00:00 2001", "From: C <c@x>", "Subject: three", "", ">>From quoted", "",
        ])

    @Test func mappedAndReadBytesAgree() throws {
        let file = try TempFile(Self.mbox)
        defer { file.remove() }
        let mapped = try FileInput.bytes(path: file.path, limit: 1 << 20, mapMinimum: 0)
        let read = try FileInput.bytes(path: file.path, limit: 1 << 20, mapMinimum: .max)
        #expect(mapped.isMapped)
        #expect(!read.isMapped)
        #expect(mapped.array == Self.mbox)
        #expect(read.array == Self.mbox)
        let fromMapped = MailReader.read(input: mapped, name: file.path)
        let fromRead = MailReader.read(input: read, name: file.path)
        #expect(fromMapped == fromRead)
        #expect(fromMapped == MailReader.read(bytes: Self.mbox, name: file.path))
        #expect(fromMapped.messages.map(\.subject) == ["one", "two", "three"])
        #expect(SyntheticMail.body(fromMapped.messages.last).hasPrefix(">From quoted\n"))
    }

    @Test func mappedFileIsCutAtTheInputLimit() throws {
        let file = try TempFile(Self.mbox)
        defer { file.remove() }
        let input = try FileInput.bytes(path: file.path, limit: 40, mapMinimum: 0)
        #expect(input.isMapped)
        #expect(input.truncated)
        #expect(input.count == 40)
        #expect(input.array == Array(Self.mbox.prefix(40)))
        let archive = MailReader.read(input: input, name: file.path)
        #expect(archive.diagnostics.first?.code == "limit.input-bytes")
    }

    @Test func emptyFileIsReadNotMapped() throws {
        let file = try TempFile([])
        defer { file.remove() }
        let input = try FileInput.bytes(path: file.path, limit: 1 << 20, mapMinimum: 0)
        #expect(!input.isMapped)
        #expect(input.count == 0)
        #expect(MailReader.read(input: input, name: file.path).diagnostics.map(\.code) == ["input.empty"])
    }

    @Test func mappedGzipIsInflated() throws {
        let file = try TempFile(InputFormatTests.gzipped, name: "t.mbox.gz")
        defer { file.remove() }
        let input = try FileInput.bytes(path: file.path, limit: 1 << 20, mapMinimum: 0)
        #expect(input.isMapped)
        let archive = MailReader.read(input: input, name: file.path)
        #expect(archive.messages.map(\.subject) == ["zipped"])
        #expect(archive.diagnostics.isEmpty)
    }

    /// Past the default threshold `read(path:)` maps, and reads the same messages as from memory.
    @Test func largeFileThroughReadPath() throws {
        var bytes: [UInt8] = []
        var k = 0
        while bytes.count <= FileInput.mapMinimum {
            bytes += SyntheticMail.bytes([
                "From m\(k) Mon Sep 17 00:00:00 2001", "From: M <m@x>", "Subject: message \(k)", "",
                String(repeating: "line of text \(k)\n", count: 200),
            ])
            k += 1
        }
        let file = try TempFile(bytes)
        defer { file.remove() }
        #expect(try MailReader.input(path: file.path).isMapped)
        let archive = try MailReader.read(path: file.path)
        #expect(archive.messages.count == k)
        #expect(archive == MailReader.read(bytes: bytes, name: file.path))
    }

    @Test func unreadablePathThrows() {
        #expect(throws: MailError.self) {
            _ = try MailReader.input(path: "/nonexistent/mmreview/input.mbox")
        }
    }
}

@Suite struct HeapRetentionTests {
    /// glibc takes both settings (the executables call this first thing).
    @Test func glibcTakesTheSettings() {
        #if canImport(Glibc)
            #expect(HeapRetention.keepFreedMemory())
        #endif
    }
}
