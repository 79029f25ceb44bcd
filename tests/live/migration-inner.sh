#!/bin/sh
# migration-inner.sh BUILDDIR DIR — runs in the hub of libvirt-tck-sandbox
# --hosts 2 for live-migration.sh: the harness runs migration/* between
# host 1 ($TCK_URI) and host 2 ($TCK_OTHER_URI); every test passes, none is
# skipped, and no object of the run is left on either host.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
R=$D/results
: >"$R"
check() { if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi; }

echo "$TCK_SHARED_DIR" >"$D/shared-dir"
set -- $TCK_HOST_URIS
[ $# -eq 2 ] && [ "$TCK_URI" = "$1" ] && [ "$TCK_OTHER_URI" = "$2" ]
check $? "the hub names two hosts, uri on host 1 and otheruri on host 2 ($TCK_HOST_URIS)"
h1=$(virsh -c "$1" hostname 2>&1)
h2=$(virsh -c "$2" hostname 2>&1)
[ -n "$h1" ] && [ -n "$h2" ] && [ "$h1" != "$h2" ]
check $? "the two daemons are two hosts over TCP ($h1, $h2)"
[ -d "$TCK_SHARED_DIR" ]
check $? "the hosts' shared directory exists ($TCK_SHARED_DIR)"

n=$("$B/tck/libvirt-tck" --suites-dir "$B/suites" --list migration | grep -c '^migration/')
log=$D/run.log
start=$(date +%s.%N)
"$B/tck/libvirt-tck" --suites-dir "$B/suites" -v migration >"$log" 2>&1
rc=$?
end=$(date +%s.%N)
echo "$start $end" >"$D/suite-time"
check $rc "libvirt-tck runs migration/* between the two hosts and exits 0 (got $rc)"
grep -q "^$n passed, 0 failed, 0 skipped\$" "$log"
check $? "all $n migration tests pass, none skipped"
grep -q '^ok [0-9]* - the guest booted and printed its marker$' "$log"
check $? "the migrated guest really booted before it moved"
for uri in $TCK_HOST_URIS; do
    left=$(virsh -q -c "$uri" list --all --name | grep '^tck-')
    [ -z "$left" ]
    check $? "no guest of the run is left on $uri${left:+ ($left)}"
done
