import CFrontEnd
import Testing

/// Files as `mmreview apply` leaves them after the seeds' patches (copied into Fixtures/): the
/// patched functions parse, including the text the patches bring in with its indentation lost.
@Suite struct PatchedFunctionTests {
    @Test func allocAnonFolioOfSeed001() throws {
        let source = try SyntaxWalk.fixture("001-mm-unstable-2023-07-memory.c")
        let on = CParser.parse(
            source, file: "mm/memory.c", configuration: CConfiguration(enabled: ["CONFIG_FLEXIBLE_THP"]))
        #expect(on.errors.isEmpty, "\(on.errors)")
        let f = try #require(on.function(named: "alloc_anon_folio"))
        #expect(!f.isInline)
        #expect(f.parameters.map(\.name) == ["vmf", "folio"])
        #expect(f.parameters[1].type == .pointer(.pointer(.tagged(kind: "struct", name: "folio"))))
        // int orders[] = { prefer, prefer > PAGE_ALLOC_COSTLY_ORDER ? PAGE_ALLOC_COSTLY_ORDER : 0, 0, };
        let orders = SyntaxWalk.statements(in: f.body).compactMap { s -> CDeclaration? in
            if case .declaration(let ds) = s.kind { return ds.first { $0.name == "orders" } }
            return nil
        }.first
        let decl = try #require(orders)
        #expect(decl.type == .array(.named("int"), count: nil))
        guard case .list(let list) = decl.initializer else {
            Issue.record("orders has no initializer list")
            return
        }
        #expect(list.items.count == 3)
        if case .expression(let e) = list.items[1].value {
            #expect(SyntaxWalk.render(e) == "((prefer > 3) ? 3 : 0)")
        }
        // clear_huge_page(&(*folio)->page, addr, 1 << orders[i]);
        let clear = SyntaxWalk.expressions(in: f.body).first {
            if case .call(let c, _) = $0.kind, case .identifier("clear_huge_page") = c.kind { return true }
            return false
        }
        if case .call(_, let args) = try #require(clear).kind {
            #expect(SyntaxWalk.render(args[0]) == "(&(*folio)->page)")
            #expect(SyntaxWalk.render(args[2]) == "(1 << orders[i])")
        }
        // ALIGN_DOWN stays a call the interpreter sees by name.
        #expect(SyntaxWalk.calledNames(in: f.body).filter { $0 == "ALIGN_DOWN" }.count == 3)
        #expect(SyntaxWalk.labels(in: f.body) == ["fallback"])
        // `for (; orders[i]; i++)` has no initial clause.
        let loops = SyntaxWalk.statements(in: f.body).filter {
            if case .forLoop(nil, _, _, _) = $0.kind { return true }
            return false
        }
        #expect(loops.count == 2)

        // Without CONFIG_FLEXIBLE_THP the #else version: inline, one statement and a return.
        let off = CParser.parse(source, file: "mm/memory.c")
        #expect(off.errors.isEmpty)
        let g = try #require(off.function(named: "alloc_anon_folio"))
        #expect(g.isInline)
        #expect(off.function(named: "anon_folio_order") == nil)
        #expect(g.location.line > f.location.line)
    }

    @Test func copyPresentPtesOfSeed002() throws {
        let source = try SyntaxWalk.fixture("002-v6.7-rc-memory.c")
        let unit = CParser.parse(source, file: "mm/memory.c")
        #expect(unit.errors.isEmpty, "\(unit.errors)")
        let f = try #require(unit.function(named: "copy_present_ptes"))
        #expect(f.parameters.count == 8)
        #expect(f.returnType == .named("int") && f.isStatic && f.isInline)
        // for (i = 0; i < nr; i++, page++)
        let loop = SyntaxWalk.statements(in: f.body).compactMap { s -> CExpr? in
            if case .forLoop(_, _, let step, _) = s.kind { return step }
            return nil
        }.first
        #expect(loop.map(SyntaxWalk.render) == "((i++), (page++))")
        #expect(SyntaxWalk.calledNames(in: f.body).contains("VM_BUG_ON"))
        #expect(SyntaxWalk.calledNames(in: f.body).contains("set_ptes"))
        let helper = try #require(unit.function(named: "folio_nr_pages_cont_mapped"))
        // min_t(int, floops, ...) becomes min((int)(floops), (int)(...)).
        let min = SyntaxWalk.expressions(in: helper.body).first {
            if case .call(let c, _) = $0.kind, case .identifier("min") = c.kind { return true }
            return false
        }
        if case .call(_, let args) = try #require(min).kind {
            #expect(args.count == 2)
            #expect(SyntaxWalk.render(args[0]) == "((int)floops)")
        }
        // `(*dirty_nr)++;`
        #expect(SyntaxWalk.expressions(in: helper.body).contains { SyntaxWalk.render($0) == "((*dirty_nr)++)" })
    }

    @Test func doCowFaultOfSeed004() throws {
        let source = try SyntaxWalk.fixture("004-mm-2014-03-memory.c")
        let unit = CParser.parse(source, file: "mm/memory.c")
        #expect(unit.errors.isEmpty, "\(unit.errors)")
        let f = try #require(unit.function(named: "do_cow_fault"))
        #expect(SyntaxWalk.labels(in: f.body).sorted() == ["uncharge_out", "unlock_out"])
        #expect(SyntaxWalk.gotos(in: f.body) == ["uncharge_out", "unlock_out"])
        let calls = SyntaxWalk.calledNames(in: f.body)
        #expect(calls.contains("mutex_unlock") && calls.contains("__do_fault"))
        let doFault = try #require(unit.function(named: "__do_fault"))
        #expect(doFault.parameters.map(\.name) == ["vma", "address", "pgoff", "flags", "cow_page", "page"])
        #expect(SyntaxWalk.labels(in: doFault.body) == ["out"])
        // `vmf.virtual_address = (void __user *)(address & PAGE_MASK);`: __user vanishes, the cast stays.
        let cast = SyntaxWalk.expressions(in: doFault.body).contains {
            if case .cast(.pointer(.void), _) = $0.kind { return true }
            return false
        }
        #expect(cast)
        // `ret = vma->vm_ops->fault(vma, &vmf);`: a call through a function pointer member.
        let indirect = SyntaxWalk.expressions(in: doFault.body).contains {
            if case .call(let c, let args) = $0.kind, case .member(_, "fault", true) = c.kind { return args.count == 2 }
            return false
        }
        #expect(indirect)
    }
}
