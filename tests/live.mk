## tests/live.mk — live tests: real libvirtd, QEMU (TCG) and LXC guests,
## always inside libvirt-tck-sandbox.  They fail loudly when the sandbox
## cannot start; TCK_ALLOW_NO_LIVE=1 turns that into skips.  Plus the unit
## test of tck_wait_guest_ready() against test:///default.

## libtck/guest-ready.c's private header (the file is in libtck/local.mk).
noinst_HEADERS += libtck/guest-ready.h

check_PROGRAMS += \
	tests/test-live-guest-ready \
	tests/live/crash-after-create
tests_test_live_guest_ready_SOURCES = tests/test-live-guest-ready.c
tests_test_live_guest_ready_LDADD = $(TCK_CORE_LIBS)
tests_live_crash_after_create_SOURCES = tests/live/crash-after-create.c
tests_live_crash_after_create_LDADD = $(TCK_CORE_LIBS)

TESTS += \
	tests/test-live-guest-ready \
	tests/live-sandbox.sh \
	tests/live-domain.sh \
	tests/live-network.sh \
	tests/live-safety.sh \
	tests/live-kvm-canary.sh \
	tests/live-storage.sh \
	tests/live-errors.sh \
	tests/live-remote-assets.sh \
	tests/live-migration.sh \
	tests/live-fleet.sh \
	tests/live-xen.sh
dist_noinst_SCRIPTS += \
	tests/live-kvm-canary.sh \
	tests/live-sandbox.sh \
	tests/live-domain.sh \
	tests/live-network.sh \
	tests/live-safety.sh \
	tests/live-storage.sh \
	tests/live-errors.sh \
	tests/live-remote-assets.sh \
	tests/live-migration.sh \
	tests/live-fleet.sh \
	tests/live/migration-inner.sh \
	tests/live/fleet-inner.sh \
	tests/live-xen.sh \
	tests/live/xen-inner.sh \
	tests/live/errors-inner.sh \
	tests/live/lib.sh \
	tests/live/sandbox-inner.sh \
	tests/live/domain-inner.sh \
	tests/live/network-inner.sh \
	tests/live/safety-inner.sh \
	tests/live/storage-inner.sh \
	tests/live/remote-assets-inner.sh \
	tests/live/run-log.sh \
	tests/live/fake-daemon \
	tests/live/guest-init \
	bench/live-boot.sh \
	bench/live-xen.sh \
	bench/live-bench-inner.sh \
	bench/live-suite.sh \
	bench/live-migration.sh \
	bench/live-seeds.sh \
	bench/lib.sh \
	bench/live-objects.sh
EXTRA_DIST += \
	tests/live/qemu-domain.xml \
	tests/live/lxc-domain.xml \
	tests/live/net.xml \
	tests/live/pool.xml \
	tests/live/qemu-iso-domain.xml
