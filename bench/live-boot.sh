#!/bin/sh
# live-boot.sh [N] — benchmark (not a test): inside libvirt-tck-sandbox
# (TCG, /dev/kvm hidden as in CI), the median of N (default 10)
# boot-to-marker times: the generic guest from kernel+initrd on
# qemu:///system and as a container on lxc:///system, and the ISO.
# Targets: kernel < 8 s, ISO < 12 s, LXC < 0.5 s.
# Run from the build directory: sh ../bench/live-boot.sh
B=${top_builddir:-$PWD}
S=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
N=${1:-10}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
export top_srcdir=$S top_builddir=$B
. "$S/tests/live/lib.sh"
live_cache "$D/cache" && "$B/prepare/libvirt-tck-prepare" --cache "$D/cache" --offline -q --only iso,disk-raw &&
    mkdir -p "$D/payload" && live_payload "$D/payload" || exit 1
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- sh "$S/bench/live-bench-inner.sh" "$B" "$S" "$N" "$D"
