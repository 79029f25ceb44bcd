#!/bin/sh
# network-inner.sh BUILDDIR DIR SRCDIR — runs inside libvirt-tck-sandbox for
# live-network.sh: the harness runs network/*, nwfilter/* and interface/*
# at -j 2 on qemu:///system with their known-broken files; nothing fails,
# the one expected skip (no allow-listed NIC) is the only one, the tests
# that need guest traffic really saw it; and the sandbox's routes, links,
# addresses and firewall (iptables and ebtables) are the same after the
# suites as before, with no network, filter or binding of the run left.
# Result lines ("ok - ..."/"not ok - ...") go to DIR/results.
B=$1
D=$2
S=$3
R=$D/results
: >"$R"
. "$(dirname "$0")/run-log.sh"
Q=qemu:///system

# libvirt 9.0 adds its top-level LIBVIRT_* chains the first time a
# network starts, and nwfilter its libvirt-in/-out/-host-in chains (and
# ebtables its nat table) the first time a filter with IP and MAC rules
# is bound; all of them stay for the daemon's life.  A warm-up network
# with such a binding makes them and goes; the baseline comes after it.
W=tck-00000000-live-warmup
cat >"$D/warm-net.xml" <<XML
<network><name>$W</name><bridge name='tckwarm0'/><ip address='10.255.254.1' prefix='24'/></network>
XML
cat >"$D/warm-filter.xml" <<XML
<filter name='$W'><rule action='drop' direction='in' priority='500'><tcp dstportstart='4242'/></rule>
<rule action='drop' direction='out' priority='500'><mac protocolid='0x88b5'/></rule></filter>
XML
cat >"$D/warm-binding.xml" <<XML
<filterbinding><owner><name>$W</name><uuid>00000000-0000-4000-8000-000000000001</uuid></owner>
<portdev name='tckwarm0'/><mac address='52:54:00:00:00:01'/><filterref filter='$W'/></filterbinding>
XML
virsh -q -c $Q net-create "$D/warm-net.xml" >/dev/null &&
    virsh -q -c $Q nwfilter-define "$D/warm-filter.xml" >/dev/null &&
    virsh -q -c $Q nwfilter-binding-create "$D/warm-binding.xml" >/dev/null &&
    virsh -q -c $Q nwfilter-binding-delete tckwarm0 >/dev/null &&
    virsh -q -c $Q nwfilter-undefine $W >/dev/null &&
    virsh -q -c $Q net-destroy $W >/dev/null
check $? "a warm-up network and filter binding came and went (libvirt's top-level chains now exist)"

# The host side, in the kernel's and the firewall's own forms; counters
# and iptables-save's timestamp comments are no state.
state() {
    ip -j link show
    echo
    ip -j addr show
    echo
    ip -j route show table all
    echo
    iptables-save | grep -v '^#' | sed 's/ \[[0-9]*:[0-9]*\]$//'
    ebtables-save | grep -v '^#'
}
state >"$D/before"

start=$(date +%s)
"$B/tck/libvirt-tck" --uri $Q --suites-dir "$B/suites" -j 2 -v \
    --known-broken "$S/suites/known-broken/network.yml" --known-broken "$S/suites/known-broken/interface.yml" \
    network nwfilter interface >"$D/run.log" 2>&1
rc=$?
echo "libvirt-tck network nwfilter interface on $Q: exit $rc in $(($(date +%s) - start)) s" >&2
check $rc "libvirt-tck runs network/*, nwfilter/* and interface/* on $Q and exits 0 (got $rc)"
listed=$("$B/tck/libvirt-tck" --uri $Q --suites-dir "$B/suites" --list network nwfilter interface | grep -c '^[a-z]*/[0-9]')
set -- $(run_counts "$D/run.log")
failed=$(run_failures "$D/run.log")
[ "${1:-0}" -eq $((listed - 1)) ] && [ "${2:-1}" -eq 0 ] && [ "${3:-0}" -eq 1 ]
check $? "all $listed tests ran: all passed but one skip (got ${1:-?} passed, ${2:-?} failed, ${3:-?} skipped)${failed:+; failed: $failed}"
grep -Eq "^interface/030-define-start-destroy \.+ skipped .*host_network_devices" "$D/run.log"
check $? "the one skip is interface/030, naming the config key host_network_devices"
grep -q '^ok [0-9]* - virNetworkGetDHCPLeases lists a lease for ' "$D/run.log"
check $? "a booted guest's DHCP lease was seen through virNetworkGetDHCPLeases"
grep -q '^ok [0-9]* - the honest guest answers the host.s pings$' "$D/run.log" &&
    grep -q '^ok [0-9]* - the IP spoofer gets no answer through' "$D/run.log" &&
    grep -q '^ok [0-9]* - the MAC spoofer gets no answer through' "$D/run.log"
check $? "real pings reached the honest guest and not the spoofers"
grep -q '^ok [0-9]* - the firewall masquerades the subnet' "$D/run.log"
check $? "the NAT network's masquerade rules were seen in the firewall"

state >"$D/after"
diff -u "$D/before" "$D/after" >"$D/state.diff"
check $? "routes, links, addresses and firewall rules are the same after the suites as before"
left=$( (virsh -q -c $Q net-list --all --name; virsh -q -c $Q nwfilter-list | awk '{ print $2 }') | grep '^tck-')
bindings=$(virsh -q -c $Q nwfilter-binding-list | grep -c .)
[ -z "$left" ] && [ "$bindings" -eq 0 ]
check $? "no network, filter or binding of the run is left${left:+ ($left)}"
