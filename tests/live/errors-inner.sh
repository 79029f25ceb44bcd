#!/bin/sh
# errors-inner.sh BUILDDIR SRCDIR DIR — runs inside libvirt-tck-sandbox for
# live-errors.sh: the error-contract checkers on qemu:///system (TCG) and
# lxc:///system, with the kit's known-broken entries for the errors area.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results; each run's
# archive to DIR/errors-DRIVER.tar.gz (the driver x contract matrix).
B=$1
S=$2
D=$3
R=$D/results
: >"$R"
. "$(dirname "$0")/run-log.sh"
for uri in qemu:///system lxc:///system; do
    log=$D/run-${uri%%:*}.log
    start=$(date +%s)
    "$B/tck/libvirt-tck" --uri "$uri" --suites-dir "$B/suites" -j 2 -v \
        --known-broken "$S/suites/known-broken/errors.yml" -a "$D/errors-${uri%%:*}.tar.gz" \
        errors >"$log" 2>&1
    rc=$?
    echo "errors/* on $uri: exit $rc in $(($(date +%s) - start)) s" >&2
    check $rc "every error contract holds on $uri, or is a known deviation (exit $rc)"
    checked=$(grep -E '^(not )?ok [0-9]+ - vir[A-Za-z]+ / ' "$log" | grep -vc ' # SKIP ')
    [ "$checked" -ge 300 ]
    check $? "on $uri at least 300 contracts were checked, not skipped ($checked)"
    left=$(virsh -q -c "$uri" list --all --name | grep '^tck-'; virsh -q -c "$uri" net-list --all --name | grep '^tck-';
           virsh -q -c "$uri" pool-list --all --name | grep '^tck-')
    [ -z "$left" ]
    check $? "on $uri nothing of the checkers is left${left:+ ($left)}"
done
