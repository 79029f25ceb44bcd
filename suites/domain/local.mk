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
	suites/domain/355-cpu-io-tunables \
	suites/domain/360-disk-hotplug \
	suites/domain/365-disk-seen-by-guest \
	suites/domain/370-cdrom-media \
	suites/domain/375-nic-hotplug \
	suites/domain/380-host-device-hotplug \
	suites/domain/390-config-devices \
	suites/domain/400-snapshot-tree \
	suites/domain/405-snapshot-revert-delete \
	suites/domain/410-snapshot-running \
	suites/domain/415-snapshot-metadata \
	suites/domain/420-snapshot-external \
	suites/domain/425-snapshot-xml \
	suites/domain/430-checkpoints \
	suites/domain/440-console-marker \
	suites/domain/445-core-dump \
	suites/domain/450-metadata \
	suites/domain/455-xml-roundtrip \
	suites/domain/460-xml-flags \
	suites/domain/465-job-info \
	suites/domain/470-block-resize \
	suites/domain/475-block-copy \
	suites/domain/480-block-pull-commit \
	suites/domain/490-uefi-boot
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
suites_domain_355_cpu_io_tunables_LDADD = $(SUITE_LDADD)
suites_domain_360_disk_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_365_disk_seen_by_guest_LDADD = $(SUITE_LDADD)
suites_domain_370_cdrom_media_LDADD = $(SUITE_LDADD)
suites_domain_375_nic_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_380_host_device_hotplug_LDADD = $(SUITE_LDADD)
suites_domain_390_config_devices_LDADD = $(SUITE_LDADD)
suites_domain_400_snapshot_tree_LDADD = $(SUITE_LDADD)
suites_domain_405_snapshot_revert_delete_LDADD = $(SUITE_LDADD)
suites_domain_410_snapshot_running_LDADD = $(SUITE_LDADD)
suites_domain_415_snapshot_metadata_LDADD = $(SUITE_LDADD)
suites_domain_420_snapshot_external_LDADD = $(SUITE_LDADD)
suites_domain_425_snapshot_xml_LDADD = $(SUITE_LDADD)
suites_domain_430_checkpoints_LDADD = $(SUITE_LDADD)
suites_domain_440_console_marker_LDADD = $(SUITE_LDADD)
suites_domain_445_core_dump_LDADD = $(SUITE_LDADD)
suites_domain_450_metadata_LDADD = $(SUITE_LDADD)
suites_domain_455_xml_roundtrip_LDADD = $(SUITE_LDADD)
suites_domain_460_xml_flags_LDADD = $(SUITE_LDADD)
suites_domain_465_job_info_LDADD = $(SUITE_LDADD)
suites_domain_470_block_resize_LDADD = $(SUITE_LDADD)
suites_domain_475_block_copy_LDADD = $(SUITE_LDADD)
suites_domain_480_block_pull_commit_LDADD = $(SUITE_LDADD)
suites_domain_490_uefi_boot_LDADD = $(SUITE_LDADD)
## domain-a: lifecycle, identity, invalid operations, save/restore, events (100-299).
suitesdomain_PROGRAMS += \
	suites/domain/100-persistent-autostart \
	suites/domain/101-transient-autostart-refused \
	suites/domain/105-redefine-inactive \
	suites/domain/106-redefine-running \
	suites/domain/110-suspend-resume \
	suites/domain/120-destroy-flags \
	suites/domain/125-persistent-to-transient \
	suites/domain/130-shutdown \
	suites/domain/131-reboot \
	suites/domain/132-shutdown-methods \
	suites/domain/133-reboot-methods \
	suites/domain/150-lookups-after-redefine \
	suites/domain/151-rename \
	suites/domain/152-lookup-missing \
	suites/domain/153-unique-transient \
	suites/domain/160-inactive-suspend-resume \
	suites/domain/161-inactive-vcpus \
	suites/domain/162-inactive-attach-live \
	suites/domain/163-inactive-save-dump \
	suites/domain/164-inactive-console \
	suites/domain/200-save-restore-persistent \
	suites/domain/201-save-restore-transient \
	suites/domain/202-managed-save \
	suites/domain/203-managed-save-remove \
	suites/domain/204-corrupt-save-image \
	suites/domain/205-save-image-xml \
	suites/domain/206-restore-paused \
	suites/domain/250-lifecycle-events \
	suites/domain/251-transient-events \
	suites/domain/252-event-deregister \
	suites/domain/253-event-domain-filter
suites_domain_100_persistent_autostart_LDADD = $(SUITE_LDADD)
suites_domain_101_transient_autostart_refused_LDADD = $(SUITE_LDADD)
suites_domain_105_redefine_inactive_LDADD = $(SUITE_LDADD)
suites_domain_106_redefine_running_LDADD = $(SUITE_LDADD)
suites_domain_110_suspend_resume_LDADD = $(SUITE_LDADD)
suites_domain_120_destroy_flags_LDADD = $(SUITE_LDADD)
suites_domain_125_persistent_to_transient_LDADD = $(SUITE_LDADD)
suites_domain_130_shutdown_LDADD = $(SUITE_LDADD)
suites_domain_131_reboot_LDADD = $(SUITE_LDADD)
suites_domain_132_shutdown_methods_LDADD = $(SUITE_LDADD)
suites_domain_133_reboot_methods_LDADD = $(SUITE_LDADD)
suites_domain_150_lookups_after_redefine_LDADD = $(SUITE_LDADD)
suites_domain_151_rename_LDADD = $(SUITE_LDADD)
suites_domain_152_lookup_missing_LDADD = $(SUITE_LDADD)
suites_domain_153_unique_transient_LDADD = $(SUITE_LDADD)
suites_domain_160_inactive_suspend_resume_LDADD = $(SUITE_LDADD)
suites_domain_161_inactive_vcpus_LDADD = $(SUITE_LDADD)
suites_domain_162_inactive_attach_live_LDADD = $(SUITE_LDADD)
suites_domain_163_inactive_save_dump_LDADD = $(SUITE_LDADD)
suites_domain_164_inactive_console_LDADD = $(SUITE_LDADD)
suites_domain_200_save_restore_persistent_LDADD = $(SUITE_LDADD)
suites_domain_201_save_restore_transient_LDADD = $(SUITE_LDADD)
suites_domain_202_managed_save_LDADD = $(SUITE_LDADD)
suites_domain_203_managed_save_remove_LDADD = $(SUITE_LDADD)
suites_domain_204_corrupt_save_image_LDADD = $(SUITE_LDADD)
suites_domain_205_save_image_xml_LDADD = $(SUITE_LDADD)
suites_domain_206_restore_paused_LDADD = $(SUITE_LDADD)
suites_domain_250_lifecycle_events_LDADD = $(SUITE_LDADD)
suites_domain_251_transient_events_LDADD = $(SUITE_LDADD)
suites_domain_252_event_deregister_LDADD = $(SUITE_LDADD)
suites_domain_253_event_domain_filter_LDADD = $(SUITE_LDADD)
## Where libvirt 9.0 deviates in this area (libvirt-tck --known-broken).
EXTRA_DIST += suites/known-broken/domain.yml
