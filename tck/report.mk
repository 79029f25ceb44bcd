## tck/report.mk — reports: native XML (and its RNG schema), JUnit, HTML,
## the results archive, known-broken files, compare, and the
## 'libvirt-tck report' subcommand.  format-text/tap.c, formats.c and
## results.c are listed in tck/local.mk.

tck_libvirt_tck_SOURCES += \
	tck/cmd-report.c \
	tck/report.h \
	tck/report-util.c \
	tck/report-util.h \
	tck/report-read.c \
	tck/report-run.c \
	tck/report-run.h \
	tck/report-archive.h \
	tck/archive.c \
	tck/format-xml.c \
	tck/format-junit.c \
	tck/format-html.c \
	tck/known-broken.c \
	tck/known-broken.h \
	tck/compare.c \
	tck/compare.h \
	tck/coverage.c \
	tck/coverage.h

## The schema of the native report, installed beside the program's data;
## the JUnit schema is what our tests validate the junit format against.
tckreportschemadir = $(pkgdatadir)/schemas
dist_tckreportschema_DATA = \
	tck/schemas/report.rng \
	tck/schemas/junit.xsd

