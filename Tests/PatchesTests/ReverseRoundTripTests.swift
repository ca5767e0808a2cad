import Testing

@testable import Patches

/// Property-style: random C-like files, random edits, the diff between them applied, then the
/// reverse of what was effectively applied: the base must come back byte for byte.
struct ReverseRoundTripTests {
    static let vocabulary = [
        "\tspin_lock(&mm->page_table_lock);", "\tspin_unlock(&mm->page_table_lock);", "\treturn 0;", "}", "{", "",
        "\tif (!page)", "\t\treturn -ENOMEM;", "\tpage = alloc_page(GFP_KERNEL);", "\tput_page(page);",
        "static int f(struct vm_area_struct *vma)", "\t/* comment */", "#ifdef CONFIG_MMU", "#endif",
    ]

    /// A file of `count` lines; with `crlf` some lines end CRLF; maybe no final newline.
    static func randomFile(_ rng: inout SeededRandom, count: Int, crlf: Bool, finalNewline: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for i in 0..<count {
            // Unique-ish lines: a counter keeps most lines distinct, as in real code.
            let text =
                rng.chance(60)
                ? vocabulary[rng.below(vocabulary.count)] : "\tx\(rng.below(1000)) = y\(i);"
            out += Array(text.utf8)
            if i == count - 1 && !finalNewline { break }
            if crlf && rng.chance(50) { out.append(0x0D) }
            out.append(0x0A)
        }
        return out
    }

    /// A random edit of `base`: lines kept, dropped, replaced or inserted.
    static func randomEdit(_ rng: inout SeededRandom, _ base: LineTable) -> [UInt8] {
        var out: [UInt8] = []
        for i in 0..<base.count {
            let roll = rng.below(100)
            if roll < 8 { continue }
            if roll < 16 { out += Array("\tchanged_\(i)();\n".utf8) }
            if roll >= 8 && roll < 16 { continue }
            if roll < 24 { out += Array("\tinserted_\(i)();\n".utf8) }
            out += base.bytes[base.fullRange(i)]
            if !base.hasTerminator(i) { out.append(0x0A) }
        }
        return out
    }

    /// The forward diff base → target, as `diff -u` would write it (mail-like: no `\r`).
    static func forwardDiff(_ base: LineTable, _ target: LineTable) -> FileDiff {
        // A line that lost or gained its newline is a changed line, as in `diff`.
        func key(_ t: LineTable, _ i: Int) -> String { t.text(i) + (t.hasTerminator(i) ? "" : "\u{0}") }
        let script = LineDiff.script(
            old: (0..<base.count).map { key(base, $0) }, new: (0..<target.count).map { key(target, $0) })
        var file = FileDiff(oldPath: "mm/x.c", newPath: "mm/x.c", path: "mm/x.c")
        file.hunks = script.hunks(old: base, new: target, context: 3)
        return file
    }

    @Test(arguments: [false, true])
    func roundTripOnGeneratedFiles(crlf: Bool) {
        var rng = SeededRandom(seed: crlf ? 7 : 3)
        for round in 0..<60 {
            let base = Self.randomFile(&rng, count: 5 + rng.below(120), crlf: crlf, finalNewline: round % 3 != 0)
            let baseTable = LineTable(base)
            let target = LineTable(Self.randomEdit(&rng, baseTable))
            let forward = Self.forwardDiff(baseTable, target)
            let applied = PatchApplier.apply(forward, to: base)
            #expect(applied.isClean, "round \(round): \(applied.reports.map(\.status))")
            let forwardOK = crlf || applied.output == target.bytes
            #expect(forwardOK, "round \(round)")
            let back = PatchApplier.apply(applied.effectiveDiff.reversed, to: applied.output)
            #expect(back.isClean, "round \(round): \(back.reports.map(\.status))")
            let backOK = back.output == base
            #expect(backOK, "round \(round)")
        }
    }

    @Test func roundTripAfterReindent() {
        let render = """
            --- a/mm/x.c
            +++ b/mm/x.c
            @@ -17,4 +17,8 @@ static int beta(struct vm_fault *vmf)
            err = lock_page_killable(page);
            if (err)
            return err;
            + if (x) {
            + foo();
            + }
            unlock_page(page);
            """
        let diff = fileDiff(render, collapsed: true)
        let applied = PatchApplier.apply(diff, to: kernelBase)
        #expect(applied.reports[0].repairs.contains("added lines re-indented by brace depth"))
        let effective = applied.effectiveDiff
        #expect(effective.hunks.count == 1)
        #expect(effective.hunks[0].lines.filter { $0.kind == .added }.map(\.text) == ["\tif (x) {", "\t\tfoo();", "\t}"])
        let back = PatchApplier.apply(effective.reversed, to: applied.output)
        #expect(back.reports.map(\.status) == [.exact])
        #expect(back.output == Array(kernelBase.utf8))
        // The reverse of the mail's own hunk (collapsed) also finds its way back, ignoring whitespace.
        let loose = PatchApplier.apply(diff.reversed, to: applied.output)
        #expect(loose.reports.map(\.status) == [.whitespace])
        #expect(loose.output == Array(kernelBase.utf8))
    }

    @Test func reverseSwapsEverything() {
        let d = fileDiff(alphaPatch)
        let r = d.reversed
        #expect(r.hunks[0].lines.map(\.kind) == [.context, .context, .context, .removed, .added, .context, .context, .context])
        #expect(r.hunks[0].lines[3].text == "\tret = do_alpha_locked(page);")
        #expect(r.reversed == d)
    }

    @Test func insertFragmentBesideFunction() {
        let fragment = Hunk(
            lines: ["static void gamma(void)", "{", "if (x) {", "bar();", "}", "}", ""].enumerated().map {
                DiffLine(kind: .added, text: $1, sourceID: $0)
            }, isFragment: true)
        let r = PatchApplier.insert(fragment: fragment, at: 12, into: Array(kernelBase.utf8), path: "mm/x.c")
        #expect(r.reports[0].status == .inserted)
        #expect(r.text.contains("}\n\nstatic void gamma(void)\n{\n\tif (x) {\n\t\tbar();\n\t}\n}\n\nstatic int beta"))
        let again = PatchApplier.insert(fragment: fragment, at: 12, into: r.output, path: "mm/x.c")
        #expect(again.reports[0].status == .alreadyApplied)
        var skipped = FileDiff(path: "mm/x.c", hunks: [fragment])
        skipped.hunks[0].isFragment = true
        #expect(PatchApplier.apply(skipped, to: kernelBase).reports[0].status.name == "skipped")
    }
}
