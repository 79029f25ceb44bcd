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

## domain-b: resources, devices, snapshots, console, XML (300-499)
suitesdomain_PROGRAMS += \
	suites/domain/300-memory \
	suites/domain/305-balloon-stats \
	suites/domain/310-vcpus \
	suites/domain/315-vcpu-hotplug \
	suites/domain/320-scheduler \
	suites/domain/325-tunables \
	suites/domain/330-block-info \
	suites/domain/335-block-stats \
	suites/domain/340-interface-stats \
	suites/domain/345-all-domain-stats \
	suites/domain/350-numa \
	suites/domain/360-disk-hotplug \
	suites/domain/370-cdrom-media \
	suites/domain/375-nic-hotplug \
	suites/domain/380-host-usb-hotplug \
	suites/domain/385-host-pci-hotplug
suites_domain_300_memory_LDADD = $(SUITE_LDADD)
suites_domain_305_balloon_stats_LDADD = $(SUITE_LDADD)
suites_domain_310_vcpus_LDADD = $(SUITE_LDADD)
suites_domain_315_vcpu_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_320_scheduler_LDADD = $(SUITE_LDADD)
suites_domain_325_tunables_LDADD = $(SUITE_LDADD)
suites_domain_330_block_info_LDADD = $(SUITE_LDADD)
suites_domain_335_block_stats_LDADD = $(SUITE_LDADD)
suites_domain_340_interface_stats_LDADD = $(SUITE_LDADD)
suites_domain_345_all_domain_stats_LDADD = $(SUITE_LDADD)
suites_domain_350_numa_LDADD = $(SUITE_LDADD)
suites_domain_360_disk_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_370_cdrom_media_LDADD = $(SUITE_LDADD)
suites_domain_375_nic_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_380_host_usb_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_385_host_pci_hotplug_LDADD = $(SUITE_LDADD)
