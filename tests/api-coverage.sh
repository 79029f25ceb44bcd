#!/bin/sh
# api-coverage.sh — libvirt-tck --api-coverage records which public
# functions each test called (from libvirt's client debug log), the archive
# carries it, and `libvirt-tck report coverage` prints the union per area
# against libvirt-api.xml, the total and the functions never called.  The
# debug lines do not stay in the tests' stderr.
. "$top_srcdir/tests/lib.sh"
tap_plan 14

API=/usr/share/libvirt/api/libvirt-api.xml
D=$(mktemp -d /tmp/tck-coverage-XXXXXX)
trap 'rm -rf "$D"' EXIT
n_api=$(grep -c "<function name=" "$API")
n_domain=$(grep -c "<function name='virDomain" "$API")

"$TCK" --uri test:///default --api-coverage -q -a "$D/a.tar.gz" domain/050-transient-lifecycle >"$D/out" 2>&1
is "$?" 0 "a run with --api-coverage passes"
"$TCK" --uri test:///default --api-coverage -a "$D/b.tar.gz" domain/300-memory >"$D/out-b" 2>&1
like "$(cat "$D/out-b")" "^API coverage: Domain [0-9]+ / $n_domain, .*TOTAL [0-9]+ / $n_api$" \
    "the run prints a one-line summary against libvirt-api.xml"
tar xzf "$D/a.tar.gz" -C "$D"
like "$(cat "$D"/libvirt-tck-*/api-coverage.txt)" "^domain/050-transient-lifecycle	virDomainCreateXML$" \
    "the archive's api-coverage.txt says 050 called virDomainCreateXML"
grep -q ': debug : ' "$D"/libvirt-tck-*/tests/domain/050-transient-lifecycle.stderr
is "$?" 1 "the test's stored stderr holds no debug lines"

out=$("$TCK" report coverage "$D/a.tar.gz" "$D/b.tar.gz" 2>&1); rc=$?
is "$rc" 0 "report coverage over two archives exits 0"
like "$out" "^Domain +[0-9]+ / $n_domain$" "one line for the Domain area, out of $n_domain"
like "$out" "^TOTAL +[0-9]+ / $n_api$" "a TOTAL line out of all $n_api public functions"
sum=$(printf '%s\n' "$out" | sed -n '/^Never called/q; s|^[A-Za-z]* *[0-9]* / \([0-9]*\)$|\1|p' | grep -v "^$n_api$" | awk '{ s += $1 } END { print s }')
is "$sum" "$n_api" "the areas add up to the total"
like "$out" "^    virDomainSetMaxMemory$" "a function neither test called is listed as never called"
unlike "$out" "^    virDomainCreateXML$" "050's virDomainCreateXML is not listed (the union of both runs)"
unlike "$out" "^    virDomainSetMemoryFlags$" "nor 300's virDomainSetMemoryFlags"

"$TCK" report --format html="$D/r.html" "$D/a.tar.gz" >/dev/null 2>&1
grep -q 'id="api-coverage"' "$D/r.html"
is "$?" 0 "the HTML report of the archive shows the coverage table"

"$TCK" --uri test:///default -q -a "$D/plain.tar.gz" domain/050-transient-lifecycle >/dev/null 2>&1
out=$("$TCK" report coverage "$D/plain.tar.gz" 2>&1); rc=$?
is "$rc" 2 "an archive without coverage is a usage error"
like "$out" "carries no API coverage" "...saying so"
