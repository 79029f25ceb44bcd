#!/bin/sh
# hardening-report.sh — issue 10: stored runs and the reports made from
# them are data a hostile world may have written.  Each block names its
# finding.
. "$top_srcdir/tests/lib.sh"
tap_plan 33

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
out=$("$TCK" --suites-dir "$fixtures" -t 5 --rerun-failed "$tmp/glob.xml" 2>&1); rc=$?
unlike "$out" "^rpt/passing" "a stored name is no glob: rpt/* reruns nothing"
sed -e 's|<path>[^<]*failing</path>|<path>'"$tmp"'/payload.t</path>|' "$tmp/mixed.xml" >"$tmp/path.xml"
out=$("$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/path.xml" 2>&1); rc=$?
like "$out" "^rpt/failing \.+ FAILED" "a known name reruns the registry's test, whatever path the report gives"
ok "...and never the stored path" test ! -e "$tmp/ran"

# --- finding 3: billion laughs in a stored report.  A 1 KB report must
# be refused at once, in every command that reads one, within 1 GB.
python3 - "$tmp/laughs.xml" <<'PY'
import sys
ents = ['<!ENTITY a0 "lollollollollollollollollollol">']
ents += ['<!ENTITY a%d "%s">' % (i, ('&a%d;' % (i - 1)) * 10) for i in range(1, 10)]
open(sys.argv[1], 'w').write('<?xml version="1.0"?>\n<!DOCTYPE report [\n' + '\n'.join(ents) + '\n]>\n'
    '<report xmlns="https://libvirt.org/schemas/tck/report/1" version="1" run-id="0badf00d" '
    'start="2026-12-01T07:29:49Z" end="2026-12-01T07:29:49Z" interrupted="no">'
    '<metadata><uri>&a9;</uri></metadata><test name="rpt/failing" area="rpt" status="fail" '
    'start="2026-12-01T07:29:49Z" duration-us="1" exit="1"><reason>&a9;</reason></test></report>\n')
PY
# memcap: 1 GB of address space (not under ASan, whose shadow memory needs more).
memcap() { [ -n "${SANITIZER_CFLAGS:-}" ] || ulimit -v 1000000; }
bounded() { (memcap; timeout 20 "$@") >"$tmp/out" 2>&1; echo $?; }
is "$(bounded "$TCK" report render "$tmp/laughs.xml")" 2 "report render refuses the billion laughs at once (exit 2)"
like "$(cat "$tmp/out")" "$tmp/laughs.xml" "...naming the file"
is "$(bounded "$TCK" report compare "$tmp/laughs.xml" "$tmp/mixed.xml")" 2 "report compare refuses it"
is "$(bounded "$TCK" --suites-dir "$fixtures" --rerun-failed "$tmp/laughs.xml")" 2 "--rerun-failed refuses it"
sed -e 's|^<report |<!DOCTYPE report [ <!ENTITY x "y"> ]>\n<report |' "$tmp/mixed.xml" >"$tmp/dtd.xml"
is "$(bounded "$TCK" report render "$tmp/dtd.xml")" 2 "a report with any DTD is refused"

# --- finding 12: the archive's temp file never follows a planted symlink.
# exec keeps the shell's PID, so the old "PATH.tmp-PID" name is known.
printf 'root secret\n' >"$tmp/victim"
chmod 0600 "$tmp/victim"
sh -c 'ln -s "$1/victim" "$1/run.tar.gz.tmp-$$"; exec "$2" --suites-dir "$3" -a "$1/run.tar.gz" rpt/passing' \
    sh "$tmp" "$TCK" "$fixtures" >/dev/null 2>&1
is "$(cat "$tmp/victim")" "root secret" "a symlink planted at the archive's temp name is not written through"
ok "...the archive is written all the same" test -s "$tmp/run.tar.gz" -a ! -L "$tmp/run.tar.gz"
"$TCK" report render "$tmp/run.tar.gz" >/dev/null 2>&1
is "$?" 0 "...and reads back"

