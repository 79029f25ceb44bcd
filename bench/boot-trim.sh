#!/bin/sh
# boot-trim.sh [N] — benchmark (not a test): what each trim of the guest's
# boot buys.  Plain qemu-system-x86_64 (TCG) boots the fast kernel (PVH
# vmlinux) with a virtio disk, as the generic guest has, to the marker;
# the variants run interleaved, N rounds (default 5), so that a change of
# load on this shared machine hits them all alike:
#  - initrd as prepared, and variants of it re-packed here: without the
#    modules the generic guest's devices do not use, uncompressed, none;
#  - kernel command line options, each on its own, added to "console=ttyS0 quiet".
# Prints the median CPU seconds QEMU spent until the marker per variant
# (steadier than wall time when the machine is loaded) and its difference
# to the baseline, and the wall/CPU ratio seen (how loaded the machine was).
# Run from the build directory: sh ../bench/boot-trim.sh
B=${top_builddir:-$PWD}
N=${1:-5}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
PREPARE="$B/prepare/libvirt-tck-prepare"
"$PREPARE" --cache "$D/cache" --offline -q --only kernel,vmlinux,initrd || exit 1
VMLINUX=$("$PREPARE" --cache "$D/cache" --path vmlinux)
INITRD=$("$PREPARE" --cache "$D/cache" --path initrd)
BUSYBOX=${BUSYBOX:-$(command -v busybox || echo /bin/busybox)}
truncate -s 16M "$D/disk.img"

# repack NAME GZIP MODULES...: an initrd like ours that loads only MODULES
repack() {
    rm -rf "$D/tree" && mkdir "$D/tree"
    (cd "$D/tree" && zcat "$INITRD" | "$BUSYBOX" cpio -id 2>/dev/null)
    name=$1 gz=$2; shift 2
    : >"$D/tree/etc/tck-modules"
    for m in "$@"; do echo "$m.ko" >>"$D/tree/etc/tck-modules"; done
    (cd "$D/tree" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null) >"$D/$name"
    [ "$gz" = gz ] && gzip -9 "$D/$name" && mv "$D/$name.gz" "$D/$name"
}
DEVICE_MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_blk"
repack device-modules gz $DEVICE_MODULES
repack device-modules-raw raw $DEVICE_MODULES
repack no-modules gz
# the same modules without their appended signatures (no RSA check at insmod)
repack device-modules-unsigned gz $DEVICE_MODULES
rm -rf "$D/tree" && mkdir "$D/tree" && (cd "$D/tree" && zcat "$D/device-modules-unsigned" | "$BUSYBOX" cpio -id 2>/dev/null)
python3 - "$D"/tree/lib/modules/*.ko <<'PY'
import struct, sys
MAGIC = b"~Module signature appended~\n"
for f in sys.argv[1:]:
    d = open(f, "rb").read()
    if d.endswith(MAGIC):
        sig_len = struct.unpack(">I", d[-len(MAGIC) - 4:-len(MAGIC)])[0]
        open(f, "wb").write(d[:-(len(MAGIC) + 12 + sig_len)])
PY
(cd "$D/tree" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null) | gzip -9 >"$D/device-modules-unsigned"

boot() {      # boot INITRD EXTRA-CMDLINE: seconds from exec to the marker
    tok=trim-$$-$i
    log=$D/$tok.log
    t0=$(date +%s.%N)
    qemu-system-x86_64 -machine pc,accel=tcg -m 256 -kernel "$VMLINUX" -initrd "$1" \
        -append "console=ttyS0 quiet $2 panic=-1 tck.token=$tok" -display none -nodefaults \
        -drive "file=$D/disk.img,if=virtio,format=raw" \
        -serial "file:$log" -monitor none -no-reboot >/dev/null 2>&1 &
    qp=$!
    j=0
    while [ $j -lt 1500 ] && ! grep -aq "TCK-GUEST-READY $tok" "$log" 2>/dev/null; do
        sleep 0.02; j=$((j + 1))
    done
    if grep -aq "TCK-GUEST-READY $tok" "$log"; then
        # CPU seconds QEMU spent (utime + stime): under TCG the boot's work,
        # and far steadier than wall time on a loaded machine
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$qp/stat")
        echo "$(echo "$(date +%s.%N) - $t0" | bc) $cpu" >>"$D/wall-cpu"
        echo "$cpu"
    fi
    kill $qp; wait $qp 2>/dev/null
    rm -f "$log"
}
# label|initrd|extra command line
CMDLINE_TRIM=${TCK_TRIM_CMDLINE:-cryptomgr.notests apparmor=0 audit=0}
variants="baseline (initrd as prepared)|$INITRD|
initrd: only the generic guest's device modules|$D/device-modules|
initrd: those, uncompressed|$D/device-modules-raw|
initrd: those, without module signatures|$D/device-modules-unsigned|
initrd: no modules (floor, no disk)|$D/no-modules|
cmdline: no_timer_check|$INITRD|no_timer_check
cmdline: cryptomgr.notests|$INITRD|cryptomgr.notests
cmdline: mitigations=off|$INITRD|mitigations=off
cmdline: apparmor=0 audit=0|$INITRD|apparmor=0 audit=0
cmdline: acpi=off|$INITRD|acpi=off
cmdline: 8250.nr_uarts=1 i8042.noaux i8042.nokbd|$INITRD|8250.nr_uarts=1 i8042.noaux i8042.nokbd
cmdline: $CMDLINE_TRIM|$INITRD|$CMDLINE_TRIM
both: device modules + $CMDLINE_TRIM|$D/device-modules|$CMDLINE_TRIM
${TCK_TRIM_EXTRA:+extra: $TCK_TRIM_EXTRA|$INITRD|$TCK_TRIM_EXTRA}"
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "host: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
boot "$INITRD" "" >/dev/null     # warm-up
while [ $i -lt "$N" ]; do
    k=0
    printf '%s\n' "$variants" | while IFS='|' read -r label initrd extra; do
        [ -n "$label" ] || continue
        k=$((k + 1))
        boot "$initrd" "$extra" >>"$D/v$k"
    done
    i=$((i + 1))
done
base=$(median <"$D/v1")
k=0
printf '%s\n' "$variants" | while IFS='|' read -r label initrd extra; do
    [ -n "$label" ] || continue
    k=$((k + 1))
    m=$(median <"$D/v$k")
    printf '%-60s %6s s CPU  %+.2f s  (n=%s)\n' "$label" "$m" "$(echo "$m - $base" | bc)" "$(wc -l <"$D/v$k")"
done
echo "wall / CPU seconds over all boots: $(awk '{ w += $1; c += $2 } END { printf "%.2f", w / c }' "$D/wall-cpu")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
