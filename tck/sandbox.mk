## tck/sandbox.mk — libvirt-tck-sandbox: a private libvirtd in new
## namespaces, used by `libvirt-tck --sandbox`, CI and the live tests.

bin_PROGRAMS += tck/libvirt-tck-sandbox
tck_libvirt_tck_sandbox_SOURCES = \
	tck/sandbox-main.c \
	tck/sandbox.c \
	tck/sandbox-xen.c \
	tck/sandbox.h
tck_libvirt_tck_sandbox_LDADD = $(TCK_CORE_LIBS)
