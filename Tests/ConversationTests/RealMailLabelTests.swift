import Conversation
import Foundation
import Patches
import Testing

/// The 12 real linux-mm / LKML review mails with hand-made labels (copied byte-for-byte from
/// shared/real-mail into Tests/MailTests/Fixtures/real-mail; see the NOTE there). Every labelled
/// hunk must be found with its counts and `complete` flag, and every labelled comment must come
/// out with its author and the line it answers.
@Suite struct RealMailLabelTests {
    struct Label: Decodable {
        struct LPatch: Decodable {
            var quoteLevel: Int
            var author: String?
            var files: [LFile]
        }
        struct LFile: Decodable {
            var path: String?
            var hunks: [LHunk]
        }
        struct LHunk: Decodable {
            var header: String
            var function: String?
            var oldStart: Int
            var oldLines: Int
            var newStart: Int
            var newLines: Int
            var complete: Bool
        }
        struct LComment: Decodable {
            var author: String
            var quoteLevel: Int
            var anchorKind: String
            var anchorLine: String?
            var file: String?
            var textStartsWith: String
        }
        var file: String
        var patches: [LPatch]
        var comments: [LComment]
    }

    static let folder = Fixtures.repoRoot.appendingPathComponent("Tests/MailTests/Fixtures/real-mail")
    static let labels: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func load(_ name: String) throws -> (Label, ThreadExtraction) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let label = try JSONDecoder().decode(Label.self, from: data)
        let result = try ArchiveExtractor.extract(path: folder.appendingPathComponent(label.file).path)
        guard result.threads.count == 1 else {
            throw Fixtures.FixtureError.unexpected("\(label.file): \(result.threads.count) threads")
        }
        return (label, result.threads[0])
    }

    @Test func thereAreTwelveLabelledMails() {
        #expect(Self.labels.count == 12)
    }

    @Test(arguments: labels) func everyLabelledHunkIsFound(_ name: String) throws {
        let (label, t) = try Self.load(name)
        for lp in label.patches {
            for lf in lp.files {
                for lh in lf.hunks {
                    let found = t.patches.flatMap { p in
                        p.files.flatMap { f in
                            f.hunks.filter { squeeze($0.header) == squeeze(lh.header) }.map { (p, f, $0) }
                        }
                    }
                    let hit = found.first { (p, _, _) in p.occurrences.contains { $0.quoteLevel == lp.quoteLevel } }
                    #expect(hit != nil, "\(label.file): hunk \(lh.header) at level \(lp.quoteLevel) not found")
                    guard let (_, f, h) = hit else { continue }
                    #expect(
                        (h.oldStart, h.oldLines, h.newStart, h.newLines) == (
                            lh.oldStart, lh.oldLines, lh.newStart, lh.newLines
                        ), "\(label.file): \(lh.header)")
                    #expect(h.complete == lh.complete, "\(label.file): \(lh.header) complete")
                    #expect(h.function == lh.function, "\(label.file): \(lh.header) function")
                    if let path = lf.path { #expect(f.path == path, "\(label.file): \(lh.header) path") }
                }
            }
        }
    }

    @Test(arguments: labels) func everyLabelledCommentIsAnchored(_ name: String) throws {
        let (label, t) = try Self.load(name)
        for lc in label.comments {
            let candidates = t.comments.filter {
                $0.author == lc.author && $0.quoteLevel == lc.quoteLevel
                    && squeeze($0.text).hasPrefix(squeeze(lc.textStartsWith))
            }
            #expect(
                candidates.count >= 1,
                "\(label.file): no comment by \(lc.author) at level \(lc.quoteLevel) starting \"\(lc.textStartsWith)\"")
            guard let c = candidates.first else { continue }
            let effective = c.anchor.kind == .prose ? (c.discussion ?? c.anchor) : c.anchor
            #expect(
                effective.kind.rawValue == lc.anchorKind,
                "\(label.file): \"\(lc.textStartsWith)\" anchored \(effective.kind.rawValue), label says \(lc.anchorKind)"
            )
            if let line = lc.anchorLine {
                let want = squeeze(String(line.dropFirst()))
                #expect(
                    squeeze(effective.text) == want,
                    "\(label.file): \"\(lc.textStartsWith)\" anchored to \"\(effective.text ?? "nil")\", label says \"\(want)\""
                )
            }
            if let file = lc.file { #expect(effective.file == file, "\(label.file): \"\(lc.textStartsWith)\" file") }
        }
    }
}
