## suites/storage/local.mk — storage pool and volume scenarios.

suitesstoragedir = $(pkglibexecdir)/suites/storage
suitesstorage_PROGRAMS = \
	suites/storage/010-dir-transient-lifecycle \
	suites/storage/020-dir-persistent-lifecycle \
	suites/storage/030-fs-persistent-lifecycle \
	suites/storage/040-fs-transient-lifecycle \
	suites/storage/050-autostart \
	suites/storage/060-refresh \
	suites/storage/070-capacity-accounting \
	suites/storage/080-raw-volume-lifecycle \
	suites/storage/090-qcow2-volume \
	suites/storage/100-allocation \
	suites/storage/110-clone \
	suites/storage/120-backing-store \
	suites/storage/130-resize \
	suites/storage/140-wipe \
	suites/storage/150-stream-64mib \
	suites/storage/160-duplicates \
	suites/storage/170-inactive-pool \
	suites/storage/180-logical-pool \
	suites/storage/190-disk-pool \
	suites/storage/200-netfs-pool \
	suites/storage/210-iscsi-pool \
	suites/storage/220-pool-events \
	suites/storage/230-lookups-legacy
suites_storage_010_dir_transient_lifecycle_LDADD = $(SUITE_LDADD)
suites_storage_020_dir_persistent_lifecycle_LDADD = $(SUITE_LDADD)
suites_storage_030_fs_persistent_lifecycle_LDADD = $(SUITE_LDADD)
suites_storage_040_fs_transient_lifecycle_LDADD = $(SUITE_LDADD)
suites_storage_050_autostart_LDADD = $(SUITE_LDADD)
suites_storage_060_refresh_LDADD = $(SUITE_LDADD)
suites_storage_070_capacity_accounting_LDADD = $(SUITE_LDADD)
suites_storage_080_raw_volume_lifecycle_LDADD = $(SUITE_LDADD)
suites_storage_090_qcow2_volume_LDADD = $(SUITE_LDADD)
suites_storage_100_allocation_LDADD = $(SUITE_LDADD)
suites_storage_110_clone_LDADD = $(SUITE_LDADD)
suites_storage_120_backing_store_LDADD = $(SUITE_LDADD)
suites_storage_130_resize_LDADD = $(SUITE_LDADD)
suites_storage_140_wipe_LDADD = $(SUITE_LDADD)
suites_storage_150_stream_64mib_LDADD = $(SUITE_LDADD)
suites_storage_160_duplicates_LDADD = $(SUITE_LDADD)
suites_storage_170_inactive_pool_LDADD = $(SUITE_LDADD)
suites_storage_180_logical_pool_LDADD = $(SUITE_LDADD)
suites_storage_190_disk_pool_LDADD = $(SUITE_LDADD)
suites_storage_200_netfs_pool_LDADD = $(SUITE_LDADD)
suites_storage_210_iscsi_pool_LDADD = $(SUITE_LDADD)
suites_storage_220_pool_events_LDADD = $(SUITE_LDADD)
suites_storage_230_lookups_legacy_LDADD = $(SUITE_LDADD)

## Where libvirt 9.0 deviates in this area (libvirt-tck --known-broken).
EXTRA_DIST += suites/known-broken/storage.yml
