#!/bin/sh
# live-sandbox.sh — libvirt-tck-sandbox really isolates a working libvirtd:
# real LXC and QEMU guests run inside, remote access over TCP works, the
# command's exit status comes back, a daemon that fails to start or dies
# mid-run is reported with its log tail (exit 3), and nothing is left on
# the host (mounts, processes, files, cgroups).
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..30"

D=$(mktemp -d /tmp/tck-live-sandbox-XXXXXX)
trap 'rm -rf "$D"' EXIT
TOK=$$-$(date +%s)
live_payload "$D" || { echo "Bail out! cannot build the guest payload in $D"; exit 1; }
live_xml lxc-domain.xml tck-sbx-lxc "lxc-$TOK" "$D" >"$D/lxc.xml"
live_xml lxc-domain.xml tck-sbx-lxc2 "lxc2-$TOK" "$D" >"$D/lxc2.xml"
live_xml qemu-domain.xml tck-sbx-qemu "qemu-$TOK" "$D" qemu >"$D/qemu.xml"
mkdir -p "$D/tck-sbx-lxc.out" "$D/tck-sbx-lxc2.out"
before=$(live_host_state)

# 1-12: guests inside; the sandbox destroys the one left running.
"$SANDBOX" -- sh "$LIVE_FIXTURES/sandbox-inner.sh" "$D" "$TOK" 2>"$D/stderr"
rc=$?
tap_ok $rc "the sandbox runs the guest scenario and returns its status (got $rc)"
[ -s "$D/results" ] || tap_diag "no results from inside the sandbox" "$(cat "$D/stderr")"
while read -r line; do
    case "$line" in
        "ok - "*) tap_ok 0 "${line#ok - }" ;;
        *) tap_ok 1 "${line#not ok - }" ;;
    esac
done <"$D/results"
n_inner=$(wc -l <"$D/results")
[ "$n_inner" -eq 10 ]
tap_ok $? "all 10 checks inside the sandbox ran (got $n_inner)"
grep -q "destroyed guest 'tck-sbx-lxc2' left running on lxc:///system" "$D/stderr"
tap_ok $? "the sandbox destroyed the guest left running and said so"

# Nothing left on the host: no process in the sandbox's PID namespace, no mounts, no files, no cgroups.
ns=$(cat "$D/pidns" 2>/dev/null)
left=""
for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/pid" 2>/dev/null)" = "$ns" ] && left="$left ${p#/proc/}"
done
[ -n "$ns" ] && [ -z "$left" ]
tap_ok $? "no process of the sandbox's PID namespace ($ns) survives it${left:+ (left:$left)}"
after=$(live_host_state)
[ "$before" = "$after" ]
tap_ok $? "the host's libvirt dirs, /run/libvirt and mount table are unchanged"
[ "$before" = "$after" ] || tap_diag "$(printf '%s\n' "$before" >"$D/b"; printf '%s\n' "$after" >"$D/a"; diff "$D/b" "$D/a")"
found=$(find /sys/fs/cgroup -maxdepth 4 -type d -name '*tck-sbx*' 2>/dev/null)
[ -z "$found" ]
tap_ok $? "no cgroup of the sandbox's guests is left on the host${found:+: $found}"

# Exit status passes through.
"$SANDBOX" -- sh -c 'exit 7' 2>/dev/null
rc=$?
[ $rc -eq 7 ]
tap_ok $? "the command's exit status comes back (7, got $rc)"

# Remote access over libvirt's RPC, inside the sandbox only.
"$SANDBOX" --tcp -- sh -c '
    virsh -q -c qemu+tcp://127.0.0.1/system define "$1/qemu.xml" >/dev/null &&
    virsh -q -c qemu:///system dominfo tck-sbx-qemu >/dev/null &&
    virsh -q -c test+tcp://127.0.0.1/default list --all | grep -q test &&
    virsh -q -c lxc+tcp://127.0.0.1/system uri >/dev/null' sh "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "with --tcp, qemu+tcp, lxc+tcp and test+tcp://127.0.0.1 reach the private daemon"
[ $rc -eq 0 ] || tap_diag "$(cat "$D/stderr")"
"$SANDBOX" -- sh -c 'virsh -q -c qemu+tcp://127.0.0.1/system uri' >/dev/null 2>&1
rc=$?
[ $rc -ne 0 ]
tap_ok $? "without --tcp, nothing listens on 127.0.0.1 (virsh exited $rc)"

