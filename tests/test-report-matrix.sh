#!/bin/sh
# test-report-matrix.sh — `libvirt-tck report matrix`: stored runs side by
# side in one HTML table.  Three fixture reports shaped like suites/errors
# on the test, QEMU and LXC drivers (tests/report/matrix) give known
# cells: each cell, each column's totals, the headings (URI, driver,
# libvirt version), by checks and by tests; a hostile test name, check
# description and URI come out as text, never markup; a real errors run on
# test:///default, read from its archive, lists every check it ran; bad
# input is one line naming the file with exit 2 and writes nothing; a
# full disk under the output exits 3; the page renders in headless Chromium.
. "$top_srcdir/tests/lib.sh"
tap_plan 43

command -v xmllint >/dev/null || { echo "Bail out! xmllint is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
M=$top_srcdir/tests/report/matrix

# xp PAGE XPATH: what XPATH gives on the HTML page.
xp() { xmllint --html --xpath "$2" "$1" 2>/dev/null; }
# cells PAGE ROW-PREDICATE: the row's cells, e.g. "pass fail xfail".
cells() { xp "$1" "//tr[@class='row'][$2]/td/@data-cell" | sed 's/ *data-cell="\([a-z]*\)"/\1 /g' | xargs; }
# totals PAGE KIND: the footer's count of KIND in each column.
totals() { xp "$1" "//tfoot/tr[@data-cell='$2']/td/text()" | xargs; }
rows() { xp "$1" "count(//tbody/tr[@class='row'])"; }

# --- By checks, three drivers.
out=$("$TCK" report matrix --rows checks -o "$tmp/c.html" "$M/test.xml" "$M/qemu.xml" "$M/lxc.xml" 2>&1); rc=$?
is "$rc" 1 "matrix of three runs exits 1: the QEMU run has unexpected failures"
is "$out" "" "...and prints nothing"
is "$(rows "$tmp/c.html")" 7 "by checks: one row per check any run has (7)"
is "$(xp "$tmp/c.html" "//thead/tr/th[@class='col']/div[@class='col-label']/text()" | xargs -0 printf '%s' | tr '\n' '|')" \
   'test:///default|qemu:///system|lxc:///system?x=&lt;img src=x onerror=alert(1)&gt;|' \
   "a column per run, in order, labelled by its URI"
is "$(xp "$tmp/c.html" "//th[@data-column='1']/div[@class!='col-label']/text()" | tr '\n' '|')" \
   'driver QEMU|libvirt 9.0.0|' "...with its driver and libvirt version under it"
is "$(xp "$tmp/c.html" "count(//tbody/tr[@class='group'])")" 4 "the checks are grouped under a heading row per test (4)"

r() { printf "@data-test='errors/%s' and @data-check='%s'" "$1" "$2"; }
# TEST|CHECK|the cells expected, one per run|what it shows
while IFS='|' read -r test check want what; do
    is "$(cells "$tmp/c.html" "$(r "$test" "$check")")" "$want" "$what: $want"
done <<'CELLS'
020-domain-contracts|virDomainLookupByName / no such object|pass pass pass|a contract that holds everywhere
020-domain-contracts|virDomainCreate / active object|xfail pass pass|a deviation of the test driver only is known broken in its column
020-domain-contracts|virDomainSuspend / inactive object|pass fail xfail|pass, an unexpected failure and a known-broken cell side by side
060-nwfilter-contracts|virNWFilterLookupByName / no such object|skip pass pass|a test skipped as a whole (needs nwfilter) shows its checks as skipped
060-nwfilter-contracts|virNWFilterDefineXML / invalid argument|skip skip notrun|a skipped check is skip; one a timed-out test never reached is not run
090-nodedev-contracts|virNodeDeviceLookupByName / no such object|pass notrun pass|a test missing from a run is not run there
CELLS
is "$(cells "$tmp/c.html" "starts-with(@data-test,'errors/099-')")" "notrun fail notrun" "the hostile test's check fails on QEMU only"
is "$(xp "$tmp/c.html" "string(//tr[$(r 020-domain-contracts 'virDomainSuspend / inactive object')]/td[3]/@title)")" \
   "https://bugs.example.org/7 (LXC says OPERATION_FAILED)" "a known-broken cell names its entry (title)"
is "$(xp "$tmp/c.html" "string(//tr[$(r 060-nwfilter-contracts 'virNWFilterDefineXML / invalid argument')]/td[3]/@title)")" \
   "timed out after 5 s" "a not-run cell says why (the test timed out)"
like "$(xp "$tmp/c.html" "//td[@data-cell='xfail'][1]/text()")" "^known broken$" "a known-broken cell reads 'known broken'"
like "$(xp "$tmp/c.html" "//td[@data-cell='notrun'][1]/text()")" "^not run$" "a not-run cell reads 'not run'"

is "$(totals "$tmp/c.html" pass)" "3 3 4" "totals per column: pass 3 3 4"
is "$(totals "$tmp/c.html" fail)" "0 2 0" "...fail 0 2 0"
is "$(totals "$tmp/c.html" skip)" "2 1 0" "...skip 2 1 0"
is "$(totals "$tmp/c.html" xfail)" "1 0 1" "...known broken 1 0 1"
is "$(totals "$tmp/c.html" notrun)" "1 1 2" "...not run 1 1 2"
is "$(totals "$tmp/c.html" all)" "7 7 7" "...and 7 checks in each"
is "$(xp "$tmp/c.html" "count(//div[@class='legend']/span[@data-cell])")" 8 "the legend shows every kind of cell (8)"

# --- Escaping: the hostile names are text in the DOM, never markup.
html=$(cat "$tmp/c.html")
unlike "$html" "<script>alert|<img src=x|<b>bold" "no hostile name reaches the page as markup"
is "$(xp "$tmp/c.html" "string(//tr[@class='group'][4]/th)")" 'errors/099-<script>alert("t")</script>' \
   "the hostile test name reads back as the same text"
is "$(xp "$tmp/c.html" "string(//tr[starts-with(@data-test,'errors/099-')]/th)")" \
   'virDomainGetXMLDesc / "quoted" <b>bold</b> &amp;' "...and so does the hostile check description"
is "$(xp "$tmp/c.html" "count(//script)")" 0 "the page has no script element at all"

# --- By tests.
"$TCK" report matrix -o "$tmp/t.html" "$M/test.xml" "$M/qemu.xml" "$M/lxc.xml" >/dev/null 2>&1
is "$(rows "$tmp/t.html")" 4 "by tests (the default): one row per test (4)"
is "$(cells "$tmp/t.html" "@data-test='errors/020-domain-contracts'")" "xfail fail xfail" "020: known broken, fail, known broken"
is "$(cells "$tmp/t.html" "@data-test='errors/060-nwfilter-contracts'")" "skip pass error" "060: skip, pass, error (timed out)"
is "$(cells "$tmp/t.html" "starts-with(@data-test,'errors/099-')") $(totals "$tmp/t.html" notrun)" "notrun error notrun 1 1 1" \
   "099 ran on QEMU only; one test not run in each column"

# --- A real run of the errors suite on test:///default, from its archive.
"$TCK" --uri test:///default -j 2 --known-broken "$top_srcdir/suites/known-broken/errors.yml" \
    -a "$tmp/errors.tar.gz" --format xml="$tmp/errors.xml" errors >/dev/null 2>&1
out=$("$TCK" report matrix --rows checks -o "$tmp/real.html" "$tmp/errors.tar.gz" 2>&1); rc=$?
is "$rc" 0 "the matrix of a real errors run on test:///default exits 0"
is "$(xp "$tmp/real.html" "count(//tbody/tr[@data-check])") $(totals "$tmp/real.html" xfail)" \
   "$(grep -c '<check ' "$tmp/errors.xml") $(grep -c '<check [^>]*status="xfail"' "$tmp/errors.xml")" \
   "...with a row for every check of the run and each known-broken one counted"

# --- Bad input: one line naming the file, exit 2, nothing written.
out=$("$TCK" report matrix -o "$tmp/bad.html" "$M/test.xml" "$tmp/nosuch.xml" 2>&1); rc=$?
is "$rc $(lines "$out")" "2 1" "a missing run: exit 2, one line"
like "$out" "^libvirt-tck: not found: $tmp/nosuch.xml: no such report or archive$" "...naming the file"
out=$("$TCK" report matrix -o "$tmp/bad.html" "$top_srcdir/tck/schemas/report.rng" 2>&1); rc=$?
is "$rc" 2 "some other XML: exit 2"
like "$out" "report\.rng.*not a libvirt-tck report" "...naming the file and saying it is not a report"
ok "no page is written from bad input" test ! -e "$tmp/bad.html"
out=$("$TCK" report matrix "$M/test.xml" 2>&1); rc1=$?
out=$("$TCK" report matrix --rows lines -o "$tmp/x.html" "$M/test.xml" 2>&1); rc2=$?
like "$rc1 $rc2 $out" "^2 2 .*--rows is tests or checks, not 'lines'" "no -o, or --rows neither tests nor checks: usage error (exit 2)"
out=$("$TCK" report matrix -o /dev/full "$M/test.xml" 2>&1); rc=$?
like "$rc $out" "^3 libvirt-tck: no space: cannot write the matrix report: No space left" "a full disk under the output: exit 3, saying so"
out=$("$TCK" report matrix -o "$tmp/no/such/dir/m.html" "$M/test.xml" 2>&1); rc=$?
like "$rc $out" "^2 libvirt-tck: not found: cannot write $tmp/no/such/dir/m.html" "an output in a missing directory: exit 2, naming it"

# --- In a real browser.
if chromium_dom "file://$tmp/c.html" "$tmp/c.dom" "$tmp/c.err"; then
    ok "the matrix renders in Chromium, 7 rows in its DOM, no console message" \
        sh -c "[ \$(grep -o '<tr class=\"row\"' '$tmp/c.dom' | wc -l) -eq 7 ] && ! grep -q ':CONSOLE' '$tmp/c.err'"
else
    _tap_result fail "the matrix renders in Chromium ($CHROMIUM not installed or failed)"
fi
