import Foundation

/// A golden file compared byte for byte; with MMREVIEW_UPDATE_GOLDEN=1 it is rewritten instead
/// (see Fixtures/README.md: update deliberately, review the diff).
enum GoldenFile {
    static var updating: Bool { ProcessInfo.processInfo.environment["MMREVIEW_UPDATE_GOLDEN"] == "1" }

    /// nil when `actual` matches the file (or the file was rewritten), else what differs.
    static func check(_ actual: String, name: String) -> String? {
        let url = ReportFixtures.fixtures.appendingPathComponent("golden/\(name)")
        if updating {
            do {
                try Data(actual.utf8).write(to: url)
                return nil
            } catch {
                return "cannot write \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "no golden file \(url.path) (run with MMREVIEW_UPDATE_GOLDEN=1 to create it, then review it)"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let want = first < a.count ? String(a[first]) : "(end of file)"
        let got = first < b.count ? String(b[first]) : "(end of output)"
        return "\(name) differs from line \(first + 1):\n  golden: \(want)\n  now:    \(got)\n"
            + "(if the change is intended: MMREVIEW_UPDATE_GOLDEN=1 swift test --filter ReportTests, review the diff)"
    }
}
