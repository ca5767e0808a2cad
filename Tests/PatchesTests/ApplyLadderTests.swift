import Testing

@testable import Patches

struct ApplyLadderTests {
    @Test func exactAtStatedLine() {
        let r = PatchApplier.apply(fileDiff(alphaPatch), to: kernelBase)
        #expect(r.reports.map(\.status) == [.exact])
        #expect(r.reports[0].baseLine == 4)
        #expect(r.text == kernelBase.replacing("do_alpha(page)", with: "do_alpha_locked(page)"))
        #expect(r.isClean)
    }

    @Test func offsetBothWaysNearestFirst() {
        let down = lines(["/* a */", "/* b */", "/* c */", "/* d */", "/* e */"]) + kernelBase
        let r1 = PatchApplier.apply(fileDiff(alphaPatch), to: down)
        #expect(r1.reports[0].status == .offset(5))
        #expect(r1.text.contains("do_alpha_locked"))

        let up = String(kernelBase.dropFirst("static int alpha(struct page *page)\n{\n\tint ret = 0;\n".count))
        let r2 = PatchApplier.apply(fileDiff(alphaPatch), to: up)
        #expect(r2.reports[0].status == .offset(-3))

        // The block twice: 2 lines below the stated line and 9 above: the nearer wins.
        let block = lines(["", "\tif (!page)", "\t\treturn -EINVAL;", "\tret = do_alpha(page);", "\tput_page(page);",
            "\treturn ret;", "}"])
        let twice = block + lines(["x", "y"]) + lines(["1", "2", "3", "4", "5"]) + block
        var diff = fileDiff(alphaPatch)
        diff.hunks[0].oldStart = 12  // 0-based 11: block at 0 (distance 11) and at 14 (distance 3)
        let r3 = PatchApplier.apply(diff, to: twice)
        #expect(r3.reports[0].status == .offset(3))
        #expect(r3.reports[0].baseLine == 15)
    }

    @Test func whitespaceInsensitiveForRenders() {
        // An archive render: context lost its leading whitespace, tabs became single spaces.
        let render = """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -17,5 +17,6 @@ static int beta(struct vm_fault *vmf)
            err = lock_page_killable(page);
            if (err)
            return err;
            + page_ref_inc(page);
            unlock_page(page);
            return 0;
            """
        let diff = fileDiff(render, collapsed: true)
        #expect(diff.hunks.count == 1)
        let r = PatchApplier.apply(diff, to: kernelBase)
        #expect(r.reports[0].status == .whitespace)
        #expect(r.reports[0].repairs.contains("context matched ignoring whitespace"))
        // Context keeps the base's tabs; the added line got the statement's tab.
        #expect(r.text.contains("\t\treturn err;\n\tpage_ref_inc(page);\n\tunlock_page(page);\n"))
    }

    @Test func fuzzOneAndTwo() {
        // First and last context lines differ in the base: fuzz 1.
        let fuzz1 = kernelBase.replacing("}\n\nstatic int beta", with: "} /* alpha */\n\nstatic int beta")
            .replacing("\tint ret = 0;\n\n", with: "\tint ret = 0;\n\t/* blank */\n")
        let r1 = PatchApplier.apply(fileDiff(alphaPatch), to: fuzz1)
        #expect(r1.reports[0].status == .fuzz(1))
        #expect(r1.text.contains("do_alpha_locked"))
        #expect(r1.text.contains("/* blank */"))

        let fuzz2 = fuzz1.replacing("\tif (!page)\n", with: "\tif (page == NULL)\n")
        let r2 = PatchApplier.apply(fileDiff(alphaPatch), to: fuzz2)
        #expect(r2.reports[0].status == .fuzz(2))
        #expect(r2.text.contains("if (page == NULL)"))
        #expect(r2.text.contains("do_alpha_locked"))

        var noFuzz = ApplyOptions()
        noFuzz.maxFuzz = 0
        let r3 = PatchApplier.apply(fileDiff(alphaPatch), to: fuzz2, options: noFuzz)
        #expect(r3.reports[0].status.name == "failed")
    }

    @Test func ambiguousReportsBothLines() throws {
        let block = lines(["\tret = do_alpha(page);", "\tput_page(page);"])
        let base = block + lines(["a", "b", "c", "d"]) + block
        let diff = fileDiff(
            """
            --- a/x.c
            +++ b/x.c
            @@ -4,2 +4,2 @@
            -\tret = do_alpha(page);
            +\tret = do_beta(page);
             \tput_page(page);
            """)
        // Stated line 4 (0-based 3): blocks at 0 and 6, both 3 away.
        let r = PatchApplier.apply(diff, to: base)
        guard case .failed(let error) = r.reports[0].status, case .ambiguous(let loc, let at, _) = error else {
            Issue.record("expected ambiguous, got \(r.reports[0].status)")
            return
        }
        #expect(at == [1, 7])
        #expect(loc.line == 4 && loc.path == "x.c" && loc.hunk == 1)
        #expect(error.description.hasPrefix("x.c:4: hunk #1: error: ambiguous"))
        #expect(r.output == Array(base.utf8))
    }

    @Test func alreadyApplied() {
        let once = PatchApplier.apply(fileDiff(alphaPatch), to: kernelBase)
        let twice = PatchApplier.apply(fileDiff(alphaPatch), to: once.output)
        #expect(twice.reports[0].status == .alreadyApplied)
        #expect(twice.output == once.output)
    }

