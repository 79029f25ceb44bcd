## suites/secret/local.mk — secret scenarios.

suitessecretdir = $(pkglibexecdir)/suites/secret
suitessecret_PROGRAMS = \
	suites/secret/010-define-lookup \
	suites/secret/020-value \
	suites/secret/030-private \
	suites/secret/040-ephemeral \
	suites/secret/050-errors \
	suites/secret/060-events \
	suites/secret/070-legacy-api
suites_secret_010_define_lookup_LDADD = $(SUITE_LDADD)
suites_secret_020_value_LDADD = $(SUITE_LDADD)
suites_secret_030_private_LDADD = $(SUITE_LDADD)
suites_secret_040_ephemeral_LDADD = $(SUITE_LDADD)
suites_secret_050_errors_LDADD = $(SUITE_LDADD)
suites_secret_060_events_LDADD = $(SUITE_LDADD)
suites_secret_070_legacy_api_LDADD = $(SUITE_LDADD)

## Where libvirt 9.0 deviates in this area (libvirt-tck --known-broken).
EXTRA_DIST += suites/known-broken/secret.yml
