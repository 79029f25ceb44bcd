## suites/nwfilter/local.mk — network filter scenarios.

suitesnwfilterdir = $(pkglibexecdir)/suites/nwfilter
suitesnwfilter_PROGRAMS = \
	suites/nwfilter/010-define-lookup-undefine \
	suites/nwfilter/020-list \
	suites/nwfilter/030-invalid-operations \
	suites/nwfilter/040-bindings \
	suites/nwfilter/050-guest-filter \
	suites/nwfilter/060-anti-spoofing
suites_nwfilter_010_define_lookup_undefine_LDADD = $(SUITE_LDADD)
suites_nwfilter_020_list_LDADD = $(SUITE_LDADD)
suites_nwfilter_030_invalid_operations_LDADD = $(SUITE_LDADD)
suites_nwfilter_040_bindings_LDADD = $(SUITE_LDADD)
suites_nwfilter_050_guest_filter_LDADD = $(SUITE_LDADD)
suites_nwfilter_060_anti_spoofing_LDADD = $(SUITE_LDADD)
