## tests/live.mk — live tests: real libvirtd, QEMU (TCG) and LXC guests,
## always inside libvirt-tck-sandbox.  They fail loudly when the sandbox
## cannot start; TCK_ALLOW_NO_LIVE=1 turns that into skips.

TESTS += \
	tests/live-sandbox.sh
dist_noinst_SCRIPTS += \
	tests/live-sandbox.sh \
	tests/live/lib.sh \
	tests/live/sandbox-inner.sh \
	tests/live/fake-daemon \
	tests/live/guest-init
EXTRA_DIST += \
	tests/live/qemu-domain.xml \
	tests/live/lxc-domain.xml
