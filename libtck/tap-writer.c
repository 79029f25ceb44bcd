/* tap-writer.c — TAP version 13 output for test programs. */
#include <config.h>
#include <string.h>
#include "tap-writer.h"

struct _TckTapWriter {
    FILE *out;
    gboolean header_done;
    int planned;          /* -1 until a plan is printed */
    int run;
    int failed;
    char *todo;
};

TckTapWriter *
tck_tap_writer_new(FILE *out)
{
    TckTapWriter *w = g_new0(TckTapWriter, 1);
    w->out = out;
    w->planned = -1;
    return w;
}

void
tck_tap_writer_free(TckTapWriter *w)
{
    if (!w)
        return;
    g_free(w->todo);
    g_free(w);
}

void
tck_tap_writer_header(TckTapWriter *w)
{
    if (w->header_done)
        return;
    fputs("TAP version 13\n", w->out);
    w->header_done = TRUE;
    fflush(w->out);
}

void
tck_tap_writer_plan(TckTapWriter *w, int planned, const char *skip_reason)
{
    tck_tap_writer_header(w);
    if (w->planned >= 0)
        return;
    w->planned = planned;
    if (planned == 0 && skip_reason)
        fprintf(w->out, "1..0 # SKIP %s\n", skip_reason);
    else
        fprintf(w->out, "1..%d\n", planned);
    fflush(w->out);
}

gboolean
tck_tap_writer_has_plan(TckTapWriter *w)
{
    return w->planned >= 0;
}

/* A description on one line, with '#' escaped so it cannot start a directive. */
static void
write_description(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '#')
            fputs("\\#", out);
        else if (*p == '\n' || *p == '\r')
            fputc(' ', out);
        else
            fputc(*p, out);
    }
}

gboolean
tck_tap_writer_check(TckTapWriter *w, gboolean ok, const char *description)
{
    tck_tap_writer_header(w);
    w->run++;
    fprintf(w->out, "%s %d", ok ? "ok" : "not ok", w->run);
    if (description && *description) {
        fputs(" - ", w->out);
        write_description(w->out, description);
    }
    if (w->todo)
        fprintf(w->out, " # TODO %s", w->todo);
    else if (!ok)
        w->failed++;
    fputc('\n', w->out);
    fflush(w->out);
    return ok;
}

void
tck_tap_writer_skip(TckTapWriter *w, const char *description, const char *reason)
{
    tck_tap_writer_header(w);
    w->run++;
    fprintf(w->out, "ok %d", w->run);
    if (description && *description) {
        fputs(" - ", w->out);
        write_description(w->out, description);
    }
    fputs(" # SKIP ", w->out);
    write_description(w->out, reason ? reason : "");
    fputc('\n', w->out);
    fflush(w->out);
}

void
tck_tap_writer_diag(TckTapWriter *w, const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text ? text : "", "\n", -1);

    tck_tap_writer_header(w);
    for (guint i = 0; lines[i]; i++) {
        /* A trailing newline gives an empty last piece: not a line. */
        if (!lines[i + 1] && !*lines[i] && i > 0)
            break;
        fprintf(w->out, "#%s%s\n", *lines[i] ? " " : "", lines[i]);
    }
    fflush(w->out);
}

void
tck_tap_writer_set_todo(TckTapWriter *w, const char *reason)
{
    g_free(w->todo);
    w->todo = reason ? g_strdup(*reason ? reason : "not implemented") : NULL;
}

void
tck_tap_writer_bail_out(TckTapWriter *w, const char *reason)
{
    tck_tap_writer_header(w);
    fprintf(w->out, "Bail out! %s\n", reason ? reason : "");
    fflush(w->out);
}

int tck_tap_writer_planned(TckTapWriter *w) { return w->planned; }
int tck_tap_writer_run(TckTapWriter *w) { return w->run; }
int tck_tap_writer_failed(TckTapWriter *w) { return w->failed; }
