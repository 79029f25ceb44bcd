#!/bin/sh
# remote-assets-inner.sh BUILDDIR DIR — runs inside libvirt-tck-sandbox
# --tcp for live-remote-assets.sh.  Over qemu+tcp://127.0.0.1/system (a
# remote URI: the host part) domain/050 runs twice: the first run uploads
# the guest's assets into the pool tck-assets, the second uploads nothing;
# the guests boot from the pool's volumes (QEMU's command line names them).
# prepare --list --uri shows the pool; --purge --uri removes it, leaving a
# foreign pool and a foreign file in it alone.  Two runs at once upload
# each asset once between them, and the volumes still hash to their names.
# Save images and dumps are files of the run on the remote host, in that
# pool, and cleanup removes them.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
R=$D/results
U=qemu+tcp://127.0.0.1/system
P="$B/prepare/libvirt-tck-prepare"
: >"$R"
. "$(dirname "$0")/run-log.sh"
uploads() { grep -c '^# remote asset [a-z]* uploaded and verified on [^ ]*: ' "$@" | awk -F: '{ s += $NF } END { print s + 0 }'; }
reuses() { grep -c '^# remote asset [a-z]* reused on [^ ]*: ' "$@" | awk -F: '{ s += $NF } END { print s + 0 }'; }
booted() { grep -q '^ok [0-9]* - the guest booted and printed its marker$' "$1"; }
run() {   # run LOG TEST: the harness on the remote URI
    "$B/tck/libvirt-tck" --uri "$U" --suites-dir "$B/suites" -v "$2" >"$1" 2>&1
}
# volumes_hash_to_names: every asset volume's content, read back with virsh, hashes to its name.
volumes_hash_to_names() {
    n=0
    for v in $(virsh -q -c "$U" vol-list tck-assets | awk '{ print $1 }' | grep -E '^[0-9a-f]{64}$'); do
        virsh -q -c "$U" vol-download --pool tck-assets "$v" "$D/vol" || return 1
        [ "$(sha256sum <"$D/vol" | cut -d' ' -f1)" = "$v" ] || { echo "volume $v does not hash to its name" >&2; return 1; }
        n=$((n + 1))
    done
    rm -f "$D/vol"
    [ $n -ge 2 ]
}

run "$D/run-1.log" domain/050-transient-lifecycle
rc=$?
check $rc "the first run of domain/050 over $U passes (exit $rc) $(run_failures "$D/run-1.log")"
up=$(uploads "$D/run-1.log"); re=$(reuses "$D/run-1.log")
[ "$up" -eq 2 ] && [ "$re" -eq 0 ]
check $? "the first run uploaded the kernel and the initrd into pool tck-assets (uploaded $up, reused $re)"
booted "$D/run-1.log"
check $? "the first run's guest booted and printed its marker"
target=$(virsh -c "$U" pool-dumpxml tck-assets 2>/dev/null | sed -n 's|.*<path>\(.*\)</path>.*|\1|p' | head -n 1)
[ "$target" = /var/lib/libvirt/tck-assets ]
check $? "pool tck-assets has the documented target /var/lib/libvirt/tck-assets (got '$target')"
guest=$(sed -n 's/^# guest \(tck-[^ ]*\) boots the .*/\1/p' "$D/run-1.log" | head -n 1)
qlog=/var/log/libvirt/qemu/$guest.log
grep -qE -- "-kernel $target/[0-9a-f]{64}( |\$)" "$qlog" && grep -qE -- "-initrd $target/[0-9a-f]{64}( |\$)" "$qlog" &&
    grep -qE -- "\"filename\":\"$target/$guest-disk\"" "$qlog" && ! grep -qF -- "$TCK_ASSET_CACHE" "$qlog"
rc=$?
check $rc "guest $guest booted from the pool's volumes: QEMU's kernel, initrd and disk are under $target, nothing of the local cache"
[ $rc -eq 0 ] || { echo "QEMU's log $qlog:"; grep -- '^-\|^/usr' "$qlog"; } >&2

run "$D/run-2.log" domain/050-transient-lifecycle
rc=$?
check $rc "the second run of domain/050 over $U passes (exit $rc) $(run_failures "$D/run-2.log")"
up=$(uploads "$D/run-2.log"); re=$(reuses "$D/run-2.log")
[ "$up" -eq 0 ] && [ "$re" -eq 2 ]
check $? "the second run uploaded nothing and reused both volumes (uploaded $up, reused $re)"

# Files libvirt itself writes by path (save images, dumps) are made on the
# remote host: volumes of the run in pool tck-assets, never the local
# scratch dir, and gone with the run.
"$B/tck/libvirt-tck" --uri "$U" --suites-dir "$B/suites" -v --keep-scratch domain/201-save-restore-transient \
    domain/204-corrupt-save-image domain/445-core-dump >"$D/files.log" 2>&1
