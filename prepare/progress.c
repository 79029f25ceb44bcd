/* progress.c — what libvirt-tck-prepare tells the user while it works: a
 * progress bar (bytes, rate, ETA) on a TTY, a plain line every 10% (or
 * 5 s) otherwise, nothing at all with -q. */
#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "prepare.h"

struct _TckProgress {
    gboolean quiet;
    gboolean tty;
    char *label;
    guint64 total;
    guint64 offset;
    guint64 done;
    gint64 started;
    gint64 last_print;
    guint last_decile;
};

TckProgress *
tck_progress_new(gboolean quiet)
{
    TckProgress *pr = g_new0(TckProgress, 1);

    pr->quiet = quiet;
    pr->tty = isatty(STDERR_FILENO) && g_strcmp0(g_getenv("TERM"), "dumb") != 0;
    return pr;
}

void
tck_progress_free(TckProgress *pr)
{
    if (!pr)
        return;
    g_free(pr->label);
    g_free(pr);
}

void
tck_progress_say(TckProgress *pr, const char *fmt, ...)
{
    va_list ap;

    if (pr->quiet)
        return;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

void
tck_progress_start(TckProgress *pr, const char *label, guint64 total, guint64 offset)
{
    g_free(pr->label);
    pr->label = g_strdup(label);
    pr->total = total;
    pr->offset = offset;
    pr->done = offset;
    pr->started = g_get_monotonic_time();
    pr->last_print = pr->started;
    pr->last_decile = offset && total ? (guint)(offset * 10 / total) : 0;
    if (!pr->quiet && !pr->tty) {
        if (offset)
            fprintf(stderr, "%s: resuming at %" G_GUINT64_FORMAT " bytes\n", label, offset);
        else
            fprintf(stderr, "%s: downloading\n", label);
    }
}

void
tck_progress_set_total(TckProgress *pr, guint64 total)
{
    pr->total = total;
}

/* Sizes in IEC units (KiB, MiB), as the cache listing prints them. */
static char *
size_iec(guint64 bytes)
{
    return g_format_size_full(bytes, G_FORMAT_SIZE_IEC_UNITS);
}

static void
format_line(TckProgress *pr, GString *s)
{
    double secs = (g_get_monotonic_time() - pr->started) / 1e6;
    double rate = secs > 0 ? (pr->done - pr->offset) / secs : 0;
    g_autofree char *done = size_iec(pr->done);
    g_autofree char *rate_s = size_iec((guint64)rate);

    g_string_append_printf(s, "%s: %s", pr->label, done);
    if (pr->total) {
        g_autofree char *total = size_iec(pr->total);
        g_string_append_printf(s, " of %s (%u%%)", total, (guint)(pr->done * 100 / pr->total));
    }
    g_string_append_printf(s, " at %s/s", rate_s);
    if (pr->total && rate > 0 && pr->done < pr->total)
        g_string_append_printf(s, ", ETA %.0f s", (pr->total - pr->done) / rate);
}

void
tck_progress_update(TckProgress *pr, guint64 done)
{
    gint64 now = g_get_monotonic_time();
    g_autoptr(GString) s = NULL;

    pr->done = done;
    if (pr->quiet)
        return;
    if (pr->tty) {
        if (now - pr->last_print < 200 * 1000)
            return;
        s = g_string_new("\r");
        format_line(pr, s);
        if (pr->total) {
            guint width = 30, fill = (guint)(done * width / MAX(pr->total, 1));
            g_string_append(s, " [");
            for (guint i = 0; i < width; i++)
                g_string_append_c(s, i < fill ? '#' : '.');
            g_string_append(s, "]");
        }
        g_string_append(s, "\033[K");
        fputs(s->str, stderr);
    } else {
        guint decile = pr->total ? (guint)(done * 10 / pr->total) : 0;
        if (decile == pr->last_decile && now - pr->last_print < 5 * G_USEC_PER_SEC)
            return;
        pr->last_decile = decile;
        s = g_string_new(NULL);
        format_line(pr, s);
        fprintf(stderr, "%s\n", s->str);
    }
    pr->last_print = now;
}

void
tck_progress_end(TckProgress *pr, const char *outcome)
{
    g_autoptr(GString) s = g_string_new(NULL);

    if (pr->quiet)
        return;
    format_line(pr, s);
    fprintf(stderr, "%s%s: %s\n", pr->tty ? "\r\033[K" : "", s->str, outcome);
}
