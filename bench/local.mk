## bench/local.mk — benchmark scripts (not part of make check).
EXTRA_DIST += bench/harness.sh bench/live-migration.md
