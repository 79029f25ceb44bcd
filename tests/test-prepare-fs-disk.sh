#!/bin/sh
# test-prepare-fs-disk.sh — --with-fs-disk builds, once, an ext4 disk that
# holds the rootfs (libguestfs appliance, 20-50 s without KVM), and a second
# prepare reuses it.  Opt-in: skipped unless TCK_TEST_FS_DISK=1, since it
# launches an appliance.
. "$top_srcdir/tests/prepare/lib.sh"
plan 4
if [ "${TCK_TEST_FS_DISK:-0}" != 1 ]; then
    for i in 1 2 3 4; do skip "set TCK_TEST_FS_DISK=1 to launch a libguestfs appliance"; done
    finish
fi
run_prepare "$WORK/fs.out" --cache "$WORK/c" --offline --with-fs-disk --only rootfs,fs-disk
ok $RC "--with-fs-disk builds the ext4 disk (rc=$RC)"
[ $RC = 0 ] || sed 's/^/# /' "$WORK/fs.out"
DISK=$("$PREPARE" --cache "$WORK/c" --path fs-disk)
check "the disk is an ext4 file system" sh -c "blkid -o value -s TYPE '$DISK' 2>/dev/null | grep -q ext4 || file -s '$DISK' | grep -q ext4"
check "it holds the rootfs's /sbin/init" sh -c "virt-ls -a '$DISK' /sbin 2>/dev/null | grep -qx init"
run_prepare "$WORK/fs2.out" --cache "$WORK/c" --offline --with-fs-disk --only rootfs,fs-disk
check "a second prepare reuses it" grep -q "fs-disk *cached" "$WORK/fs2.out"
finish
