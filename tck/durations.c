/* durations.c — the last duration of each test per URI, in a key file
 * under the XDG state directory; read to start the longest tests first. */
#include <config.h>

#include <errno.h>
#include <glib/gstdio.h>

#include <tck/error.h>
#include "durations.h"
#include "registry.h"

struct _TckDurations {
    char *path;
    char *group;                /* the URI */
    GKeyFile *kf;               /* as loaded */
    GHashTable *recorded;       /* test name -> gint64 duration (us), this run's */
};

TckDurations *
tck_durations_load(const char *uri)
{
    TckDurations *d = g_new0(TckDurations, 1);

    d->path = g_build_filename(g_get_user_state_dir(), "libvirt-tck", "durations", NULL);
    d->group = g_strdup(uri && *uri ? uri : "default");
    d->kf = g_key_file_new();
    d->recorded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    /* a hint only: a missing or broken store just means no order */
    g_key_file_load_from_file(d->kf, d->path, G_KEY_FILE_NONE, NULL);
    return d;
}

void
tck_durations_free(TckDurations *d)
{
    if (!d)
        return;
    g_free(d->path);
    g_free(d->group);
    g_key_file_free(d->kf);
    g_hash_table_unref(d->recorded);
    g_free(d);
}

const char *
tck_durations_path(TckDurations *d)
{
    return d->path;
}

/* The last duration of @name in microseconds, or -1 when never timed. */
static gint64
duration_of(TckDurations *d, const char *name)
{
    g_autoptr(GError) error = NULL;
    gint64 us = g_key_file_get_int64(d->kf, d->group, name, &error);

    return error || us < 0 ? -1 : us;
}

static gint
longest_first(gconstpointer a, gconstpointer b, gpointer data)
{
    const TckTestEntry *ea = *(TckTestEntry *const *)a, *eb = *(TckTestEntry *const *)b;
    gint64 da = duration_of(data, ea->name), db = duration_of(data, eb->name);

    /* never timed (-1) sorts as the longest */
    if (da < 0 || db < 0)
        return (da >= 0) - (db >= 0);
    return da < db ? 1 : da > db ? -1 : 0;
}

void
tck_durations_order(TckDurations *d, GPtrArray *tests)
{
    /* GLib's sort is a stable merge sort */
    g_ptr_array_sort_with_data(tests, longest_first, d);
}

void
tck_durations_record(TckDurations *d, const TckRun *run)
{
    if (run->meta.interrupted)
        return;
    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *r = g_ptr_array_index(run->tests, i);

        if (r->name && r->duration_us >= 0)
            g_hash_table_insert(d->recorded, g_strdup(r->name), g_memdup2(&r->duration_us, sizeof(gint64)));
    }
}

gboolean
tck_durations_save(TckDurations *d, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(d->path);
    g_autoptr(GKeyFile) fresh = g_key_file_new();
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    GHashTableIter it;
    gpointer name, us;

    if (g_mkdir_with_parents(dir, 0755) < 0) {
        int err = errno;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot create %s: %s", dir,
                    g_strerror(err));
        return FALSE;
    }
    /* what other runs stored since we loaded stays: only our tests change */
    g_key_file_load_from_file(fresh, d->path, G_KEY_FILE_NONE, NULL);
    g_hash_table_iter_init(&it, d->recorded);
    while (g_hash_table_iter_next(&it, &name, &us))
        g_key_file_set_int64(fresh, d->group, name, *(gint64 *)us);
    data = g_key_file_to_data(fresh, &len, NULL);
    /* g_file_set_contents replaces the file atomically: a concurrent run
     * sees the old store or the new one, never half of one */
    if (!g_file_set_contents(d->path, data, len, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot write %s: %s", d->path, local->message);
        return FALSE;
    }
    return TRUE;
}