    @Test func failureSaysWhereAndWhy() throws {
        let moved = kernelBase.replacing("\tret = do_alpha(page);", with: "\tret = do_gamma(page);")
        let r = PatchApplier.apply(fileDiff(alphaPatch), to: moved)
        guard case .failed(.noMatch(let loc, let near)) = r.reports[0].status else {
            Issue.record("expected noMatch, got \(r.reports[0].status)")
            return
        }
        let n = try #require(near)
        #expect(loc.line == 4)
        #expect(n.line == 4 && n.matched == 6 && n.total == 7)
        #expect(n.hunkLine == 4 && n.hunkText == "\tret = do_alpha(page);")
        #expect(n.baseLine == 7 && n.baseText == "\tret = do_gamma(page);")
        #expect(r.failures.first?.description.contains("6 of 7 lines match") == true)
        #expect(r.output == Array(moved.utf8))
    }

    @Test func mixedCRLFAndLFBase() {
        let base = "one\r\ntwo\r\nthree\nfour\r\nfive\n"
        let diff = fileDiff(
            """
            --- a/x.c
            +++ b/x.c
            @@ -1,4 +1,5 @@
             one
             two
            +two and a half
             three
             four
            """)
        let r = PatchApplier.apply(diff, to: base)
        #expect(r.reports[0].status == .exact)
        #expect(r.text == "one\r\ntwo\r\ntwo and a half\r\nthree\nfour\r\nfive\n")
        let back = PatchApplier.apply(r.effectiveDiff.reversed, to: r.output)
        #expect(back.output == Array(base.utf8))
    }

    @Test func overlappingHunkFailsOthersApply() {
        let diff = fileDiff(
            """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -5,5 +5,5 @@
             \tif (!page)
             \t\treturn -EINVAL;
            -\tret = do_alpha(page);
            +\tret = do_one(page);
             \tput_page(page);
             \treturn ret;
            @@ -5,5 +5,5 @@
             \tif (!page)
             \t\treturn -EINVAL;
            -\tret = do_alpha(page);
            +\tret = do_two(page);
             \tput_page(page);
             \treturn ret;
            @@ -19,3 +19,3 @@
             \t\treturn err;
            -\tunlock_page(page);
            +\tunlock_page_fast(page);
             \treturn 0;
            """)
        #expect(diff.hunks.count == 3)
        let r = PatchApplier.apply(diff, to: kernelBase)
        #expect(r.reports[0].status == .exact)
        guard case .failed(.overlaps(_, let other, let range)) = r.reports[1].status else {
            Issue.record("expected overlap, got \(r.reports[1].status)")
            return
        }
        #expect(other == 1 && range == 5...9)
        #expect(r.reports[2].status == .exact)
        #expect(r.text.contains("do_one") && !r.text.contains("do_two") && r.text.contains("unlock_page_fast"))
    }

    @Test func tenThousandPlacesIsFastAndAmbiguous() {
        var base = ""
        for _ in 0..<10_000 { base += "\tspin_lock(&l);\n\tcount++;\n\tspin_unlock(&l);\n" }
        let diff = fileDiff(
            """
            --- a/x.c
            +++ b/x.c
            @@ -40000,3 +40000,3 @@
             \tspin_lock(&l);
            -\tcount++;
            +\tcount += 2;
             \tspin_unlock(&l);
            """)
        let clock = ContinuousClock()
        let start = clock.now
        let r = PatchApplier.apply(diff, to: base)
        let elapsed = clock.now - start
        guard case .failed(let error) = r.reports[0].status else {
            Issue.record("expected failure, got \(r.reports[0].status)")
            return
        }
        #expect(error.isAmbiguous)
        #expect(elapsed < .seconds(2))
    }

    @Test func lyingHeaderCountsAreTolerated() {
        var diff = fileDiff(alphaPatch)
        diff.hunks[0].oldLines = 12
        diff.hunks[0].newLines = 3
        let r = PatchApplier.apply(diff, to: kernelBase)
        #expect(r.reports[0].status == .exact)
        #expect(r.reports[0].repairs.contains { $0.hasPrefix("header counts") })
        #expect(r.text.contains("do_alpha_locked"))
    }

    @Test func collapsedAddedBlockIsReindented() {
        let render = """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -17,4 +17,8 @@ static int beta(struct vm_fault *vmf)
            err = lock_page_killable(page);
            if (err)
            return err;
            + if (x) {
            + foo(a,
            + b);
            + }
            unlock_page(page);
            """
        let r = PatchApplier.apply(fileDiff(render, collapsed: true), to: kernelBase)
        #expect(r.reports[0].status == .whitespace)
        #expect(r.reports[0].repairs.contains("added lines re-indented by brace depth"))
        #expect(r.text.contains("\t\treturn err;\n\tif (x) {\n\t\tfoo(a,\n\t\t\tb);\n\t}\n\tunlock_page(page);\n"))
    }

    @Test func pathPolicy() throws {
        #expect(try PathPolicy.validate("mm/memory.c").get() == "mm/memory.c")
        #expect(try PathPolicy.validate("./mm//memory.c").get() == "mm/memory.c")
        #expect(PathPolicy.validate("/etc/passwd") == .failure(.absolute("/etc/passwd")))
        #expect(PathPolicy.validate("mm/../../x") == .failure(.parentComponent("mm/../../x")))
        #expect(PathPolicy.validate("..") == .failure(.parentComponent("..")))
        #expect(PathPolicy.validate("") == .failure(.empty))
        #expect(PathPolicy.validate("mm/a\0b") == .failure(.nulByte("mm/a\0b")))
        #expect(PathPolicy.validate("mm/..foo/x.c").map { $0 } == .success("mm/..foo/x.c"))
    }
}

