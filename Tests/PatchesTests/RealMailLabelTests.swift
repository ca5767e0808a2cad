import Foundation
import Testing

@testable import Patches

/// The hand-made labels of `Fixtures/real-mail/*.json`: every labelled hunk must be found at its
/// quote level with its path, header, counts and completeness.
struct MailLabel: Decodable {
    struct PatchLabel: Decodable {
        var quoteLevel: Int
        var files: [FileLabel]
    }
    struct FileLabel: Decodable {
        var path: String?
        var hunks: [HunkLabel]
    }
    struct HunkLabel: Decodable {
        var header: String
        var function: String?
        var oldStart: Int
        var oldLines: Int
        var newStart: Int
        var newLines: Int
        var complete: Bool
    }
    var file: String
    var patches: [PatchLabel]
}

let realMailNames = [
    "003_vma-seqcount-minchan", "006_cont-pte-hugetlb-unmap-baolin",
    "009_pf-scalability-defer-ptl-marcelo", "012_thp-zero-pfn-present-kirill",
    "015_head-mapcount-willy", "018_revert-non-lru-follow-page-post",
    "021_arch-get-order-kconfig-haavard", "024_madv-pageout-shared-swap-minchan",
    "027_compaction-abort-check-akpm", "030_swap-reclaim-irrelevant-bhe",
    "033_compaction-prio-sync-full-vbabka", "036_kill-page-lru-list-willy",
]

@Test(arguments: realMailNames)
func realMailHunksMatchLabels(_ name: String) throws {
    let label = try JSONDecoder().decode(
        MailLabel.self, from: Data(try Fixtures.bytes("real-mail/\(name).json")))
    let split = try Fixtures.mail(name)
    var scans: [Int: DiffScan] = [:]
    for level in split.levels.keys {
        scans[level] = DiffScanner.scan(split.lines(level: level))
    }
    var labelledHunks = 0
    for patch in label.patches {
        let found = scans[patch.quoteLevel]?.patches ?? []
        let foundHunks = found.flatMap { p in p.files.flatMap { f in f.hunks.map { (f, $0) } } }
            .filter { !$0.1.isFragment }
        for file in patch.files {
            for h in file.hunks {
                labelledHunks += 1
                let match = foundHunks.first { $0.1.header == h.header }
                #expect(match != nil, "\(name): level \(patch.quoteLevel) hunk \(h.header) not found")
                guard let (f, hunk) = match else { continue }
                #expect(f.path == file.path, "\(name): \(h.header) path \(f.path ?? "nil")")
                #expect(hunk.oldStart == h.oldStart && hunk.oldLines == h.oldLines)
                #expect(hunk.newStart == h.newStart && hunk.newLines == h.newLines)
                #expect(hunk.function == h.function, "\(name): \(h.header) function")
                #expect(hunk.complete == h.complete, "\(name): \(h.header) complete")
                if hunk.complete {
                    // Every counted line is there.
                    #expect(hunk.contextCount + hunk.removedCount == h.oldLines)
                    #expect(hunk.contextCount + hunk.addedCount == h.newLines)
                }
            }
        }
        // No other (non-fragment) hunks at that level than the labelled ones.
        let labelled = Set(patch.files.flatMap { $0.hunks.map(\.header) })
        let others = label.patches.filter { $0.quoteLevel == patch.quoteLevel }
            .flatMap { $0.files.flatMap { $0.hunks.map(\.header) } }
        for (_, hunk) in foundHunks where !labelled.contains(hunk.header ?? "") {
            #expect(others.contains(hunk.header ?? ""), "\(name): unlabelled hunk \(hunk.header ?? "")")
        }
    }
    #expect(labelledHunks > 0)
    // One scanned patch per labelled patch, and none of them a fragment (no label has one).
    for level in Set(label.patches.map(\.quoteLevel)) {
        let found = scans[level]?.patches ?? []
        #expect(found.count == label.patches.filter { $0.quoteLevel == level }.count, "\(name): level \(level)")
        #expect(!found.contains { $0.isFragment }, "\(name): level \(level) fragment")
    }
    // Levels with no labelled patch hold no diff at all (prose starting `+`/`-` stays prose).
    let levelsWithPatches = Set(label.patches.map(\.quoteLevel))
    for (level, scan) in scans where !levelsWithPatches.contains(level) {
        #expect(scan.patches.isEmpty, "\(name): level \(level) has \(scan.patches.count) patches")
    }
}
