#!/bin/sh
# harness-bad-input.sh — bad input gives one clear line on stderr naming
# the thing at fault, and the documented exit status.
. "$top_srcdir/tests/lib.sh"
tap_plan 14

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT

# run EXPECTED-STATUS ARGS...: sets $err (stderr) and checks the status.
run() {
    want=$1; shift
    "$TCK" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    err=$(cat "$tmp/err")
    is "$rc" "$want" "exit $want for: $*"
}

run 2 -c "$tmp/missing.yml" domain
like "$err" "$tmp/missing.yml" "a missing config file is named"
is "$(lines "$err")" 1 "...in one line"

printf 'uri: test:///default\nkernels: [unclosed\n  - x: : y\n' >"$tmp/bad.yml"
run 2 -c "$tmp/bad.yml" domain
like "$err" "bad.yml:[0-9]+" "malformed YAML is named with its line"

run 2 --uri 'nosuchscheme:///x' domain
like "$err" "nosuchscheme:///x" "an unknown URI scheme is named"

run 3 --uri 'test+tcp://127.0.0.1:1/default' domain
like "$err" "cannot connect to 'test\+tcp://127.0.0.1:1/default'" "an unreachable daemon's URI is named"

run 2 --uri test:///default 'nosuch/999-*'
like "$err" "nosuch/999-\*" "an unknown test name is named"

run 2 --uri test:///default --format nosuchformat domain
like "$err" "nosuchformat" "an unknown format is named"

ok "no report was printed for any of them" test ! -s "$tmp/out"
