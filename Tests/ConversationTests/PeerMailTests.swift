import Conversation
import Foundation
import Mail
import Testing

/// The test mails of patchwork, git (t5100) and b4 (copied with their licence note into
/// Tests/MailTests/Fixtures/peer-mail): wherever the peer's own suite says who the author is, what
/// the subject is, whether the mail carries a patch and where it starts, we agree.
enum ConversationArchive {
    static func threads(_ a: MailArchive) -> [ThreadExtraction] { ArchiveExtractor.extract(a).threads }
}

@Suite struct PeerMailTests {
    struct Expectation: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var peer: String
        var message: Int?
        var options: String?
        var author: String?
        var subject: String?
        var diffStartsWith: String?
        var hasDiff: Bool?
        var kind: String?
        var testDescription: String { "\(file)#\(message ?? 1)\(options.map { " \($0)" } ?? "")" }

        enum Key: String, CodingKey {
            case file, peer, message, options, author, subject, diffStartsWith, hasDiff, kind
        }
        /// The facts file mixes types where a peer asserts less (`"hasDiff": "implied (...)"`).
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            file = try c.decode(String.self, forKey: .file)
            peer = try c.decode(String.self, forKey: .peer)
            message = try? c.decode(Int.self, forKey: .message)
            options = try? c.decode(String.self, forKey: .options)
            author = try? c.decode(String.self, forKey: .author)
            subject = try? c.decode(String.self, forKey: .subject)
            diffStartsWith = try? c.decode(String.self, forKey: .diffStartsWith)
            hasDiff = try? c.decode(Bool.self, forKey: .hasDiff)
            kind = try? c.decode(String.self, forKey: .kind)
        }
    }

    static let folder = Fixtures.repoRoot.appendingPathComponent("Tests/MailTests/Fixtures/peer-mail")
    static let expectations: [Expectation] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let all = try? JSONDecoder().decode([Expectation].self, from: data)
        else { return [] }
        // Variants run with other mailinfo options (--scissors, --no-inbody-headers) ask for
        // behaviour we do not offer; the default (-u) runs are the ones to agree with.
        return all.filter { $0.options == nil || $0.options == "-u" }
    }()

    @Test func expectationsAreThere() {
        #expect(Self.expectations.count > 60)
    }

    static func asserted(_ s: String?) -> String? {
        guard let s, s != "not asserted", !s.hasPrefix("non-null") else { return nil }
        return s
    }

    /// `diff --git a/foo b/foo` → `foo`; `--- a/b4/junk.py` → `b4/junk.py`; `Index: x` → `x`.
    static func path(from start: String) -> String? {
        if start.hasPrefix("diff --git ") {
            let parts = start.dropFirst("diff --git ".count).split(separator: " ")
            // `diff --git a/x b/x`, or only its start `diff --git a/x` as patchwork asserts it.
            return parts.last.map { $0.hasPrefix("b/") || $0.hasPrefix("a/") ? String($0.dropFirst(2)) : String($0) }
        }
        if start.hasPrefix("--- ") {
            let p = String(start.dropFirst(4).split(separator: "\t").first ?? "")
            return p.hasPrefix("a/") ? String(p.dropFirst(2)) : p
        }
        if start.hasPrefix("Index: ") { return String(start.dropFirst(7)) }
        return nil
    }

    @Test(arguments: expectations) func agreesWithPeer(_ e: Expectation) throws {
        let archive = try MailReader.read(path: Self.folder.appendingPathComponent(e.file).path)
        #expect(!archive.messages.isEmpty)
        let extractions = archive.messages.map {
            ThreadExtractor.extract(messages: [$0], parents: [nil])
        }
        if e.peer == "b4", e.kind?.hasPrefix("series: cover letter") == true, let s = Self.asserted(e.subject) {
            // b4 asserts the cover letter (sent without a 0/N tag) is found, with its subject.
            let threads = ConversationArchive.threads(archive)
            let covers = threads.flatMap { t in t.series.compactMap { $0.coverLetter.map { t.messages[$0].subject } } }
            #expect(covers.contains(s), "cover letters found: \(covers)")
            return
        }
        if e.peer == "b4" {
            // b4 asserts the series' patch: some message carries it, by that author, with that subject.
            let patches = extractions.flatMap { $0.patches.filter { $0.quoteLevel == 0 && !$0.isFragment } }
            if let s = Self.asserted(e.subject) { #expect(patches.contains { $0.subject == s }, "subject \(s)") }
            if let a = Self.asserted(e.author) { #expect(patches.contains { $0.author == a }, "author \(a)") }
            if let d = Self.asserted(e.diffStartsWith), let p = Self.path(from: d) {
                #expect(patches.contains { $0.files.first?.path == p }, "patch starting \(d)")
            }
            return
        }
        let index = (e.message ?? 1) - 1
        try #require(index < extractions.count, "message \(index + 1) of \(archive.messages.count)")
        let t = extractions[index]
        let m = archive.messages[index]
        let posted = t.patches.filter { $0.quoteLevel == 0 && !$0.isFragment }
        if let d = Self.asserted(e.diffStartsWith), let p = Self.path(from: d) {
            #expect(posted.first?.files.first?.path == p, "patch should start at \(d)")
        } else if e.hasDiff == false
            || (e.peer == "git" && e.diffStartsWith == nil && e.kind?.hasPrefix("other") == true)
        {
            #expect(posted.isEmpty, "no patch expected, found \(posted.map(\.subject))")
        }
        if e.peer == "git" {
            if let a = Self.asserted(e.author), !a.isEmpty {
                #expect((posted.first?.author ?? m.from.display) == a)
            }
            if let s = Self.asserted(e.subject) {
                #expect((posted.first?.title ?? PatchSubject.parse(m.subject).title) == s)
            }
        }
    }
}
