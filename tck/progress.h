/*
 * progress.h — what the terminal shows while a run goes on: the run
 * header, one line per finished test and, on a TTY, a status line that
 * names what runs now and for how long.  Without a TTY only plain lines
 * are printed; -q prints none of them (the closing line is the report's).
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include "results.h"

typedef struct _TckProgress TckProgress;

/*
 * @out: the human stream; @quiet: -q; @total: how many tests will run.
 * The status line is drawn only when @out is a terminal (and TERM is not
 * "dumb").  Transfer full.
 */
TckProgress *tck_progress_new(FILE *out, gboolean quiet, guint total);

/* "Testing URI: driver D V (libvirt L); run ID, N tests" — the run header. */
void tck_progress_header(TckProgress *p, const TckRunMeta *meta);
void tck_progress_started(TckProgress *p, const char *name);
/* Prints the test's line (@verbose: its TAP first). */
void tck_progress_done(TckProgress *p, const TckTestResult *r, gboolean verbose);
/* Redraws the status line (about once a second; cheap to call often). */
void tck_progress_tick(TckProgress *p);
/* Clears the status line, so the report can follow. */
void tck_progress_finish(TckProgress *p);

void tck_progress_free(TckProgress *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckProgress, tck_progress_free)
