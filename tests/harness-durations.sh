#!/bin/sh
# harness-durations.sh — the harness keeps each test's last duration per URI
# in $XDG_STATE_HOME/libvirt-tck/durations and starts the longest first
# (prove --state=slow); tests never timed come first, in name order; an
# unwritable state dir is a warning, not a failed run; -j defaults to the
# number of cores.
. "$top_srcdir/tests/lib.sh"
tap_plan 10

W=$(mktemp -d)
trap 'rm -rf "$W"; _tap_end' EXIT
XDG_STATE_HOME=$W/state; export XDG_STATE_HOME
mkdir -p "$W/suites/slow"
# each test notes that it started, then takes its time from $W/<name>.sleep
for t in a b c; do
    cat >"$W/suites/slow/$t" <<EOT
#!/bin/sh
echo $t >>"$W/order"
sleep \$(cat "$W/$t.sleep")
echo 1..1
echo "ok 1 - $t slept"
EOT
    chmod +x "$W/suites/slow/$t"
done
echo 0.6 >"$W/a.sleep"; echo 0.05 >"$W/b.sleep"; echo 0.3 >"$W/c.sleep"
order() { : >"$W/order"; "$TCK" --suites-dir "$W/suites" -j 1 "$@" slow >"$W/out" 2>&1; echo $? >"$W/rc"; tr '\n' ' ' <"$W/order"; }

is "$(order)" "a b c " "never timed, the tests run in name order"
is "$(cat "$W/rc")" 0 "and pass"
store=$W/state/libvirt-tck/durations
ok "their durations are kept per URI in \$XDG_STATE_HOME/libvirt-tck/durations" \
    sh -c "grep -q '^\[test:///default\]\$' '$store' && grep -q '^slow/a=[0-9]*\$' '$store'"
is "$(order)" "a c b " "the next run starts the longest first"
echo 0.01 >"$W/a.sleep"; echo 0.9 >"$W/b.sleep"
order >/dev/null
is "$(order)" "b c a " "a test that became slow moves to the front"
rm -f "$store"
echo 0.01 >"$W/b.sleep"
"$TCK" --suites-dir "$W/suites" -j 1 slow/b >/dev/null 2>&1
is "$(order)" "a c b " "a test never timed runs before the timed ones"
is "$(grep -c '^slow/' "$store")" 3 "the store now times all three"

: >"$W/afile"
XDG_STATE_HOME=$W/afile/state order >/dev/null
is "$(cat "$W/rc")" 0 "a state dir that cannot be made does not fail the run"
like "$(cat "$W/out")" "warning: test durations not kept: cannot create .*afile" "...it warns, naming the path"

# -j defaults to the cores: the two rendezvous tests meet only when run at once
TCK_FIXTURE_DIR=$W/fx; export TCK_FIXTURE_DIR; mkdir -p "$TCK_FIXTURE_DIR"
if [ "$(nproc)" -ge 2 ]; then
    "$TCK" --suites-dir "$top_builddir/tests/fixtures" sched/par-a sched/par-b >"$W/out" 2>&1
    is "$?" 0 "without -j, $(nproc) cores run two tests at once"
else
    is 1 1 "one core: -j defaults to 1 (nothing to show)"
fi
