#!/bin/sh
# harness-fleet.sh — fleet runs on the test driver: libvirt-tck --uri A
# --uri B (and the config's hosts: list) runs the tests against every host,
# each with its own run id; the text report ends with a line per host and
# the total; JUnit has one testsuite per host with its hostname and
# validates; the HTML page has the hosts and a host × test matrix; the
# archive holds every host (fleet.txt, hosts/N-NAME/...).
# A host that cannot be reached, and one whose harness goes silent (a test
# that prints nothing, standing in for a hung daemon), are each named
# with why on one line, the other hosts finish, and the exit status is 1.
. "$top_srcdir/tests/lib.sh"
tap_plan 33

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tck-fleet.XXXXXX")
trap 'rm -rf "$tmp"; _tap_end' EXIT
CROWDED="test://$(cd "$top_srcdir/tests/fixtures" && pwd)/crowded-host.xml"
SEL="domain/050-transient-lifecycle domain/080-unique-identifiers"
n=$("$TCK" --uri test:///default --list $SEL | grep -c '^domain/')

out=$("$TCK" --uri test:///default --uri "$CROWDED" --parallel-hosts 2 \
      --format junit="$tmp/f.junit.xml" --format html="$tmp/f.html" -a "$tmp/f.tar.gz" $SEL 2>&1); rc=$?
is "$rc" 0 "a fleet run over two test-driver hosts exits 0"
[ $rc -eq 0 ] || diag "$out"
like "$out" "^  host 1  test:///default  driver TEST  run [0-9a-f]{8} " "the header names host 1's URI, driver and run id"
like "$out" "^  host 2  $CROWDED  driver TEST  run [0-9a-f]{8} " "...and host 2's"
id1=$(printf '%s\n' "$out" | sed -n 's/^  host 1 .* run \([0-9a-f]*\) .*/\1/p')
id2=$(printf '%s\n' "$out" | sed -n 's/^  host 2 .* run \([0-9a-f]*\) .*/\1/p')
[ -n "$id1" ] && [ "$id1" != "$id2" ]
ok "each host has its own run id ($id1, $id2)" test $? -eq 0
like "$out" "^host 2\| domain/050-transient-lifecycle \.+ ok" "each host's progress is relayed, named by host"
tail2=$(printf '%s\n' "$out" | tail -n 3)
like "$tail2" "^host 1 [^ ]+ test:///default TEST run $id1: $n passed, 0 failed, 0 skipped$" "the report ends with host 1's line"
like "$tail2" "^host 2 [^ ]+ $CROWDED TEST run $id2: $n passed, 0 failed, 0 skipped$" "...host 2's line"
like "$tail2" "^Total over 2 hosts: $((2 * n)) passed, 0 failed, 0 skipped$" "...and the total"

suites=$(grep -c '<testsuite ' "$tmp/f.junit.xml")
is "$suites" 2 "JUnit has one testsuite per host"
ok "...each with its hostname" test "$(grep -c '<testsuite [^>]*hostname="[^"]' "$tmp/f.junit.xml")" -eq 2
ok "...and it validates against junit.xsd" xmllint --noout --schema "$top_srcdir/tck/schemas/junit.xsd" "$tmp/f.junit.xml"
xp() { xmllint --html --xpath "$1" "$tmp/f.html" 2>/dev/null; }
is "$(xp "count(//section[@id='matrix']//thead//th)")" 3 "the HTML matrix has a column per host (and the tests' own)"
is "$(xp "count(//section[@id='matrix']//tbody/tr)")" "$n" "...a row per test"
is "$(xp "count(//section[@id='hosts']//tr[td])")" 2 "...under a table of the hosts"
members=$(tar tzf "$tmp/f.tar.gz")
like "$members" "^libvirt-tck-fleet-[0-9a-f]{8}/fleet.txt$" "the archive has its fleet.txt"
like "$members" "^libvirt-tck-fleet-[0-9a-f]{8}/hosts/1-[^/]*/report.xml$" "...host 1's report"
like "$members" "^libvirt-tck-fleet-[0-9a-f]{8}/hosts/2-[^/]*/tests/domain/080-unique-identifiers.tap$" "...and host 2's test streams"

# report reads the fleet archive: matrix shows every host, the rest take one (--host)
out=$("$TCK" report matrix -o "$tmp/fm.html" "$tmp/f.tar.gz" 2>&1); rc=$?
is "$rc" 0 "report matrix reads the fleet archive ($out)"
is "$(xmllint --html --xpath "count(//thead//th[@data-column])" "$tmp/fm.html" 2>/dev/null)" 2 "...a column per host"
out=$("$TCK" report "$tmp/f.tar.gz" 2>&1); rc=$?
is "$rc" 2 "report of a fleet archive without --host is a usage error"
like "$out" "is a fleet archive of 2 hosts \\(test:///default, $CROWDED\\): choose one with --host" "...naming the hosts"
out=$("$TCK" report --host 2 -q "$tmp/f.tar.gz" 2>&1); rc=$?
is "$rc" 0 "report --host 2 renders host 2's run"
like "$out" "^$n passed, 0 failed, 0 skipped$" "...with its counts"
out=$("$TCK" report --host 9 "$tmp/f.tar.gz" 2>&1); rc=$?
is "$rc" 2 "a --host the archive does not hold is a usage error"
like "$out" "no host '9' in this fleet archive \\(hosts: 1-[^,]*, 2-" "...listing the hosts it holds"

# the config's hosts: list is a fleet too
printf 'hosts:\n  - test:///default\n  - %s\n' "$CROWDED" >"$tmp/fleet.yml"
out=$(env -u TCK_URI "$TCK" --config "$tmp/fleet.yml" domain/050-transient-lifecycle 2>&1); rc=$?
is "$rc" 0 "a config's hosts: list runs a fleet"
like "$out" "^Total over 2 hosts: 2 passed, 0 failed, 0 skipped$" "...over both of its hosts"

# one host unreachable, one silent: named with why, the other finishes, exit 1
out=$("$TCK" --uri test:///default --uri qemu+tcp://127.0.0.1:1/system --uri "$CROWDED" \
      --format junit="$tmp/bad.junit.xml" domain/050-transient-lifecycle 2>&1); rc=$?
is "$rc" 1 "a fleet with an unreachable host exits 1"
like "$out" "^libvirt-tck: host 2 \(qemu\+tcp://127.0.0.1:1/system\): not run: .*Connection refused" "...the host is named on one line with why"
like "$out" "^host 3 [^ ]+ $CROWDED TEST run [0-9a-f]*: 1 passed, 0 failed, 0 skipped$" "...and the others finish"
grep -q 'name="host-failure" value="not run: ' "$tmp/bad.junit.xml"
ok "...its JUnit testsuite says why" test $? -eq 0

# 10 s: long enough for a loaded machine (or a sanitizer build) to start a harness
out=$("$TCK" --uri test:///default --uri "$CROWDED" --host-timeout 10 --timeout 120 \
      domain/050-transient-lifecycle "$top_srcdir/tests/fixtures/silent-test.sh" 2>&1); rc=$?
like "$out" "^libvirt-tck: host 1 \(test:///default\): hung: its harness printed nothing for 10 s" "a host whose harness goes silent is reported as hung"
is "$rc" 1 "...and the fleet exits 1"
