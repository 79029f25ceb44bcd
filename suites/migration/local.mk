## suites/migration/local.mk — migration between uri and otheruri.

suitesmigrationdir = $(pkglibexecdir)/suites/migration
suitesmigration_PROGRAMS = \
	suites/migration/010-live-managed
suites_migration_010_live_managed_LDADD = $(SUITE_LDADD)
