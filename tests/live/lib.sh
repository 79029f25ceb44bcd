# lib.sh — shared by the live tests: TAP output, the sandbox gate, and the
# tiny guests' payloads (busybox rootfs, host kernel + busybox initrd).
# Sourced by tests/live-*.sh; needs $top_builddir and $top_srcdir.

SANDBOX="$top_builddir/tck/libvirt-tck-sandbox"
LIVE_FIXTURES="$top_srcdir/tests/live"
BUSYBOX="${BUSYBOX:-$(command -v busybox || echo /bin/busybox)}"
tap_n=0
tap_failed=0

tap_ok() {        # tap_ok COND-STATUS DESCRIPTION
    tap_n=$((tap_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $tap_n - $2"
    else
        echo "not ok $tap_n - $2"
        tap_failed=1
    fi
}

tap_diag() {
    printf '%s\n' "$@" | sed 's/^/# /'
}

# live_gate: the sandbox must start.  When it cannot, the test fails loudly
# (Bail out!), unless TCK_ALLOW_NO_LIVE=1 turns that into a skip with the reason.
live_subset() {
    # TCK_LIVE_ONLY="NAME ...": this build runs only the named live tests
    # (the sanitizer build in CI runs a representative subset).
    if [ -n "${TCK_LIVE_ONLY:-}" ]; then
        me=$(basename "$0" .sh)
        case " $TCK_LIVE_ONLY " in
            *" $me "*) ;;
            *) echo "1..0 # SKIP $me is not in this build's live subset (TCK_LIVE_ONLY=$TCK_LIVE_ONLY)"; exit 0 ;;
        esac
    fi
}

live_gate() {
    live_subset
    gate_err=$(mktemp)
    if "$SANDBOX" --timeout 120 -- true 2>"$gate_err"; then
        rm -f "$gate_err"
        return 0
    fi
    reason=$(tr '\n' ' ' <"$gate_err" | cut -c1-300)
    rm -f "$gate_err"
    if [ "${TCK_ALLOW_NO_LIVE:-0}" = 1 ]; then
        echo "1..0 # SKIP the sandbox cannot start (TCK_ALLOW_NO_LIVE=1): $reason"
        exit 0
    fi
    echo "Bail out! the sandbox cannot start (set TCK_ALLOW_NO_LIVE=1 to skip live tests): $reason"
    exit 1
}

# live_payload DIR: DIR/rootfs (busybox tree) and DIR/vmlinuz + DIR/initrd.img
# (the host kernel, as its PVH vmlinux where it has one, and a busybox initrd).  DIR must be traversable by
# libvirt-qemu, which owns the kernel and initrd while a guest runs.
live_payload() {
    dir=$1
    chmod 0755 "$dir"
    for sub in rootfs initrd; do
        mkdir -p "$dir/$sub/bin" "$dir/$sub/sbin" "$dir/$sub/proc" "$dir/$sub/dev" \
                 "$dir/$sub/sys" "$dir/$sub/tck-out" "$dir/$sub/tmp"
        cp "$BUSYBOX" "$dir/$sub/bin/busybox"
        for applet in sh cat echo mount sleep poweroff reboot; do
            ln -sf busybox "$dir/$sub/bin/$applet"
        done
    done
    cp "$LIVE_FIXTURES/guest-init" "$dir/rootfs/sbin/init"
    cp "$LIVE_FIXTURES/guest-init" "$dir/initrd/init"
    chmod 0755 "$dir/rootfs/sbin/init" "$dir/initrd/init"
    kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
    [ -n "$kernel" ] || { echo "no /boot/vmlinuz-* on this host" >&2; return 1; }
    # the fast kernel where the host's has one (its PVH vmlinux: no
    # self-decompression, seconds less per boot under TCG), else the kernel
    P="$top_builddir/prepare/libvirt-tck-prepare"
    if "$P" --cache "$dir/.cache" --offline -q --kernel "$kernel" --only kernel,vmlinux; then
        mv "$("$P" --cache "$dir/.cache" --path vmlinux)" "$dir/vmlinuz"
    fi
    rm -rf "$dir/.cache"
    [ -s "$dir/vmlinuz" ] || cp "$kernel" "$dir/vmlinuz"
    (cd "$dir/initrd" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null) | gzip -1 >"$dir/initrd.img"
    chmod 0644 "$dir/vmlinuz" "$dir/initrd.img"
}

# live_xml FIXTURE NAME TOKEN DIR TYPE: a fixture with its placeholders filled.
live_xml() {
    sed -e "s|@NAME@|$2|g" -e "s|@TOKEN@|$3|g" -e "s|@DIR@|$4|g" -e "s|@TYPE@|${5:-qemu}|g" \
        "$LIVE_FIXTURES/$1"
}

# live_wait_marker FILE TOKEN SECONDS: wait for "TCK-GUEST-READY TOKEN" in FILE.
live_wait_marker() {
    i=0
    while [ $i -lt $(($3 * 10)) ]; do
        grep -q "TCK-GUEST-READY $2" "$1" 2>/dev/null && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# live_host_state: what the sandbox must leave untouched on the host.
live_host_state() {
    for d in /etc/libvirt /var/lib/libvirt /var/log/libvirt /var/cache/libvirt; do
        find "$d" -printf '%p %m %u %s %T@\n' 2>/dev/null | sort
    done
    grep -E 'tck-sandbox|libvirt' /proc/self/mountinfo | sed 's/^[0-9]* [0-9]* //'
    ls /run/libvirt 2>/dev/null
}

# live_results FILE COUNT: turn the "ok - ..." lines a sandboxed inner script
# wrote into TAP, and check that all COUNT of them ran.
live_results() {
    if [ -s "$1" ]; then
        while read -r line; do
            case "$line" in
                "ok - "*) tap_ok 0 "${line#ok - }" ;;
                *) tap_ok 1 "${line#not ok - }" ;;
            esac
        done <"$1"
    fi
    n=$(cat "$1" 2>/dev/null | wc -l)
    [ "$n" -eq "$2" ]
    tap_ok $? "all $2 checks inside the sandbox ran (got $n)"
}

# live_cache DIR: an asset cache with the kernel, the fast kernel (vmlinux),
# initrd, ISO, rootfs and an empty qcow2 disk (snapshots, block jobs), built
# offline from the host's kernel and busybox by libvirt-tck-prepare.
live_cache() {
    "$top_builddir/prepare/libvirt-tck-prepare" --cache "$1" --offline -q \
        --only kernel,vmlinux,initrd,iso,rootfs,disk-qcow2
}
