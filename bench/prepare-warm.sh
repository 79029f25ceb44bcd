#!/bin/sh
# prepare-warm.sh — how long a warm libvirt-tck-prepare takes (everything
# cached: the manifest is read, host inputs are stat'ed, nothing is hashed
# or built).  Target: under 50 ms.  Prints min/median/max of N runs.
set -e
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) CPUs (figures are only comparable on an idle machine)"
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
PREPARE="$top_builddir/prepare/libvirt-tck-prepare"
export TCK_DATA_DIR="$top_srcdir/assets"
N=${N:-20}
C=$(mktemp -d)
trap 'rm -rf "$C"' EXIT
"$PREPARE" -q --offline --cache "$C"
for i in $(seq 1 "$N"); do
    s=$(date +%s%N)
    "$PREPARE" -q --offline --cache "$C"
    e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk -v n="$N" '{ t[NR] = $1 }
    END { printf "warm prepare (%d runs): min %.1f ms, median %.1f ms, max %.1f ms (target < 50 ms)\n",
          n, t[1] / 1000, t[int((n + 1) / 2)] / 1000, t[n] / 1000 }'
