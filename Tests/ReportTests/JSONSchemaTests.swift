import Foundation
import Report
import Testing

/// The seeds' JSON against docs/report.schema.json, and the checker of that schema against
/// documents it must refuse.
@Suite struct JSONSchemaTests {
    static let schema: MiniJSONSchema = {
        let url = ReportFixtures.repoRoot.appendingPathComponent("docs/report.schema.json")
        return MiniJSONSchema(root: try! JSONValue.parse(try! Data(contentsOf: url)))
    }()

    @Test(arguments: ReportFixtures.seeds)
    func seedReportConformsToTheSchema(_ seed: String) throws {
        let json = try JSONValue.parse(Data(try ReportJSON.encode(ReportFixtures.seed(seed))))
        let problems = Self.schema.validate(json)
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func schemaNamesTheSchemaID() throws {
        guard case .object(let root) = Self.schema.root, case .object(let props)? = root["properties"],
            case .object(let schemaField)? = props["schema"]
        else { throw ReportFixtures.FixtureError("no properties.schema") }
        #expect(schemaField["enum"] == .array([.string(ReviewReport.schema)]))
    }

    /// The checker is not a rubber stamp: a missing field, a wrong type, an unknown field and a
    /// bad enum value in a real report are each caught.
    @Test func checkerRefusesBrokenDocuments() throws {
        let good = try JSONValue.parse(Data(try ReportJSON.encode(ReportFixtures.seed(ReportFixtures.seeds[0]))))
        #expect(Self.schema.validate(good).isEmpty)
        guard case .object(var top) = good, case .object(var summary)? = top["summary"] else {
            throw ReportFixtures.FixtureError("not an object")
        }
        var missing = top
        missing["thread"] = nil
        #expect(Self.schema.validate(.object(missing)).contains { $0.contains("missing required thread") })
        summary["patches"] = .string("one")
        top["summary"] = .object(summary)
        #expect(Self.schema.validate(.object(top)).contains { $0.contains("$.summary.patches: expected integer") })
        var extra = missing
        extra["thread"] = good.field("thread")
        extra["surprise"] = .bool(true)
        #expect(Self.schema.validate(.object(extra)).contains { $0.contains("property surprise is not in the schema") })
        var badEnum = extra
        badEnum["surprise"] = nil
        badEnum["schema"] = .string("mmreview.report/0")
        #expect(Self.schema.validate(.object(badEnum)).contains { $0.contains("enum") })
    }
}

extension JSONValue {
    func field(_ k: String) -> JSONValue? {
        if case .object(let o) = self { return o[k] }
        return nil
    }
}
