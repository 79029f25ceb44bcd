## man/local.mk — manual pages.
dist_man_MANS += man/libvirt-tck.1 man/libtck.3
