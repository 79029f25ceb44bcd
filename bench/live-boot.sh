#!/bin/sh
# live-boot.sh [N] — benchmark (not a test): inside libvirt-tck-sandbox
# (TCG, /dev/kvm hidden as in CI), in one run, the median of N (default 10)
# boots to the guest's marker of
#  - plain qemu-system-x86_64 with the compressed kernel and our initrd,
#  - the same with the fast kernel (the PVH vmlinux),
#  - the domain/050 test (its whole run, create to gone, as the harness times it),
# and the ratio 050 / plain compressed (target: at most 0.65).
# TCK_BENCH_ALL=1 adds the ISO and LXC guests.  The machine is shared:
# the load average is printed before and after.
# Run from the build directory: sh ../bench/live-boot.sh
B=${top_builddir:-$PWD}
S=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
N=${1:-10}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
export top_srcdir=$S top_builddir=$B
. "$S/tests/live/lib.sh"
live_cache "$D/cache" || exit 1
echo "host: $(nproc) cores, $(uname -r); $(uptime | sed 's/.*load/load/')"
TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- sh "$S/bench/live-bench-inner.sh" "$B" "$S" "$N" "$D"
echo "after: $(uptime | sed 's/.*load/load/')"
