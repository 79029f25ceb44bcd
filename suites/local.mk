## suites/local.mk — the test programs, installed under
## $(pkglibexecdir)/suites/AREA/ where the harness finds them.

suitesdomaindir = $(pkglibexecdir)/suites/domain
suitesdomain_PROGRAMS = \
	suites/domain/050-transient-lifecycle \
	suites/domain/060-persistent-lifecycle \
	suites/domain/070-transient-to-persistent \
	suites/domain/080-unique-identifiers
suites_domain_050_transient_lifecycle_LDADD = $(TCK_CORE_LIBS)
suites_domain_060_persistent_lifecycle_LDADD = $(TCK_CORE_LIBS)
suites_domain_070_transient_to_persistent_LDADD = $(TCK_CORE_LIBS)
suites_domain_080_unique_identifiers_LDADD = $(TCK_CORE_LIBS)
