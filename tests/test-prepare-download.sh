#!/bin/sh
# test-prepare-download.sh — libvirt-tck-prepare's downloads against real
# local servers started here: a full fetch, a resume after the server died
# mid-transfer, a checksum mismatch that leaves no cache entry, a 404, a
# stalling server caught by the low-speed timeout, a conditional refresh
# answered 304 without a transfer, a server without Range support
# (python3 -m http.server), and crash safety (kill -9 mid-download, then
# the cache verifies clean and the download resumes).
. "$top_srcdir/tests/prepare/lib.sh"
plan 42

WWW="$WORK/www"
mkdir -p "$WWW"
head -c 3000000 /dev/urandom >"$WWW/small.bin"
head -c 24000000 /dev/urandom >"$WWW/big.bin"
SMALL_SHA=$(sha256 "$WWW/small.bin")
BIG_SHA=$(sha256 "$WWW/big.bin")
PORT=$(free_port)
start_server "$PORT" busybox httpd -f -p "127.0.0.1:$PORT" -h "$WWW"
BB_PID=$SERVER_PID
URL="http://127.0.0.1:$PORT"
fetch() { # fetch CACHE OUT URL SHA [ARGS...]
    c=$1 o=$2 u=$3 s=$4; shift 4
    run_prepare "$o" --cache "$c" --only kernel --kernel-url "$u" --sha256 "$s" "$@"
}

# 1. full fetch
fetch "$WORK/c1" "$WORK/full.out" "$URL/small.bin" "$SMALL_SHA"
ok $RC "a full fetch from busybox httpd succeeds (rc=$RC)"
K=$(TCK_ASSET_CACHE="$WORK/c1" "$PREPARE" --cache "$WORK/c1" --list | awk '$1=="kernel"{print $5}')
check "the fetched kernel is listed as verified" [ "$K" = verified ]
check "the stored blob is the served file" cmp -s "$WORK/c1/blobs/$SMALL_SHA" "$WWW/small.bin"
check "no partial file is left" [ -z "$(ls "$WORK/c1/partial")" ]

# (GLib puts a no-break space between number and unit; sizes are IEC, as in --list)
check "without a TTY, progress is plain lines" grep -q "small.bin: 2\.9.*MiB of 2\.9.*MiB (100%)" "$WORK/full.out"
fetch "$WORK/c1q" "$WORK/quiet.out" "$URL/small.bin" "$SMALL_SHA" -q
check "with -q a successful download prints nothing (rc=$RC)" [ "$RC" = 0 -a ! -s "$WORK/quiet.out" ]

# 2. warm: nothing is transferred again
fetch "$WORK/c1" "$WORK/warm.out" "$URL/small.bin" "$SMALL_SHA"
check "a second prepare reuses the cached download" grep -q "kernel *cached" "$WORK/warm.out"

# 3. conditional refresh: 304, no transfer
before=$(stat -c %Y.%i "$WORK/c1/blobs/$SMALL_SHA")
fetch "$WORK/c1" "$WORK/refresh.out" "$URL/small.bin" "$SMALL_SHA" --refresh
ok $RC "--refresh succeeds (rc=$RC)"
check "--refresh is answered not-modified" grep -q "not modified" "$WORK/refresh.out"
check "the blob was not rewritten" [ "$before" = "$(stat -c %Y.%i "$WORK/c1/blobs/$SMALL_SHA")" ]

# 4. checksum mismatch: refused, nothing stored
BAD=0000000000000000000000000000000000000000000000000000000000000000
fetch "$WORK/c2" "$WORK/mismatch.out" "$URL/small.bin" "$BAD"
check "a checksum mismatch exits 4 (rc=$RC)" [ "$RC" = 4 ]
check "the mismatch message names the URL and both hashes" grep -q "small.bin has SHA-256 $SMALL_SHA, expected $BAD" "$WORK/mismatch.out"
check "a mismatch leaves no blob, manifest or partial file" \
    [ -z "$(find "$WORK/c2" -type f ! -name lock)" ]

