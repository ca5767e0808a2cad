import Checker
import Testing

/// `&&` and `||` mixed: `(a || b) && c` is two operands of `&&`, not three of `||`.
@Suite struct LogicalOperandTests {
    static func findings(_ condition: String) -> [Finding] {
        let source = """
            void f(struct page *page)
            {
            \tint a = 1;
            \tint c = 0;
            \tif (\(condition))
            \t\tlock_page(page);
            }

            """
        return SourceCheck.check(source: source, file: "mm/memory.c", function: "f", kernelDate: "2020-08-11")?.1 ?? []
    }

    static func pageLock(_ condition: String) -> Finding? {
        findings(condition).first { $0.invariant == "lock.page-balance" }
    }

    @Test func orInsideAndIsOneOperand() throws {
        // c is 0: the page is never locked. (Read as `a || a || c`, it always was.)
        let f = try #require(Self.pageLock("(a || a) && c"))
        #expect(f.verdict == .holds)
    }

    @Test func andInsideOrIsOneOperand() throws {
        // a is 1: the page is locked on every path and never unlocked (unknown rather than
        // violated: f has no caller contract that says who unlocks). Read as `c && c && a`, it
        // never was.
        let f = try #require(Self.pageLock("(c && c) || a"))
        #expect(f.verdict != .holds)
        #expect(f.message.contains("still held"))
    }
}
