#!/bin/sh
# harness-truth.sh — a first run tells the truth (issue 11): a mistyped
# config key, a report file, a second format on stdout, a bad output path
# or a run where everything skipped can no longer end green or silent.
# Each check here failed on the harness before this contract.
. "$top_srcdir/tests/lib.sh"
tap_plan 43

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
S="$top_builddir/tests/fixtures"
cd "$tmp" || exit 1

# 1. A mistyped key is an error naming the file, the line and the right key.
printf 'scratch_dir: /tmp\nurri: qemu:///system\n' >typo.yml
out=$("$TCK" -c typo.yml --suites-dir "$S" isolation/passing 2>&1); rc=$?
is "$rc" 2 "a config with 'urri:' is a usage error (exit 2)"
like "$out" "^libvirt-tck: config typo.yml:2: unknown key 'urri'; did you mean 'uri'\?$" \
    "the message names the file, the line and 'uri'"
printf 'uri: test:///default\nkernels:\n  - arch: x86_64\n    kernal: /boot/vmlinuz\n' >field.yml
out=$("$TCK" -c field.yml --suites-dir "$S" isolation/passing 2>&1); rc=$?
like "$rc:$out" "^2:.*field.yml:4: 'kernels' entry 1: unknown key 'kernal'; did you mean 'kernel'" \
    "a mistyped field inside a kernels: entry is named too"
printf 'uri: test:///default\nx_vendor_key: 1\n' >free.yml
"$TCK" -c free.yml --suites-dir "$S" isolation/passing >/dev/null 2>&1
is "$?" 0 "keys starting x_ are free-form"

