#!/bin/sh
# prepare-cold.sh — how long a cold offline libvirt-tck-prepare takes into an
# empty cache: kernel copy, initrd, ISO, rootfs (tarball + tree), template,
# raw and qcow2 disks.  Target: under 2 s.  Prints each run and the median.
set -e
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) CPUs (figures are only comparable on an idle machine)"
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
PREPARE="$top_builddir/prepare/libvirt-tck-prepare"
export TCK_DATA_DIR="$top_srcdir/assets"
N=${N:-5}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
for i in $(seq 1 "$N"); do
    s=$(date +%s%N)
    "$PREPARE" -q --offline --cache "$W/c$i"
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
done | sort -n | awk -v n="$N" '{ t[NR] = $1; printf "cold prepare run: %d ms\n", $1 }
    END { printf "cold offline prepare (%d runs): min %d ms, median %d ms, max %d ms (target < 2000 ms)\n",
          n, t[1], t[int((n + 1) / 2)], t[n] }'
