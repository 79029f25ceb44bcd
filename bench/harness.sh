#!/bin/bash
# bench/harness.sh — the whole suite on test:///default, 10 times: the
# median wall time of `libvirt-tck`, and its own overhead per test (the
# harness's wall time minus running the same programs directly, one after
# the other, divided by the number of tests).  Prints figures; not a test.
set -euo pipefail
build=${1:-_build}
runs=${RUNS:-10}
tck="$build/tck/libvirt-tck"
mapfile -t progs < <(find "$build/suites" -mindepth 2 -maxdepth 2 -type f -perm -u+x | sort)
n=${#progs[@]}
[ "$n" -gt 0 ] || { echo "no test programs under $build/suites: build first" >&2; exit 1; }

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

harness=()
direct=()
for _ in $(seq "$runs"); do
    t0=$(now); "$tck" --uri test:///default -q >/dev/null; t1=$(now)
    harness+=($(( (t1 - t0) / 1000 )))
    t0=$(now)
    for p in "${progs[@]}"; do TCK_URI=test:///default "$p" >/dev/null; done
    t1=$(now)
    direct+=($(( (t1 - t0) / 1000 )))
done
h=$(printf '%s\n' "${harness[@]}" | median)
d=$(printf '%s\n' "${direct[@]}" | median)
awk -v h="$h" -v d="$d" -v n="$n" -v r="$runs" 'BEGIN {
    printf "tests: %d, runs: %d\n", n, r
    printf "whole suite via libvirt-tck, median wall: %.1f ms (target < 500 ms)\n", h / 1000
    printf "same programs run directly, median wall:  %.1f ms\n", d / 1000
    printf "harness overhead per test:               %.1f ms (target < 15 ms)\n", (h - d) / 1000 / n
}'
