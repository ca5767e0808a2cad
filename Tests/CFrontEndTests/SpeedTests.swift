import CFrontEnd
import Foundation
import Testing

/// The checker parses often: the largest model file must parse in well under a millisecond in a
/// release build (`swift test -c release --filter CFrontEndTests.SpeedTests`). Debug builds run
/// fewer rounds against a looser bound, so the test still catches a blow-up.
@Suite struct SpeedTests {
    @Test func largestModelFileParsesQuickly() throws {
        let root = SyntaxWalk.repository.appendingPathComponent("corpus/model")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
        let sizes = try files.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
        let (path, source) = try #require(sizes.max { $0.1.utf8.count < $1.1.utf8.count })
        // Batches, the fastest one counting: other tests (and other work on the machine) share the
        // cores, and a bound on the best batch measures the parser rather than the neighbours.
        #if DEBUG
            let (batches, perBatch) = (5, 10)
            let bound = Duration.milliseconds(50)
        #else
            let (batches, perBatch) = (10, 100)
            let bound = Duration.microseconds(900)
        #endif
        var functions = 0
        var times: [Duration] = []
        for _ in 0..<batches {
            times.append(
                ContinuousClock().measure {
                    for _ in 0..<perBatch { functions += CParser.parse(source, file: "mm/memory.c").functions.count }
                })
        }
        let best = times.min()! / perBatch
        let total = times.reduce(.zero, +)
        print(
            "CFrontEnd speed: \(path) (\(source.utf8.count) bytes) parsed \(batches * perBatch) times in \(total);"
                + " best batch \(best) per parse")
        #expect(functions == batches * perBatch * 6)
        #expect(best < bound)
    }
}
