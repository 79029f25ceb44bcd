## man/local.mk — manual pages.
dist_man_MANS += \
	man/libvirt-tck.1 \
	man/libtck.3 \
	man/libvirt-tck-prepare.1 \
	man/libvirt-tck.conf.5 \
	man/libvirt-tck-sandbox.1
