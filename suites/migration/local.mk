## suites/migration/local.mk — migration between uri and otheruri.

suitesmigrationdir = $(pkglibexecdir)/suites/migration
suitesmigration_PROGRAMS = \
	suites/migration/010-live-managed \
	suites/migration/020-offline-persistent \
	suites/migration/030-max-speed-job-info \
	suites/migration/040-refused
suites_migration_010_live_managed_SOURCES = suites/migration/010-live-managed.c suites/migration/migration-guest.h
suites_migration_010_live_managed_LDADD = $(SUITE_LDADD)
suites_migration_020_offline_persistent_SOURCES = \
	suites/migration/020-offline-persistent.c suites/migration/migration-guest.h
suites_migration_020_offline_persistent_LDADD = $(SUITE_LDADD)
suites_migration_030_max_speed_job_info_SOURCES = \
	suites/migration/030-max-speed-job-info.c suites/migration/migration-guest.h
suites_migration_030_max_speed_job_info_LDADD = $(SUITE_LDADD)
suites_migration_040_refused_SOURCES = suites/migration/040-refused.c suites/migration/migration-guest.h
suites_migration_040_refused_LDADD = $(SUITE_LDADD)
