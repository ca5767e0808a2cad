#!/usr/bin/env python3
"""Dev check for corpus/model: do a seed's hunks apply to its model base?

Usage: scripts/model-dryrun.py SEED_THREAD BASE_NAME [--keep DIR]

Runs `mmreview extract --format json` on the thread, rebuilds a unified diff
from every complete, non-fragment hunk that names a file (each line with its
diff prefix, the `@@` header as extracted), copies corpus/model/BASE_NAME to a
temporary directory and runs GNU `patch --dry-run -p1 -l -F0` on it (`-l`:
whitespace-insensitive, `-F0`: no fuzz, every context line must be present).
Prints patch's report (offsets) and exits with patch's status. Fragments and
hunks without a file are listed as skipped.

Leading whitespace: GNU patch's -l makes a run of blanks match any run of
blanks, but a line with leading blanks never matches one without. An archive
render collapses a context line's prefix space and its indentation into one
space, which the extractor takes as the prefix, so such lines reach us with no
indentation at all while the model has its kernel tabs. So, by default, both
the copy of the base and the rebuilt diff have their lines' leading
whitespace removed before patch runs (line numbers, and so offsets, are
unchanged). --exact keeps both as they are (plain `patch -l`).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = {"context": " ", "added": "+", "removed": "-"}


def extract(thread):
    exe = os.path.join(ROOT, ".build", "release", "mmreview")
    cmd = [exe] if os.path.exists(exe) else ["swift", "run", "-c", "release", "mmreview"]
    out = subprocess.run(cmd + ["extract", "--format", "json", thread],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def build_diff(doc, strip):
    parts, skipped = [], []
    for p in doc["patches"]:
        for f in p["files"]:
            path = f.get("path")
            header_done = False
            for h in f["hunks"]:
                label = f"patch #{p['index']} {path or '(unknown file)'} {h.get('header', '(header-less)')}"
                if path is None or h.get("isFragment") or not h.get("complete") or "header" not in h:
                    skipped.append(label)
                    continue
                if not header_done:
                    old = f.get("oldPath", path)
                    new = f.get("newPath", path)
                    parts.append(f"--- a/{old}\n+++ b/{new}\n")
                    header_done = True
                parts.append(h["header"] + "\n")
                for ln in h["lines"]:
                    if ln["kind"] == "no-newline":
                        parts.append("\\ No newline at end of file\n")
                    else:
                        text = ln["text"].lstrip(" \t") if strip else ln["text"]
                        parts.append(PREFIX[ln["kind"]] + text + "\n")
    return "".join(parts), skipped


def main():
    args = sys.argv[1:]
    keep = None
    exact = "--exact" in args
    if exact:
        args.remove("--exact")
    if "--keep" in args:
        i = args.index("--keep")
        keep = args[i + 1]
        del args[i:i + 2]
    thread, base = args
    doc = extract(thread)
    diff, skipped = build_diff(doc, not exact)
    for s in skipped:
        print(f"skipped (fragment or no file): {s}")
    tmp = tempfile.mkdtemp(prefix="model-dryrun-")
    try:
        tree = os.path.join(tmp, "tree")
        src = os.path.join(ROOT, "corpus", "model", base)
        shutil.copytree(src, tree, ignore=shutil.ignore_patterns("manifest.json"))
        if not exact:
            for d, _, files in os.walk(tree):
                for name in files:
                    f = os.path.join(d, name)
                    with open(f) as fh:
                        lines = fh.read().split("\n")
                    with open(f, "w") as fh:
                        fh.write("\n".join(l.lstrip(" \t") for l in lines))
        with open(os.path.join(tmp, "seed.diff"), "w") as fh:
            fh.write(diff)
        if keep:
            with open(keep, "w") as fh:
                fh.write(diff)
        r = subprocess.run(["patch", "--dry-run", "-p1", "-l", "-F0", "-d", tree,
                            "-i", os.path.join(tmp, "seed.diff")],
                           capture_output=True, text=True)
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
        print(f"patch exit status {r.returncode}")
        status = r.returncode
        # Fragments the manifest says the tool inserts: check the insertion
        # point exists (a definition of insertAfter, and its closing brace).
        man = os.path.join(src, "manifest.json")
        if os.path.exists(man):
            with open(man) as fh:
                manifest = json.load(fh)
            for frag in manifest.get("fragments", []):
                f = os.path.join(src, frag["file"])
                with open(f) as fh:
                    lines = fh.read().split("\n")
                name = frag["insertAfter"]
                start = next((i for i, l in enumerate(lines)
                              if l[:1] not in ("", " ", "\t", "/", "#", "*", "}")
                              and (name + "(") in l and not l.rstrip().endswith(";")), None)
                end = None
                if start is not None:
                    end = next((i for i in range(start, len(lines)) if lines[i] == "}"), None)
                if end is None:
                    print(f"fragment {frag['function']}: insertAfter {name} NOT FOUND in {frag['file']}")
                    status = status or 1
                else:
                    print(f"fragment {frag['function']}: goes after {name}() "
                          f"(lines {start + 1}-{end + 1} of {frag['file']}), before: {lines[end + 1:end + 3]}")
        return status
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
