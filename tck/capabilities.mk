## tck/capabilities.mk — the 'libvirt-tck capabilities' subcommand.

tck_libvirt_tck_SOURCES += tck/cmd-capabilities.c