# 2. One source of truth for the URI: --uri, then TCK_URI, then the config.
printf 'uri: test:///default\n' >good.yml
out=$(TCK_URI="test://$top_srcdir/tests/fixtures/crowded-host.xml" "$TCK" -c good.yml --suites-dir "$S" isolation/passing 2>&1)
like "$out" "^Testing test://.*crowded-host.xml: " "TCK_URI overrides the config's uri"
out=$(TCK_URI=test:///nonexistent-x "$TCK" -c good.yml --uri test:///default --suites-dir "$S" isolation/passing 2>&1)
like "$out" "^Testing test:///default: " "--uri overrides TCK_URI"

# --sandbox honours the config's uri (it used to replace it with qemu:///system).
if "$top_builddir/tck/libvirt-tck-sandbox" -- true >/dev/null 2>&1; then
    out=$("$TCK" --sandbox --no-kvm -c good.yml --suites-dir "$S" isolation/passing 2>&1)
    like "$out" "^Testing test:///default: " "--sandbox tests the config's uri, not qemu:///system"
else
    _tap_result ok "# SKIP libvirt-tck-sandbox cannot start here (the live tests say why)"
fi

out=$("$TCK" --no-kvm --uri test:///default --suites-dir "$S" isolation/passing 2>&1); rc=$?
like "$rc:$out" "^2:libvirt-tck: usage: --no-kvm works only with --sandbox" "--no-kvm without --sandbox is refused, not ignored"

# 3, 5. The run header, the live lines and the closing line, also when a report goes to a file.
printf -- '- test: isolation/failing\n  reason: fixture fails on purpose\n' >kb.yml
out=$("$TCK" --uri test:///default --suites-dir "$S" -a run.tar.gz --format junit=junit.xml \
      --known-broken kb.yml isolation/passing isolation/failing 2>&1); rc=$?
like "$out" "^Testing test:///default: driver TEST [0-9.]+ \(libvirt [0-9.]+, daemon [0-9.]+\); run [0-9a-f]{8}, 2 tests$" \
    "the run header names the URI, driver, versions, run id and test count"
like "$out" "^isolation/passing \.+ ok " "a report file does not silence the per-test lines"
like "$out" "^1 passed, 0 failed, 0 skipped$|^2 passed, 0 failed, 0 skipped$" "the closing line is printed"
ok "the JUnit file and the archive were written" test -s junit.xml -a -s run.tar.gz
out=$("$TCK" --uri test:///default --suites-dir "$S" --format junit=junit.xml isolation/failing 2>&1); rc=$?
like "$rc:$out" "^1:.*|^--- isolation/failing" "a failing run with a report file says so on the terminal and exits 1"
like "$out" "^0 passed, 1 failed, 0 skipped$" "... with the closing line"
out=$("$TCK" --uri test:///default --suites-dir "$S" -q --format junit=junit.xml isolation/passing 2>&1)
unlike "$out" "^Testing|^isolation/passing" "-q silences the header and the lines"
like "$out" "^1 passed, 0 failed, 0 skipped$" "... not the closing line"

# Progress on a terminal: what runs now and for how long.
if script -qec "true" /dev/null >/dev/null 2>&1; then
    out=$(TERM=xterm script -qec "'$TCK' --uri test:///default --suites-dir '$S' sched/excl-a" /dev/null 2>&1 | tr '\r' '\n')
    like "$out" "running sched/excl-a \([0-9]+ s\)" "on a TTY a status line names the running test and its time"
else
    _tap_result ok "# SKIP script(1) cannot make a pseudo-terminal here"
fi
out=$("$TCK" --uri test:///default --suites-dir "$S" sched/excl-a 2>&1 | cat)
unlike "$out" "running|$(printf '\033')" "without a TTY only plain lines are printed"

# 4. stdout carries one machine format.
"$TCK" --uri test:///default --suites-dir "$S" --format tap -v isolation/passing isolation/failing >run.tap 2>tap.err
ok "--format tap -v writes a TAP stream prove reads without parse errors" \
    sh -c "prove -e cat run.tap 2>&1 | grep -q 'Parse errors' && exit 1; prove -e cat run.tap 2>&1 | grep -q 'Failed 1/2 subtests'"
like "$(cat tap.err)" "^Testing test:///default" "... and the header goes to stderr"
like "$(cat tap.err)" "^1 passed, 1 failed, 0 skipped$" "... with the closing line"
ok "-v --format junit on stdout is valid XML" \
    sh -c "'$TCK' --uri test:///default --suites-dir '$S' -v --format junit isolation/passing 2>/dev/null | xmllint --noout -"
out=$("$TCK" --uri test:///default --suites-dir "$S" --format xml --format junit isolation/passing 2>&1); rc=$?
like "$rc:$out" "^2:libvirt-tck: usage: --format xml and --format junit would both write to standard output" \
    "a second format on stdout is a usage error"

# 6. Output paths are checked before the first test.
out=$("$TCK" --uri test:///default --suites-dir "$S" --format html=/nonexistent/r.html isolation/failing 2>&1); rc=$?
like "$rc:$out" "^2:libvirt-tck: usage: cannot write --format html=/nonexistent/r.html: no directory /nonexistent" \
    "an unwritable --format path fails before the run (exit 2)"
unlike "$out" "isolation/failing" "... and no test ran"
out=$("$TCK" --uri test:///default --suites-dir "$S" -a /proc/run.tar.gz isolation/passing 2>&1); rc=$?
like "$rc:$out" "^2:libvirt-tck: usage: cannot write -a /proc/run.tar.gz" "an unwritable -a path fails before the run"
unlike "$out" "isolation/passing" "... and no test ran"

# 7. Nothing tested is not a pass.
printf '#!/bin/sh\necho "1..0 # SKIP no kernel in the asset cache (run libvirt-tck-prepare)"\n' >skipper
chmod +x skipper
out=$("$TCK" --uri test:///default "$tmp/skipper" 2>&1); rc=$?
is "$rc" 4 "a run where every test skipped exits 4"
like "$out" "^libvirt-tck: nothing was tested: all 1 test skipped \(.*no kernel in the asset cache" \
    "... and says why, naming the skip"
like "$out" "^0 passed, 0 failed, 1 skipped$" "... after the closing line"

# 9. prepare reads the same config: asset_cache, and kernels: with checksums as keys.
P="$top_builddir/prepare/libvirt-tck-prepare"
printf 'asset_cache: %s/cfg-cache\n' "$tmp" >prep.yml
out=$("$P" -c prep.yml --verify 2>&1)
like "$out" "cache $tmp/cfg-cache " "libvirt-tck-prepare -c FILE uses the config's asset_cache"
printf 'asset_cache: %s/cfg-cache\nkernels:\n  - arch: %s\n    ostype: hvm\n    kernel: http://127.0.0.1:9/vmlinuz\n' \
    "$tmp" "$(uname -m)" >nosum.yml
out=$("$P" -c nosum.yml --only kernel --offline 2>&1)
like "$out" "has no SHA-256: add \`kernel_sha256: HEX\` to its \`kernels:\` entry in the config" \
    "a kernels: URL without a checksum names the config key that fixes it"
printf '    kernel_sha256: %064d\n' 0 >>nosum.yml
out=$("$P" -c nosum.yml --only kernel --offline 2>&1)
like "$out" "--offline: kernel for .* is not in cache $tmp/cfg-cache" \
    "... and following the hint gets past the checksum check"

# 10. --version on every tool, one usage line, exit tables in --help.
ok "--version on libvirt-tck, libvirt-tck-prepare and libvirt-tck-sandbox" sh -c \
    "'$TCK' --version | grep -q '^libvirt-tck [0-9]' && '$top_builddir/prepare/libvirt-tck-prepare' --version | grep -q '^libvirt-tck-prepare [0-9]' && '$top_builddir/tck/libvirt-tck-sandbox' --version | grep -q '^libvirt-tck-sandbox [0-9]'"
out=$("$TCK" --help)
like "$out" "^  libvirt-tck \[OPTION.*\] \[TEST\.\.\.\]$" "the usage line names [TEST...] once"
like "$out" "^    4  nothing was tested" "--help's exit table lists 4"
like "$out" "^  130  interrupted" "... and 130"
like "$("$TCK" capabilities --help)" "--sandbox" "capabilities has a --sandbox route"
like "$("$TCK" capabilities --caps "$top_srcdir/tests/caps/qemu-system.xml")" "^kvm: a run boots one canary guest first" \
    "capabilities says what a run does when KVM cannot run guests"

# 10, smaller: the HTML counts a crash's checks out of its plan; the
# compare page names the base run; prove over an archive reads tests given by path.
"$TCK" --uri test:///default --suites-dir "$S" --format html=crash.html isolation/crash >/dev/null 2>&1
like "$(cat crash.html)" ">1/3<" "the HTML shows 1/3 checks for a crash after 1 of 3 planned"
printf '#!/bin/sh\necho 1..1\necho "ok 1 - a script given by path"\n' >by-path.sh
chmod +x by-path.sh
"$TCK" --uri test:///default --suites-dir "$S" -a base.tar.gz isolation/passing "$tmp/by-path.sh" >/dev/null 2>&1
mkdir x && tar xzf base.tar.gz -C x
out=$(cd x/libvirt-tck-* && prove --exec cat tests/*/*.tap 2>&1)
like "$out" "^tests/path/.*by-path.sh.tap \.+ ok" "prove --exec cat tests/*/*.tap over an archive reads a test given by path too"
base_id=$(ls x | sed 's/^libvirt-tck-//')
"$TCK" report compare base.tar.gz run.tar.gz --format html=cmp.html >/dev/null 2>&1
like "$(cat cmp.html)" "Base run $base_id on test:///default" "the compare page names the base run"
out=$("$TCK" report run.tar.gz --format xml --format junit 2>&1); rc=$?
like "$rc:$out" "^2:libvirt-tck: usage: --format xml and --format junit would both write to standard output" \
    "libvirt-tck report refuses a second format on stdout too"
