#!/bin/sh
# live-boot.sh [N] — benchmark (not a test): inside libvirt-tck-sandbox
# (TCG, /dev/kvm hidden as in CI), the median of N (default 10)
# boot-to-marker times of the generic guest booted from kernel+initrd and
# from the ISO on qemu:///system, and of the container on lxc:///system.
# Targets: kernel < 8 s, ISO < 12 s, LXC < 0.5 s.
# Run from the build directory: sh ../bench/live-boot.sh
B=${top_builddir:-$PWD}
S=${top_srcdir:-$(dirname "$0")/..}
N=${1:-10}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
"$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only kernel,initrd,iso,disk-raw,rootfs || exit 1
rootfs=$("$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --os-type exe --path rootfs) &&
    mkdir -p "$rootfs/.oldroot" && "$B/prepare/libvirt-tck-prepare" --cache "$D/cache" -q --verify
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
TCK_ASSET_CACHE="$D/cache" "$B/tck/libvirt-tck-sandbox" --no-kvm -- sh "$S/bench/live-bench-inner.sh" "$B" "$N"