# --- finding 15: a URI's password is masked in every report.
for uri in 'test://alice:s3cretpw@/default' 'test:///default?password=s3cretpw'; do
    "$TCK" --uri "$uri" --suites-dir "$fixtures" --format xml="$tmp/s.xml" --format junit="$tmp/s.junit.xml" \
        --format html="$tmp/s.html" --format tap="$tmp/s.tap" -a "$tmp/s.tar.gz" rpt/passing >"$tmp/s.txt" 2>&1
    is "$?" 0 "a run on $uri passes"
    leaks=$( (cat "$tmp/s.xml" "$tmp/s.junit.xml" "$tmp/s.html" "$tmp/s.tap" "$tmp/s.txt"; tar -xzOf "$tmp/s.tar.gz") | grep -c s3cretpw)
    is "$leaks" 0 "...and no report, format or archive member shows its password"
    like "$(cat "$tmp/s.xml")" "<uri>test://[^<]*\*\*\*" "...the report shows it masked"
done

# --- finding 16: a known-broken file that is a device is refused at once, not read whole.
out=$( (memcap; timeout 20 "$TCK" --suites-dir "$fixtures" --known-broken /dev/zero rpt/passing) 2>&1); rc=$?
is "$rc" 2 "--known-broken /dev/zero is a usage error (exit 2)"
like "$out" "known-broken: .*/dev/zero: larger than the [0-9]+ byte limit" "...said as too large, not as not found"

# --- finding 16: --caps /dev/zero is refused at once, as too large.
out=$( (memcap; timeout 20 "$TCK" capabilities --caps /dev/zero) 2>&1); rc=$?
is "$rc" 2 "capabilities --caps /dev/zero is refused (exit 2), within 1 GB and 20 s"
like "$out" "^libvirt-tck: capabilities: /dev/zero: larger than the 8388608 byte limit$" "...in one line, as too large, not as not found"

# --- finding 16: a known-broken file's second YAML document is never ignored.
printf -- '- test: rpt/passing\n  reason: first\n---\n- test: rpt/other\n  reason: second\n' >"$tmp/two-docs.yml"
out=$("$TCK" --suites-dir "$fixtures" --known-broken "$tmp/two-docs.yml" rpt/passing 2>&1); rc=$?
is "$rc" 2 "a known-broken file with a second YAML document is refused (exit 2)"
like "$out" "two-docs.yml:4: a second YAML document; a known-broken file is one list" "...in one line naming the file and line"

# --- finding 16: --log-dir never grows a whole path on the host.
out=$("$top_builddir/tck/libvirt-tck-sandbox" --log-dir "$tmp/no/such/logs" -- true 2>&1); rc=$?
is "$rc" 2 "libvirt-tck-sandbox --log-dir under a missing parent is refused before it starts (exit 2)"
like "$out" "^libvirt-tck-sandbox: --log-dir $tmp/no/such/logs: its parent directory does not exist" "...in one line naming the path"
ok "...and creates nothing" test ! -e "$tmp/no"

# --- finding 5: the config's size is bounded (the work grows ~70 times the bytes).
python3 -c 'import sys; sys.stdout.write("uri: test:///default\nkernels:\n" + "  - {arch: x86_64, url: x}\n" * 700000)' >"$tmp/big.yml"
out=$( (memcap; timeout 20 "$TCK" -c "$tmp/big.yml" --suites-dir "$fixtures" --list) 2>&1); rc=$?
is "$rc" 2 "a 19 MB config is refused at once (exit 2), within 1 GB"
like "$out" "big.yml: file is larger than the 16 MiB limit" "...naming the file and the limit"

# --- finding 16: the text report sent to a full device is no success.
"$TCK" --suites-dir "$fixtures" rpt/passing >/dev/full 2>"$tmp/err"; rc=$?
is "$rc" 3 "a text report to /dev/full exits 3 (setup: no space)"
like "$(cat "$tmp/err")" "cannot write the report to stdout: No space left on device" "...saying so"
