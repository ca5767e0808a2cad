import Checker
import Conversation
import Foundation
import Model
import Report

/// The repository's own inputs for report tests, and the seed reports built once.
enum ReportFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let catalog = try! ModelCatalog.load(root: repoRoot.appendingPathComponent("corpus/model"))

    static let seeds = [
        "000_d01b7560f6bfaef0", "001_c631dee9447f85c9", "002_ae5048c6cf5fd9f4", "003_de7a456962fba1d1",
        "004_cb09e22d1a946026",
    ]

    /// Golden reports use the default path bound and no effective time bound, so they do not
    /// depend on the machine (a debug build on a loaded machine may be 10x slower than the
    /// release build's 0.05-0.8 s a seed): every seed function completes within 2,048 paths.
    static var goldenLimits: CheckLimits {
        var l = CheckLimits()
        l.seconds = 300
        return l
    }

    /// A thread of a file under the repository (or an absolute path).
    static func thread(_ relativePath: String) throws -> ThreadExtraction {
        let path = relativePath.hasPrefix("/") ? relativePath : repoRoot.appendingPathComponent(relativePath).path
        let e = try ArchiveExtractor.extract(path: path)
        guard let t = e.threads.first else { throw FixtureError("\(relativePath): no thread") }
        return t
    }

    static func build(_ relativePath: String, limits: CheckLimits = goldenLimits) throws -> ReviewReport {
        ReportBuilder.build(
            thread: try thread(relativePath), catalog: catalog, options: ReportOptions(limits: limits))
    }

    /// The five seed reports, built once for every test that reads them.
    static let seedReports: [String: ReviewReport] = {
        var out: [String: ReviewReport] = [:]
        for s in seeds { out[s] = try! build("corpus/threads/\(s).txt") }
        return out
    }()

    static func seed(_ name: String) -> ReviewReport { seedReports[name]! }

    /// Renders name their input by the path they were given (absolute in tests): shown relative
    /// to the repository, so the golden files hold in any checkout.
    static func normalized(_ s: String) -> String {
        s.replacingOccurrences(of: repoRoot.path + "/", with: "")
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
