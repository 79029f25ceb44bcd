#!/bin/sh
# bench/known-broken-compare.sh — issue 10 finding 16: known-broken matching
# and `report compare` on a large input, timed.  Prints figures; asserts
# nothing (never a timed test).  Run from a build dir:
#   top_builddir=$PWD sh ../bench/known-broken-compare.sh [CHECKS] [ENTRIES]
# Defaults: one test of 80000 checks, 20000 known-broken entries each naming
# one check of it, 2000 glob entries, and a compare of two such runs.
. "$(dirname "$0")/lib.sh"
N=${1:-80000}
E=${2:-20000}
TCK="$B/tck/libvirt-tck"

cat >"$D/big.sh" <<SH
#!/bin/sh
python3 -c "
import sys
n = $N
out = ['1..%d' % n]
for i in range(1, n + 1):
    out.append(('not ok %d - check %d' if i % 4 == 0 else 'ok %d - check %d') % (i, i))
sys.stdout.write('\\\\n'.join(out) + '\\\\n')"
SH
chmod +x "$D/big.sh"
"$TCK" --uri test:///default -a "$D/a.tar.gz" "$D/big.sh" >/dev/null 2>&1
"$TCK" --uri test:///default -a "$D/b.tar.gz" "$D/big.sh" >/dev/null 2>&1
python3 - "$D" "$D/big.sh" "$E" "$N" <<'PY'
import sys
d, test, e, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(d + "/kb-checks.yml", "w") as f:
    for i in range(e):
        f.write("- test: %s\n  check: %d\n  reason: r%d\n" % (test, (i * 4) % n + 4, i))
with open(d + "/kb-globs.yml", "w") as f:
    for i in range(e // 20):
        f.write("- test: \"*big*\"\n  description: \"check %d\"\n  reason: l%d\n" % (i, i))
    for i in range(e // 20):
        f.write("- test: \"*big*\"\n  description: \"check %d?\"\n  reason: g%d\n" % (i, i))
PY
t() { s=$(date +%s.%N); "$@" >/dev/null 2>&1; rc=$?; echo "$(echo "$(date +%s.%N) - $s" | bc) s (exit $rc)"; }
echo "input: 1 test of $N checks; $E check entries + $((E / 10)) glob entries"
echo "report render (baseline, no known-broken): $(t "$TCK" report render "$D/a.tar.gz")"
echo "report mask, $E check-number entries:    $(t "$TCK" report mask --known-broken "$D/kb-checks.yml" "$D/a.tar.gz")"
echo "report mask, $((E / 20)) literal + $((E / 20)) glob descriptions: $(t "$TCK" report mask --known-broken "$D/kb-globs.yml" "$D/a.tar.gz")"
echo "report compare A B:                        $(t "$TCK" report compare "$D/a.tar.gz" "$D/b.tar.gz")"
