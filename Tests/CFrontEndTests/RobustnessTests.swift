import CFrontEnd
import Foundation
import Testing

/// Bad input ends in located errors: no crash, no hang, and the good parts still parse.
@Suite struct RobustnessTests {
    @Test func garbageIsReportedWithALocation() {
        let unit = CParser.parse("@@@ int ) { ;;\n\u{1F600} \\ x", file: "g.c")
        #expect(!unit.errors.isEmpty)
        #expect(
            unit.errors.allSatisfy { $0.location.file == "g.c" && $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test func aBrokenFunctionIsSkippedAndTheNextOneParses() throws {
        let src = """
            static int broken(int a)
            {
            	if (a {
            		return 1;
            	}
            	return 0;
            }

            static int good(int b)
            {
            	return b;
            }
            """
        let unit = CParser.parse(src, file: "mm/x.c")
        #expect(unit.functions.map(\.name) == ["good"])
        let e = try #require(unit.errors.first)
        #expect(unit.errors.count == 1)
        #expect(e.function == "broken")
        #expect(e.location == CLocation(file: "mm/x.c", line: 3, column: 8))
        #expect(e.description == "mm/x.c:3:8: error: expected ')' after if condition before '{' token")
    }

    @Test func unbalancedBraces() {
        // One `}` missing: the next function's closing brace in column 1 ends the damage.
        let missing = "void a(void)\n{\n\tif (x) {\n\t\ty();\n}\n\nvoid b(void)\n{\n\tz();\n}\nvoid c(void)\n{\n}\n"
        let u1 = CParser.parse(missing, file: "t.c")
        #expect(!u1.errors.isEmpty)
        #expect(u1.functions.map(\.name).contains("c"))
        // One `}` too many.
        let extra = "void a(void)\n{\n}\n}\nvoid b(void)\n{\n}\n"
        let u2 = CParser.parse(extra, file: "t.c")
        #expect(u2.errors.map(\.location.line) == [4])
        #expect(u2.functions.map(\.name) == ["a", "b"])
        // Never closed.
        let open = CParser.parse("void a(void)\n{\n\tif (x) {\n", file: "t.c")
        #expect(open.errors.count == 1)
        #expect(open.functions.isEmpty)
    }

    @Test func tenThousandNestedParentheses() {
        let depth = 10_000
        let src =
            "int f(void) { return " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
            + "; }\nint g(void) { return 2; }\n"
        let unit = CParser.parse(src, file: "deep.c")
        #expect(unit.errors.count == 1)
        #expect(unit.errors.first?.message.contains("nesting too deep") == true)
        #expect(unit.errors.first?.location.line == 1)
        #expect(unit.functions.map(\.name) == ["g"])
        // Statements nest the same way.
        let blocks =
            "void h(void) " + String(repeating: "{ if (x) ", count: depth) + ";" + String(repeating: "}", count: depth)
            + "\n"
        let u2 = CParser.parse(blocks, file: "deep.c")
        #expect(u2.errors.first?.message.contains("nesting too deep") == true)
        // And unary operators, and nested macro arguments.
        let unary = CParser.parse("int k = " + String(repeating: "-", count: depth) + "1;", file: "deep.c")
        #expect(unary.errors.count == 1)
        let macro = CParser.parse(
            "#define f(x) x\nint m = " + String(repeating: "f(", count: depth) + "1"
                + String(repeating: ")", count: depth) + ";", file: "deep.c")
        #expect(!macro.errors.isEmpty)
    }

    @Test func aOneMegabyteLine() {
        let clock = ContinuousClock()
        // A 1 MB chain of operators would make a tree 250,000 levels deep: an error, not a crash.
        var elapsed = clock.measure {
            let line = String(repeating: "x + ", count: 250_000) + "x"
            let unit = CParser.parse("int f(void) { return " + line + "; }\nint g;\n", file: "long.c")
            #expect(unit.errors.count == 1)
            #expect(unit.errors.first?.location.line == 1)
            #expect(unit.errors.first?.message.contains("nesting too deep") == true)
            #expect(unit.globals.map(\.name) == ["g"])
        }
        #expect(elapsed < .seconds(20))
        // A 1 MB initializer list is flat and parses.
        elapsed = clock.measure {
            let line = "int a[] = {" + String(repeating: " 1,", count: 350_000) + " };"
            let unit = CParser.parse(line, file: "long.c")
            #expect(unit.errors.isEmpty)
            if case .list(let l)? = unit.globals.first?.initializer { #expect(l.items.count == 350_000) }
        }
        #expect(elapsed < .seconds(20))
        // 1 MB of junk on one line.
        elapsed = clock.measure {
            let unit = CParser.parse(String(repeating: "a ) ", count: 250_000), file: "long.c")
            #expect(!unit.errors.isEmpty)
            #expect(unit.errors.allSatisfy { $0.location.line == 1 })
        }
        #expect(elapsed < .seconds(20))
        let identifier = String(repeating: "a", count: 1 << 20)
        let unit = CParser.parse("int " + identifier + ";", file: "long.c")
        #expect(unit.globals.first?.name.utf8.count == 1 << 20)
    }

    @Test func unterminatedThings() {
        for src in [
            "int f(void) { char *s = \"abc; }", "/* int f(void) {}", "int f(void) { return (1; }", "int f(int a,",
            "struct", "#if 1\nint x;",
        ] {
            let unit = CParser.parse(src, file: "t.c")
            #expect(!unit.errors.isEmpty, "\(src)")
        }
    }
}
