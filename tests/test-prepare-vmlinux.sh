#!/bin/sh
# test-prepare-vmlinux.sh — the fast kernel: libvirt-tck-prepare takes the
# uncompressed ELF out of a bzImage's xz, gzip or zstd payload when it has
# the PVH entry note, keeps the compressed kernel (and says why in --list)
# when it does not, and fails in one line on a corrupt payload; `libvirt-tck
# capabilities` names the image QEMU's guests get.  Fixtures
# are small fake bzImages; the host's own kernel is checked last.
. "$top_srcdir/tests/prepare/lib.sh"
plan 19
FAKE="python3 $FIXTURES/fake-bzimage.py"
python3 "$FIXTURES/fake-bzimage.py" elf "$WORK/pvh.elf" --pvh
python3 "$FIXTURES/fake-bzimage.py" elf "$WORK/plain.elf"

# bzimage NAME ELF COMPRESSOR...: $WORK/NAME, a bzImage around ELF
bzimage() {
    name=$1 elf=$2; shift 2
    "$@" <"$elf" >"$WORK/$name.payload"
    $FAKE wrap "$WORK/$name.payload" "$(stat -c %s "$elf")" "$WORK/$name"
}
# prep NAME [OPTION...]: a cache of its own holding kernel and vmlinux from $WORK/NAME
prep() {
    name=$1; shift
    run_prepare "$WORK/$name.out" --cache "$WORK/c-$name" --offline --kernel "$WORK/$name" \
        --only kernel,vmlinux "$@"
}
source_of() { "$PREPARE" --cache "$WORK/c-$1" --list | sed -n 's/^vmlinux .*Z  *//p'; }

for comp in "xz --check=crc32" "gzip -9" "zstd -q -19"; do
    z=${comp%% *}
    bzimage "k-$z" "$WORK/pvh.elf" $comp
    prep "k-$z"
    ok $RC "a bzImage with a $z payload is prepared (rc=$RC)"
    check "its vmlinux is the PVH ELF, byte for byte" \
        cmp -s "$WORK/pvh.elf" "$("$PREPARE" --cache "$WORK/c-k-$z" --path vmlinux)"
done
source_of k-xz | grep -q "built:PVH vmlinux from the kernel"
ok $? "--list says the vmlinux was built from the kernel: $(source_of k-xz)"

bzimage nopvh "$WORK/plain.elf" xz --check=crc32
prep nopvh
ok $RC "a kernel without the PVH note is prepared too (rc=$RC)"
check "its vmlinux is the compressed kernel itself" \
    cmp -s "$WORK/nopvh" "$("$PREPARE" --cache "$WORK/c-nopvh" --path vmlinux)"
source_of nopvh | grep -q "kept:compressed kernel, its ELF image has no PVH entry note"
ok $? "--list says the compressed kernel was kept, and why: $(source_of nopvh)"

head -c 4096 /dev/urandom >"$WORK/Image"
prep Image
ok $RC "a kernel that is no bzImage (another arch) is prepared (rc=$RC)"
source_of Image | grep -q "kept:compressed kernel, not an x86 bzImage"
ok $? "--list says it is no bzImage: $(source_of Image)"

bzimage broken "$WORK/pvh.elf" xz --check=crc32
size=$(stat -c %s "$WORK/broken")
dd if=/dev/zero of="$WORK/broken" bs=1 seek=$((size / 2)) count=100 conv=notrunc 2>/dev/null
prep broken -q
ok $((RC != 12)) "a corrupt payload fails as a build error (rc=$RC, expected 12)"
check "in one line naming the kernel" sh -c "[ \$(wc -l <'$WORK/broken.out') -eq 1 ] && grep -q 'payload of .*blobs/' '$WORK/broken.out'"

run_prepare "$WORK/warm.out" --cache "$WORK/c-k-xz" --offline --kernel "$WORK/k-xz" --only kernel,vmlinux
check "a warm prepare reuses the vmlinux" grep -q "vmlinux    cached" "$WORK/warm.out"

# libvirt-tck capabilities says which image QEMU's guests get from the cache
TCK="$top_builddir/tck/libvirt-tck"
out=$(TCK_ASSET_CACHE="$WORK/c-k-xz" "$TCK" capabilities --caps "$top_srcdir/tests/caps/qemu-system.xml" 2>&1)
printf '%s\n' "$out" | grep -q "^kernel image: the PVH vmlinux $WORK/c-k-xz/blobs/"
ok $? "capabilities names the PVH vmlinux a QEMU guest boots"
out=$(TCK_ASSET_CACHE="$WORK/c-nopvh" "$TCK" capabilities --caps "$top_srcdir/tests/caps/qemu-system.xml" 2>&1)
printf '%s\n' "$out" | grep -q "^kernel image: the compressed kernel, .*: it has no PVH vmlinux inside"
ok $? "...and says when the cache kept the compressed kernel instead"

# the host's kernel: Debian's is an xz bzImage built with CONFIG_PVH=y
HOSTK=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
if [ -z "$HOSTK" ] || ! grep -qs '^CONFIG_PVH=y' "/boot/config-${HOSTK#/boot/vmlinuz-}"; then
    skip "the host has no kernel built with CONFIG_PVH=y"
    skip "the host has no kernel built with CONFIG_PVH=y"
    finish
fi
run_prepare "$WORK/host.out" --cache "$WORK/c-host" --offline --only kernel,vmlinux
V=$("$PREPARE" --cache "$WORK/c-host" --path vmlinux)
check "the host kernel $HOSTK gives an ELF vmlinux" sh -c "head -c 4 '$V' | grep -q ELF"
readelf -n "$V" 2>/dev/null | grep -q "Xen.*(0x00000012)"
ok $? "with the PVH entry note (readelf -n: Xen note type 0x12)"
finish
