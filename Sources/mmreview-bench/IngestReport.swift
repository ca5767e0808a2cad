import Foundation

/// Everything one `ingest` run measured, with the derived rates and ratios; rendered as a text
/// table for people or encoded as JSON for scripts.
struct IngestReport: Encodable {
    struct Rates: Encodable {
        var megabytesPerSecond: Double
        var messagesPerSecond: Double
    }

    struct Ratio: Encodable {
        var peer: String
        /// Peer wall time / our wall time: how many times faster we are. The target is on this.
        var speedup: Double
        /// The same on CPU seconds: what it would be on a machine of one core, or a busy one.
        var cpuSpeedup: Double?
        var target: Double
        var met: Bool
    }

    var machine: MachineInfo
    /// "real" or "placeholder" (the stand-in that finds no patches; extraction then does less).
    var scanner: String
    var file: String
    var bytes: Int
    var generated: MboxGenerator.Summary?
    var generationSeconds: Double?
    var ours: IngestBenchmark.Result
    var oursRates: Rates
    var peakRSSMiB: Int
    var peers: [PeerTools.Timing]
    /// The whole pipeline against each peer: what the targets are judged on.
    var ratios: [Ratio]
    /// Only reading, splitting, decoding and threading (no extraction) against each peer: closer
    /// to what the peers do, for information.
    var mailLayerRatios: [Ratio]
    var countsAgree: Bool
    var countNotes: [String]
    /// 1-minute load average before and after the timings: above ~0.5 others shared the cores.
    var loadBefore: Double
    var loadAfter: Double

    init(
        machine: MachineInfo, scanner: String, file: String, bytes: Int, generated: MboxGenerator.Summary?,
        generationSeconds: Double?, ours: IngestBenchmark.Result, peakRSSMiB: Int, peers: [PeerTools.Timing],
        loadBefore: Double, loadAfter: Double
    ) {
        self.loadBefore = loadBefore
        self.loadAfter = loadAfter
        self.machine = machine
        self.scanner = scanner
        self.file = file
        self.bytes = bytes
        self.generated = generated
        self.generationSeconds = generationSeconds
        self.ours = ours
        self.peakRSSMiB = peakRSSMiB
        self.peers = peers
        oursRates = Rates(
            megabytesPerSecond: Double(bytes) / 1e6 / ours.best.wall.total,
            messagesPerSecond: Double(ours.messages) / ours.best.wall.total)
        // Targets from the issue: at least as fast as mailsplit, 20x Python's mailbox.
        let targets = ["git mailsplit": 1.0, "python mailbox (Message)": 20.0, "python mailbox (get_bytes)": 20.0]
        func against(wall: Double, cpu: Double) -> [Ratio] {
            peers.compactMap { p in
                guard let best = p.best, let target = targets[p.name] else { return nil }
                let speedup = best / wall
                let cpuSpeedup = p.cpuRuns.min().map { $0 / cpu }
                return Ratio(
                    peer: p.name, speedup: speedup, cpuSpeedup: cpuSpeedup, target: target, met: speedup >= target)
            }
        }
        let (w, c) = (ours.best.wall, ours.best.cpu)
        ratios = against(wall: w.total, cpu: c.total)
        mailLayerRatios = against(
            wall: w.fileRead + w.splitDecode + w.thread, cpu: c.fileRead + c.splitDecode + c.thread)
        var notes: [String] = []
        if let g = generated, g.messages != ours.messages {
            notes.append("mmreview read \(ours.messages) messages, the generator wrote \(g.messages)")
        }
        for p in peers {
            if let n = p.messages, n != ours.messages {
                notes.append("\(p.name) counted \(n) messages, mmreview \(ours.messages)")
            }
        }
        countNotes = notes
        countsAgree = notes.isEmpty
    }

