#!/bin/sh
# libtck-needs.sh — the needs vocabulary (libtck/needs.c): a met need lets
# the test run, a missing one skips the whole test naming the need and why,
# an unknown one is a bail-out; on test:///default, which has domains,
# networks, pools, interfaces and node devices but no nwfilters or
# secrets, and whose guests run no code.
. "$top_srcdir/tests/lib.sh"
tap_plan 14
F="$top_builddir/tests/fixtures/checks/needs"
run() { TCK_URI=test:///default TCK_FIXTURE_NEEDS="$1" "$F" 2>&1; }

for need in domain network storage interface nodedev; do
    out=$(run "$need")
    like "$out" '^ok 1 - every need was met$' "on the test driver the need '$need' is met"
done
out=$(run domain,nwfilter); rc=$?
like "$out" '^1\.\.0 # SKIP needs nwfilter: the driver does not support virConnectListAllNWFilters' \
    "a driver without nwfilters skips the test, naming the need and the API"
is "$rc" 0 "...and a skipped test exits 0"
out=$(run secret)
like "$out" '^1\.\.0 # SKIP needs secret: ' "a driver without secrets skips a test that needs them"
out=$(run guest-boots)
like "$out" '^1\.\.0 # SKIP needs guest-boots: the guest plan runs no guest code' \
    "the test driver's guests run no code: guest-boots is missing"
out=$(run config:host_block_devices)
like "$out" "^1\\.\\.0 # SKIP needs config:host_block_devices: the config key 'host_block_devices' is not set" \
    "an unset config key is a missing need, named"
D=$(mktemp -d); trap 'rm -rf "$D"' EXIT
printf 'uri: test:///default\nhost_block_devices:\n  - /dev/tck-none\n' >"$D/cfg.yml"
out=$(LIBVIRT_TCK_CONFIG="$D/cfg.yml" TCK_FIXTURE_NEEDS=config:host_block_devices "$F" 2>&1)
like "$out" '^ok 1 - every need was met$' "a config key set to a list meets the need"
printf 'uri: test:///default\nhost_block_devices:\n  - path: /dev/tck-none\n    size: 1024\n' >"$D/maps.yml"
out=$(LIBVIRT_TCK_CONFIG="$D/maps.yml" TCK_FIXTURE_NEEDS=config:host_block_devices "$F" 2>&1)
like "$out" '^ok 1 - every need was met$' "a config key set to a list of maps (path, size) meets the need"
printf 'uri: test:///default\nnfs_server:\n  host: nfs.example.org\n  path: /export\n' >"$D/map.yml"
out=$(LIBVIRT_TCK_CONFIG="$D/map.yml" TCK_FIXTURE_NEEDS=config:nfs_server "$F" 2>&1)
like "$out" '^ok 1 - every need was met$' "a config key set to a map (host, path) meets the need"
out=$(run domain,no-such-need); rc=$?
like "$out" "^Bail out! unknown need 'no-such-need'" "an unknown need is a bail-out naming it"
