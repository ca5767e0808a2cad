@testable import Patches

/// The first file diff in a literal unified diff (scanned like mail; `collapsed` for renders).
func fileDiff(_ text: String, collapsed: Bool = false) -> FileDiff {
    let scan = scanText(text, collapsed: collapsed)
    return scan.patches.first?.files.first ?? FileDiff()
}

/// Literal lines joined with `\n`, with a final `\n`.
func lines(_ ls: [String]) -> String { ls.map { $0 + "\n" }.joined() }

/// A small kernel-style file: two functions with tab indentation.
let kernelBase = lines([
    "static int alpha(struct page *page)",  // 1
    "{",  // 2
    "\tint ret = 0;",  // 3
    "",  // 4
    "\tif (!page)",  // 5
    "\t\treturn -EINVAL;",  // 6
    "\tret = do_alpha(page);",  // 7
    "\tput_page(page);",  // 8
    "\treturn ret;",  // 9
    "}",  // 10
    "",  // 11
    "static int beta(struct vm_fault *vmf)",  // 12
    "{",  // 13
    "\tstruct page *page = vmf->page;",  // 14
    "\tint err;",  // 15
    "",  // 16
    "\terr = lock_page_killable(page);",  // 17
    "\tif (err)",  // 18
    "\t\treturn err;",  // 19
    "\tunlock_page(page);",  // 20
    "\treturn 0;",  // 21
    "}",  // 22
])

/// Changes `ret = do_alpha(page);` (line 7) in alpha.
let alphaPatch =
    "--- a/mm/x.c\n+++ b/mm/x.c\n@@ -4,7 +4,7 @@ static int alpha(struct page *page)\n"
    + lines([
        " ", " \tif (!page)", " \t\treturn -EINVAL;", "-\tret = do_alpha(page);", "+\tret = do_alpha_locked(page);",
        " \tput_page(page);", " \treturn ret;", " }",
    ])

/// A tiny deterministic generator (xorshift) for property-style tests.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
