#!/bin/sh
# hardening-prepare.sh — issue 10, libvirt-tck-prepare's half: what a
# hostile server, a full disk, a read-only cache and credentials in a URL
# do to a prepare.  Every server is local, started here (hostile-server.py).
#  13: a 304 to an unconditional request into an empty cache is an error
#  14: a body past the declared size is cut off there; an endless body past
#      the size cap; a trickle ends at the overall deadline
#  15: user:password@ in --kernel-url reaches neither the manifest, nor
#      partial/*.meta, nor --list, nor any message
#  16: a full disk exits 5; --verify on a read-only cache only reads
. "$top_srcdir/tests/prepare/lib.sh"
plan 21

HOSTILE="$FIXTURES/hostile-server.py"
ZERO=0000000000000000000000000000000000000000000000000000000000000000
WWW="$WORK/www"
mkdir -p "$WWW"
head -c 300000 /dev/urandom >"$WWW/k.bin"
K_SHA=$(sha256 "$WWW/k.bin")
# The hostile bodies land on a small tmpfs: a prepare without the cut-off
# (today's main) fills it, not the host's disk; each run is bounded by timeout.
HOST_CACHES="$WORK/hostile"
mkdir -p "$HOST_CACHES"
mount -t tmpfs -o size=64m tmpfs "$HOST_CACHES" 2>/dev/null && MOUNTS="$MOUNTS $HOST_CACHES"
run_bounded() { out=$1; shift; timeout 60 "$PREPARE" "$@" >"$out" 2>&1; RC=$?; }

# 13. a 304 answered into an empty cache
P304=$(free_port)
start_server "$P304" python3 "$HOSTILE" "$P304" 304
run_prepare "$WORK/304.out" --cache "$WORK/c304" --only kernel \
    --kernel-url "http://127.0.0.1:$P304/k" --sha256 "$ZERO"
check "a 304 to an unconditional request exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "and says the server answered 304 to a request that was not conditional" \
    grep -q "304 Not Modified to a request that was not conditional" "$WORK/304.out"
check "nothing is counted as cached" sh -c "! grep -q '1 cached' '$WORK/304.out'"

# 14a. an endless body with a declared size (the catalog's) stops at that size
PEND=$(free_port)
start_server "$PEND" python3 "$HOSTILE" "$PEND" endless
cat >"$WORK/catalog.conf" <<CAT
[aarch64 hvm]
kernel.url=http://127.0.0.1:$PEND/vmlinuz
kernel.sha256=$ZERO
kernel.size=1000000
CAT
run_bounded "$WORK/endless.out" --cache "$HOST_CACHES/cend" --catalog "$WORK/catalog.conf" \
    --arch aarch64 --only kernel
check "an endless body exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "stopped at the declared 1000000 bytes" grep -q "more than the declared 1000000 bytes" "$WORK/endless.out"
check "and nothing is left in the cache" [ -z "$(find "$HOST_CACHES/cend" -type f ! -name lock)" ]

# 14b. without a declared size, at the size cap (TCK_PREPARE_MAX_SIZE)
TCK_PREPARE_MAX_SIZE=3000000 run_bounded "$WORK/cap.out" --cache "$HOST_CACHES/ccap" --only kernel \
    --kernel-url "http://127.0.0.1:$PEND/k" --sha256 "$ZERO"
check "an endless body without a declared size exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "stopped at the 3000000-byte cap" grep -q "more than the maximum 3000000 bytes" "$WORK/cap.out"

# 14c. a 2000 B/s trickle (above the low-speed limit) ends at the deadline
PTRI=$(free_port)
start_server "$PTRI" python3 "$HOSTILE" "$PTRI" trickle
t0=$(date +%s)
TCK_PREPARE_DEADLINE=3 TCK_PREPARE_RETRIES=1 run_bounded "$WORK/trickle.out" --cache "$HOST_CACHES/ctri" --only kernel \
    --kernel-url "http://127.0.0.1:$PTRI/k" --sha256 "$ZERO"
