#!/bin/sh
# harness-domain.sh — the main job: libvirt-tck runs the four original
# domain tests on test:///default and every one passes, serially and with -j.
. "$top_srcdir/tests/lib.sh"
tap_plan 10

# The four seed tests by name: the area holds more (and known-broken ones).
out=$("$TCK" --uri test:///default 'domain/0[5-8]0-*' 2>&1); rc=$?
is "$rc" 0 "libvirt-tck exits 0 when every domain test passes"
for t in 050-transient-lifecycle 060-persistent-lifecycle 070-transient-to-persistent 080-unique-identifiers; do
    like "$out" "^domain/$t \.+ ok " "domain/$t passes on test:///default"
done
like "$out" "^4 passed, 0 failed, 0 skipped$" "the closing line counts 4 passed"

out=$("$TCK" --uri test:///default -j 4 -q 'domain/0[5-8]0-*' 2>&1); rc=$?
is "$rc" 0 "the same tests pass four at a time"
is "$out" "
4 passed, 0 failed, 0 skipped" "-q prints only the closing line when all pass"

out=$("$TCK" --uri test:///default --list 'domain/0[5-8]0-*' 2>&1)
is "$(lines "$out")" 4 "--list shows the four domain tests"
out=$("$TCK" --uri test:///default -v domain/050-transient-lifecycle 2>&1)
like "$out" "^ok 6 - NO_DOMAIN error raised from missing domain" "-v shows the test's own TAP stream"
