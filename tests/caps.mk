## tests/caps.mk — tests of the capabilities parser, the guest plan, the
## builders (schema validation, round trips on test:///default) and
## `libvirt-tck capabilities`.

check_PROGRAMS += tests/test-caps
tests_test_caps_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-caps

EXTRA_DIST += \
	tests/caps/capture-live.sh \
	tests/caps/test-default.xml \
	tests/caps/qemu-system.xml \
	tests/caps/qemu-system-domcaps.xml \
	tests/caps/lxc-system.xml \
	tests/caps/xen-x86_64.xml \
	tests/caps/xen-aarch64.xml \
	tests/caps/openvz.xml \
	tests/caps/esx.xml \
	tests/caps/bhyve.xml \
	tests/caps/hyperv.xml \
	tests/caps/vbox.xml \
	tests/caps/qemu-multiarch.xml \
	tests/caps/qemu-aarch64-host.xml \
	tests/caps/no-guests.xml \
	tests/caps/unknown-domain.xml
