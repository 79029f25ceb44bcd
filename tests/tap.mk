## tests/tap.mk — unit tests of the harness's TAP parser.  tck/tap-parser.c
## is compiled in directly: it is part of the harness, not of the library.

check_PROGRAMS += tests/test-tap-parser
TESTS += tests/test-tap-parser
tests_test_tap_parser_SOURCES = \
	tests/test-tap-parser.c \
	tck/tap-parser.c \
	tck/tap-parser.h
tests_test_tap_parser_LDADD = $(GLIB_LIBS)

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
