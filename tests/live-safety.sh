#!/bin/sh
# live-safety.sh — on a live daemon (the sandbox's), the harness never
# touches anyone else's objects: a running prod-web (QEMU and LXC), an
# inactive db, a network, a pool with a volume and an orphan tck- domain
# stay exactly as they were (state and XML) after a full run, after a run
# killed by SIGINT mid-test, after a test that crashes after creating a
# guest, and after two concurrent runs; nothing of those runs is left; and
# --force removes the orphan tck- domain and nothing else.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..25"

D=$(mktemp -d /tmp/tck-live-safety-XXXXXX)
trap 'rm -rf "$D"' EXIT
live_payload "$D" && live_cache "$D/cache" ||
    { echo "Bail out! cannot build the guests' payload and asset cache in $D"; exit 1; }
live_xml qemu-domain.xml prod-web "prod-web-$$" "$D" qemu >"$D/prod-web.xml"
live_xml qemu-domain.xml db "db-$$" "$D" qemu >"$D/db.xml"
live_xml qemu-domain.xml tck-0badc0de-domain-050-orphan "orphan-$$" "$D" qemu >"$D/orphan.xml"
live_xml lxc-domain.xml prod-web "prod-web-lxc-$$" "$D" >"$D/prod-web-lxc.xml"
live_xml net.xml prodnet "" "$D" >"$D/net.xml"
live_xml pool.xml prodpool "" "$D" >"$D/pool.xml"
mkdir -p "$D/prod-web.out" "$D/pool"

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- \
    sh "$LIVE_FIXTURES/safety-inner.sh" "$top_builddir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the safety scenario ran in the sandbox (exit $rc)"
[ $rc -eq 0 ] || tap_diag "$(tail -n 30 "$D/stderr")"
live_results "$D/results" 23
[ $tap_failed -eq 0 ] || tap_diag "$(tail -n 40 "$D/stderr")" "$(cat "$D"/*.log 2>/dev/null | tail -n 60)"
exit $tap_failed