t1=$(date +%s)
check "a trickle exits 3 (rc=$RC)" [ "$RC" = 3 ]
check "within the 3 s deadline, retries included ($((t1 - t0)) s)" [ $((t1 - t0)) -lt 10 ]
check "the message names the deadline" grep -q "not done within the 3 s deadline" "$WORK/trickle.out"
grep -q "not done within the 3 s deadline" "$WORK/trickle.out" || sed 's/^/# /' "$WORK/trickle.out"

# 15. credentials in --kernel-url: for libcurl only
PBB=$(free_port)
start_server "$PBB" busybox httpd -f -p "127.0.0.1:$PBB" -h "$WWW"
run_prepare "$WORK/cred.out" --cache "$WORK/ccred" --only kernel \
    --kernel-url "http://tckuser:s3cr3tpw@127.0.0.1:$PBB/k.bin" --sha256 "$K_SHA"
ok $RC "a --kernel-url with user:password@ is downloaded (rc=$RC)"
"$PREPARE" --cache "$WORK/ccred" --list >"$WORK/cred-list.out" 2>&1
check "--list shows the URL with the password masked" grep -q "tckuser:.*@127.0.0.1:$PBB/k.bin" "$WORK/cred-list.out"
check "the password is nowhere in the cache, --list or the messages" \
    sh -c "! grep -rq s3cr3tpw '$WORK/ccred' '$WORK/cred-list.out' '$WORK/cred.out'"
# a transfer that fails and leaves its .meta behind, and an error message
run_prepare "$WORK/cred-404.out" --cache "$WORK/ccred2" --only kernel \
    --kernel-url "http://tckuser:s3cr3tpw@127.0.0.1:$P304/k" --sha256 "$K_SHA"
check "nor in a failed download's message (rc=$RC)" \
    sh -c "[ $RC = 3 ] && ! grep -rq s3cr3tpw '$WORK/ccred2' '$WORK/cred-404.out'"

# 16a. a full disk while building the qcow2 disk exits 5 with one line
mkdir -p "$WORK/full"
if mount -t tmpfs -o size=100k tmpfs "$WORK/full" 2>/dev/null; then
    MOUNTS="$MOUNTS $WORK/full"
    run_prepare "$WORK/full.out" --cache "$WORK/full/c" --only disk-qcow2
    check "a full disk while building a disk exits 5 (rc=$RC)" [ "$RC" = 5 ]
    check "in one line naming the file system" \
        sh -c "[ \$(wc -l <'$WORK/full.out') = 1 ] && grep -q 'no space left on the file system of $WORK/full/c/tmp' '$WORK/full.out'"
else
    skip "cannot mount a tmpfs here (not root?)"
    skip "cannot mount a tmpfs here (not root?)"
fi

# 16b. --verify on a read-only cache only reads
mkdir -p "$WORK/rosrc" "$WORK/ro"
run_prepare "$WORK/ro-build.out" --cache "$WORK/rosrc/c" --only disk-raw
if mount --bind "$WORK/rosrc" "$WORK/ro" 2>/dev/null && mount -o remount,bind,ro "$WORK/ro" 2>/dev/null; then
    MOUNTS="$WORK/ro $MOUNTS"
    before=$(snapshot "$WORK/rosrc/c")
    run_prepare "$WORK/ro-verify.out" --cache "$WORK/ro/c" --verify
    ok $RC "--verify on a read-only cache succeeds (rc=$RC)"
    check "saying it verified without the lock" grep -q "read-only: verifying without the lock" "$WORK/ro-verify.out"
    check "and wrote nothing" [ "$before" = "$(snapshot "$WORK/rosrc/c")" ]
    # a bad entry is still found, and still nothing is written
    umount "$WORK/ro"
    printf x | dd of="$(ls "$WORK"/rosrc/c/blobs/*)" bs=1 seek=10 conv=notrunc 2>/dev/null
    mount --bind "$WORK/rosrc" "$WORK/ro" && mount -o remount,bind,ro "$WORK/ro"
    run_prepare "$WORK/ro-bad.out" --cache "$WORK/ro/c" --verify
    check "a bad entry in a read-only cache exits 10 (rc=$RC)" [ "$RC" = 10 ]
else
    for _ in 1 2 3 4; do skip "cannot make a read-only bind mount here"; done
fi
finish
