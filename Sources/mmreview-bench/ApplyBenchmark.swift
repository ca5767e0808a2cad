import Dispatch
import Foundation
import Patches

/// `mmreview-bench apply [--lines N] [--every K] [--runs R] [--ours-only]`: our applier against `git apply` and
/// GNU `patch -p1` on one generated C file (200,000 lines) and one patch of 5,000 hunks (one
/// changed line every 40 lines, 3 context lines each side, headers with function sections), in a
/// temp dir. Best of R runs each; copies are restored between runs, outside the timing. The three
/// outputs are compared byte for byte.
enum ApplyBenchmark {
    static func run(arguments: [String]) -> Int32 {
        var lineCount = 200_000
        var every = 40
        var runs = 3
        var oursOnly = false
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--ours-only" {
                oursOnly = true
                i += 1
                continue
            }
            let value = i + 1 < arguments.count ? Int(arguments[i + 1]) : nil
            switch arguments[i] {
            case "--lines": lineCount = value ?? lineCount
            case "--every": every = value ?? every
            case "--runs": runs = value ?? runs
            default:
                FileHandle.standardError.write(Data("apply: unknown argument \(arguments[i])\n".utf8))
                return 2
            }
            i += 2
        }
        do {
            try measure(lineCount: lineCount, every: every, runs: max(1, runs), oursOnly: oursOnly)
            return 0
        } catch {
            FileHandle.standardError.write(Data("apply: \(error)\n".utf8))
            return 1
        }
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Input

    /// A C-like file of functions 40 lines long, lines mostly distinct (as in real code).
    static func baseFile(lines: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines)
        var f = 0
        while out.count < lines {
            out.append("static int mm_func_\(f)(struct vm_area_struct *vma, unsigned long addr)")
            out.append("{")
            out.append("\tstruct mm_struct *mm = vma->vm_mm;")
            out.append("\tint ret = 0, i;")
            out.append("")
            var k = 0
            while out.count % 40 != 38 && out.count < lines {
                switch k % 6 {
                case 0: out.append("\tspin_lock(&mm->page_table_lock);")
                case 1: out.append("\tfor (i = 0; i < \(f % 97 + k); i++)")
                case 2: out.append("\t\tret += walk_one(mm, addr + i * PAGE_SIZE, \(k));")
                case 3: out.append("\tspin_unlock(&mm->page_table_lock);")
                case 4: out.append("\tif (ret < 0)")
                default: out.append("\t\tgoto out_\(f % 7);")
                }
                k += 1
            }
            out.append("\treturn ret;")
            out.append("}")
            f += 1
        }
        return Array(out.prefix(lines))
    }

    /// One hunk per `every` lines: line 20 of each block changed, 3 lines of context each side.
    static func patch(base: [String], every: Int) -> (text: String, hunks: Int) {
        var text = "diff --git a/mm/big.c b/mm/big.c\nindex 1111111..2222222 100644\n--- a/mm/big.c\n+++ b/mm/big.c\n"
        var hunks = 0
        var changed = every / 2
        while changed + 3 < base.count {
            let start = changed - 3
            var section = ""
            for j in stride(from: start - 1, through: max(0, start - every), by: -1)
            where base[j].hasPrefix("static ") {
                section = " " + base[j]
                break
            }
            text += "@@ -\(start + 1),7 +\(start + 1),7 @@\(section)\n"
            for j in start..<changed { text += " " + base[j] + "\n" }
            text += "-" + base[changed] + "\n"
            text += "+" + base[changed].replacing(";", with: "; /* patched */") + "\n"
            for j in (changed + 1)...(changed + 3) { text += " " + base[j] + "\n" }
            hunks += 1
            changed += every
        }
        return (text, hunks)
    }

    // MARK: Measuring

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    static func runTool(_ path: String, _ args: [String], in dir: URL) throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        p.standardError = errors
        let t = try seconds {
            try p.run()
            p.waitUntilExit()
        }
        guard p.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(
                description: "\(path) \(args.joined(separator: " ")) exited \(p.terminationStatus): \(message)")
        }
        return t
    }

    static func scanLines(_ bytes: [UInt8]) -> [ScanLine] {
        var lines: [ScanLine] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(ScanLine(text: Array(bytes[start..<i]), id: lines.count))
            start = i + 1
        }
        if start < bytes.count { lines.append(ScanLine(text: Array(bytes[start...]), id: lines.count)) }
        return lines
    }

    static func measure(lineCount: Int, every: Int, runs: Int, oursOnly: Bool) throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("mmreview-apply-bench-\(getpid())")
        try? fm.removeItem(at: dir)
        defer { try? fm.removeItem(at: dir) }
        let base = baseFile(lines: lineCount)
        let baseBytes = Data(base.map { $0 + "\n" }.joined().utf8)
        let (patchText, hunkCount) = patch(base: base, every: every)
        let patchURL = dir.appendingPathComponent("series.patch")
        let ourFile = dir.appendingPathComponent("ours/mm/big.c")
        let gitDir = dir.appendingPathComponent("git")
        let patchDir = dir.appendingPathComponent("gnu")
        for d in [
            ourFile.deletingLastPathComponent(), gitDir.appendingPathComponent("mm"),
            patchDir.appendingPathComponent("mm"),
        ] {
            try fm.createDirectory(at: d, withIntermediateDirectories: true)
        }
        try Data(patchText.utf8).write(to: patchURL)
        _ = try runTool("/usr/bin/env", ["git", "init", "-q", "."], in: gitDir)
        func restore() throws {
            for d in [
                ourFile.deletingLastPathComponent(), gitDir.appendingPathComponent("mm"),
                patchDir.appendingPathComponent("mm"),
            ] {
                try baseBytes.write(to: d.appendingPathComponent("big.c"))
            }
            try? fm.removeItem(at: patchDir.appendingPathComponent("mm/big.c.orig"))
        }
        print("apply benchmark: \(lineCount) lines (\(baseBytes.count / 1000) kB), \(hunkCount) hunks, best of \(runs)")

        var applyOnly = Double.infinity
        var scanApply = Double.infinity
        var endToEnd = Double.infinity
        var gitBest = Double.infinity
        var gnuBest = Double.infinity
        var ourOutput: [UInt8] = []
        for _ in 0..<runs {
            try restore()
            // Ours, end to end: read both files, scan the patch, apply with reports, write.
            var applied: AppliedFile?
            var scanned: FileDiff?
            let total = try seconds {
                let patchBytes = [UInt8](try Data(contentsOf: patchURL))
                let baseIn = [UInt8](try Data(contentsOf: ourFile))
                var diff: FileDiff?
                let tScan = seconds {
                    diff = DiffScanner.scan(scanLines(patchBytes)).patches.first?.files.first
                }
                guard let diff else { throw Failure(description: "scanner found no diff") }
                let tApply = seconds { applied = PatchApplier.apply(diff, to: baseIn) }
                scanApply = min(scanApply, tScan + tApply)
                applyOnly = min(applyOnly, tApply)
                try Data(applied!.output).write(to: ourFile)
                scanned = diff
            }
            endToEnd = min(endToEnd, total)
            guard let applied, applied.isClean, applied.reports.count == hunkCount, scanned?.hunks.count == hunkCount
            else {
                throw Failure(description: "our applier did not apply all \(hunkCount) hunks")
            }
            ourOutput = applied.output
            if oursOnly { continue }
            gitBest = min(gitBest, try runTool("/usr/bin/env", ["git", "apply", patchURL.path], in: gitDir))
            gnuBest = min(
                gnuBest, try runTool("/usr/bin/env", ["patch", "-s", "-p1", "-i", patchURL.path], in: patchDir))
        }
        if oursOnly {
            print(
                "  mmreview apply only \(applyOnly * 1000) ms, scan + apply \(scanApply * 1000) ms, end to end \(endToEnd * 1000) ms"
            )
            return
        }
        let gitOut = [UInt8](try Data(contentsOf: gitDir.appendingPathComponent("mm/big.c")))
        let gnuOut = [UInt8](try Data(contentsOf: patchDir.appendingPathComponent("mm/big.c")))
        guard gitOut == ourOutput && gnuOut == ourOutput else {
            throw Failure(description: "outputs differ: git \(gitOut == ourOutput), GNU patch \(gnuOut == ourOutput)")
        }
        func row(_ name: String, _ t: Double) {
            let rate = Double(hunkCount) / t
            let ms = (t * 1000 * 10).rounded() / 10
            print(
                "  \(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(ms) ms  \(Int(rate)) hunks/s"
                    + "  (GNU patch / this: \((gnuBest / t * 100).rounded() / 100)x)")
        }
        row("mmreview apply only", applyOnly)
        row("mmreview scan + apply", scanApply)
        row("mmreview end to end (read,write)", endToEnd)
        row("git apply", gitBest)
        row("GNU patch -p1", gnuBest)
        print("  outputs identical: yes")
    }
}
