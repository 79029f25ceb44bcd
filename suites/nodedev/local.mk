## suites/nodedev/local.mk — node device scenarios (read-only).

suitesnodedevdir = $(pkglibexecdir)/suites/nodedev
suitesnodedev_PROGRAMS = \
	suites/nodedev/010-list-lookup \
	suites/nodedev/020-device-xml \
	suites/nodedev/030-capability-filters \
	suites/nodedev/040-device-tree \
	suites/nodedev/050-legacy-and-state
suites_nodedev_010_list_lookup_LDADD = $(SUITE_LDADD)
suites_nodedev_020_device_xml_LDADD = $(SUITE_LDADD)
suites_nodedev_030_capability_filters_LDADD = $(SUITE_LDADD)
suites_nodedev_040_device_tree_LDADD = $(SUITE_LDADD)
suites_nodedev_050_legacy_and_state_LDADD = $(SUITE_LDADD)

## Where libvirt 9.0 deviates in this area (libvirt-tck --known-broken).
EXTRA_DIST += suites/known-broken/nodedev.yml
