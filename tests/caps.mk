## tests/caps.mk — tests of the capabilities parser, the guest plan, the
## builders (schema validation, round trips on test:///default and, in
## caps-live.sh, on qemu:///system and lxc:///system) and
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

check_PROGRAMS += tests/test-schema
tests_test_schema_SOURCES = tests/test-schema.c tests/builder-samples.c tests/builder-samples.h
tests_test_schema_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-schema

check_PROGRAMS += tests/test-builders
tests_test_builders_SOURCES = tests/test-builders.c tests/builder-samples.c tests/builder-samples.h
tests_test_builders_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-builders

check_PROGRAMS += tests/test-roundtrip
tests_test_roundtrip_SOURCES = tests/test-roundtrip.c tests/builder-samples.h
tests_test_roundtrip_LDADD = $(TCK_CORE_LIBS)
TESTS += tests/test-roundtrip

TESTS += tests/caps-cli.sh
EXTRA_DIST += tests/caps-cli.sh

## Live: the round trip again on qemu:///system and lxc:///system, inside
## libvirt-tck-sandbox (TCK_ALLOW_NO_LIVE=1 turns a missing sandbox into a skip).
TESTS += tests/caps-live.sh
EXTRA_DIST += tests/caps-live.sh
