#!/bin/sh
# live-migration.sh [N] — benchmark (not a test): libvirt-tck-sandbox
# --hosts 2 start-to-ready (median of N, default 3), the wall time of the
# migration suite between the two hosts (QEMU on TCG, -j 1), and the time
# of one live migration of the generic guest (managed, peer-to-peer and
# tunnelled, as migration/010 reports them).
# Run from the build directory: sh ../bench/live-migration.sh
B=${top_builddir:-$PWD}
N=${1:-3}
D=$(mktemp -d /tmp/tck-bench-migration-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"

i=0
while [ $i -lt "$N" ]; do
    t0=$(date +%s.%N)
    "$B/tck/libvirt-tck-sandbox" --no-kvm --hosts 2 -- date +%s.%N >"$D/t"
    t2=$(date +%s.%N)
    echo "$(cat "$D/t") - $t0" | bc >>"$D/ready"
    echo "$t2 - $t0" | bc >>"$D/whole"
    i=$((i + 1))
done
echo "two hosts start-to-ready: $(median <"$D/ready")"
echo "two hosts start, run nothing, tear down: $(median <"$D/whole")"

"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,initrd || exit 1
cat >"$D/inner.sh" <<'INNER'
B=$1
t0=$(date +%s.%N)
"$B/tck/libvirt-tck" --suites-dir "$B/suites" -v migration >"$2/run.log" 2>&1
rc=$?
echo "migration/* between two hosts: $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s, exit $rc, $(grep 'passed,' "$2/run.log")"
grep -E '^migration/' "$2/run.log" | sed 's/^/    /'
grep -E 'live migration took' "$2/run.log" | sed 's/^ *# */    one /'
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm --hosts 2 -- sh "$D/inner.sh" "$B" "$D"
