import CFrontEnd
import Testing

@Suite struct ExpressionTests {
    func render(_ s: String) throws -> String { SyntaxWalk.render(try CParser.parseExpression(s)) }

    /// Precedence (tighter binds first) and associativity, one row per rule.
    @Test(arguments: [
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b % c", "((a / b) % c)"),
        ("a << b + c", "(a << (b + c))"),
        ("a < b << c", "(a < (b << c))"),
        ("a == b < c", "(a == (b < c))"),
        ("a & b == c", "(a & (b == c))"),
        ("a ^ b & c", "(a ^ (b & c))"),
        ("a | b ^ c", "(a | (b ^ c))"),
        ("a && b | c", "(a && (b | c))"),
        ("a || b && c", "(a || (b && c))"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("a || b ? c : d", "((a || b) ? c : d)"),
        ("a = b = c", "(a = (b = c))"),
        ("a += b |= c", "(a += (b |= c))"),
        ("x = a ? b : c", "(x = (a ? b : c))"),
        ("a, b = c, d", "(a, (b = c), d)"),
        ("-a * b", "((-a) * b)"),
        ("!a && ~b", "((!a) && (~b))"),
        ("*p++", "(*(p++))"),
        ("++*p", "(++(*p))"),
        ("&(*folio)->page", "(&(*folio)->page)"),
        ("&a[i].b", "(&a[i].b)"),
        ("vmf->vma->vm_mm", "vmf->vma->vm_mm"),
        ("vma->vm_ops->fault(vma, &vmf)", "vma->vm_ops->fault(vma, (&vmf))"),
        ("(*fn)(x)(y)", "(*fn)(x)(y)"),
        ("a-- - --b", "((a--) - (--b))"),
        ("sizeof x + 1", "(sizeof x + 1)"),
        ("sizeof(struct page) * n", "(sizeof(struct page) * n)"),
        ("sizeof(pte_t *)", "sizeof(pte_t *)"),
        ("sizeof(x)", "sizeof x"),
        ("1 << orders[i]", "(1 << orders[i])"),
        ("PAGE_SIZE << 2", "((1 << 12) << 2)"),
        ("a ?: b", "(a ? a : b)"),
        ("\"ab\" \"cd\"", "\"abcd\""),
    ])
    func precedenceAndAssociativity(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test func castVersusParenthesisedExpression() throws {
        #expect(try render("(struct folio *)page") == "((struct folio *)page)")
        #expect(try render("(pte_t)x") == "((pte_t)x)")
        #expect(try render("(unsigned long)-1") == "((unsigned long)(-1))")
        #expect(try render("(x)-1") == "(x - 1)")
        #expect(try render("(x) * y") == "(x * y)")
        #expect(try render("(fn)(a)") == "fn(a)")
        // A name no typedef declared, shown to be a type by what follows.
        #expect(try render("(foo_t *)p") == "((foo_t *)p)")
        #expect(try render("(foo_t)p") == "((foo_t)p)")
        #expect(try render("(void)f(x)") == "((void)f(x))")
        #expect(try render("(int (*)(void))p") == "((int() *)p)")
    }

    @Test func compoundLiteralAndStatementExpression() throws {
        let literal = try CParser.parseExpression("(swp_entry_t){ .val = 0 }")
        guard case .compoundLiteral(.named("swp_entry_t"), let list) = literal.kind else {
            Issue.record("not a compound literal: \(literal)")
            return
        }
        #expect(list.items.map(\.designator) == [".val"])
        let member = try CParser.parseExpression("(struct x){ 1, [2] = 3 }.y")
        guard case .member(let base, "y", false) = member.kind, case .compoundLiteral(_, let l2) = base.kind else {
            Issue.record("not a member of a compound literal")
            return
        }
        #expect(l2.items.map(\.designator) == [nil, "[2]"])

        let se = try CParser.parseExpression("({ int _x = f(a); _x > 0 ? _x : 0; })")
        guard case .statementExpression(let body) = se.kind, case .compound(let items) = body.kind else {
            Issue.record("not a statement expression")
            return
        }
        #expect(items.count == 2)
    }

    @Test func typeArgumentsOfMacrosKeptAsCalls() throws {
        #expect(try render("container_of(p, struct page, lru)") == "container_of(p, type struct page, lru)")
        #expect(try render("offsetof(struct vm_fault, pte)") == "offsetof(type struct vm_fault, pte)")
        #expect(try render("f(pte_t *, x)") == "f(type pte_t *, x)")
    }

    @Test func expressionsAreLocatedAtTheirFirstToken() throws {
        let e = try CParser.parseExpression("  a +\n  b * c")
        #expect(e.location == CLocation(file: "<expression>", line: 1, column: 3))
        guard case .binary(_, _, let rhs) = e.kind else { return }
        #expect(rhs.location == CLocation(file: "<expression>", line: 2, column: 3))
    }
}
