## util/local.mk — the base layer every other folder stands on: errors,
## files, XML, processes and libvirt connection helpers.  Nothing here
## knows about tests, plans or assets; it includes nothing above itself.

noinst_LTLIBRARIES += util/libtck-util.la
util_libtck_util_la_SOURCES = \
	util/error.c \
	util/fs-util.c \
	util/fs-util.h \
	util/xpath.c \
	util/xpath.h \
	util/spawn-util.c \
	util/spawn-util.h \
	util/virt-util.c \
	util/virt-util.h

## Installed as <tck/error.h>, as before the move.
tckinclude_HEADERS += util/tck/error.h
