#!/usr/bin/env bash
# kill -9 / --resume check on a big archive (docs/PERFORMANCE.md, "Batch (issue 6)"):
# runs `mmreview batch` on ARCHIVE, kills it with SIGKILL after SECONDS, resumes it, and compares
# the result with a clean run's (REFERENCE): same lines after sorting, every thread key once.
# usage: scripts/batch-kill-resume.sh MMREVIEW ARCHIVE REFERENCE.jsonl SECONDS [batch options...]
set -euo pipefail
bin=$1 archive=$2 reference=$3 seconds=$4
shift 4
out=$(mktemp -d)/killed.jsonl
"$bin" batch "$archive" --out "$out" "$@" >/dev/null 2>&1 &
pid=$!
sleep "$seconds"
if ! kill -9 "$pid" 2>/dev/null; then
    echo "FAIL: the batch finished within ${seconds}s; kill it sooner"; exit 1
fi
wait "$pid" 2>/dev/null || true
echo "killed after ${seconds}s: $(wc -l <"$out") lines written, $(($(wc -l <"$out.journal") - 1)) journaled"
set +e
/usr/bin/time -f "resume: %e s wall, %M KB max RSS" "$bin" batch "$archive" --out "$out" --resume "$@"
status=$?
set -e
echo "resume exit status $status"
dups=$(head -n -1 "$out" | python3 -c 'import sys,json,collections; c=collections.Counter(json.loads(l)["thread"] for l in sys.stdin); print(sum(1 for v in c.values() if v>1))')
echo "keys with more than one line: $dups"
if cmp -s <(sort "$out") <(sort "$reference"); then
    echo "PASS: $(wc -l <"$out") lines, equal to the clean run after sorting"
else
    echo "FAIL: differs from the clean run"; exit 1
fi
rm -rf "$(dirname "$out")"
