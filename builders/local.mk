## builders/local.mk — XML builders for every libvirt object a test
## creates, and the generic guest of a plan.

noinst_LTLIBRARIES += builders/libtck-builders.la
builders_libtck_builders_la_SOURCES = \
	builders/tck/builders.h \
	builders/builder-private.h \
	builders/xml.c \
	builders/domain.c \
	builders/device.c \
	builders/generic-domain.c \
	builders/network.c \
	builders/storage-pool.c \
	builders/storage-vol.c \
	builders/interface.c \
	builders/nwfilter.c \
	builders/secret.c \
	builders/snapshot.c

tckinclude_HEADERS += builders/tck/builders.h
