## tests/config.mk — unit tests of the config reader (libtck/config.c).

check_PROGRAMS += tests/test-config
TESTS += tests/test-config
tests_test_config_SOURCES = tests/test-config.c
tests_test_config_LDADD = $(TCK_CORE_LIBS)

EXTRA_DIST += \
	tests/config/upstream.yml \
	tests/config/flat.conf \
	tests/config/equiv.conf \
	tests/config/equiv.yml \
	tests/config/syntax-error.yml \
	tests/config/secrets.yml \
	tests/config/empty.yml \
	tests/config/comments-only.yml
