## bench/local.mk — benchmark scripts (not part of make check).
EXTRA_DIST += bench/harness.sh
EXTRA_DIST += bench/known-broken-compare.sh
EXTRA_DIST += bench/live-objects-b.sh
EXTRA_DIST += bench/live-objects-b.txt
