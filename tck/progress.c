/* progress.c — the run header, the live lines and the TTY status line. */
#include <config.h>

#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "formats.h"
#include "progress.h"

struct _TckProgress {
    FILE *out;
    gboolean quiet;
    gboolean tty;
    guint total;
    guint done;
    GHashTable *running;       /* name -> start time (monotonic µs, boxed) */
    GPtrArray *order;          /* running names, in start order (owned by @running) */
    gint64 last_draw_us;
    gboolean drawn;
};

TckProgress *
tck_progress_new(FILE *out, gboolean quiet, guint total)
{
    TckProgress *p = g_new0(TckProgress, 1);
    const char *term = g_getenv("TERM");

    p->out = out;
    p->quiet = quiet;
    p->total = total;
    p->tty = !quiet && isatty(fileno(out)) && !(term && g_str_equal(term, "dumb"));
    p->running = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    p->order = g_ptr_array_new();
    return p;
}

void
tck_progress_header(TckProgress *p, const TckRunMeta *m)
{
    if (p->quiet)
        return;
    fprintf(p->out, "Testing %s: driver %s %s (libvirt %s, daemon %s); run %s, %u test%s\n",
            m->uri, m->driver ? m->driver : "unknown",
            m->hypervisor_version ? m->hypervisor_version : "(no version)",
            m->libvirt_version ? m->libvirt_version : "?", m->daemon_version ? m->daemon_version : "?",
            m->run_id, p->total, p->total == 1 ? "" : "s");
    fflush(p->out);
}

static void
clear_status(TckProgress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", p->out);
        p->drawn = FALSE;
    }
}

static void
draw(TckProgress *p)
{
    gint64 now = g_get_monotonic_time();
    g_autoptr(GString) line = g_string_new(NULL);

    p->last_draw_us = now;
    clear_status(p);
    if (p->order->len == 0)
        return;
    g_string_append_printf(line, "[%u/%u] running", p->done, p->total);
    for (guint i = 0; i < p->order->len && i < 3; i++) {
        const char *name = g_ptr_array_index(p->order, i);
        gint64 *start = g_hash_table_lookup(p->running, name);

        g_string_append_printf(line, "%s %s (%" G_GINT64_FORMAT " s)", i ? "," : "", name,
                               (now - *start) / G_USEC_PER_SEC);
    }
    if (p->order->len > 3)
        g_string_append_printf(line, " and %u more", p->order->len - 3);
    {
        /* One terminal row, or "\r" cannot take it back. */
        struct winsize ws = { 0 };

        if (ioctl(fileno(p->out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 && line->len >= ws.ws_col)
            g_string_truncate(line, ws.ws_col - 1);
    }
    fputs(line->str, p->out);
    fflush(p->out);
    p->drawn = TRUE;
}

void
tck_progress_started(TckProgress *p, const char *name)
{
    gint64 *start = g_new(gint64, 1);
    char *key = g_strdup(name);

    *start = g_get_monotonic_time();
    g_hash_table_replace(p->running, key, start);
    g_ptr_array_add(p->order, key);
    if (p->tty)
        draw(p);
}

void
tck_progress_done(TckProgress *p, const TckTestResult *r, gboolean verbose)
{
    gpointer key = NULL;

    if (g_hash_table_lookup_extended(p->running, r->name, &key, NULL)) {
        g_ptr_array_remove(p->order, key);
        g_hash_table_remove(p->running, r->name);
    }
    p->done++;
    clear_status(p);
    if (verbose && r->tap) {
        fprintf(p->out, "# %s\n", r->name);
        fputs(r->tap, p->out);
        if (*r->tap && r->tap[strlen(r->tap) - 1] != '\n')
            fputc('\n', p->out);
    }
    if (!p->quiet)
        tck_format_text_test_line(r, p->out);
    if (p->tty)
        draw(p);
}

void
tck_progress_tick(TckProgress *p)
{
    if (p->tty && g_get_monotonic_time() - p->last_draw_us >= G_USEC_PER_SEC)
        draw(p);
}

void
tck_progress_finish(TckProgress *p)
{
    clear_status(p);
    fflush(p->out);
}

void
tck_progress_free(TckProgress *p)
{
    if (!p)
        return;
    g_ptr_array_unref(p->order);
    g_hash_table_unref(p->running);
    g_free(p);
}
