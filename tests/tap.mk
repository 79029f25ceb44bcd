## tests/tap.mk — unit tests of the harness's TAP parser (linked from
## libtck-harness.la).

check_PROGRAMS += tests/test-tap-parser
TESTS += tests/test-tap-parser
tests_test_tap_parser_SOURCES = tests/test-tap-parser.c
tests_test_tap_parser_LDADD = $(TCK_HARNESS_LIBS)

## Fixture streams and the summaries the parser must make of them.
EXTRA_DIST += \
	tests/tap/gtest.tap \
	tests/tap/gtest.summary \
	tests/tap/hostile.tap \
	tests/tap/hostile.summary \
	tests/tap/tap13-yaml.tap \
	tests/tap/tap13-yaml.summary \
	tests/tap/test-more.tap \
	tests/tap/test-more.summary
