/* formats.c — the table of output formats. */
#include <config.h>
#include <errno.h>
#include <string.h>
#include <tck/error.h>
#include "formats.h"

/* Each format: over one run, and (report compare) over a comparison of two. */
static const TckFormat formats[] = {
    { "text", "one line per test, the failures, and a closing count", tck_format_text,
      tck_format_compare_text },
    { "tap", "one TAP stream for the run; each test's own TAP with -v", tck_format_tap, NULL },
    { "xml", "the native XML report with everything, metadata included (report.rng)", tck_format_xml, NULL },
    { "junit", "JUnit XML for Jenkins and GitLab", tck_format_junit, NULL },
    { "html", "one self-contained HTML page", tck_format_html, tck_format_compare_html },
    { "mask", "what is left to fix after known-broken: failures, xfail, xpass, stale entries",
      tck_format_mask, NULL },
};

const TckFormat *
tck_format_find(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++)
        if (g_strcmp0(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

static char *
names(gboolean compare_only)
{
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++)
        if (!compare_only || formats[i].write_compare)
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", formats[i].name);
    return g_string_free(s, FALSE);
}

char *
tck_format_names(void)
{
    return names(FALSE);
}

char *
tck_format_compare_names(void)
{
    return names(TRUE);
}

void
tck_format_totals(const TckRun *run, guint *passed, guint *failed, guint *skipped)
{
    guint c[TCK_STATUS_LAST];
    guint by[3] = { 0 };

    tck_run_count(run, c);
    for (guint s = 0; s < TCK_STATUS_LAST; s++)
        by[tck_status_info(s)->counts_as] += c[s];
    *passed = by[TCK_COUNT_PASSED];
    *failed = by[TCK_COUNT_FAILED];
    *skipped = by[TCK_COUNT_SKIPPED];
}

gboolean
tck_format_write_string(const char *text, FILE *out, const char *what, GError **error)
{
    gsize len = strlen(text);

    if (fwrite(text, 1, len, out) != len || fflush(out) != 0) {
        int e = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write the %s report: %s",
                    what, g_strerror(e));
        return FALSE;
    }
    return TRUE;
}
