## tests/prepare.mk — tests of libvirt-tck-prepare and the asset cache (which
## run the program `make all` built before `make check`).
## The shell tests start their own local HTTP servers and QEMU guests (TCG)
## and stop them by pid; the fs-disk test needs TCK_TEST_FS_DISK=1 (it
## launches a libguestfs appliance) and skips otherwise.

check_PROGRAMS += tests/test-prepare-assets tests/test-prepare-archives
tests_test_prepare_assets_LDADD = $(TCK_CORE_LIBS)
tests_test_prepare_archives_LDADD = $(TCK_CORE_LIBS)

PREPARE_SH_TESTS = \
	tests/test-prepare-download.sh \
	tests/test-prepare-cache.sh \
	tests/test-prepare-vmlinux.sh \
	tests/test-prepare-boot.sh \
	tests/test-prepare-fs-disk.sh
TESTS += tests/test-prepare-assets tests/test-prepare-archives $(PREPARE_SH_TESTS)

EXTRA_DIST += \
	$(PREPARE_SH_TESTS) \
	tests/prepare/lib.sh \
	tests/prepare/stall-server.py \
	tests/prepare/slow-server.py \
	tests/prepare/catalog.conf \
	tests/prepare/fake-bzimage.py \
	tests/prepare/modules/modules.dep \
	tests/prepare/modules/modules.builtin

## Benchmarks: run by hand, not by make check.
dist_noinst_SCRIPTS += \
	bench/prepare-warm.sh \
	bench/prepare-cold.sh \
	bench/prepare-download.sh
