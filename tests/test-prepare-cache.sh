#!/bin/sh
# test-prepare-cache.sh — the cache as a whole: two prepares into two caches
# give byte-identical built assets; two prepares at once into one cache
# both succeed and it verifies; --verify catches a corrupted blob and the
# next prepare repairs it; --purge deletes; bad input (read-only cache,
# full disk, unknown arch, missing busybox, missing /boot kernel) fails
# with a one-line error naming the path, a distinct exit code, and leaves
# the cache as it was.
. "$top_srcdir/tests/prepare/lib.sh"
plan 39

# --- reproducibility
run_prepare "$WORK/r1.out" --cache "$WORK/r1" --offline
ok $RC "a first offline prepare succeeds (rc=$RC)"
sleep 1.1   # so that "now" differs between the two builds
run_prepare "$WORK/r2.out" --cache "$WORK/r2" --offline
ok $RC "a second one into another cache succeeds (rc=$RC)"
check "both caches hold the same blobs (built assets hash the same)" \
    [ "$(ls "$WORK/r1/blobs")" = "$(ls "$WORK/r2/blobs")" ]
same=0
for b in "$WORK"/r1/blobs/*; do cmp -s "$b" "$WORK/r2/blobs/$(basename "$b")" || same=1; done
ok $same "and every blob is byte-identical"
tree_listing() {
    (cd "$1"/* && find . -mindepth 1 -print0 | sort -z | xargs -0 stat -c '%n|%F|%a|%u|%g|%s|%t:%T|%Y|%N' &&
     find . -type f -print0 | sort -z | xargs -0 sha256sum)
}
check "the extracted rootfs trees are identical" [ "$(tree_listing "$WORK/r1/trees")" = "$(tree_listing "$WORK/r2/trees")" ]
check "the OpenVZ templates are identical" cmp -s "$WORK/r1/templates/tck-busybox-x86_64.tar.gz" "$WORK/r2/templates/tck-busybox-x86_64.tar.gz"
check "the manifest records where the kernel came from" grep -q "^source=host:/boot/vmlinuz-" "$WORK/r1/manifest"
check "cache files are readable by others (the QEMU user)" \
    [ -z "$(find "$WORK/r1" -path "$WORK/r1/trees" -prune -o \( -type f ! -perm -0004 \) -print)" ]
check "and its directories are searchable" [ -z "$(find "$WORK/r1" -maxdepth 1 -type d ! -perm -0001)" ]

# --- concurrency
"$PREPARE" --cache "$WORK/cc" --offline >"$WORK/cc1.out" 2>&1 & P1=$!
"$PREPARE" --cache "$WORK/cc" --offline >"$WORK/cc2.out" 2>&1 & P2=$!
PIDS="$PIDS $P1 $P2"
wait $P1; R1=$?
wait $P2; R2=$?
check "two prepares at once into one cache both succeed ($R1, $R2)" [ $R1 = 0 -a $R2 = 0 ]
run_prepare "$WORK/cc-verify.out" --cache "$WORK/cc" --verify
ok $RC "and the cache verifies (rc=$RC)"
check "the second one built nothing twice" \
    [ "$(cat "$WORK/cc1.out" "$WORK/cc2.out" | grep -c '^initrd *built')" = 1 ]

# --- a lock held too long
flock "$WORK/cc/lock" sleep 5 & FL=$!
PIDS="$PIDS $FL"
sleep 0.3
run_prepare "$WORK/lock.out" --cache "$WORK/cc" --offline --lock-timeout 1
check "a cache locked for longer than --lock-timeout exits 9 (rc=$RC)" [ $RC = 9 ]
check "saying which cache is locked" grep -q "cache $WORK/cc is locked" "$WORK/lock.out"
kill $FL 2>/dev/null; wait $FL 2>/dev/null

# --- verify catches corruption; the next prepare repairs it
C="$WORK/r1"
INITRD=$("$PREPARE" --cache "$C" --path initrd)
printf 'X' | dd of="$INITRD" bs=1 seek=100 conv=notrunc 2>/dev/null
check "--list shows the changed initrd" sh -c "'$PREPARE' --cache '$C' --list | grep -q '^initrd .*changed'"
"$PREPARE" --cache "$C" --path initrd >/dev/null 2>&1; RC=$?
check "lookup refuses the changed initrd (rc=$RC)" [ $RC = 4 ]
run_prepare "$WORK/verify-bad.out" --cache "$C" --verify
check "--verify exits 10 on a bad entry (rc=$RC)" [ $RC = 10 ]
check "and names the bad file" grep -q "BAD initrd x86_64/hvm $INITRD" "$WORK/verify-bad.out"
run_prepare "$WORK/repair.out" --cache "$C" --offline
check "the next prepare rebuilds it" grep -q "^initrd *built" "$WORK/repair.out"
run_prepare "$WORK/verify-good.out" --cache "$C" --verify
ok $RC "after which the cache verifies (rc=$RC)"

# --- bad input: each fails clearly and leaves the cache as it was
BEFORE=$(snapshot "$C"; sha256 "$C/manifest")
run_prepare "$WORK/arch.out" --cache "$C" --arch bogus64
check "an unknown arch exits 8 (rc=$RC)" [ $RC = 8 ]
check "naming the arch in one line" sh -c "[ \$(wc -l <'$WORK/arch.out') = 1 ] && grep -q \"unknown arch 'bogus64'\" '$WORK/arch.out'"
run_prepare "$WORK/noarch.out" --cache "$C" --arch aarch64 --os-type hvm
check "an arch without any source exits 8 (rc=$RC)" [ $RC = 8 ]
run_prepare "$WORK/bb.out" --cache "$C" --busybox "$WORK/no/busybox"
check "a missing busybox exits 7 (rc=$RC)" [ $RC = 7 ]
check "naming the busybox path" grep -q "busybox $WORK/no/busybox is missing" "$WORK/bb.out"
TCK_BUSYBOX="$WORK/no/bb2" run_prepare "$WORK/bbenv.out" --cache "$C"
check "so does \$TCK_BUSYBOX pointing nowhere (rc=$RC)" sh -c "[ $RC = 7 ] && grep -q '$WORK/no/bb2' '$WORK/bbenv.out'"
mkdir -p "$WORK/emptyboot"
run_prepare "$WORK/boot.out" --cache "$C" --boot-dir "$WORK/emptyboot"
check "a /boot without a kernel exits 7 (rc=$RC)" [ $RC = 7 ]
check "naming the directory" grep -q "no kernel image $WORK/emptyboot/vmlinuz-\*" "$WORK/boot.out"
run_prepare "$WORK/kern.out" --cache "$C" --kernel "$WORK/no/vmlinuz"
check "a missing --kernel exits 7 naming it (rc=$RC)" sh -c "[ $RC = 7 ] && grep -q '$WORK/no/vmlinuz' '$WORK/kern.out'"
check "after all of these the cache is unchanged" [ "$BEFORE" = "$(snapshot "$C"; sha256 "$C/manifest")" ]

if [ "$(id -u)" != 0 ]; then
    for i in 1 2 3 4 5 6; do skip "mounting tmpfs needs root"; done
else
    mkdir -p "$WORK/ro" "$WORK/full"
    if mount -t tmpfs -o ro,size=1m tmpfs "$WORK/ro"; then
        MOUNTS="$MOUNTS $WORK/ro"
        run_prepare "$WORK/ro.out" --cache "$WORK/ro/cache" --offline
        check "a read-only cache dir exits 6 (rc=$RC)" [ $RC = 6 ]
        check "naming the path" grep -q "$WORK/ro/cache" "$WORK/ro.out"
        check "and writes nothing" [ -z "$(ls -A "$WORK/ro")" ]
    else
        for i in 1 2 3; do skip "cannot mount a tmpfs here"; done
    fi
    if mount -t tmpfs -o size=2m tmpfs "$WORK/full"; then
        MOUNTS="$MOUNTS $WORK/full"
        run_prepare "$WORK/full.out" --cache "$WORK/full/cache" --offline
        check "a full disk exits 5 (rc=$RC)" [ $RC = 5 ]
        check "naming the file it could not write" grep -q "$WORK/full/cache/" "$WORK/full.out"
        check "and leaves no asset, manifest or temporary file" \
            [ -z "$(find "$WORK/full/cache" -type f ! -name lock)" ]
    else
        for i in 1 2 3; do skip "cannot mount a tmpfs here"; done
    fi
fi

# --- purge
run_prepare "$WORK/purge-age.out" --cache "$C" --purge --older-than 1d
check "--purge --older-than 1d keeps fresh assets" grep -q " 0 asset(s) purged" "$WORK/purge-age.out"
run_prepare "$WORK/purge.out" --cache "$C" --purge
ok $RC "--purge succeeds (rc=$RC)"
check "and leaves no blob, tree or template" [ -z "$(ls -A "$C/blobs" "$C/trees" "$C/templates" | grep -v ':$')" ]
finish
