/*
 * outputs.h — where a run's reports go: the --format NAME[=FILE] specs,
 * checked and opened before the first test, and written at the end.
 *
 * stdout carries at most one format; a second one there is a usage
 * error.  Without any on stdout, the text report goes there.  The human
 * stream (run header, progress, closing line) is stdout unless a machine
 * format (tap, xml, junit, html) holds it; then it is stderr.
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include "formats.h"

typedef struct _TckOutputs TckOutputs;

/*
 * Parses @specs.  An unknown format, an empty FILE or a second format on
 * stdout is TCK_ERROR_USAGE.  With @text_by_default, the text report goes
 * to stdout when no spec does.  Transfer full.
 */
TckOutputs *tck_outputs_parse(const char *const *specs, gboolean text_by_default, GError **error);

/*
 * Opens every FILE for writing, so that a path that cannot be written
 * fails before the first test (TCK_ERROR_USAGE naming the path).
 */
gboolean tck_outputs_open(TckOutputs *outputs, GError **error);

/* Where the header, progress and closing line go: stdout unless a machine format holds it. */
FILE *tck_outputs_human(const TckOutputs *outputs);
/* TRUE when the text report is written on stdout (it prints the closing line itself). */
gboolean tck_outputs_text_on_stdout(const TckOutputs *outputs);

/* Writes each report; @lines_printed: the text lines were shown live. */
gboolean tck_outputs_write(TckOutputs *outputs, const TckRun *run, const TckFormatOptions *opts,
                           GError **error);

/* Every output's format has a comparison form; else TCK_ERROR_USAGE naming the first that has none. */
gboolean tck_outputs_can_compare(const TckOutputs *outputs, GError **error);

/* Writes each output's comparison form of @cmp (report compare). */
gboolean tck_outputs_write_compare(TckOutputs *outputs, const TckCompare *cmp, const TckFormatOptions *opts,
                                   GError **error);

void tck_outputs_free(TckOutputs *outputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckOutputs, tck_outputs_free)

/*
 * Checks that @path (@what names it in the message: "-a FILE") can be written: its
 * directory exists and is writable, and it is not itself a directory.
 * The file is not created.
 */
gboolean tck_output_path_check(const char *what, const char *path, GError **error);
