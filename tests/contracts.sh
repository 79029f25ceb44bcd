#!/bin/sh
# contracts.sh — the error-code contracts (suites/errors/): the table
# follows its schema and names only libvirt's real APIs, codes and domains;
# the generated libvirt-tck-contracts(7) lists every row; bad tables are
# refused naming FILE:LINE; a table with ten rows broken on purpose fails
# exactly those ten; and the checkers pass on test:///default with the
# test driver's known deviations applied.
. "$top_srcdir/tests/lib.sh"
tap_plan 22
TABLE="$top_srcdir/suites/errors/contracts.yml"
TOOL="$top_builddir/man/contracts-tool"
API_XML=$(pkg-config --variable=libvirt_api libvirt)
KB="$top_srcdir/suites/known-broken/errors.yml"

rows=$(grep -c '^- api:' "$TABLE")
out=$("$TOOL" check "$TABLE" 2>&1); rc=$?
is "$rc" 0 "the table follows its schema and every row names a real API, code and domain"
like "$out" "^.*: $rows rows, every API callable$" "...and the checker can call every one of its $rows rows"
[ "$rows" -ge 300 ]; ok_rc=$?
is "$ok_rc" 0 "the table holds at least 300 rows ($rows)"
missing=$(sed -n 's/^- api: //p' "$TABLE" | sort -u | while read -r api; do
    grep -q "<function name='$api'" "$API_XML" || echo "$api"; done)
is "$missing" "" "every API of the table is in libvirt-api.xml (checked apart from the loader)"
grep -q "value_hex='0x8000000'" "$API_XML"; defined=$?
is "$defined" 1 "no libvirt enum defines the flag bit the 'unsupported flag' rows pass (0x08000000)"

PAGE="$top_builddir/man/libvirt-tck-contracts.7"
entries=$(sed -n '/^\.SH CONTRACTS/,/^\.SH FILES/p' "$PAGE" | grep -c '^\.TP')
is "$entries" "$rows" "libvirt-tck-contracts(7) has one entry per row"
like "$(man -l "$PAGE" 2>/dev/null | tr -s ' ')" "virDomainLookupByName / no such object" "...and renders, naming API and condition"

for bad in condition api code flags duplicate no-why key alias two-docs syntax uncallable; do
    f="$top_srcdir/tests/contracts/bad-$bad.yml"
    out=$("$TOOL" check "$f" 2>&1); rc=$?
    [ $rc -eq 1 ] || out="exit status $rc: $out"
    like "$out" "^[^ ]*bad-$bad\.yml:[0-9]+: " "a table with $(sed -n '1s/^# bad: //p' "$f") is refused naming file and line"
done

out=$(TCK_CONTRACTS="$top_srcdir/tests/contracts/broken-ten.yml" TCK_URI=test:///default \
      "$top_builddir/suites/errors/020-domain-contracts" 2>&1)
is "$(printf '%s\n' "$out" | grep -c '^not ok')" 10 "the checker fails each of ten rows broken on purpose"
is "$(printf '%s\n' "$out" | grep -c '^ok')" 4 "...and passes the four right ones"

out=$("$TCK" --uri test:///default -j 2 --known-broken "$KB" errors 2>&1); rc=$?
is "$rc" 0 "every checker passes on test:///default, the test driver's known deviations applied"
[ $rc -eq 0 ] || diag "$(printf '%s\n' "$out" | grep -v '^ok' | tail -n 40)"
like "$out" "^errors/060-nwfilter-contracts \.+ skipped .*needs nwfilter" "a driver without nwfilters skips their contracts, naming the need"