# 4b. no checksum: refused unless --insecure-no-checksum, then marked unverified
run_prepare "$WORK/nosum.out" --cache "$WORK/c9" --only kernel --kernel-url "$URL/small.bin"
check "a URL without --sha256 is a usage error (rc=$RC)" [ "$RC" = 2 ]
run_prepare "$WORK/insecure.out" --cache "$WORK/c9" --only kernel --kernel-url "$URL/small.bin" --insecure-no-checksum
ok $RC "--insecure-no-checksum downloads it (rc=$RC)"
K=$("$PREPARE" --cache "$WORK/c9" --list | awk '$1=="kernel"{print $5}')
check "and the cache marks it unverified" [ "$K" = unverified ]

# 4c. file:// URLs
fetch "$WORK/c10" "$WORK/file.out" "file://$WWW/small.bin" "$SMALL_SHA"
ok $RC "a file:// URL is fetched (rc=$RC)"
check "with the right bytes" cmp -s "$WORK/c10/blobs/$SMALL_SHA" "$WWW/small.bin"

# 4d. the config: scratch_dir is the cache, `kernels:` names the source
cat >"$WORK/tck.yml" <<YML
scratch_dir: $WORK/scratch
kernels:
  - arch: aarch64
    ostype: hvm
    kernel: file://$WWW/small.bin
    kernel_sha256: $SMALL_SHA
YML
run_prepare "$WORK/cfg.out" -c "$WORK/tck.yml" --arch aarch64 --os-type hvm --only kernel
ok $RC "a config's kernels: entry is downloaded for its arch (rc=$RC)"
check "into the config's scratch_dir" cmp -s "$WORK/scratch/blobs/$SMALL_SHA" "$WWW/small.bin"
check "and looked up as the aarch64 kernel" \
    [ "$("$PREPARE" -c "$WORK/tck.yml" --arch aarch64 --path kernel)" = "$WORK/scratch/blobs/$SMALL_SHA" ]

# 4e. upstream's own shapes: ostype as a list, kernel as a map with a source
cat >"$WORK/tck-upstream.yml" <<YML
scratch_dir: $WORK/scratch-up
kernels:
  - arch: aarch64
    ostype:
      - hvm
      - xen
    kernel:
      source: file://$WWW/small.bin
    kernel_sha256: $SMALL_SHA
YML
run_prepare "$WORK/cfg-up.out" -c "$WORK/tck-upstream.yml" --arch aarch64 --os-type xen --only kernel
ok $RC "an upstream-style entry (ostype list, kernel map) is downloaded for os type xen (rc=$RC)"
check "into that config's scratch_dir" cmp -s "$WORK/scratch-up/blobs/$SMALL_SHA" "$WWW/small.bin"

# 5. 404
fetch "$WORK/c3" "$WORK/404.out" "$URL/nope.bin" "$SMALL_SHA"
check "a 404 exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "the 404 message names the URL and status" grep -q "nope.bin: HTTP 404" "$WORK/404.out"

# wait_part CACHE: until its download has 2 MB on disk (or 30 s passed)
wait_part() {
    for _ in $(seq 1 600); do
        [ "$(stat -c %s "$1"/partial/*.part 2>/dev/null || echo 0)" -gt 2000000 ] && return 0
        sleep 0.05
    done
    return 1
}

# 6. resume after the server dies mid-transfer: a throttled server (2 MB/s)
# on the same port is killed, then busybox httpd serves the rest (Range)
stop_server "$BB_PID"
start_server "$PORT" python3 "$FIXTURES/slow-server.py" "$PORT" "$WWW" 2000000
SLOW_PID=$SERVER_PID
TCK_PREPARE_RETRIES=0 \
    "$PREPARE" --cache "$WORK/c4" --only kernel --kernel-url "$URL/big.bin" --sha256 "$BIG_SHA" \
    >"$WORK/killed.out" 2>&1 &
