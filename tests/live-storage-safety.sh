#!/bin/sh
# live-storage-safety.sh — finding 1 of issue 10: ledger cleanup of a pool
# never deletes a volume that is not the run's.  In the sandbox's libvirtd,
# a leftover tck- pool whose target is a symlink to the directory of
# someone else's pool, and a leftover tck- pool holding a foreign file, are
# removed by --force: destroyed and undefined, their foreign volumes (and
# the files behind them) left exactly where they were.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..8"

D=$(mktemp -d /tmp/tck-live-storage-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
"$SANDBOX" --no-kvm -- sh "$top_srcdir/tests/hardening/storage-safety-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the storage safety scenario ran in the sandbox (exit $rc)"
[ $rc -eq 0 ] || tap_diag "$(tail -n 30 "$D/stderr")"
live_results "$D/results" 6
[ $tap_failed -eq 0 ] || tap_diag "$(tail -n 40 "$D/stderr")" "$(tail -n 40 "$D/force.log" 2>/dev/null)"
exit $tap_failed
