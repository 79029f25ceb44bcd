/*
 * report-run.c — the run command's report options: loads known-broken
 * files before anything runs, picks the failed tests of a stored run for
 * --rerun-failed, and after the run (even an interrupted one) fills the
 * config metadata, applies known-broken and writes the results archive.
 */
#include <config.h>

#include <tck/error.h>

#include "report.h"
#include "report-archive.h"
#include "report-run.h"
#include "report-util.h"

GOptionGroup *
tck_report_run_option_group(TckReportRunOptions *o)
{
    GOptionEntry entries[] = {
        { "archive", 'a', 0, G_OPTION_ARG_FILENAME, &o->archive,
          "Write a results archive (.tar.gz): reports, raw TAP, logs, metadata", "FILE" },
        { "known-broken", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->known_broken,
          "Expected failures (YAML), repeatable; also the config key known_broken", "FILE" },
        { "rerun-failed", 0, 0, G_OPTION_ARG_FILENAME, &o->rerun_failed,
          "Run the tests that failed in a stored run (archive or XML report)", "RUN" },
        { NULL },
    };
    GOptionGroup *group = g_option_group_new("report", "Report options:",
                                             "Show the report options", NULL, NULL);

    g_option_group_add_entries(group, entries);
    return group;
}

static gboolean
load_config_known_broken(TckKnownBroken *kb, TckConfig *config, GError **error)
{
    g_auto(GStrv) files = config ? tck_config_get_strv(config, "known_broken") : NULL;
    const char *cfg_path = config ? tck_config_get_path(config) : NULL;
    g_autofree char *base = cfg_path ? g_path_get_dirname(cfg_path) : g_get_current_dir();
    guint i;

    for (i = 0; files && files[i]; i++) {
        g_autofree char *path = g_path_is_absolute(files[i]) ? g_strdup(files[i])
                                : g_build_filename(base, files[i], NULL);

        if (!tck_known_broken_load(kb, path, error))
            return FALSE;
    }
    return TRUE;
}

gboolean
tck_report_run_prepare(TckReportRunOptions *o, TckConfig *config, char ***tests,
                       gboolean *nothing_to_do, GError **error)
{
    guint i;

    *nothing_to_do = FALSE;
    o->kb = tck_known_broken_new();
    if (!load_config_known_broken(o->kb, config, error))
        return FALSE;
    for (i = 0; o->known_broken && o->known_broken[i]; i++) {
        if (!tck_known_broken_load(o->kb, o->known_broken[i], error))
            return FALSE;
    }

    if (o->rerun_failed) {
        g_autoptr(TckRun) old = tck_report_read(o->rerun_failed, error);
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
        guint n = 0;

        if (!old)
            return FALSE;
        for (i = 0; *tests && (*tests)[i]; i++)
            g_ptr_array_add(names, g_strdup((*tests)[i]));
        for (i = 0; i < old->tests->len; i++) {
            const TckTestResult *t = g_ptr_array_index(old->tests, i);

            if (!tck_status_is_failure(t->status))
                continue;
            /* A test given by path (no area) is found again by its path. */
            g_ptr_array_add(names, g_strdup((!t->area || !*t->area) && t->path ? t->path : t->name));
            n++;
        }
        if (n == 0) {
            *nothing_to_do = TRUE;
            return TRUE;
        }
        g_ptr_array_add(names, NULL);
        g_strfreev(*tests);
        *tests = (char **) g_ptr_array_steal(names, NULL);
    }
    return TRUE;
}

gboolean
tck_report_run_finish(TckReportRunOptions *o, TckRun *run, TckConfig *config, GError **error)
{
    const char *sandbox_log = g_getenv("TCK_SANDBOX_LOG");

    if (config && !run->meta.config_masked)
        run->meta.config_masked = tck_config_dump_masked(config);
    if (config && !run->meta.config_hash)
        run->meta.config_hash = tck_config_hash(config);
    if (sandbox_log && !run->meta.sandbox_log) {
        char *text = NULL;

        /* A log that cannot be read is not worth failing the run for. */
        if (g_file_get_contents(sandbox_log, &text, NULL, NULL))
            run->meta.sandbox_log = text;
    }
    if (o->kb)
        tck_known_broken_apply(o->kb, run);
    if (o->archive && !tck_archive_write(run, o->archive, error))
        return FALSE;
    return TRUE;
}

void
tck_report_run_options_clear(TckReportRunOptions *o)
{
    g_clear_pointer(&o->archive, g_free);
    g_clear_pointer(&o->known_broken, g_strfreev);
    g_clear_pointer(&o->rerun_failed, g_free);
    g_clear_pointer(&o->kb, tck_known_broken_free);
}
