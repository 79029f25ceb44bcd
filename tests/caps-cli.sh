#!/bin/sh
# caps-cli.sh — `libvirt-tck capabilities --caps F` prints the right plan
# for every capabilities fixture (the seven key=value lines in the
# documented order, then one rule line per candidate), forced plans work
# and impossible ones exit 2 naming what the host offers, --format xml is
# a well-formed document, and bad files, bad options and unreachable URIs
# give the documented exit codes with one line naming the culprit.  A test
# program whose forced plan (TCK_OS_TYPE/TCK_ARCH/TCK_BOOT) the host
# cannot do bails out naming what the host offers.
. "$top_srcdir/tests/lib.sh"
caps="$top_srcdir/tests/caps"

# fixture|forced options|the seven expected lines, joined by ';'|rule lines
plans='test-default.xml||arch=i686;os_type=hvm;domain_type=test;emulator=/usr/bin/test-hv;machine=;boot=kernel;disk_bus=virtio|2
qemu-system.xml||arch=x86_64;os_type=hvm;domain_type=kvm;emulator=/usr/bin/qemu-system-x86_64;machine=pc;boot=kernel;disk_bus=virtio|4
qemu-system.xml|--arch i686|arch=i686;os_type=hvm;domain_type=kvm;emulator=/usr/bin/qemu-system-i386;machine=pc;boot=kernel;disk_bus=virtio|4
lxc-system.xml||arch=x86_64;os_type=exe;domain_type=lxc;emulator=/usr/lib/libvirt/libvirt_lxc;machine=;boot=container;disk_bus=|2
xen-x86_64.xml||arch=x86_64;os_type=xen;domain_type=xen;emulator=/usr/lib/xen/bin/qemu-system-i386;machine=xenpv;boot=kernel;disk_bus=xen|5
xen-x86_64.xml|--os-type xenpvh|arch=x86_64;os_type=xenpvh;domain_type=xen;emulator=/usr/lib/xen/bin/qemu-system-i386;machine=xenpvh;boot=kernel;disk_bus=xen|5
xen-x86_64.xml|--boot iso|arch=x86_64;os_type=hvm;domain_type=xen;emulator=/usr/lib/xen/bin/qemu-system-i386;machine=xenfv;boot=iso;disk_bus=ide|5
xen-x86_64.xml|--arch i686 --os-type hvm|arch=i686;os_type=hvm;domain_type=xen;emulator=/usr/lib/xen/bin/qemu-system-i386;machine=xenfv;boot=iso;disk_bus=ide|5
xen-aarch64.xml||arch=aarch64;os_type=xen;domain_type=xen;emulator=/usr/lib/xen/bin/qemu-system-i386;machine=xenpv;boot=kernel;disk_bus=xen|1
openvz.xml||arch=x86_64;os_type=exe;domain_type=openvz;emulator=;machine=;boot=template;disk_bus=|1
esx.xml||arch=x86_64;os_type=hvm;domain_type=vmware;emulator=;machine=;boot=iso;disk_bus=scsi|2
bhyve.xml||arch=x86_64;os_type=hvm;domain_type=bhyve;emulator=bhyve;machine=;boot=iso;disk_bus=sata|1
hyperv.xml||arch=x86_64;os_type=hvm;domain_type=hyperv;emulator=;machine=;boot=iso;disk_bus=ide|2
vbox.xml||arch=x86_64;os_type=hvm;domain_type=vbox;emulator=;machine=;boot=iso;disk_bus=sata|1
qemu-multiarch.xml||arch=x86_64;os_type=hvm;domain_type=kvm;emulator=/usr/bin/qemu-system-x86_64;machine=pc;boot=kernel;disk_bus=virtio|8
qemu-multiarch.xml|--arch aarch64|arch=aarch64;os_type=hvm;domain_type=qemu;emulator=/usr/bin/qemu-system-aarch64;machine=virt;boot=kernel;disk_bus=virtio|8
qemu-multiarch.xml|--arch s390x --boot kernel|arch=s390x;os_type=hvm;domain_type=qemu;emulator=/usr/bin/qemu-system-s390x;machine=s390-ccw-virtio;boot=kernel;disk_bus=virtio|8
qemu-aarch64-host.xml||arch=aarch64;os_type=hvm;domain_type=kvm;emulator=/usr/bin/qemu-kvm;machine=virt;boot=kernel;disk_bus=virtio|3'

