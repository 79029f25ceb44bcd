## tck/local.mk — the libvirt-tck harness: CLI, registry, runner, TAP
## reader, results model, formatters, reports, known-broken, compare,
## archive and the sandbox daemon.  It never links test code: it runs
## tests as processes.
##
## Everything but the two mains is libtck-harness.la, which the programs
## and our own tests of the harness link (TCK_HARNESS_LIBS).

noinst_LTLIBRARIES += tck/libtck-harness.la
tck_libtck_harness_la_SOURCES = \
	tck/cli.h \
	tck/cmd-run.c \
	tck/cmd-capabilities.c \
	tck/cmd-report.c \
	tck/exit-codes.c \
	tck/exit-codes.h \
	tck/registry.c \
	tck/registry.h \
	tck/runner.c \
	tck/runner.h \
	tck/runner-job.c \
	tck/runner-job.h \
	tck/runner-done.c \
	tck/durations.c \
	tck/durations.h \
	tck/tap-parser.c \
	tck/tap-parser.h \
	tck/results.c \
	tck/results.h \
	tck/results-from-tap.c \
	tck/results-from-tap.h \
	tck/cleanup.c \
	tck/cleanup.h \
	tck/preflight.c \
	tck/preflight.h \
	tck/formats.c \
	tck/formats.h \
	tck/format-text.c \
	tck/format-tap.c \
	tck/format-xml.c \
	tck/format-junit.c \
	tck/format-html.c \
	tck/format-mask.c \
	tck/report.h \
	tck/report-util.c \
	tck/report-util.h \
	tck/report-matrix.c \
	tck/report-matrix.h \
	tck/report-read.c \
	tck/report-run.c \
	tck/report-run.h \
	tck/report-archive.h \
	tck/archive.c \
	tck/known-broken.c \
	tck/known-broken.h \
	tck/compare.c \
	tck/compare.h \
	tck/coverage.c \
	tck/coverage.h \
	tck/sandbox.c \
	tck/sandbox.h \
	tck/sandbox-xen.c \
	tck/outputs.c \
	tck/outputs.h \
	tck/fleet.c \
	tck/fleet.h \
	tck/fleet-report.c \
	tck/progress.c \
	tck/progress.h \
	tck/sandbox-route.c \
	tck/canary.c \
	tck/canary.h

bin_PROGRAMS += tck/libvirt-tck
tck_libvirt_tck_SOURCES = tck/main.c
tck_libvirt_tck_LDADD = $(TCK_HARNESS_LIBS)

## libvirt-tck-sandbox: a private libvirtd in new namespaces, used by
## `libvirt-tck --sandbox`, CI and the live tests.
bin_PROGRAMS += tck/libvirt-tck-sandbox
tck_libvirt_tck_sandbox_SOURCES = tck/sandbox-main.c
tck_libvirt_tck_sandbox_LDADD = $(TCK_HARNESS_LIBS)

## The KVM canary: a libtck test program the harness runs before the
## first guest test when the plan uses KVM (tck/canary.c).
pkglibexec_PROGRAMS = tck/libvirt-tck-kvm-canary
tck_libvirt_tck_kvm_canary_SOURCES = tck/kvm-canary.c
tck_libvirt_tck_kvm_canary_LDADD = $(TCK_CORE_LIBS)

## The keeper: leads each test's process group, reaps its orphans and
## dies with the harness (tck/keeper-main.c; spawned by runner-job.c).
pkglibexec_PROGRAMS += tck/libvirt-tck-keeper
tck_libvirt_tck_keeper_SOURCES = tck/keeper-main.c
tck_libvirt_tck_keeper_LDADD = $(top_builddir)/util/libtck-util.la $(TCK_DEP_LIBS)

## The schema of the native report, installed beside the program's data;
## the JUnit schema is what our tests validate the junit format against.
tckreportschemadir = $(pkgdatadir)/schemas
dist_tckreportschema_DATA = \
	tck/schemas/report.rng \
	tck/schemas/junit.xsd
