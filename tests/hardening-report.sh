#!/bin/sh
# hardening-report.sh — issue 10: stored runs and the reports made from
# them are data a hostile world may have written.  Each block names its
# finding.
. "$top_srcdir/tests/lib.sh"
tap_plan 6

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
fixtures=$top_srcdir/tests/report/suites

# --- finding 2: --rerun-failed runs only registry tests, matched by name.
"$TCK" --suites-dir "$fixtures" --format xml="$tmp/mixed.xml" rpt/passing rpt/failing >/dev/null 2>&1
printf 'open(my $f, ">", "%s/ran") or die; print $f "payload ran\\n";\nprint "1..1\\nnot ok 1\\n";\n' "$tmp" >"$tmp/payload.t"
chmod 0644 "$tmp/payload.t"
sed -e "s|name=\"rpt/failing\" area=\"rpt\"|name=\"$tmp/payload.t\" area=\"\"|" \
    -e "s|<path>[^<]*failing</path>|<path>$tmp/payload.t</path>|" "$tmp/mixed.xml" >"$tmp/crafted.xml"
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/crafted.xml" 2>&1); rc=$?
ok "a stored run naming a path never runs it" test ! -e "$tmp/ran"
is "$rc" 2 "...nothing of the registry is left to rerun: exit 2"
like "$out" "'$tmp/payload.t' is not a test of this registry: not rerun" "...and the name is reported"
sed -e 's|name="rpt/failing"|name="rpt/*"|' "$tmp/mixed.xml" >"$tmp/glob.xml"
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/glob.xml" 2>&1); rc=$?
unlike "$out" "^rpt/passing" "a stored name is no glob: rpt/* reruns nothing"
sed -e 's|<path>[^<]*failing</path>|<path>'"$tmp"'/payload.t</path>|' "$tmp/mixed.xml" >"$tmp/path.xml"
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/path.xml" 2>&1); rc=$?
like "$out" "^rpt/failing \.+ FAILED" "a known name reruns the registry's test, whatever path the report gives"
ok "...and never the stored path" test ! -e "$tmp/ran"
