## suites/domain/local.mk — domain scenarios.

suitesdomaindir = $(pkglibexecdir)/suites/domain
suitesdomain_PROGRAMS = \
	suites/domain/050-transient-lifecycle \
	suites/domain/060-persistent-lifecycle \
	suites/domain/070-transient-to-persistent \
	suites/domain/080-unique-identifiers
suites_domain_050_transient_lifecycle_LDADD = $(SUITE_LDADD)
suites_domain_060_persistent_lifecycle_LDADD = $(SUITE_LDADD)
suites_domain_070_transient_to_persistent_LDADD = $(SUITE_LDADD)
suites_domain_080_unique_identifiers_LDADD = $(SUITE_LDADD)
EXTRA_DIST += suites/known-broken/domain.yml
