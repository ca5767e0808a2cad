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
        #if DEBUG
            let rounds = 50
            let bound = Duration.milliseconds(50)
        #else
            let rounds = 1000
            let bound = Duration.microseconds(900)
        #endif
        var functions = 0
        let elapsed = ContinuousClock().measure {
            for _ in 0..<rounds { functions += CParser.parse(source, file: "mm/memory.c").functions.count }
        }
        let each = elapsed / rounds
        print(
            "CFrontEnd speed: \(path) (\(source.utf8.count) bytes) parsed \(rounds) times in \(elapsed), \(each) each")
        #expect(functions == rounds * 6)
        #expect(each < bound)
    }
}
