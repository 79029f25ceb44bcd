/* exit-codes.c — error codes to exit statuses and user-facing labels, in one table. */
#include <config.h>
#include <stdio.h>
#include <tck/error.h>
#include "exit-codes.h"

static const struct {
    TckErrorCode code;
    TckExitStatus status;
    const char *label;
} exit_table[] = {
    { TCK_ERROR_USAGE, TCK_EXIT_USAGE, "usage" },
    { TCK_ERROR_CONFIG, TCK_EXIT_USAGE, NULL },    /* its messages start "config FILE:LINE:" */
    { TCK_ERROR_NOT_FOUND, TCK_EXIT_USAGE, "not found" },
    { TCK_ERROR_CAPS_PARSE, TCK_EXIT_USAGE, "capabilities" },
    { TCK_ERROR_CAPS_NO_GUEST, TCK_EXIT_USAGE, "capabilities" },
    { TCK_ERROR_PLAN, TCK_EXIT_USAGE, "guest plan" },
    { TCK_ERROR_KNOWN_BROKEN, TCK_EXIT_USAGE, "known-broken" },
    { TCK_ERROR_REPORT, TCK_EXIT_USAGE, "report" },
    { TCK_ERROR_CONNECT, TCK_EXIT_SETUP, "cannot connect" },
    { TCK_ERROR_SETUP, TCK_EXIT_SETUP, "setup" },
    { TCK_ERROR_SANDBOX, TCK_EXIT_SETUP, "sandbox" },
    { TCK_ERROR_LIBVIRT, TCK_EXIT_SETUP, "libvirt" },
    { TCK_ERROR_IO, TCK_EXIT_SETUP, "I/O" },
    { TCK_ERROR_NO_SPACE, TCK_EXIT_SETUP, "no space" },
    { TCK_ERROR_PERMISSION, TCK_EXIT_SETUP, "permission" },
    { TCK_ERROR_TEST, TCK_EXIT_SETUP, "test" },
};

static gsize
find(const GError *error)
{
    if (error && error->domain == TCK_ERROR)
        for (gsize i = 0; i < G_N_ELEMENTS(exit_table); i++)
            if ((int)exit_table[i].code == error->code)
                return i;
    return G_N_ELEMENTS(exit_table);
}

TckExitStatus
tck_exit_status_for(const GError *error)
{
    gsize i = find(error);
    return i < G_N_ELEMENTS(exit_table) ? exit_table[i].status : TCK_EXIT_SETUP;
}

TckExitStatus
tck_exit_report(const GError *error)
{
    gsize i = find(error);
    const char *label = i < G_N_ELEMENTS(exit_table) ? exit_table[i].label : "error";

    fprintf(stderr, "libvirt-tck: %s%s%s\n", label ? label : "", label ? ": " : "",
            error ? error->message : "unknown error");
    return tck_exit_status_for(error);
}

char *
tck_exit_help(const TckExitDoc *rows, gsize n)
{
    GString *s = g_string_new("Exit status:\n");

    for (gsize i = 0; i < n; i++) {
        g_auto(GStrv) lines = g_strsplit(rows[i].meaning, "\n", -1);

        for (guint j = 0; lines[j]; j++) {
            if (j == 0)
                g_string_append_printf(s, "  %3d  %s\n", rows[i].status, lines[j]);
            else
                g_string_append_printf(s, "       %s\n", lines[j]);
        }
    }
    return g_string_free(s, FALSE);
}