rc=$?
check $rc "save, restore, corrupt-image and core-dump tests over $U pass (exit $rc) $(run_failures "$D/files.log")"
id=$(sed -n 's/^Testing .* run \([0-9a-f]*\), .*/\1/p' "$D/files.log")
saved=$(sed -n 's/^# Saving it to \(.*\)/\1/p' "$D/files.log" | head -n 1)
case $saved in "$target/tck-$id-domain-"*) rc=0 ;; *) rc=1 ;; esac
check $rc "the save image went to the remote host's pool, as a file of this run ($saved)"
left=$(virsh -q -c "$U" vol-list tck-assets | awk '{ print $1 }' | grep -c "^tck-$id-")
local_files=$(find /tmp /var/tmp -path "*libvirt-tck-$id*" \( -name "*.save" -o -name "*.core" -o -name "*.elf" \) 2>/dev/null | wc -l)
[ -n "$id" ] && [ "$left" -eq 0 ] && [ "$local_files" -eq 0 ]
check $? "after run $id no volume of it is left in tck-assets ($left) and no image was written locally ($local_files)"
booted "$D/run-2.log"
check $? "the second run's guest booted and printed its marker"
volumes_hash_to_names 2>>"$D/stderr-inner"
check $? "every asset volume, downloaded with virsh, hashes to its name"
left=$(virsh -q -c "$U" vol-list tck-assets | awk '{ print $1 }' | grep -c '^tck-')
[ "$left" -eq 0 ]
check $? "the runs' per-guest disk volumes were cleaned up ($left left)"

out=$("$P" --cache "$TCK_ASSET_CACHE" --list --uri "$U" 2>&1)
rc=$?
echo "$out" >"$D/list.out"
[ $rc -eq 0 ] && echo "$out" | grep -q "^pool tck-assets on $U: target $target, 2 volume(s)$" &&
    [ "$(echo "$out" | grep -cE '^[0-9a-f]{64} +[0-9]+  (vmlinux|initrd) x86_64/hvm$')" -eq 2 ]
check $? "prepare --list --uri shows the pool, its target and which asset each volume is (exit $rc)"

# Beside foreign objects: a pool of someone else's, a file of someone else's in ours.
mkdir -p "$D/foreign-pool"
virsh -q -c "$U" pool-define-as foreign-pool dir --target "$D/foreign-pool" >/dev/null &&
    virsh -q -c "$U" pool-start foreign-pool >/dev/null
echo "not ours" >"$target/foreign-notes.txt"
"$P" --cache "$TCK_ASSET_CACHE" --purge --uri "$U" >"$D/purge.out" 2>"$D/purge.err"
rc=$?
check $rc "prepare --purge --uri exits 0 (got $rc)"
grep -q "left foreign-notes.txt in pool tck-assets: not an asset volume" "$D/purge.err"
check $? "purge names the foreign file it left"
! virsh -q -c "$U" pool-info tck-assets >/dev/null 2>&1 && [ -f "$target/foreign-notes.txt" ] &&
    [ "$(ls "$target" | grep -cE '^[0-9a-f]{64}$')" -eq 0 ]
check $? "pool tck-assets and its asset volumes are gone, the foreign file stays"
[ "$(virsh -q -c "$U" pool-info foreign-pool 2>/dev/null | awk '/^State:/ { print $2 }')" = running ]
check $? "the foreign pool is untouched (still running)"

# Two runs at once: the claim (creating the volume) goes to one of them.
run "$D/par-a.log" domain/080-unique-identifiers &
a=$!
run "$D/par-b.log" domain/080-unique-identifiers &
b=$!
wait $a; rca=$?
wait $b; rcb=$?
[ $rca -eq 0 ] && [ $rcb -eq 0 ]
check $? "two concurrent runs of domain/080 over $U pass (exit $rca, $rcb) $(run_failures "$D/par-a.log")$(run_failures "$D/par-b.log")"
up=$(uploads "$D/par-a.log" "$D/par-b.log")
[ "$up" -eq 2 ]
check $? "between them the two concurrent runs uploaded each asset once (uploaded $up)"
volumes_hash_to_names 2>>"$D/stderr-inner"
check $? "after the race every asset volume still hashes to its name"
# A dead upload (a run killed mid-transfer leaves its volume one byte
# short): the next run waits, finds it unchanged, deletes it and uploads anew.
init=$("$P" --cache "$TCK_ASSET_CACHE" --path initrd)
sha=$(sha256sum <"$init" | cut -d' ' -f1)
virsh -q -c "$U" vol-delete --pool tck-assets "$sha" >/dev/null &&
    virsh -q -c "$U" vol-create-as tck-assets "$sha" "$(($(stat -c %s "$init") - 1))" --format raw >/dev/null
TCK_ASSET_STALE_S=2 run "$D/dead.log" domain/080-unique-identifiers
rc=$?
grep -q "^# remote asset initrd uploaded and verified on [^ ]*: $sha " "$D/dead.log" && [ $rc -eq 0 ] &&
    volumes_hash_to_names 2>>"$D/stderr-inner"
check $? "a volume left one byte short by a dead upload is replaced by a verified one (exit $rc) $(run_failures "$D/dead.log")"
"$P" --cache "$TCK_ASSET_CACHE" -q --purge --uri "$U" 2>/dev/null
out=$("$P" --list --uri "$U" 2>&1)
[ "$out" = "no pool tck-assets on $U" ] && [ -f "$target/foreign-notes.txt" ]
check $? "after a second purge --list --uri finds no pool, and the foreign file is still there"
virsh -q -c "$U" pool-destroy foreign-pool >/dev/null; virsh -q -c "$U" pool-undefine foreign-pool >/dev/null
exit 0
