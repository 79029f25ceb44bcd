## prepare/local.mk — libvirt-tck-prepare: fills the verified asset cache.

bin_PROGRAMS += prepare/libvirt-tck-prepare
prepare_libvirt_tck_prepare_SOURCES = \
	prepare/prepare.h \
	prepare/main.c \
	prepare/sources.c \
	prepare/recipes.c \
	prepare/vmlinux.c \
	prepare/exit-codes.c \
	prepare/progress.c \
	prepare/download.c \
	prepare/archive-util.c \
	prepare/initrd.c \
	prepare/xen-host.c \
	prepare/iso.c \
	prepare/rootfs.c \
	prepare/template.c \
	prepare/disk.c \
	prepare/remote.c
prepare_libvirt_tck_prepare_LDADD = $(TCK_CORE_LIBS)
