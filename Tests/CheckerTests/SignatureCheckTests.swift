import CFrontEnd
import Conversation
import Foundation
import Model
import Testing

@testable import Checker

/// A patch that changes a function's parameters is checked against every caller in the model.
@Suite struct SignatureCheckTests {
    @Test func seed004UpdatesEveryCallerAndALeftBehindCallerIsReported() throws {
        let r = try CheckerVerdictTests.check("corpus/threads/004_cb09e22d1a946026.txt")
        let sig = r.versions.flatMap(\.findings).filter { $0.invariant == "call.signature" }
        #expect(
            sig.contains { $0.verdict == .holds && $0.function == "__do_fault" && $0.message.contains("all 3 call(s)") }
        )

        let t = try ArchiveExtractor.extract(
            path: CheckerVerdictTests.repo.appendingPathComponent("corpus/threads/004_cb09e22d1a946026.txt").path
        ).threads[0]
        let v = try #require(VersionApplier(catalog: CheckerVerdictTests.catalog).apply(t).versions.first)
        let patched = try #require(v.patchedFiles["mm/memory.c"])
        let base = try #require(v.baseFiles["mm/memory.c"])
        // Seeded: one caller keeps the old five-argument call.
        let newCall = "__do_fault(vma, address, pgoff, flags, NULL, &fault_page)"
        #expect(patched.contains(newCall))
        let leftBehind = patched.replacingOccurrences(
            of: newCall, with: "__do_fault(vma, address, pgoff, flags, &fault_page)")
        func functions(_ s: String) -> [String: CFunction] {
            Dictionary(
                CParser.parse(s, file: "mm/memory.c").functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let findings = SignatureCheck.check(patched: functions(leftBehind), base: functions(base), file: "mm/memory.c")
        #expect(findings.contains { $0.verdict == .violated && $0.message.contains("left behind") })
    }
}
