/*
 * tap-writer.h — writes TAP version 13 on a stream: the plan, one line
 * per check with SKIP/TODO directives, and "#" diagnostics.  It knows
 * nothing of libvirt; test.c and checks.c sit on top of it.
 */
#pragma once

#include <stdio.h>
#include <glib.h>

typedef struct _TckTapWriter TckTapWriter;

TckTapWriter *tck_tap_writer_new(FILE *out);
void tck_tap_writer_free(TckTapWriter *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTapWriter, tck_tap_writer_free)

/* "TAP version 13" (once, first). */
void tck_tap_writer_header(TckTapWriter *w);
/* "1..N"; @planned 0 with @skip_reason gives "1..0 # SKIP reason". */
void tck_tap_writer_plan(TckTapWriter *w, int planned, const char *skip_reason);
gboolean tck_tap_writer_has_plan(TckTapWriter *w);
/* One check; returns @ok.  The TODO state (if any) is applied. */
gboolean tck_tap_writer_check(TckTapWriter *w, gboolean ok, const char *description);
/* "ok N # SKIP reason", or "ok N - description # SKIP reason" (@description nullable). */
void tck_tap_writer_skip(TckTapWriter *w, const char *description, const char *reason);
/* "# line" for each line of @text. */
void tck_tap_writer_diag(TckTapWriter *w, const char *text);
/* Set (or clear with NULL) the TODO reason for the following checks. */
void tck_tap_writer_set_todo(TckTapWriter *w, const char *reason);
void tck_tap_writer_bail_out(TckTapWriter *w, const char *reason);

int tck_tap_writer_planned(TckTapWriter *w);
int tck_tap_writer_run(TckTapWriter *w);
/* Checks that failed and were not TODO. */
int tck_tap_writer_failed(TckTapWriter *w);
