## tests/fuzz/local.mk — libFuzzer targets for every reader of outside
## input (issue 10).  Built only by `make fuzz` in a tree configured with
## CC=clang --enable-fuzzing; tests/fuzz/run.sh runs each for a bounded
## time over its corpus in tests/fuzz/corpus/TARGET/.

FUZZ_TARGETS = \
	tests/fuzz/fuzz-tap \
	tests/fuzz/fuzz-config-yaml \
	tests/fuzz/fuzz-config-flat \
	tests/fuzz/fuzz-caps \
	tests/fuzz/fuzz-domcaps \
	tests/fuzz/fuzz-known-broken \
	tests/fuzz/fuzz-report-xml \
	tests/fuzz/fuzz-archive
EXTRA_PROGRAMS += $(FUZZ_TARGETS)
LIBFUZZER_FLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_tap_SOURCES = tests/fuzz/fuzz-tap.c
tests_fuzz_fuzz_config_yaml_SOURCES = tests/fuzz/fuzz-config-yaml.c
tests_fuzz_fuzz_config_flat_SOURCES = tests/fuzz/fuzz-config-flat.c
tests_fuzz_fuzz_caps_SOURCES = tests/fuzz/fuzz-caps.c
tests_fuzz_fuzz_domcaps_SOURCES = tests/fuzz/fuzz-domcaps.c
tests_fuzz_fuzz_known_broken_SOURCES = tests/fuzz/fuzz-known-broken.c
tests_fuzz_fuzz_report_xml_SOURCES = tests/fuzz/fuzz-report-xml.c
tests_fuzz_fuzz_archive_SOURCES = tests/fuzz/fuzz-archive.c
tests_fuzz_fuzz_tap_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_config_yaml_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_config_flat_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_caps_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_domcaps_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_known_broken_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_report_xml_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_archive_LDFLAGS = $(AM_LDFLAGS) $(LIBFUZZER_FLAGS)
tests_fuzz_fuzz_tap_LDADD = $(TCK_HARNESS_LIBS)
tests_fuzz_fuzz_config_yaml_LDADD = $(TCK_CORE_LIBS)
tests_fuzz_fuzz_config_flat_LDADD = $(TCK_CORE_LIBS)
tests_fuzz_fuzz_caps_LDADD = $(TCK_CORE_LIBS)
tests_fuzz_fuzz_domcaps_LDADD = $(TCK_CORE_LIBS)
tests_fuzz_fuzz_known_broken_LDADD = $(TCK_HARNESS_LIBS)
tests_fuzz_fuzz_report_xml_LDADD = $(TCK_HARNESS_LIBS)
tests_fuzz_fuzz_archive_LDADD = $(TCK_HARNESS_LIBS)

fuzz: $(FUZZ_TARGETS)
.PHONY: fuzz
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/corpus tests/fuzz/regressions
