## suites/interface/local.mk — host interface scenarios (read-only, except
## on a NIC of the config's host_network_devices allow-list).

suitesinterfacedir = $(pkglibexecdir)/suites/interface
suitesinterface_PROGRAMS = \
	suites/interface/010-list-xml \
	suites/interface/020-lookups \
	suites/interface/030-define-start-destroy
suites_interface_010_list_xml_LDADD = $(SUITE_LDADD)
suites_interface_020_lookups_LDADD = $(SUITE_LDADD)
suites_interface_030_define_start_destroy_LDADD = $(SUITE_LDADD)
