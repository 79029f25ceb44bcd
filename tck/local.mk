## tck/local.mk — the libvirt-tck harness: CLI, registry, runner, TAP
## reader, results model and text output.  It never links test code.

bin_PROGRAMS += tck/libvirt-tck
tck_libvirt_tck_SOURCES += \
	tck/main.c \
	tck/cmd-run.c \
	tck/exit-codes.c \
	tck/exit-codes.h \
	tck/cli.h \
	tck/registry.c \
	tck/registry.h \
	tck/runner.c \
	tck/runner.h \
	tck/tap-parser.c \
	tck/tap-parser.h \
	tck/results.c \
	tck/results.h \
	tck/results-from-tap.c \
	tck/results-from-tap.h \
	tck/cleanup.c \
	tck/cleanup.h \
	tck/format-text.c \
	tck/format-tap.c \
	tck/formats.c \
	tck/formats.h \
	tck/outputs.c \
	tck/outputs.h \
	tck/progress.c \
	tck/progress.h \
	tck/sandbox-route.c \
	tck/canary.c \
	tck/canary.h
tck_libvirt_tck_LDADD = $(TCK_CORE_LIBS)

## The KVM canary: a libtck test program the harness runs before the
## first guest test when the plan uses KVM (tck/canary.c).
pkglibexec_PROGRAMS = tck/libvirt-tck-kvm-canary
tck_libvirt_tck_kvm_canary_SOURCES = tck/kvm-canary.c
tck_libvirt_tck_kvm_canary_LDADD = $(TCK_CORE_LIBS)
