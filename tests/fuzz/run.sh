#!/bin/sh
# tests/fuzz/run.sh BUILDDIR SECONDS — runs every libFuzzer target built by
# `make fuzz` in BUILDDIR for SECONDS each, over a copy of its corpus in
# tests/fuzz/corpus/TARGET/ (what it adds stays in BUILDDIR).  Prints one
# line per target: how long it ran, how many inputs, what it found.  A
# crash leaves its input in BUILDDIR/tests/fuzz/crashes/ and fails the run:
# turn each into a regression test (tests/fuzz/regressions/TARGET-NAME,
# replayed here first, and a case in tests/test-fuzz-regressions.c).
set -u
B=$1
T=${2:-60}
S=$(cd "$(dirname "$0")" && pwd)
status=0
mkdir -p "$B/tests/fuzz/crashes"
for target in tap config-yaml config-flat caps domcaps known-broken report-xml archive; do
    exe="$B/tests/fuzz/fuzz-$target"
    corpus="$B/tests/fuzz/corpus-$target"
    log="$B/tests/fuzz/fuzz-$target.log"
    [ -x "$exe" ] || { echo "fuzz-$target: not built (make fuzz)"; status=1; continue; }
    mkdir -p "$corpus"
    cp "$S/corpus/$target/"* "$corpus/" 2>/dev/null
    # What was found before must stay fixed: replay it first.
    for old in "$S/regressions/$target-"*; do
        [ -f "$old" ] || continue
        if ! ASAN_OPTIONS=detect_leaks=0 G_DEBUG= "$exe" "$old" >"$log" 2>&1; then
            echo "fuzz-$target: regression $(basename "$old") crashes again"
            status=1
        fi
    done
    start=$(date +%s)
    ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 G_DEBUG= \
        "$exe" -max_total_time="$T" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$B/tests/fuzz/crashes/$target-" "$corpus" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    [ -n "$runs" ] || runs=$(grep -Eo '#[0-9]+' "$log" | tail -n 1 | tr -d '#')
    if [ $rc -eq 0 ]; then
        echo "fuzz-$target: $(( $(date +%s) - start )) s, ${runs:-?} inputs, nothing found"
    else
        echo "fuzz-$target: $(( $(date +%s) - start )) s, ${runs:-?} inputs, FOUND (exit $rc):"
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
        status=1
    fi
done
exit $status
