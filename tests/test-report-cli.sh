#!/bin/sh
# test-report-cli.sh — the reports end to end through libvirt-tck:
# a real run on test:///default writes every format and the archive (the
# XML validates against report.rng, the JUnit against junit.xsd); the
# archive re-renders without a connection, identically; Perl's prove
# reads the raw TAP in the archive with the same counts; a run killed
# with SIGINT mid-test still leaves an archive marked interrupted that
# re-renders (also in headless Chromium); a sandboxed run keeps the
# daemon's log; known-broken files turn
# failures into xfail (from the command line and from the config),
# bad ones are refused with FILE:LINE before anything runs;
# --rerun-failed runs just what failed; compare exits 1 on the
# regression planted in tests/report/compare and mask prints what is
# left to fix.
. "$top_srcdir/tests/lib.sh"
tap_plan 58

command -v prove >/dev/null || { echo "Bail out! prove (perl) is not installed"; exit 1; }
command -v xmllint >/dev/null || { echo "Bail out! xmllint is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
schemas=$top_srcdir/tck/schemas
fixtures=$top_srcdir/tests/report/suites
cmpdir=$top_srcdir/tests/report/compare

# --- A real run on test:///default, every format and the archive.
out=$("$TCK" --uri test:///default --format text --format tap="$tmp/run.tap" \
      --format xml="$tmp/run.xml" --format junit="$tmp/run.junit.xml" \
      --format html="$tmp/run.html" -a "$tmp/run.tar.gz" 'domain/0[5-8]0-*' 2>&1); rc=$?
is "$rc" 0 "a run on test:///default with every format exits 0"
like "$out" "^4 passed, 0 failed, 0 skipped$" "the text format still goes to stdout"
ok "the tap file is written" test -s "$tmp/run.tap"
ok "the native XML validates against report.rng" xmllint --noout --relaxng "$schemas/report.rng" "$tmp/run.xml"
ok "the JUnit XML validates against junit.xsd" xmllint --noout --schema "$schemas/junit.xsd" "$tmp/run.junit.xml"
ok "the HTML page is written" grep -q '<section id="summary">' "$tmp/run.html"
like "$(cat "$tmp/run.xml")" '<uri>test:///default</uri>' "the XML carries the URI"
like "$(cat "$tmp/run.xml")" '<driver>TEST</driver>' "...the driver"
like "$(cat "$tmp/run.xml")" '<capabilities>&lt;capabilities&gt;' "...the capabilities XML"
like "$(cat "$tmp/run.xml")" '<config-hash>[0-9a-f]{64}</config-hash>' "...the config hash"

members=$(tar tzf "$tmp/run.tar.gz")
for m in report.xml metadata.txt capabilities.xml config.txt guest-plan.txt \
         tests/domain/050-transient-lifecycle.tap tests/domain/050-transient-lifecycle.stderr; do
    like "$members" "^libvirt-tck-[0-9a-f]{8}/$m\$" "the archive holds $m"
done

# A sandboxed run (libvirt-tck-sandbox sets TCK_SANDBOX_LOG_DIR) keeps the daemon's log.
mkdir "$tmp/slog" && echo "libvirtd: a line of the daemon's log" >"$tmp/slog/libvirtd.log"
TCK_SANDBOX_LOG_DIR="$tmp/slog" "$TCK" --uri test:///default -q -a "$tmp/sb.tar.gz" domain/050-transient-lifecycle >/dev/null 2>&1
like "$(tar tzf "$tmp/sb.tar.gz")" "^libvirt-tck-[0-9a-f]{8}/daemon.log\$" "a sandboxed run's archive holds daemon.log"
like "$(tar xzOf "$tmp/sb.tar.gz" --wildcards '*/daemon.log')" "^libvirtd: a line of the daemon's log\$" "...with the daemon's log in it"

# --- Re-rendering the archive, without a connection.
out=$(LIBVIRT_DEFAULT_URI=bogus:///nowhere "$TCK" report "$tmp/run.tar.gz" --format xml="$tmp/again.xml" --format text 2>&1); rc=$?
is "$rc" 0 "report ARCHIVE re-renders and exits 0 for a passing run"
ok "the XML re-rendered from the archive is identical" cmp "$tmp/run.xml" "$tmp/again.xml"
like "$out" "^domain/080-unique-identifiers \.+ ok " "the text re-rendered from the archive lists the tests"
out=$("$TCK" report "$tmp/run.xml" --format junit 2>&1); rc=$?
is "$rc" 0 "report XML re-renders too"
like "$out" '<testsuites name="libvirt-tck"' "...here as JUnit on stdout"

# --- prove reads the archive's raw TAP with the same counts.
mkdir "$tmp/x" && tar xzf "$tmp/run.tar.gz" -C "$tmp/x"
checks=$(grep -c '<check ' "$tmp/run.xml")
out=$(cd "$tmp/x"/libvirt-tck-* && prove --exec cat tests/*/*.tap 2>&1); rc=$?
is "$rc" 0 "prove accepts every raw TAP stream in the archive"
like "$out" "Files=4, Tests=$checks," "prove counts the same $checks checks as the report"

# --- A run killed with SIGINT mid-test.
"$TCK" --suites-dir "$fixtures" --timeout 60 -j 1 -a "$tmp/int.tar.gz" \
    rpt/passing rpt/hang rpt/failing >"$tmp/int.out" 2>&1 &
pid=$!
i=0
while ! grep -q "^rpt/passing" "$tmp/int.out" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.5
kill -INT $pid
wait $pid; rc=$?
is "$rc" 130 "the interrupted run exits 130"
ok "its archive is written" test -s "$tmp/int.tar.gz"
out=$("$TCK" report "$tmp/int.tar.gz" 2>&1); rc=$?
is "$rc" 1 "the interrupted run re-renders (exit 1: the killed test is an error)"
like "$out" "^The run was interrupted\.$" "...and says it was interrupted"
like "$out" "^rpt/hang \.+ ERROR " "...with the test that was killed"
like "$out" "^rpt/failing \.+ ERROR .*not run: the run was interrupted" "...and the test that never started is listed as not run (issue 10 finding 8)"
"$TCK" report "$tmp/int.tar.gz" --format xml="$tmp/int.xml" --format html="$tmp/int.html" >/dev/null 2>&1
ok "the interrupted run's XML validates" xmllint --noout --relaxng "$schemas/report.rng" "$tmp/int.xml"
like "$(cat "$tmp/int.xml")" 'interrupted="yes"' "...and is marked interrupted"
if chromium_dom "file://$tmp/int.html" "$tmp/int.dom" "$tmp/int.err"; then
    ok "the interrupted run's HTML renders in Chromium without console messages" \
        sh -c "grep -q 'data-ready=\"yes\"' '$tmp/int.dom' && ! grep -q ':CONSOLE' '$tmp/int.err'"
else
    _tap_result fail "the interrupted run's HTML renders in Chromium ($CHROMIUM not installed or failed)"
fi

# --- Known-broken during a run.
cat >"$tmp/kb.yml" <<'YAML'
- test: rpt/failing
  check: 2
  driver: Test
  bug: https://bugs.example.org/42
  reason: fruit mismatch
- test: nosuch/*
  reason: stale on purpose
YAML
out=$("$TCK" --suites-dir "$fixtures" --known-broken "$tmp/kb.yml" -a "$tmp/kb.tar.gz" \
      rpt/passing rpt/failing 2>&1); rc=$?
is "$rc" 0 "a failure covered by --known-broken does not fail the run"
like "$out" "^  rpt/failing #2: https://bugs.example.org/42 \(fruit mismatch\)$" "it is listed as known broken"
like "$out" "kb.yml:6: test 'nosuch/\*': stale on purpose matched nothing" "the unmatched entry is listed as stale"
printf 'uri: test:///default\nknown_broken: kb.yml\n' >"$tmp/tck.yml"
out=$("$TCK" -c "$tmp/tck.yml" --suites-dir "$fixtures" rpt/failing 2>&1); rc=$?
is "$rc" 0 "the config key known_broken works the same (relative to the config)"
printf -- '- test: rpt/failing\n  reason: x\n  libvirt: "> nine"\n' >"$tmp/bad.yml"
out=$("$TCK" --suites-dir "$fixtures" --known-broken "$tmp/bad.yml" rpt/passing 2>&1); rc=$?
is "$rc" 2 "a bad known-broken file is a usage error (exit 2)"
like "$out" "^libvirt-tck: known-broken: $tmp/bad.yml:3: invalid libvirt range '> nine'" "...naming FILE:LINE"
unlike "$out" "^rpt/passing" "...and nothing ran"

# --- --rerun-failed.
"$TCK" --suites-dir "$fixtures" --format xml="$tmp/mixed.xml" rpt/passing rpt/failing >/dev/null 2>&1
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/mixed.xml" 2>&1); rc=$?
is "$rc" 1 "--rerun-failed reruns the failure (still failing: exit 1)"
like "$out" "^rpt/failing \.+ FAILED" "...it ran the failed test"
unlike "$out" "^rpt/passing" "...and not the one that passed"
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/run.tar.gz" 2>&1); rc=$?
is "$rc" 0 "--rerun-failed on a run without failures runs nothing and exits 0"

# --- compare and mask on the crafted pair.
out=$("$TCK" report compare "$cmpdir/base.xml" "$cmpdir/new.xml" 2>&1); rc=$?
is "$rc" 1 "compare exits 1 on the planted regression"
like "$out" "^  core/020-regress #2 lookup fails with VIR_ERR_NO_DOMAIN: pass -> fail$" "...and names it"
out=$("$TCK" report compare "$cmpdir/base.xml" "$cmpdir/base.xml" --format text --format html="$tmp/cmp.html" 2>&1); rc=$?
is "$rc" 0 "compare of a run with itself exits 0"
ok "compare --format html=FILE writes the page" grep -q 'id="comparison"' "$tmp/cmp.html"
cat >"$tmp/mask.yml" <<'YAML'
- test: core/020-regress
  description: "*NO_DOMAIN*"
  bug: https://bugs.example.org/20
- test: core/040-still
  reason: never worked
YAML
out=$("$TCK" report mask --known-broken "$tmp/mask.yml" "$cmpdir/new.xml" 2>&1); rc=$?
is "$rc" 1 "mask exits 1 while something is left to fix"
like "$out" "^  core/090-crash: error: killed by signal 11 \(SIGSEGV\)$" "...and lists it"
like "$out" "^1 left to fix, 2 known broken, 0 unexpectedly passing, 0 stale entries$" "...with the counts"
printf -- '- test: core/090-crash\n  reason: crashes\n' >>"$tmp/mask.yml"
out=$("$TCK" report mask --known-broken "$tmp/mask.yml" "$cmpdir/new.xml" 2>&1); rc=$?
is "$rc" 0 "mask exits 0 once every failure is known broken"
out=$("$TCK" report --known-broken "$tmp/mask.yml" --format mask="$tmp/mask.txt" --format text "$cmpdir/new.xml" 2>&1)
like "$(cat "$tmp/mask.txt")" "^0 left to fix, 3 known broken, 0 unexpectedly passing, 0 stale entries$" \
    "mask is a row of the format table: report --format mask=FILE writes it"
out=$("$TCK" report compare "$cmpdir/base.xml" "$cmpdir/new.xml" --format junit 2>&1); rc=$?
like "$rc $out" "^2 libvirt-tck: usage: report compare writes text, html, not 'junit'$" \
    "compare writes the formats whose table row has a comparison form, and refuses the others"

# --- Bad input to report.
out=$("$TCK" report "$tmp/nosuch.tar.gz" 2>&1); rc=$?
is "$rc" 2 "report on a missing file exits 2"
out=$("$TCK" report "$schemas/report.rng" 2>&1); rc=$?
like "$out" "not a libvirt-tck report" "report on some other XML says it is not a report"
