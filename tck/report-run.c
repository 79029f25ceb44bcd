/*
 * report-run.c — the run command's report options: loads known-broken
 * files before anything runs, picks the failed tests of a stored run for
 * --rerun-failed, and after the run (even an interrupted one) fills the
 * config metadata, applies known-broken and writes the results archive.
 */
#include <config.h>

#include <string.h>

#include <tck/caps.h>
#include <tck/error.h>
#include <tck/guest.h>
#include <tck/protocol.h>

#include "report.h"
#include "report-archive.h"
#include "report-run.h"
#include "report-util.h"
#include "registry.h"

void
tck_report_run_add_options(GOptionContext *ctx, TckReportRunOptions *o)
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

    /* GOption copies the entries: a local table is enough. */
    g_option_context_add_main_entries(ctx, entries, NULL);
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
tck_report_run_prepare(TckReportRunOptions *o, TckConfig *config, gboolean *nothing_to_do, GError **error)
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
        g_autoptr(GStrvBuilder) names = g_strv_builder_new();
        guint n = 0;

        if (!old)
            return FALSE;
        for (i = 0; i < old->tests->len; i++) {
            const TckTestResult *t = g_ptr_array_index(old->tests, i);

            if (!tck_status_is_failure(t->status))
                continue;
            g_strv_builder_add(names, t->name);
            n++;
        }
        if (n == 0) {
            *nothing_to_do = TRUE;
            return TRUE;
        }
        o->rerun_names = g_strv_builder_end(names);
    }
    return TRUE;
}

GPtrArray *
tck_report_run_select(TckReportRunOptions *o, GPtrArray *all, GStrv patterns, GError **error)
{
    g_autoptr(GPtrArray) sel = NULL;
    g_autoptr(GPtrArray) unknown = g_ptr_array_new();

    if (!o->rerun_names || (patterns && patterns[0]))
        sel = tck_registry_select(all, patterns, error);
    else
        sel = g_ptr_array_new_with_free_func((GDestroyNotify) tck_test_entry_free);
    if (!sel || !o->rerun_names)
        return g_steal_pointer(&sel);
    tck_registry_add_named(all, o->rerun_names, sel, unknown);
    for (guint i = 0; i < unknown->len; i++) {
        g_autofree char *shown = g_strescape(g_ptr_array_index(unknown, i), NULL);

        g_printerr("libvirt-tck: %s: '%s' is not a test of this registry: not rerun\n",
                   o->rerun_failed, shown);
    }
    if (sel->len == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND,
                    "%s: none of the tests to rerun is a test of this registry", o->rerun_failed);
        return NULL;
    }
    return g_steal_pointer(&sel);
}

void
tck_report_run_test_done(TckReportRunOptions *o, const TckRunMeta *meta, TckTestResult *test)
{
    if (o->kb)
        tck_known_broken_apply_test(o->kb, meta, test);
}

/* The sandbox's daemon logs, newest 8 MiB of each, or NULL when not sandboxed. */
static char *
read_sandbox_logs(void)
{
    static const char *const logs[] = { "libvirtd.log", "virtlogd.log" };
    const char *dir = g_getenv("TCK_SANDBOX_LOG_DIR");
    GString *out;
    guint i;

    if (!dir)
        return NULL;
    out = g_string_new(NULL);
    for (i = 0; i < G_N_ELEMENTS(logs); i++) {
        g_autofree char *path = g_build_filename(dir, logs[i], NULL);
        g_autofree char *text = NULL;
        gsize len = 0;
        const gsize max = 8 * 1024 * 1024;

        /* A log that cannot be read is not worth failing the run for. */
        if (!g_file_get_contents(path, &text, &len, NULL))
            continue;
        g_string_append_printf(out, "==> %s%s <==\n", path, len > max ? " (last 8 MiB)" : "");
        g_string_append(out, len > max ? text + len - max : text);
        if (len && text[len - 1] != '\n')
            g_string_append_c(out, '\n');
    }
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

static void
free_gstring(gpointer s)
{
    g_string_free(s, TRUE);
}

static gint
name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The plans the tests left in their run directories: one text when they
 * all used the same, else each with the tests that used it. */
static char *
recorded_plans(const char *run_dir)
{
    g_autoptr(GDir) dir = g_dir_open(run_dir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func(free_gstring);
    GString *out;
    const char *name;

    while (dir && (name = g_dir_read_name(dir)))
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, name_cmp);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = g_build_filename(run_dir, names->pdata[i], TCK_PROTOCOL_PLAN_FILE, NULL);
        g_autofree char *text = NULL;
        guint j;

        if (!g_file_get_contents(path, &text, NULL, NULL))
            continue;
        for (j = 0; j < texts->len && !g_str_equal(texts->pdata[j], text); j++)
            ;
        if (j == texts->len) {
            g_ptr_array_add(texts, g_steal_pointer(&text));
            g_ptr_array_add(users, g_string_new(NULL));
        }
        g_string_append_printf(users->pdata[j], "%s%s", ((GString *) users->pdata[j])->len ? ", " : "",
                               (char *) names->pdata[i]);
    }
    if (texts->len == 0)
        return NULL;
    if (texts->len == 1)
        return g_strdup(texts->pdata[0]);
    out = g_string_new(NULL);
    for (guint j = 0; j < texts->len; j++)
        g_string_append_printf(out, "# used by %s\n%s", ((GString *) users->pdata[j])->str,
                               (char *) texts->pdata[j]);
    return g_string_free(out, FALSE);
}

void
tck_report_run_record_plan(TckRun *run, const char *run_dir, virConnectPtr conn, TckConfig *config)
{
    g_autoptr(TckGuestPlan) plan = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_clear_pointer(&run->meta.guest_plan, g_free);
    if ((run->meta.guest_plan = recorded_plans(run_dir)))
        return;
    /* No test made a guest: say so, and what this connection would give. */
    if (!(plan = tck_plan_for_connection(conn, config, &error))) {
        run->meta.guest_plan = g_strdup_printf("# no test made a guest plan\nno guest plan: %s\n",
                                               error->message);
        return;
    }
    text = tck_plan_to_text(plan);
    run->meta.guest_plan = g_strdup_printf("# no test made a guest plan; the connection's plan:\n%s", text);
}

gboolean
tck_report_run_finish(TckReportRunOptions *o, TckRun *run, TckConfig *config, GError **error)
{
    if (config && !run->meta.config_masked)
        run->meta.config_masked = tck_config_dump_masked(config);
    if (config && !run->meta.config_hash)
        run->meta.config_hash = tck_config_hash(config);
    if (!run->meta.sandbox_log)
        run->meta.sandbox_log = read_sandbox_logs();
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
    g_clear_pointer(&o->rerun_names, g_strfreev);
    g_clear_pointer(&o->kb, tck_known_broken_free);
}
