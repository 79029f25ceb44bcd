## capabilities/local.mk — the host model (capabilities and domain
## capabilities XML) and the guest plan chosen from it.

libtck_libtck_core_la_SOURCES += \
	capabilities/tck/caps.h \
	capabilities/xpath.h \
	capabilities/xpath.c \
	capabilities/caps.c \
	capabilities/plan.c

tckinclude_HEADERS += capabilities/tck/caps.h
