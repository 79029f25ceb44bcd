## libtck/local.mk — the library's core: what a test program calls.  It
## stands on builders/, capabilities/, assets/ and util/, each its own
## convenience library (see TCK_CORE_LIBS in Makefile.am).

noinst_LTLIBRARIES += libtck/libtck-core.la
libtck_libtck_core_la_SOURCES = \
	libtck/config.c \
	libtck/config-private.h \
	libtck/config-node.c \
	libtck/config-yaml.c \
	libtck/config-flat.c \
	libtck/config-schema.c \
	libtck/config-dump.c \
	libtck/tap-writer.c \
	libtck/tap-writer.h \
	libtck/test.c \
	libtck/test-private.h \
	libtck/checks.c \
	libtck/ledger.c \
	libtck/contracts.c \
	libtck/yaml-xml.c \
	libtck/yaml-xml.h \
	libtck/needs.c \
	libtck/generic-domain.c \
	libtck/guest-ready.c \
	libtck/host-files.c \
	libtck/xml-edit.c \
	libtck/hostnet.c \
	libtck/test-network.c \
	libtck/devices.c \
	libtck/storage.c \
	libtck/secret.c \
	libtck/events.c \
	libtck/events-private.h \
	libtck/domain.c \
	libtck/protocol.c \
	libtck/guest-plan.c \
	libtck/remote-assets.c

## The installed shared library: every layer's objects, for vendors' own
## tests (libtool links convenience libraries into it whole).
lib_LTLIBRARIES += libtck/libtck.la
libtck_libtck_la_SOURCES =
nodist_EXTRA_libtck_libtck_la_SOURCES = libtck/dummy.c
libtck_libtck_la_LIBADD = $(TCK_LAYER_LIBS) $(TCK_DEP_LIBS)
libtck_libtck_la_LDFLAGS = -version-info 0:0:0 $(AM_LDFLAGS)

tckinclude_HEADERS += \
	libtck/tck/tck.h \
	libtck/tck/protocol.h \
	libtck/tck/config.h \
	libtck/tck/test.h \
	libtck/tck/checks.h \
	libtck/tck/ledger.h \
	libtck/tck/contracts.h \
	libtck/tck/needs.h \
	libtck/tck/guest.h \
	libtck/tck/xml.h \
	libtck/tck/hostnet.h \
	libtck/tck/network.h \
	libtck/tck/devices.h \
	libtck/tck/storage.h \
	libtck/tck/secret.h \
	libtck/tck/events.h \
	libtck/tck/domain.h \
	libtck/tck/remote-assets.h
