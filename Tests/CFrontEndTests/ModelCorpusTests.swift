import CFrontEnd
import Foundation
import Testing

/// Every model source under corpus/model parses without an error in every configuration its
/// conditionals distinguish, and every item its manifest lists is there.
@Suite struct ModelCorpusTests {
    struct ModelFile: CustomStringConvertible, Sendable {
        var base: String
        var path: String
        var description: String { "\(base)/\(path)" }
    }

    static let modelRoot = SyntaxWalk.repository.appendingPathComponent("corpus/model")

    static let files: [ModelFile] = {
        let fm = FileManager.default
        var out: [ModelFile] = []
        let bases = (try? fm.contentsOfDirectory(atPath: modelRoot.path)) ?? []
        for base in bases.sorted()
        where fm.fileExists(atPath: modelRoot.appendingPathComponent("\(base)/manifest.json").path) {
            let dir = modelRoot.appendingPathComponent(base)
            let paths = fm.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
            for p in paths.sorted() where p.hasSuffix(".c") || p.hasSuffix(".h") {
                out.append(ModelFile(base: base, path: p))
            }
        }
        return out
    }()

    static func source(_ f: ModelFile) throws -> String {
        try String(contentsOf: modelRoot.appendingPathComponent("\(f.base)/\(f.path)"), encoding: .utf8)
    }

    /// The units of a file in every configuration of the symbols it tests.
    static func units(_ f: ModelFile) throws -> [CTranslationUnit] {
        let text = try source(f)
        return CConfiguration.combinations(of: CPreprocessor.configurationSymbols(in: text)).map {
            CParser.parse(text, file: f.path, configuration: $0)
        }
    }

    @Test func corpusIsThere() {
        #expect(Self.files.count >= 10, "model files found: \(Self.files)")
        #expect(Set(Self.files.map(\.base)).count == 5)
    }

    @Test(arguments: ModelCorpusTests.files)
    func parsesWithoutErrors(_ f: ModelFile) throws {
        for unit in try Self.units(f) {
            #expect(unit.errors.isEmpty, "\(f): \(unit.errors.map(\.description))")
        }
    }

    @Test(arguments: ModelCorpusTests.files)
    func manifestItemsAreFound(_ f: ModelFile) throws {
        let manifestData = try Data(contentsOf: Self.modelRoot.appendingPathComponent("\(f.base)/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let files = try #require(manifest["files"] as? [String: Any])
        guard let entry = files[f.path] as? [String: Any], let items = entry["functions"] as? [[String: Any]] else {
            return  // a file the manifest does not describe item by item
        }
        let units = try Self.units(f)
        for item in items {
            let name = try #require(item["name"] as? String)
            switch item["kind"] as? String ?? "definition" {
            case "declaration":
                #expect(units.contains { $0.prototypes[name] != nil }, "\(f): no prototype of \(name)")
            case "struct":
                let fields = units.compactMap { $0.structs[name] }.first
                #expect(fields?.isEmpty == false, "\(f): no struct \(name)")
            case "variable":
                #expect(units.contains { $0.globals.contains { $0.name == name } }, "\(f): no global \(name)")
            case "defines":
                let prefix = name.replacingOccurrences(of: "*", with: "")
                #expect(units.contains { $0.macros.keys.contains { $0.hasPrefix(prefix) } }, "\(f): no \(name)")
            default:
                let function = units.lazy.compactMap { $0.function(named: name) }.first
                #expect(function != nil, "\(f): no definition of \(name)")
                if let function {
                    #expect(!function.parameters.isEmpty, "\(f): \(name) has no parameters")
                    #expect(function.parameters.allSatisfy { $0.name != nil }, "\(f): \(name) has unnamed parameters")
                    #expect(function.endLine > function.location.line)
                }
            }
        }
    }

    @Test func doWpPageOf2020() throws {
        let f = ModelFile(base: "mainline-2020-08-11", path: "mm/memory.c")
        let unit = CParser.parse(try Self.source(f), file: f.path)
        let doWpPage = try #require(unit.function(named: "do_wp_page"))
        #expect(doWpPage.isStatic && !doWpPage.isInline)
        #expect(doWpPage.returnType == .named("vm_fault_t"))
        #expect(
            doWpPage.parameters == [CParameter(name: "vmf", type: .pointer(.tagged(kind: "struct", name: "vm_fault")))])
        #expect(doWpPage.annotations == ["__releases(vmf->ptl)"])
        #expect(SyntaxWalk.labels(in: doWpPage.body) == ["copy"])
        #expect(SyntaxWalk.gotos(in: doWpPage.body) == ["copy", "copy"])
        let calls = SyntaxWalk.calledNames(in: doWpPage.body)
        #expect(calls.contains("wp_page_reuse"))
        #expect(calls.contains("wp_page_copy"))
        #expect(calls.contains("pte_unmap_unlock"))
        // `if (PageKsm(vmf->page) && (PageSwapCache(vmf->page) || page_count(vmf->page) != 1)) goto copy;`
        let ifs = SyntaxWalk.statements(in: doWpPage.body).compactMap { s -> (CExpr, CStmt)? in
            if case .ifElse(let c, let t, _) = s.kind { return (c, t) }
            return nil
        }
        let ksm = ifs.first { cond, then in
            if case .binary(.logicalAnd, let l, let r) = cond.kind, case .call = l.kind,
                case .binary(.logicalOr, _, _) = r.kind, case .gotoStmt("copy") = then.kind
            {
                return true
            }
            return false
        }
        #expect(ksm != nil)
        // The `copy:` label sits at the top level of the body, at its line in the file.
        guard case .compound(let items) = doWpPage.body.kind else {
            Issue.record("body is not a compound statement")
            return
        }
        let label = try #require(items.first { if case .label = $0.kind { return true } else { return false } })
        let lineOfLabel = try Self.source(f).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "copy:" }.map { $0 + 1 }
        #expect(label.location.line == lineOfLabel)
        #expect(label.location.column == 1)
        // unlikely(...) expands to its argument, located where unlikely was written.
        let wpPageShared = try #require(unit.function(named: "wp_page_shared"))
        #expect(!SyntaxWalk.calledNames(in: wpPageShared.body).contains("unlikely"))
        #expect(wpPageShared.annotations == ["__releases(vmf->ptl)"])
    }

    @Test func copyPteRangeOfV67() throws {
        let f = ModelFile(base: "v6.7-rc", path: "mm/memory.c")
        let unit = CParser.parse(try Self.source(f), file: f.path)
        let fn = try #require(unit.function(named: "copy_pte_range"))
        #expect(SyntaxWalk.labels(in: fn.body).sorted() == ["again", "out"])
        // `swp_entry_t entry = (swp_entry_t){0};` is a compound literal.
        let literal = SyntaxWalk.expressions(in: fn.body).contains {
            if case .compoundLiteral(.named("swp_entry_t"), let l) = $0.kind { return l.items.count == 1 }
            return false
        }
        #expect(literal)
        // `} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);`
        let doWhile = SyntaxWalk.statements(in: fn.body).compactMap { s -> CExpr? in
            if case .doWhile(_, let c) = s.kind { return c }
            return nil
        }
        let condition = try #require(doWhile.first)
        guard case .comma(let parts) = condition.kind else {
            Issue.record("loop condition is not a comma expression")
            return
        }
        #expect(parts.count == 4)
        #expect(SyntaxWalk.render(parts[2]) == "(addr += (1 << 12))")
        #expect(unit.prototypes["copy_nonpresent_pte"] != nil)
    }
}
