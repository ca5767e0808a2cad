#!/usr/bin/env bash
# Opens a report's HTML in headless Chromium: takes a screenshot (PNG, for a person to look at) and
# dumps the DOM after the page's script ran, then checks from that DOM that the comments and
# findings sit in the rows of their diff lines and that the version switcher exists and picks one
# version.
#
#   scripts/html-check.sh [--fragment ID] INPUT OUTDIR
#
# INPUT is a report's .html file, or a thread (rendered with `mmreview report --format html`;
# MMREVIEW_BIN names the binary, default .build/debug/mmreview). OUTDIR receives report.html,
# report.png and dom.html. --fragment opens the page at #ID (a version id such as r0-p1).
#
# Exit: 0 checked, 1 a check failed, 2 bad usage, 77 no browser installed (a loud warning on
# stderr: the HTML was NOT checked in a browser). CHROMIUM names the browser binary.
set -u

fragment=""
if [ "${1:-}" = "--fragment" ]; then
    fragment="${2:-}"
    shift 2
fi
if [ $# -ne 2 ]; then
    echo "usage: scripts/html-check.sh [--fragment ID] INPUT OUTDIR" >&2
    exit 2
fi
input=$1
outdir=$2
mkdir -p "$outdir" || { echo "html-check: cannot create $outdir" >&2; exit 2; }
outdir=$(cd "$outdir" && pwd)

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
    done
fi
if [ -z "$browser" ] || [ ! -x "$browser" ]; then
    echo "" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    echo "!!! WARNING: no Chromium found (chromium, chromium-browser, google-chrome):     !!!" >&2
    echo "!!! the report HTML was NOT checked in a browser. apt-get install chromium      !!!" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    exit 77
fi

case "$input" in
*.html) cp "$input" "$outdir/report.html" || exit 2 ;;
*)
    bin=${MMREVIEW_BIN:-.build/debug/mmreview}
    "$bin" report --format html --out "$outdir/report.html" --force "$input"
    status=$?
    if [ $status -ne 0 ] && [ $status -ne 1 ]; then
        echo "html-check: mmreview report failed on $input (exit $status)" >&2
        exit 1
    fi
    ;;
esac

url="file://$outdir/report.html"
[ -n "$fragment" ] && url="$url#$fragment"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: CI and containers run as root. timeout: a browser that hangs must not hang tests.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio
    --user-data-dir="$profile" --window-size=1400,2400)
if ! timeout 90 "$browser" "${flags[@]}" --screenshot="$outdir/report.png" "$url" >/dev/null 2>"$outdir/chromium.log"; then
    echo "html-check: chromium could not take the screenshot (see $outdir/chromium.log)" >&2
    exit 1
fi
if ! timeout 90 "$browser" "${flags[@]}" --dump-dom "$url" >"$outdir/dom.html" 2>>"$outdir/chromium.log"; then
    echo "html-check: chromium could not dump the DOM (see $outdir/chromium.log)" >&2
    exit 1
fi

failed=0
fail() { echo "html-check: FAILED: $*" >&2; failed=1; }

# A PNG with something in it.
if [ "$(head -c 8 "$outdir/report.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    fail "report.png is not a PNG"
elif [ "$(wc -c <"$outdir/report.png")" -lt 10000 ]; then
    fail "report.png is nearly empty"
fi

# The DOM, one element per line is not guaranteed: split rows apart first.
rows=$(tr '\n' ' ' <"$outdir/dom.html" | sed 's/<tr/\n<tr/g' | grep '^<tr class="line')
[ -n "$rows" ] || fail "no diff rows in the DOM"
grep -q '<nav id="versions"' "$outdir/dom.html" || fail "no version switcher (nav#versions)"
tabs=$(grep -o 'class="version-tab[^"]*"' "$outdir/dom.html" | wc -l)
sections=$(grep -o '<section class="version"[^>]*>' "$outdir/dom.html" | wc -l)
shown=$(grep -o '<section class="version"[^>]*>' "$outdir/dom.html" | grep -vc 'hidden')
active=$(grep -o 'class="version-tab[^"]* active"' "$outdir/dom.html" | wc -l)
[ "$tabs" -eq "$sections" ] || fail "$tabs version tabs for $sections versions"
if [ "$sections" -gt 0 ]; then
    [ "$shown" -eq 1 ] || fail "$shown versions shown at once (the switcher shows one)"
    [ "$active" -eq 1 ] || fail "$active active version tabs"
fi
if [ -n "$fragment" ]; then
    grep -o '<section class="version"[^>]*>' "$outdir/dom.html" | grep -v hidden | grep -q "id=\"$fragment\"" ||
        fail "#$fragment is not the version shown"
fi
# Every comment and finding element sits in the notes cell of an annotated diff row; every
# annotated row holds at least one.
comments=$(grep -o 'class="comment"' "$outdir/dom.html" | wc -l)
in_rows=$(printf '%s\n' "$rows" | grep -o 'class="comment"' | wc -l)
outside=$(tr '\n' ' ' <"$outdir/dom.html" | sed 's/<tr/\n<tr/g; s/<\/tr>/\n/g' | grep -v '^<tr' | grep -o 'class="comment"' | wc -l)
[ $((in_rows + outside)) -eq "$comments" ] || fail "comment count mismatch"
annotated=$(printf '%s\n' "$rows" | grep -c 'annotated')
bare=$(printf '%s\n' "$rows" | grep 'annotated' | grep -vc 'class="comment"\|class="finding ')
[ "$bare" -eq 0 ] || fail "$bare annotated rows hold no comment or finding"
printf '%s\n' "$rows" | grep -v 'annotated' | grep -q 'class="comment"\|class="finding ' &&
    fail "a comment or finding sits in a row not marked annotated"
findings=$(printf '%s\n' "$rows" | grep -o 'class="finding ' | wc -l)
echo "html-check: $sections version(s), $annotated annotated row(s), $in_rows comment(s) and $findings finding(s) beside their lines; screenshot $outdir/report.png"
exit $failed
