#!/bin/sh
# live-errors.sh — the error-code contracts on real drivers: the checkers
# of suites/errors/ run in the sandbox on qemu:///system (TCG) and
# lxc:///system; every contract holds or is a listed known deviation, most
# of the table is really checked there (not skipped), and the checkers
# leave nothing behind.  Then the driver x contract matrix: the two live
# archives and a run on test:///default, by checks in one HTML table,
# list every row of the table on the three drivers, and every known-broken
# check of a run shows as a known-broken cell.
. "$top_srcdir/tests/live/lib.sh"
live_gate
echo "1..13"

D=$(mktemp -d /tmp/tck-live-errors-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
live_cache "$D/cache" || { echo "Bail out! cannot build the asset cache in $D/cache"; exit 1; }

TCK_ASSET_CACHE="$D/cache" "$SANDBOX" --no-kvm -- \
    sh "$LIVE_FIXTURES/errors-inner.sh" "$top_builddir" "$top_srcdir" "$D" 2>"$D/stderr"
rc=$?
tap_ok $rc "the error checkers ran in the sandbox on two URIs (exit $rc)"
tap_diag "$(cat "$D/stderr")"
live_results "$D/results" 6

# --- The driver x contract matrix.
TCK="$top_builddir/tck/libvirt-tck"
TABLE="$top_srcdir/suites/errors/contracts.yml"
. "$LIVE_FIXTURES/run-log.sh"
"$TCK" --uri test:///default --suites-dir "$top_builddir/suites" -j 2 -v \
    --known-broken "$top_srcdir/suites/known-broken/errors.yml" -a "$D/errors-test.tar.gz" errors >"$D/run-test.log" 2>&1
rc=$?
tap_ok $rc "the error checkers pass on test:///default too, its archive kept (exit $rc$([ $rc -ne 0 ] && printf ': %s' "$(run_failures "$D/run-test.log" | head -c 400)"))"
"$TCK" report matrix --rows checks -o "$D/matrix.html" \
    "$D/errors-test.tar.gz" "$D/errors-qemu.tar.gz" "$D/errors-lxc.tar.gz" 2>"$D/matrix.err"
rc=$?
tap_ok $rc "report matrix --rows checks renders the three archives (exit $rc$([ -s "$D/matrix.err" ] && printf ': %s' "$(head -c 300 "$D/matrix.err")"))"
xp() { xmllint --html --xpath "$1" "$D/matrix.html" 2>/dev/null; }
# The table's rows as "API / condition", and the matrix's check rows.
awk '/^- api: /{api=$3} /^  condition: /{sub(/^  condition: /,""); print api " / " $0}' "$TABLE" | LC_ALL=C sort >"$D/table.rows"
xp '//tbody/tr[@data-check]/@data-check' | sed 's/^ *data-check="\(.*\)"$/\1/' | LC_ALL=C sort >"$D/matrix.rows"
rows=$(wc -l <"$D/table.rows")
missing=$(comm -23 "$D/table.rows" "$D/matrix.rows" | head -n 5 | tr '\n' ';')
extra=$(comm -13 "$D/table.rows" "$D/matrix.rows" | head -n 5 | tr '\n' ';')
[ "$rows" -gt 0 ] && [ -z "$missing$extra" ]
tap_ok $? "the matrix lists every row of contracts.yml once ($rows; $(wc -l <"$D/matrix.rows") in the matrix${missing:+; missing: $missing}${extra:+; not in the table: $extra})"
cols=$(xp 'count(//thead/tr/th[@class="col"])')
drivers=$(xp '//thead/tr/th[@class="col"]/div[@class="col-driver"]/text()' | tr '\n' ' ')
bad=$(xp 'count(//tbody/tr[@data-check][count(td[@data-cell]) != 3])')
[ "$cols" = 3 ] && [ "$bad" = 0 ]
tap_ok $? "...by the three drivers, a cell each ($cols columns: $drivers; rows without 3 cells: $bad)"
# Known broken: per column, the xfail cells are the xfail checks of that run's report.
want="" got=""
for drv in test qemu lxc; do
    want="$want $(tar xzOf "$D/errors-$drv.tar.gz" --wildcards '*/report.xml' | grep -c '<check [^>]*status="xfail"')"
done
got=" $(xp '//tfoot/tr[@data-cell="xfail"]/td/text()' | xargs)"
wrong=$(xp 'count(//tbody/tr/td[@data-cell="xfail"][. != "known broken"])')
[ "$want" = "$got" ] && [ "$want" != " 0 0 0" ] && [ "$wrong" = 0 ]
tap_ok $? "every known-broken check shows as a 'known broken' cell, per driver (report:$want; matrix:$got; other text: $wrong)"
[ $tap_failed -eq 0 ] || tap_diag "$(grep -E '^ *not ok|^---' "$D"/run-*.log | tail -n 60)"
exit $tap_failed
