# lib.sh — shared helpers of the libvirt-tck-prepare shell tests: TAP
# output, temporary directories, local servers started (and stopped, by
# pid) by the test itself.
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
PREPARE="$top_builddir/prepare/libvirt-tck-prepare"
FIXTURES="$top_srcdir/tests/prepare"
export TCK_DATA_DIR="$top_srcdir/assets"
# fail fast on network errors; the stall test sets its own limits
export TCK_PREPARE_RETRY_DELAY_MS=100
unset TCK_ASSET_CACHE TCK_BUSYBOX http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

TAP_N=0
TAP_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tck-prepare-test.XXXXXX")
PIDS=""
MOUNTS=""

cleanup() {
    for p in $PIDS; do
        for c in $(pgrep -P "$p" 2>/dev/null); do kill "$c" 2>/dev/null; done
        kill "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    for m in $MOUNTS; do umount "$m" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT

plan() { echo "1..$1"; }
ok() {
    TAP_N=$((TAP_N + 1))
    if [ "$1" = 0 ]; then
        echo "ok $TAP_N - $2"
    else
        echo "not ok $TAP_N - $2"
        TAP_FAILED=1
    fi
}
# check DESCRIPTION COMMAND...: ok when the command succeeds
check() { d=$1; shift; if "$@"; then ok 0 "$d"; else ok 1 "$d"; fi; }
skip() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP $1"; }
diag() { echo "# $*"; }
finish() { exit $TAP_FAILED; }

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_port() {
    for _ in $(seq 1 100); do
        python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$1)))" && return 0
        sleep 0.05
    done
    return 1
}

# start_server PORT CMD...: runs CMD in the background; sets SERVER_PID.
start_server() {
    port=$1; shift
    "$@" >"$WORK/server-$port.log" 2>&1 &
    SERVER_PID=$!
    PIDS="$PIDS $SERVER_PID"
    wait_port "$port"
}

# stop_server PID: the server and the children serving connections.
stop_server() {
    for c in $(pgrep -P "$1" 2>/dev/null); do kill -9 "$c" 2>/dev/null; done
    kill -9 "$1" 2>/dev/null
    wait "$1" 2>/dev/null
    return 0
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }
filesize() { stat -c %s "$1" 2>/dev/null || echo 0; }

# run_prepare OUTFILE ARGS...: runs prepare, stdout+stderr to OUTFILE, sets RC.
run_prepare() {
    out=$1; shift
    "$PREPARE" "$@" >"$out" 2>&1
    RC=$?
    return 0
}

# The files under a cache, with sizes and hashes, minus the lock.
snapshot() {
    (cd "$1" 2>/dev/null && find . -path ./lock -prune -o -type f -printf '%p %s\n' | sort;
     find . -type d | sort) 2>/dev/null
}