# fixture|forced options|a candidate the error must list
impossible='qemu-system.xml|--boot container|x86_64/hvm/kvm->kernel
lxc-system.xml|--boot kernel|x86_64/exe/lxc->container
xen-aarch64.xml|--arch x86_64|aarch64/xen/xen->kernel
openvz.xml|--os-type hvm|x86_64/exe/openvz->template
esx.xml|--boot template|x86_64/hvm/vmware->iso
unknown-domain.xml||x86_64/hvm/frob->(no rule)'

n_plans=$(printf '%s\n' "$plans" | wc -l)
n_impossible=$(printf '%s\n' "$impossible" | wc -l)
tap_plan $((n_plans * 3 + n_impossible * 2 + 16))

# Loops read here-documents, not pipes, so that the checks count in this shell.
while IFS='|' read -r fixture forced expected rules; do
    # shellcheck disable=SC2086 # $forced is a list of options
    out=$("$TCK" capabilities --caps "$caps/$fixture" $forced 2>&1)
    rc=$?
    is "$rc" 0 "capabilities --caps $fixture $forced exits 0"
    is "$(printf '%s\n' "$out" | head -n 7 | paste -sd ';' -)" "$expected" \
       "$fixture $forced: the seven plan lines, in order"
    is "$(printf '%s\n' "$out" | grep -c '^rule: .*: \(chosen\|not chosen\) (.*)$')" "$rules" \
       "$fixture $forced: one rule line per candidate, each with its reason"
done <<EOF_PLANS
$plans
EOF_PLANS

while IFS='|' read -r fixture forced offer; do
    # shellcheck disable=SC2086
    out=$("$TCK" capabilities --caps "$caps/$fixture" $forced 2>&1)
    rc=$?
    is "$rc" 2 "impossible plan on $fixture ($forced) exits 2"
    like "$out" "offers: .*$(printf '%s' "$offer" | sed 's/[()]/\\&/g')" \
         "$fixture ($forced): the error lists what the host offers"
done <<EOF_IMPOSSIBLE
$impossible
EOF_IMPOSSIBLE

# --format xml: the same plan as a document.
xml=$("$TCK" capabilities --caps "$caps/xen-x86_64.xml" --boot iso --format xml)
is "$?" 0 "--format xml exits 0"
is "$(printf '%s\n' "$xml" | xmllint --xpath 'string(/plan/boot)' - 2>&1)" iso \
   "--format xml is well-formed and carries the plan"
is "$(printf '%s\n' "$xml" | xmllint --xpath 'count(/plan/rules/rule)' - 2>&1)" 5 \
   "--format xml lists every rule considered"

# Bad files: exit 2, one line naming the file.
out=$("$TCK" capabilities --caps "$caps/no-guests.xml" 2>&1)
is "$?" 2 "a host without guests exits 2"
like "$out" "no-guests.xml.*offers no guest" "the message names the file and the problem"
out=$("$TCK" capabilities --caps /nonexistent/caps.xml 2>&1)
is "$?" 2 "a missing --caps file exits 2"
like "$out" "/nonexistent/caps.xml" "the message names the missing file"
bad=$(mktemp)
printf '<capabilities><host><cpu><arch>x86' > "$bad"
out=$("$TCK" capabilities --caps "$bad" 2>&1)
is "$?" 2 "a truncated --caps file exits 2"
is "$(lines "$out")" 1 "the truncated file gives one line"
rm -f "$bad"

# Usage and connection errors.
"$TCK" capabilities --format json --caps "$caps/esx.xml" >/dev/null 2>&1
is "$?" 2 "an unknown --format exits 2"
"$TCK" capabilities --uri test:///default --caps "$caps/esx.xml" >/dev/null 2>&1
is "$?" 2 "--uri with --caps exits 2"
out=$("$TCK" capabilities --uri test:///default 2>&1)
like "$out" "^domain_type=test$" "--uri test:///default asks the live test driver"
"$TCK" capabilities --uri 'qemu+unix:///system?socket=/nonexistent/tck.sock' >/dev/null 2>&1
is "$?" 3 "an unreachable URI exits 3"

# libtck: the forced plan reaches test programs through the environment.
suite="$top_builddir/suites/domain/050-transient-lifecycle"
out=$(TCK_URI=test:///default TCK_OS_TYPE=exe "$suite" 2>&1)
is "$?" 255 "a test program with an impossible forced plan exits 255"
like "$out" "^Bail out! no guest plan: .*offers: i686/hvm/test->kernel" \
     "...with 'Bail out!' naming what the host offers"
out=$(TCK_URI=test:///default TCK_OS_TYPE=xen TCK_ARCH=i686 TCK_BOOT=kernel "$suite" 2>&1)
is "$?" 0 "a forced plan the host can do (xen/i686/kernel on the test driver) passes"
