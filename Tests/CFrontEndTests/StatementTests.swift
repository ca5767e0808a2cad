import CFrontEnd
import Testing

@Suite struct StatementTests {
    func body(_ code: String, _ configuration: CConfiguration = .init()) throws -> CStmt {
        let unit = CParser.parse("void f(void)\n{\n\(code)\n}\n", file: "t.c", configuration: configuration)
        #expect(unit.errors.isEmpty, "\(unit.errors)")
        return try #require(unit.function(named: "f")).body
    }

    @Test func declarationsWithSeveralDeclarators() throws {
        let b = try body("struct page *fault_page, *new_page = NULL; int rss[NR], n = 1; pte_t *pte; vm_fault_t ret;")
        let decls = SyntaxWalk.statements(in: b).flatMap { s -> [CDeclaration] in
            if case .declaration(let ds) = s.kind { return ds }
            return []
        }
        #expect(decls.map(\.name) == ["fault_page", "new_page", "rss", "n", "pte", "ret"])
        #expect(decls[0].type == .pointer(.tagged(kind: "struct", name: "page")))
        #expect(
            decls[2].type == .array(.named("int"), count: CExpr(.identifier("NR"), at: decls[2].type.countLocation!)))
        #expect(decls[4].type == .pointer(.named("pte_t")))
        #expect(decls[5].type == .named("vm_fault_t"))
        #expect(decls[1].location == CLocation(file: "t.c", line: 3, column: 27))
    }

    @Test func unknownTypedefsByTheUsualHeuristic() throws {
        let b = try body("foo_t x; bar_t *p = q; baz_t **r, s; a * b; c = d * e;")
        let kinds = SyntaxWalk.statements(in: b).dropFirst().map { s -> String in
            switch s.kind {
            case .declaration(let ds): "decl " + ds.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            case .expression(let e): "expr " + SyntaxWalk.render(e)
            default: "other"
            }
        }
        #expect(
            kinds == [
                "decl x: foo_t", "decl p: bar_t *", "decl r: baz_t * *, s: baz_t", "decl b: a *", "expr (c = (d * e))",
            ])
    }

    @Test func controlFlow() throws {
        let b = try body(
            """
            	for (int i = 0, j = 1; i < n; i++, j++)
            		continue;
            	while (x) { if (y) break; else goto out; }
            	do x--; while (x > 0);
            	switch (n) {
            	case 1 ... 3:
            	case 4:
            		fallthrough;
            	default:
            		break;
            	}
            	asm volatile("nop" ::: "memory");
            	list_for_each_entry(page, &list, lru) {
            		put_page(page);
            	}
            out:
            	;
            again:
            """)
        let all = SyntaxWalk.statements(in: b)
        let range = all.compactMap { s -> (CExpr, CExpr?)? in
            if case .caseLabel(let v, let u, _) = s.kind { return (v, u) }
            return nil
        }
        #expect(range.count == 2)
        #expect(range.first.map { SyntaxWalk.render($0.0) + "..." + ($0.1.map(SyntaxWalk.render) ?? "") } == "1...3")
        #expect(range.last?.1 == nil)
        #expect(
            all.contains {
                if case .opaque(let text) = $0.kind { return text.hasPrefix("asm volatile") } else { return false }
            })
        #expect(all.contains { if case .iteratorLoop = $0.kind { return true } else { return false } })
        #expect(all.contains { if case .doWhile = $0.kind { return true } else { return false } })
        #expect(SyntaxWalk.labels(in: b) == ["out", "again"])
        let loop = all.first { if case .forLoop = $0.kind { return true } else { return false } }
        if case .forLoop(let initial?, _, let step?, _) = loop?.kind, case .declaration(let ds) = initial.kind {
            #expect(ds.map(\.name) == ["i", "j"])
            #expect(SyntaxWalk.render(step) == "((i++), (j++))")
        } else {
            Issue.record("for loop with a declaration not found")
        }
    }

    @Test func topLevelItems() throws {
        let src = """
            #include <linux/mm.h>
            typedef struct { unsigned long val; } swp_entry_t2;
            typedef unsigned long my_flags_t;
            struct vm_fault {
            	unsigned int flags : 4;
            	union { pte_t *pte; unsigned long addr; };
            	my_flags_t (*cb)(struct vm_fault *vmf, int);
            };
            enum { A, B = 4, C, D = B << 2 };
            static int table[] = { 1, 2, [5] = 3 };
            static struct page *lookup(swp_entry_t entry), *other(void);
            EXPORT_SYMBOL(lookup);
            static __always_inline unsigned long
            helper(my_flags_t f, swp_entry_t2 e) __acquires(x) __must_hold(&mm->lock)
            {
            	return (my_flags_t)f + e.val;
            }
            """
        let unit = CParser.parse(src, file: "t.c")
        #expect(unit.errors.isEmpty, "\(unit.errors)")
        #expect(unit.structs["swp_entry_t2"]?.map(\.name) == ["val"])
        #expect(unit.structs["vm_fault"]?.map(\.name) == ["flags", "pte", "addr", "cb"])
        #expect(unit.enumConstants == ["A": 0, "B": 4, "C": 5, "D": 16])
        #expect(unit.typedefs["my_flags_t"] == .named("unsigned long"))
        #expect(unit.globals.map(\.name) == ["table"])
        #expect(Set(unit.prototypes.keys) == ["lookup", "other"])
        let helper = try #require(unit.function(named: "helper"))
        #expect(helper.isInline && helper.isStatic)
        #expect(helper.returnType == .named("unsigned long"))
        #expect(helper.annotations == ["__acquires(x)", "__must_hold(&mm->lock)"])
        #expect(helper.location.line == 13 && helper.endLine == 17)
        #expect(unit.includes == ["<linux/mm.h>"])
    }

    @Test func parseFunctionByName() throws {
        let src = "int g(int a) { return a; }\nint h(int b) { return b +; }\n"
        let g = try CParser.parseFunction(named: "g", in: src, file: "t.c")
        #expect(g.parameters.map(\.name) == ["a"])
        #expect(throws: CParseError.self) { try CParser.parseFunction(named: "h", in: src, file: "t.c") }
        do {
            _ = try CParser.parseFunction(named: "h", in: src, file: "t.c")
        } catch {
            #expect(error.function == "h")
            #expect(error.location == CLocation(file: "t.c", line: 2, column: 26))
            #expect(error.description == "t.c:2:26: error: expected expression before ';' token")
        }
        #expect(throws: CParseError.self) { try CParser.parseFunction(named: "nope", in: src, file: "t.c") }
    }
}

extension CType {
    /// The location of an array type's count expression, for building the expected value.
    fileprivate var countLocation: CLocation? {
        if case .array(_, let count?) = self { return count.location }
        return nil
    }
}