    var text: String {
        var out: [String] = []
        let mb = Double(bytes) / 1e6
        out.append("mmreview-bench ingest: \(file)")
        out.append(
            "machine: \(machine.cores) cores, \(machine.cpu), \(machine.memoryGiB) GiB; "
                + "commit \(machine.commit ?? "unknown"); \(machine.date)")
        out.append("diff scanner: \(scanner)")
        if let g = generated {
            let total = Double(g.messages)
            out.append(
                "input: \(fixed(mb, 1)) MB, \(g.messages) messages in \(g.threads) threads: "
                    + "\(pct(Double(g.patches) / total)) patches, \(pct(Double(g.coverLetters) / total)) cover letters, "
                    + "\(pct(Double(g.replies) / total)) replies; \(g.quotedPrintable) quoted-printable, "
                    + "\(g.base64) base64; \(g.minMessageBytes)-\(g.maxMessageBytes) bytes a message; "
                    + "\(g.quotedFromLines) >From lines; generated in \(fixed(generationSeconds ?? 0, 1)) s")
        } else {
            out.append("input: \(fixed(mb, 1)) MB")
        }
        out.append("load average: \(fixed(loadBefore, 2)) before, \(fixed(loadAfter, 2)) after the timings")
        out.append("")
        out.append(row("tool", "wall s", "CPU s", "MB/s", "msgs/s", "messages", "runs"))
        let (w, c) = (ours.best.wall, ours.best.cpu)
        out.append(
            row(
                "mmreview read+thread+extract", fixed(w.total, 2), fixed(c.total, 2),
                fixed(oursRates.megabytesPerSecond, 1), String(Int(oursRates.messagesPerSecond)),
                String(ours.messages), String(ours.runs.count)))
        let stages = [
            ("  file read", w.fileRead, c.fileRead), ("  split + decode", w.splitDecode, c.splitDecode),
            ("  thread", w.thread, c.thread), ("  extract", w.extract, c.extract),
        ]
        for (name, ws, cs) in stages {
            out.append(row(name, fixed(ws, 2), fixed(cs, 2), fixed(mb / ws, 1), "", pct(ws / w.total) + " wall", ""))
        }
        for p in peers {
            guard let best = p.best else {
                out.append(row(p.name, "-", "-", "-", "-", "-", "0") + "  error: \(p.error ?? "none")")
                continue
            }
            out.append(
                row(
                    p.name, fixed(best, 2), p.cpuRuns.min().map { fixed($0, 2) } ?? "-", fixed(mb / best, 1),
                    p.messages.map { String(Int(Double($0) / best)) } ?? "?", p.messages.map(String.init) ?? "?",
                    String(p.runs.count)))
        }
        out.append("")
        out.append(
            "ours: \(ours.threads) threads, \(ours.patches) patches, \(ours.comments) comments, "
                + "\(ours.diagnostics) diagnostics; peak RSS \(peakRSSMiB) MiB; wall per run (s): "
                + ours.runs.map { fixed($0.wall.total, 2) }.joined(separator: ", "))
        for r in ratios {
            out.append(
                "ours vs \(r.peer): \(fixed(r.speedup, 2))x (CPU time: \(r.cpuSpeedup.map { fixed($0, 2) } ?? "-")x); "
                    + "target >= \(fixed(r.target, 0))x: \(r.met ? "met" : "MISSED")")
        }
        for r in mailLayerRatios {
            out.append(
                "  without extraction (read+split+decode+thread) vs \(r.peer): \(fixed(r.speedup, 2))x "
                    + "(CPU time: \(r.cpuSpeedup.map { fixed($0, 2) } ?? "-")x)")
        }
        out.append(countsAgree ? "message counts agree" : "MESSAGE COUNTS DIFFER:")
        out += countNotes.map { "  " + $0 }
        for p in peers { out.append("note: \(p.name): \(p.note)") }
        return out.joined(separator: "\n")
    }

    private func row(
        _ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String, _ g: String
    ) -> String {
        pad(a, 32) + lpad(b, 8) + lpad(c, 8) + lpad(d, 9) + lpad(e, 9) + lpad(f, 15) + lpad(g, 6)
    }

    private func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    private func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
    private func pct(_ v: Double) -> String { fixed(v * 100, 1) + "%" }

    /// `v` with `digits` decimals, without Foundation's locale-dependent formatting.
    private func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(v) * scale).rounded())
        let whole = String(n / Int(scale))
        let frac = String(n % Int(scale))
        let sign = v < 0 && n != 0 ? "-" : ""
        return digits == 0
            ? sign + whole : sign + whole + "." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
