import Foundation
import Report
import Testing

/// Text and JSON of every seed against the golden files beside the fixtures.
@Suite struct GoldenTests {
    @Test(arguments: ReportFixtures.seeds)
    func textMatchesGolden(_ seed: String) throws {
        let text = ReportFixtures.normalized(ReportTextRenderer.render(ReportFixtures.seed(seed), colour: false))
        let problem = GoldenFile.check(text, name: "\(seed.prefix(3)).txt")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test(arguments: ReportFixtures.seeds)
    func jsonMatchesGolden(_ seed: String) throws {
        let bytes = try ReportJSON.encode(ReportFixtures.seed(seed))
        let json = ReportFixtures.normalized(String(decoding: bytes, as: UTF8.self)) + "\n"
        let problem = GoldenFile.check(json, name: "\(seed.prefix(3)).json")
        #expect(problem == nil, "\(problem ?? "")")
    }

    /// Two builds from scratch give the same bytes (no timings, no unordered maps leaking).
    @Test func jsonIsDeterministicAcrossBuilds() throws {
        let path = "corpus/threads/000_d01b7560f6bfaef0.txt"
        let a = try ReportJSON.encode(try ReportFixtures.build(path))
        let b = try ReportJSON.encode(try ReportFixtures.build(path))
        #expect(a == b)
        let compactA = try ReportJSON.encode(try ReportFixtures.build(path), pretty: false)
        let compactB = try ReportJSON.encode(try ReportFixtures.build(path), pretty: false)
        #expect(compactA == compactB)
    }

    /// Compact JSON is one line (for JSON Lines) and decodes to the same value.
    @Test(arguments: ReportFixtures.seeds)
    func compactJSONIsOneLineAndRoundTrips(_ seed: String) throws {
        let r = ReportFixtures.seed(seed)
        let bytes = try ReportJSON.encode(r, pretty: false)
        #expect(!bytes.contains(10) && !bytes.contains(13))
        let back = try JSONDecoder().decode(ReviewReport.self, from: Data(bytes))
        #expect(back == r)
    }
}