# A daemon that dies mid-run: one clear line, its log tail, exit 3.
"$SANDBOX" -- sh -c 'kill -KILL $TCK_SANDBOX_LIBVIRTD_PID; sleep 2; exit 0' 2>"$D/stderr"
rc=$?
[ $rc -eq 3 ]
tap_ok $? "libvirtd killed mid-run makes the sandbox exit 3 (got $rc)"
grep -q "^libvirt-tck-sandbox: libvirtd (pid [0-9]*) was killed by signal 9 .* while the command ran; last lines of /var/log/libvirt/libvirtd.log:" "$D/stderr" &&
    [ "$(grep -c '^  | [0-9-]* [0-9:.+]*: [0-9]*: [a-z]* : ' "$D/stderr")" -ge 3 ]
rc=$?
tap_ok $rc "the death is reported in one line with the tail of libvirtd's log"
[ $rc -eq 0 ] || tap_diag "$(cat "$D/stderr")"

# A daemon that cannot start: its own words in the tail, exit 3.
"$SANDBOX" --libvirtd "$LIVE_FIXTURES/fake-daemon" -- sh -c 'echo should-not-run' >"$D/stdout" 2>"$D/stderr"
rc=$?
[ $rc -eq 3 ] && ! grep -q should-not-run "$D/stdout"
tap_ok $? "a libvirtd that fails to start makes the sandbox exit 3 without running the command (got $rc)"
grep -q "^libvirt-tck-sandbox: libvirtd (pid [0-9]*) exited with status 1 during start-up" "$D/stderr" &&
    grep -q "^  | fake-daemon: cannot start: pretend configuration error on line 42" "$D/stderr"
rc=$?
tap_ok $rc "the start-up failure is reported with the daemon's own message"
[ $rc -eq 0 ] || tap_diag "$(cat "$D/stderr")"

# --log-dir keeps the daemons' logs on the host.
"$SANDBOX" --log-dir "$D/logs" -- true 2>/dev/null
[ -s "$D/logs/libvirtd.log" ] && [ -f "$D/logs/virtlogd.log" ]
tap_ok $? "--log-dir copies libvirtd.log and virtlogd.log to the host"

# A signal sent to the sandbox reaches the command, and the sandbox still tears down.
"$SANDBOX" -- sh -c 'trap "exit 42" TERM; readlink /proc/self/ns/pid >"$1/pidns2"; touch "$1/started"; while :; do sleep 0.1; done' sh "$D" 2>/dev/null &
spid=$!
i=0; while [ $i -lt 300 ] && [ ! -f "$D/started" ]; do sleep 0.1; i=$((i+1)); done
kill -TERM $spid
wait $spid
rc=$?
[ $rc -eq 42 ]
tap_ok $? "SIGTERM to the sandbox is forwarded to the command (exit 42, got $rc)"
ns=$(cat "$D/pidns2" 2>/dev/null); left=""
for p in /proc/[0-9]*; do [ "$(readlink "$p/ns/pid" 2>/dev/null)" = "$ns" ] && left="$left ${p#/proc/}"; done
[ -n "$ns" ] && [ -z "$left" ]
tap_ok $? "after the signal, no process of that sandbox is left${left:+ (left:$left)}"

# --no-kvm: QEMU's user cannot open /dev/kvm, so libvirt offers TCG only (as in CI).
"$SANDBOX" --no-kvm -- sh -c '[ ! -e /dev/kvm ] || [ "$(stat -c %a /dev/kvm)" = 600 ]; ! virsh -q -c qemu:///system capabilities | grep -q "<domain type=.kvm"' 2>/dev/null
tap_ok $? "with --no-kvm, qemu:///system offers no kvm domain type"

# --shell on a terminal (script(1) gives it one): the shell runs inside and its status comes back.
if command -v script >/dev/null; then
    printf 'virsh -q -c qemu:///system uri\nexit 5\n' |
        SHELL=/bin/sh script -qec "$SANDBOX --shell" /dev/null >"$D/shell.out" 2>&1
    rc=$?
    [ $rc -eq 5 ] && grep -q 'qemu:///system' "$D/shell.out"
    tap_ok $? "--shell runs an interactive shell that reaches the private daemon (exit 5, got $rc)"
    ! grep -q 'Cannot set tty process group' "$D/shell.out"
    tap_ok $? "the shell owns the terminal's foreground and gives it back cleanly"
else
    echo "ok $((tap_n + 1)) # SKIP script(1) is not installed"; echo "ok $((tap_n + 2)) # SKIP script(1) is not installed"
    tap_n=$((tap_n + 2))
fi

# Usage errors.
"$SANDBOX" >/dev/null 2>&1
rc=$?
[ $rc -eq 2 ]
tap_ok $? "no COMMAND is a usage error (exit 2, got $rc)"

exit $tap_failed
