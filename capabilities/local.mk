## capabilities/local.mk — the host model (capabilities and domain
## capabilities XML) and the guest plan chosen from it.

noinst_LTLIBRARIES += capabilities/libtck-caps.la
capabilities_libtck_caps_la_SOURCES = \
	capabilities/tck/caps.h \
	capabilities/caps.c \
	capabilities/plan.c

tckinclude_HEADERS += capabilities/tck/caps.h
