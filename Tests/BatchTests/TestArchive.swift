import Foundation

/// A small deterministic archive for batch tests: an mbox of patch threads against a file outside
/// the model (each with a review reply quoting the hunk and commenting inline, some with the
/// author's answer), a few damaged messages, optionally one thread too large to analyse, and two
/// corpus seeds (renders, checked against the model) in a folder beside it.
enum TestArchive {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh temporary folder.
    static func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mmreview-batch-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `archive/` under `dir`: `list/2024-01.mbox`, `list/2024-02.mbox` (replies to January
    /// threads land in February's file) and `renders/` with two seeds. Returns the archive folder.
    @discardableResult
    static func write(in dir: URL, threads: Int, tooLarge: Bool = false, seeds: Bool = true) throws -> URL {
        let root = dir.appendingPathComponent("archive")
        let list = root.appendingPathComponent("list")
        try FileManager.default.createDirectory(at: list, withIntermediateDirectories: true)
        var january = ""
        var february = ""
        for n in 0..<threads {
            let (post, replies) = thread(n)
            january += post
            if n % 3 == 0 { february += replies } else { january += replies }
            if n % 25 == 7 { january += damaged(n) }
        }
        if tooLarge { february += flood(messages: 1_001) }
        try Data(january.utf8).write(to: list.appendingPathComponent("2024-01.mbox"))
        try Data(february.utf8).write(to: list.appendingPathComponent("2024-02.mbox"))
        if seeds {
            let renders = root.appendingPathComponent("renders")
            try FileManager.default.createDirectory(at: renders, withIntermediateDirectories: true)
            for seed in ["001_c631dee9447f85c9.txt", "004_cb09e22d1a946026.txt"] {
                try FileManager.default.copyItem(
                    at: repoRoot.appendingPathComponent("corpus/threads/\(seed)"),
                    to: renders.appendingPathComponent(seed))
            }
        }
        return root
    }

    static let separator = "From mboxrd@z Thu Jan  1 00:00:00 1970\n"

    static func date(_ minutes: Int) -> String {
        let day = 1 + minutes / 1440
        let h = minutes / 60 % 24
        let m = minutes % 60
        return String(format: "Mon, %d Jan 2024 %02d:%02d:00 +0000", day, h, m)
    }

    static func thread(_ n: Int) -> (post: String, replies: String) {
        let file = ["mm/vmscan.c", "mm/page_alloc.c", "mm/slub.c", "mm/compaction.c"][n % 4]
        let fn = ["shrink_folio_list", "rmqueue_bulk", "slab_alloc_node", "isolate_migratepages"][n % 4]
        let id = "<20240101.\(n)-1-author\(n % 7)@example.org>"
        let subject = "[PATCH v\(1 + n % 3)] \(file.dropLast(2)): fix accounting in \(fn) (\(n))"
        let hunk = [
            "@@ -\(100 + n),7 +\(100 + n),7 @@ static int \(fn)(struct lruvec *lruvec)",
            " \tunsigned long nr = 0;",
            " \tint ret = 0;",
            " ",
            "-\tnr = count_pages(lruvec, \(n));",
            "+\tnr = count_pages(lruvec, \(n + 1));",
            " \tif (!nr)",
            " \t\treturn 0;",
            " \tret = isolate(lruvec, nr);",
        ]
        var post = separator
        post += "From: Author \(n % 7) <author\(n % 7)@example.org>\n"
        post += "Subject: \(subject)\n"
        post += "Date: \(date(n * 7))\n"
        post += "Message-ID: \(id)\n\n"
        post += "The count passed to count_pages() is off by one in thread \(n).\n\n"
        post += "Signed-off-by: Author \(n % 7) <author\(n % 7)@example.org>\n---\n"
        post += " \(file) | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n"
        post += "diff --git a/\(file) b/\(file)\n--- a/\(file)\n+++ b/\(file)\n"
        post += hunk.joined(separator: "\n") + "\n-- \n2.43.0\n\n"

        let replyID = "<reply-\(n)@reviewer.example.net>"
        var replies = separator
        replies += "From: Reviewer \(n % 5) <reviewer\(n % 5)@example.net>\n"
        replies += "Subject: Re: \(subject)\n"
        replies += "Date: \(date(n * 7 + 3))\n"
        replies += "Message-ID: \(replyID)\nIn-Reply-To: \(id)\nReferences: \(id)\n\n"
        replies += "On \(date(n * 7)), Author \(n % 7) wrote:\n"
        replies += "> diff --git a/\(file) b/\(file)\n> --- a/\(file)\n> +++ b/\(file)\n"
        for (k, l) in hunk.enumerated() {
            replies += "> " + l + "\n"
            if k == 5 { replies += "\nWhy \(n + 1) and not \(n + 2)? The caller already adds one.\n\n" }
        }
        replies += "\nReviewed-by: Reviewer \(n % 5) <reviewer\(n % 5)@example.net>\n\n"
        if n % 2 == 0 {
            replies += separator
            replies += "From: Author \(n % 7) <author\(n % 7)@example.org>\n"
            replies += "Subject: Re: \(subject)\n"
            replies += "Date: \(date(n * 7 + 5))\n"
            replies +=
                "Message-ID: <answer-\(n)@example.org>\nIn-Reply-To: \(replyID)\nReferences: \(id) \(replyID)\n\n"
            replies += "On \(date(n * 7 + 3)), Reviewer \(n % 5) wrote:\n> Why \(n + 1) and not \(n + 2)?\n\n"
            replies += "It does not; see count_pages().\n\n"
        }
        return (post, replies)
    }

    /// A message whose headers are damaged and whose body is binary noise.
    static func damaged(_ n: Int) -> String {
        var s = separator + "X-Garbage \u{1}\u{2}: \(n)\nContent-Type: multipart/mixed; boundary=\"never\"\n\n"
        var x = UInt32(n * 2_654_435_761 & 0xFFFF_FFFF)
        for _ in 0..<200 {
            x = x &* 1_103_515_245 &+ 12_345
            let c = UInt8(0x21 + (x >> 16) % 90)
            s.unicodeScalars.append(Unicode.Scalar(c))
        }
        return s + "\n\n"
    }

    /// One thread of `messages` one-line replies: more than a batch analyses.
    static func flood(messages: Int) -> String {
        var s = ""
        for k in 0..<messages {
            s += separator + "From: Flood <flood@example.com>\nSubject: Re: the flood\n"
            s += "Date: \(date(10_000 + k))\nMessage-ID: <flood-\(k)@example.com>\n"
            if k > 0 { s += "In-Reply-To: <flood-\(k - 1)@example.com>\n" }
            s += "\n+1\n\n"
        }
        return s
    }
}
