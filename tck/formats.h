/*
 * formats.h — the output formats: each is a formatter over the results
 * model (TckRun), chosen from one table by name.  A new format is one
 * new file and one new row.
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include "results.h"

typedef struct {
    gboolean verbose;          /* -v: full TAP streams and diagnostics */
    gboolean quiet;            /* -q: failures and the closing line only */
    gboolean lines_printed;    /* the per-test lines were already shown live */
} TckFormatOptions;

typedef struct _TckCompare TckCompare;

typedef gboolean (*TckFormatFunc)(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
/* A comparison of two runs (report compare) in a format. */
typedef gboolean (*TckFormatCompareFunc)(const TckCompare *cmp, const TckFormatOptions *opts, FILE *out,
                                         GError **error);

typedef struct {
    const char *name;
    const char *summary;
    TckFormatFunc write;
    TckFormatCompareFunc write_compare;   /* NULL: the format has no comparison form */
} TckFormat;

/* The format called @name, or NULL. */
const TckFormat *tck_format_find(const char *name);
/* "text, tap, ..." for --help and error messages (transfer full); with
 * @compare, only the formats that write a comparison. */
char *tck_format_names(void);
char *tck_format_compare_names(void);

/* The formatters. */
gboolean tck_format_text(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_tap(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_xml(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_junit(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_html(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_mask(const TckRun *run, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_compare_text(const TckCompare *cmp, const TckFormatOptions *opts, FILE *out, GError **error);
gboolean tck_format_compare_html(const TckCompare *cmp, const TckFormatOptions *opts, FILE *out, GError **error);

/* Writes @text to @out; a write error is reported naming @what. */
gboolean tck_format_write_string(const char *text, FILE *out, const char *what, GError **error);

/* The text format's line for one test, as shown live while the run goes on. */
void tck_format_text_test_line(const TckTestResult *result, FILE *out);

/* Tests counted as passed, failed (fail + error + xpass is not a failure) and skipped. */
void tck_format_totals(const TckRun *run, guint *passed, guint *failed, guint *skipped);
