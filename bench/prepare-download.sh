#!/bin/sh
# prepare-download.sh — download throughput of libvirt-tck-prepare against
# the curl command line tool on a 500 MB file from a loopback busybox httpd,
# and its peak RSS during the download.  Targets: at least 90% of curl's
# throughput, peak RSS under 32 MB.  Prints the best of N runs of each.
set -e
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) CPUs (figures are only comparable on an idle machine)"
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
PREPARE="$top_builddir/prepare/libvirt-tck-prepare"
export TCK_DATA_DIR="$top_srcdir/assets"
N=${N:-3}
SIZE_MB=${SIZE_MB:-500}
W=$(mktemp -d "${TMPDIR:-/var/tmp}/tck-bench.XXXXXX")
SRV=
cleanup() { [ -n "$SRV" ] && kill "$SRV" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
mkdir -p "$W/www"
head -c "${SIZE_MB}M" /dev/urandom >"$W/www/big.bin"
SHA=$(sha256sum "$W/www/big.bin" | cut -d' ' -f1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
busybox httpd -f -p "127.0.0.1:$PORT" -h "$W/www" & SRV=$!
sleep 0.5
URL="http://127.0.0.1:$PORT/big.bin"
sync

best_curl=999999 best_prep=999999 rss=0
for i in $(seq 1 "$N"); do
    rm -f "$W/curl.out"
    s=$(date +%s%N); curl -s -o "$W/curl.out" "$URL"; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); [ $t -lt $best_curl ] && best_curl=$t
    rm -f "$W/curl.out"
    rm -rf "$W/cache"
    s=$(date +%s%N)
    /usr/bin/time -f %M -o "$W/rss" "$PREPARE" -q --cache "$W/cache" --only kernel \
        --kernel-url "$URL" --sha256 "$SHA"
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); [ $t -lt $best_prep ] && best_prep=$t
    r=$(cat "$W/rss"); [ "$r" -gt $rss ] && rss=$r
done
rm -rf "$W/cache"
awk -v mb="$SIZE_MB" -v c="$best_curl" -v p="$best_prep" -v rss="$rss" 'BEGIN {
    printf "curl CLI:            %d MB in %d ms = %.0f MB/s\n", mb, c, mb * 1000 / c
    printf "libvirt-tck-prepare: %d MB in %d ms = %.0f MB/s (incl. SHA-256 on a second thread) = %.0f%% of curl (target >= 90%%)\n",
           mb, p, mb * 1000 / p, 100 * c / p
    printf "peak RSS of libvirt-tck-prepare during the download: %.1f MB (target < 32 MB)\n", rss / 1024
}'