PP=$!
PIDS="$PIDS $PP"
wait_part "$WORK/c4"
stop_server "$SLOW_PID"
wait "$PP"; RC=$?
check "the download fails with exit 3 when the server dies (rc=$RC)" [ "$RC" = 3 ]
[ "$RC" = 3 ] || sed 's/^/# /' "$WORK/killed.out"
PART=$(ls "$WORK"/c4/partial/*.part 2>/dev/null)
PSIZE=$(filesize "$PART")
check "a partial file of $PSIZE bytes is kept" [ "$PSIZE" -gt 0 -a "$PSIZE" -lt 24000000 ]
start_server "$PORT" busybox httpd -f -p "127.0.0.1:$PORT" -h "$WWW"
BB_PID=$SERVER_PID
fetch "$WORK/c4" "$WORK/resumed.out" "$URL/big.bin" "$BIG_SHA"
ok $RC "the next prepare completes the download (rc=$RC)"
check "it resumed from the partial file" grep -q "resuming at $PSIZE bytes" "$WORK/resumed.out"
check "the resumed blob is byte-identical to the served file" cmp -s "$WORK/c4/blobs/$BIG_SHA" "$WWW/big.bin"

# 7. crash safety: kill -9 mid-download (throttled server), verify, resume
stop_server "$BB_PID"
start_server "$PORT" python3 "$FIXTURES/slow-server.py" "$PORT" "$WWW" 2000000
SLOW_PID=$SERVER_PID
"$PREPARE" --cache "$WORK/c5" --only kernel --kernel-url "$URL/big.bin" --sha256 "$BIG_SHA" \
    >"$WORK/crash.out" 2>&1 &
PP=$!
PIDS="$PIDS $PP"
wait_part "$WORK/c5"
kill -9 "$PP"; wait "$PP" 2>/dev/null
stop_server "$SLOW_PID"
start_server "$PORT" busybox httpd -f -p "127.0.0.1:$PORT" -h "$WWW"
BB_PID=$SERVER_PID
run_prepare "$WORK/crash-verify.out" --cache "$WORK/c5" --verify
ok $RC "after kill -9 the cache verifies clean (rc=$RC)"
PSIZE=$(filesize "$(ls "$WORK"/c5/partial/*.part 2>/dev/null)")
check "the killed download left $PSIZE bytes to resume from" [ "$PSIZE" -gt 0 -a "$PSIZE" -lt 24000000 ]
fetch "$WORK/c5" "$WORK/crash-resume.out" "$URL/big.bin" "$BIG_SHA"
ok $RC "the next prepare completes (rc=$RC)"
check "and resumed at the $PSIZE bytes left by the killed one" grep -q "resuming at $PSIZE bytes" "$WORK/crash-resume.out"
run_prepare "$WORK/crash-verify2.out" --cache "$WORK/c5" --verify
ok $RC "the cache verifies clean afterwards (rc=$RC)"

# 8. a stalling server, caught by the low-speed timeout
SPORT=$(free_port)
start_server "$SPORT" python3 "$FIXTURES/stall-server.py" "$SPORT"
t0=$(date +%s)
TCK_PREPARE_LOW_SPEED_TIME=2 TCK_PREPARE_LOW_SPEED_LIMIT=1000 TCK_PREPARE_RETRIES=1 \
    run_prepare "$WORK/stall.out" --cache "$WORK/c6" --only kernel \
    --kernel-url "http://127.0.0.1:$SPORT/x" --sha256 "$SMALL_SHA"
t1=$(date +%s)
check "a stalled transfer exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "within the low-speed limit, not a hang ($((t1 - t0)) s)" [ $((t1 - t0)) -lt 30 ]
check "the message says the transfer was too slow" grep -qi "too slow" "$WORK/stall.out"

# 9. python3 -m http.server: no Range support; a resume falls back to a restart
stop_server "$BB_PID"
start_server "$PORT" python3 -m http.server --bind 127.0.0.1 --directory "$WWW" "$PORT"
PY_PID=$SERVER_PID
fetch "$WORK/c7" "$WORK/py-full.out" "$URL/small.bin" "$SMALL_SHA"
ok $RC "a full fetch from python3 -m http.server succeeds (rc=$RC)"
# a partial file from an earlier attempt at the same URL
mkdir -p "$WORK/c8/partial"
KEY=$(printf %s "$URL/big.bin" | sha256sum | cut -d' ' -f1)
head -c 1000000 "$WWW/big.bin" >"$WORK/c8/partial/$KEY.part"
printf '[part]\nurl=%s\n' "$URL/big.bin" >"$WORK/c8/partial/$KEY.meta"
fetch "$WORK/c8" "$WORK/py-resume.out" "$URL/big.bin" "$BIG_SHA"
ok $RC "a resume against a server without Range support completes (rc=$RC)"
check "by starting over" grep -q "cannot resume; starting over" "$WORK/py-resume.out"
check "with the right bytes" cmp -s "$WORK/c8/blobs/$BIG_SHA" "$WWW/big.bin"
finish
