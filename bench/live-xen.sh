#!/bin/sh
# live-xen.sh — benchmark (not a test): the emulated Xen host's
# start-to-ready (QEMU start until its libvirtd answers over TCP), the PV
# guest's boot-to-marker read through the console stream (domain/050, the
# marker's time as libtck reports it), and the wall time of the whole
# domain suite on xen+tcp://127.0.0.1:PORT/system with its counts (known
# broken applied) and every failing check, for the known-broken file.
# One Xen host, booted once; budget 30-60 minutes on a shared 2-core box.
# Run from the build directory: sh ../bench/live-xen.sh [KEEP-DIR]
# (KEEP-DIR, when given, receives the suite's log and archive.)
# TCK_BENCH_JOBS=N runs the suite at -j N (default 2; 1 keeps two booting
# guests from competing for the emulated host).
B=${top_builddir:-$PWD}
S=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
KEEP=${1:-}
# Not under /tmp: dom0 mounts a tmpfs there, and it must see the cache.
D=$(mktemp -d /var/tmp/tck-bench-xen-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --arch x86_64 --os-type xen \
    --only kernel,initrd,xen-host,disk-qcow2 || exit 1
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
cat >"$D/inner.sh" <<'INNER'
B=$1 D=$2 KB=$3 J=${TCK_BENCH_JOBS:-2}
"$B/tck/libvirt-tck" --uri "$TCK_URI" --suites-dir "$B/suites" -v domain/050-transient-lifecycle >"$D/050.log" 2>&1
sed -n "s/.*'TCK-GUEST-READY [^']*' appeared in the console of [^ ]* after \([0-9.]*\) s.*/PV guest boot-to-marker (console stream): \1 s/p" "$D/050.log"
listed=$("$B/tck/libvirt-tck" --uri "$TCK_URI" --suites-dir "$B/suites" --list domain | grep -c '^domain/[0-9]')
start=$(date +%s)
"$B/tck/libvirt-tck" --uri "$TCK_URI" --suites-dir "$B/suites" -j "$J" -v --known-broken "$KB" \
    -a "$D/suite.tar.gz" domain >"$D/suite.log" 2>&1
secs=$(($(date +%s) - start))
xfail=$(grep -cE '^domain/[0-9][^ ]* \.+ known broken ' "$D/suite.log")
echo "domain suite on $TCK_URI (-j $J, $listed listed): $secs s: $(tail -n 1 "$D/suite.log") ($xfail known broken)"
echo "tests that failed, skipped or are known broken:"
grep -E '^domain/[0-9][^ ]* \.+ ' "$D/suite.log" | grep -vE '\.+ ok +[0-9]' | sed 's/^/  /'
echo "failing checks:"
grep -E '^not ok ' "$D/suite.log" | sed 's/^/  /'
INNER
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --xen --cache "$D/cache" -- \
    sh "$D/inner.sh" "$B" "$D" "$S/suites/known-broken/domain.yml" 2>"$D/stderr"
rc=$?
sed -n 's/.*the Xen host answers at .* after \([0-9]*\) s/Xen host start-to-ready: \1 s/p' "$D/stderr"
[ -n "$KEEP" ] && mkdir -p "$KEEP" && cp "$D"/suite.log "$D"/suite.tar.gz "$D"/050.log "$KEEP"/ 2>/dev/null
[ $rc -eq 0 ] || { echo "the run failed (exit $rc):"; tail -n 30 "$D/stderr"; }
exit $rc
