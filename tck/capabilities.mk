## tck/capabilities.mk — the 'libvirt-tck capabilities' subcommand.
