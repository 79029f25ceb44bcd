#!/bin/sh
# man-run-examples.sh — every example in libvirt-tck(1)'s EXAMPLES runs as
# printed (with the built libvirt-tck), in a scratch directory.  The one
# that needs a live QEMU driver is skipped, saying so.
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
# The command lines of the EXAMPLES section, roff's \- turned back into -.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$top_srcdir/man/libvirt-tck.1" | sed -n 's/^\.B \(libvirt-tck .*\)/\1/p' |
    sed 's/\\-/-/g' >"$tmp/examples"
n=$(lines "$(cat "$tmp/examples")")
tap_plan $((n + 2))
ok "the page has examples ($n)" test "$n" -ge 4

cd "$tmp" || exit 1
# What the examples name: a known-broken file for QEMU.
cat >qemu.yml <<'KB'
- test: domain/080-*
  driver: qemu
  reason: an example entry; it applies to the QEMU driver only
KB
while read -r cmd; do
    case "$cmd" in
        *qemu:///system*)
            _tap_result ok "# SKIP needs a live QEMU driver with a prepared asset cache: $cmd"
            continue ;;
    esac
    # shellcheck disable=SC2086
    set -- $cmd
    shift
    "$TCK" "$@" >out 2>&1
    rc=$?
    [ -f run.tar.gz ] && [ ! -f ref.tar.gz ] && cp run.tar.gz ref.tar.gz
    # Works: it ran and judged (0 or 1: the driver's own deviations may
    # fail), not a usage, setup or nothing-tested error; every FILE it
    # names was written, and a run printed its closing line.
    missing=""
    for f in $(printf '%s\n' "$cmd" | grep -oE '(=|-a )[^ ]+\.(tar\.gz|xml|html|tap)' | sed 's/^=//; s/^-a //'); do
        [ -s "$f" ] || missing="$missing $f"
    done
    closing=yes
    case "$cmd" in
        "libvirt-tck report"*) ;;
        *) grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' out || closing=no ;;
    esac
    if [ "$rc" -le 1 ] && [ -z "$missing" ] && [ "$closing" = yes ]; then
        _tap_result ok "works as printed (exit $rc): $cmd"
    else
        _tap_result fail "works as printed: $cmd (exit $rc, missing:${missing:- none}, closing line: $closing)"
        tail -5 out | diag "$(cat)"
    fi
done <"$tmp/examples"

# The KNOWN-BROKEN FILES example is a file the harness accepts as printed.
sed -n '/^\.SH KNOWN-BROKEN FILES/,/^\.fi/p' "$top_srcdir/man/libvirt-tck.1" | sed '1,/^\.nf/d;$d' |
    sed 's/\\-/-/g' >"$tmp/kb-example.yml"
"$TCK" report run.tar.gz --known-broken "$tmp/kb-example.yml" >out 2>&1
rc=$?
if [ "$rc" -le 1 ] && grep -q '^- test: domain/080' "$tmp/kb-example.yml"; then
    _tap_result ok "the KNOWN-BROKEN FILES example loads as printed (exit $rc)"
else
    _tap_result fail "the KNOWN-BROKEN FILES example loads as printed (exit $rc)"
    tail -5 out | diag "$(cat)"
fi
