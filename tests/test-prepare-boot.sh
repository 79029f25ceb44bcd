#!/bin/sh
# test-prepare-boot.sh — an offline prepare from the host's own kernel and
# busybox gives guests that really boot: the initrd under
# qemu-system-x86_64 -kernel/-initrd (TCG) loads the virtio modules (a
# virtio disk shows up) and prints "TCK-GUEST-READY <token>" with the token
# from the kernel command line; so does the fast kernel (the PVH vmlinux
# QEMU boots directly); the ISO boots from -cdrom and prints the token it
# gets from an SMBIOS OEM string.
. "$top_srcdir/tests/prepare/lib.sh"
plan 12
QEMU=${QEMU:-qemu-system-x86_64}
BOOT_TIMEOUT=${TCK_TEST_BOOT_TIMEOUT:-240}
C="$WORK/cache"

run_prepare "$WORK/prepare.out" --cache "$C" --offline
ok $RC "offline prepare from the host succeeds (rc=$RC)"
[ $RC = 0 ] || sed 's/^/# /' "$WORK/prepare.out"
KERNEL=$("$PREPARE" --cache "$C" --path kernel)
INITRD=$("$PREPARE" --cache "$C" --path initrd)
ISO=$("$PREPARE" --cache "$C" --path iso)
RAW=$("$PREPARE" --cache "$C" --path disk-raw)
check "kernel, initrd, ISO and raw disk have verified paths" [ -f "$KERNEL" -a -f "$INITRD" -a -f "$ISO" -a -f "$RAW" ]
check "the kernel is a copy inside the cache, not the file in /boot" \
    sh -c "case '$KERNEL' in '$C'/*) true;; *) false;; esac"

# wait_marker LOG TOKEN PID: polls LOG for the marker while PID lives
wait_marker() {
    end=$(( $(date +%s) + BOOT_TIMEOUT ))
    while [ "$(date +%s)" -lt "$end" ]; do
        grep -aq "TCK-GUEST-READY $2" "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}

if ! command -v "$QEMU" >/dev/null; then
    for i in 4 5 6 7 8 9 10 11 12; do skip "$QEMU is not installed"; done
    finish
fi

TOKEN=k$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
cp --sparse=always "$RAW" "$WORK/disk.raw"
t0=$(date +%s)
"$QEMU" -machine pc,accel=tcg -m 256 -kernel "$KERNEL" -initrd "$INITRD" \
    -append "console=ttyS0 no_timer_check tck.token=$TOKEN" -drive "file=$WORK/disk.raw,if=virtio,format=raw" \
    -nographic -serial "file:$WORK/kernel.log" -monitor none -no-reboot \
    >"$WORK/qemu-kernel.out" 2>&1 &
QP=$!
PIDS="$PIDS $QP"
wait_marker "$WORK/kernel.log" "$TOKEN" "$QP"
ok $? "the initrd boots under TCG and prints TCK-GUEST-READY $TOKEN ($(( $(date +%s) - t0 )) s)"
check "the virtio modules loaded: the virtio disk appeared as vda" grep -aq "\[vda\]" "$WORK/kernel.log"
check "the marker has no other token" sh -c "! grep -a 'TCK-GUEST-READY' '$WORK/kernel.log' | grep -avq 'READY $TOKEN'"
kill "$QP" 2>/dev/null; wait "$QP" 2>/dev/null
grep -a "TCK-GUEST-READY" "$WORK/kernel.log" >/dev/null || tail -20 "$WORK/kernel.log" | sed 's/^/# /'

# the fast kernel: the uncompressed PVH vmlinux, booted directly
VMLINUX=$("$PREPARE" --cache "$C" --path vmlinux)
TOKEN=v$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
t0=$(date +%s)
"$QEMU" -machine pc,accel=tcg -m 256 -kernel "$VMLINUX" -initrd "$INITRD" \
    -append "console=ttyS0 no_timer_check tck.token=$TOKEN" -drive "file=$WORK/disk.raw,if=virtio,format=raw" \
    -nographic -serial "file:$WORK/vmlinux.log" -monitor none -no-reboot \
    >"$WORK/qemu-vmlinux.out" 2>&1 &
QP=$!
PIDS="$PIDS $QP"
wait_marker "$WORK/vmlinux.log" "$TOKEN" "$QP"
ok $? "the fast kernel (PVH vmlinux) boots the initrd under TCG to TCK-GUEST-READY $TOKEN ($(( $(date +%s) - t0 )) s)"
check "it is not the compressed kernel" sh -c "! cmp -s '$VMLINUX' '$KERNEL'"
check "and it sees the virtio disk as vda" grep -aq "\[vda\]" "$WORK/vmlinux.log"
kill "$QP" 2>/dev/null; wait "$QP" 2>/dev/null
grep -a "TCK-GUEST-READY" "$WORK/vmlinux.log" >/dev/null || tail -20 "$WORK/vmlinux.log" | sed 's/^/# /'

TOKEN=i$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
t0=$(date +%s)
"$QEMU" -machine pc,accel=tcg -m 256 -cdrom "$ISO" -smbios "type=11,value=tck.token=$TOKEN" \
    -display none -serial "file:$WORK/iso.log" -monitor none -no-reboot \
    >"$WORK/qemu-iso.out" 2>&1 &
QP=$!
PIDS="$PIDS $QP"
wait_marker "$WORK/iso.log" "$TOKEN" "$QP"
ok $? "the ISO boots from -cdrom and prints TCK-GUEST-READY $TOKEN ($(( $(date +%s) - t0 )) s)"
check "it was isolinux that booted it, on the serial console" grep -aq "^ISOLINUX" "$WORK/iso.log"
kill "$QP" 2>/dev/null; wait "$QP" 2>/dev/null
grep -a "TCK-GUEST-READY" "$WORK/iso.log" >/dev/null || tail -20 "$WORK/iso.log" | sed 's/^/# /'

# the same cache, warm: nothing is rebuilt
run_prepare "$WORK/warm.out" --cache "$C" --offline
check "a warm offline prepare rebuilds nothing" grep -q " 0 built" "$WORK/warm.out"
finish
