/* registry.c — finding test programs, describing them and selecting them. */
#include <config.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <tck/error.h>
#include <tck/protocol.h>
#include "registry.h"

void
tck_test_entry_free(TckTestEntry *e)
{
    if (!e)
        return;
    g_free(e->name);
    g_free(e->area);
    g_free(e->path);
    g_free(e->summary);
    g_strfreev(e->needs);
    g_strfreev(e->exclusive);
    g_free(e);
}

static TckTestEntry *
entry_copy(const TckTestEntry *e)
{
    TckTestEntry *c = g_new0(TckTestEntry, 1);
    c->name = g_strdup(e->name);
    c->area = g_strdup(e->area);
    c->path = g_strdup(e->path);
    c->native = e->native;
    c->summary = g_strdup(e->summary);
    c->plan = e->plan;
    c->needs = g_strdupv(e->needs);
    c->exclusive = g_strdupv(e->exclusive);
    return c;
}

char *
tck_registry_suites_dir(const char *override)
{
    const char *env = g_getenv("LIBVIRT_TCK_SUITES_DIR");
    g_autofree char *exe = NULL;
    g_autofree char *exe_dir = NULL;

    if (override && *override)
        return g_strdup(override);
    if (env && *env)
        return g_strdup(env);
    /* Run from the build tree: use the suites built next to us. */
    exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        exe_dir = g_path_get_dirname(exe);
        if (g_str_equal(exe_dir, ABS_TOP_BUILDDIR "/tck") ||
            g_str_equal(exe_dir, ABS_TOP_BUILDDIR "/tck/.libs"))
            return g_strdup(ABS_TOP_BUILDDIR "/suites");
    }
    return g_strdup(PKGLIBEXECDIR "/suites");
}

/* Build products and sources that live next to test programs in a build tree. */
static gboolean
looks_like_test(const char *dir, const char *file)
{
    static const char *const skip_suffixes[] = { ".c", ".h", ".o", ".lo", ".la", ".log", ".trs", ".in", ".am", ".mk" };
    g_autofree char *path = NULL;

    if (file[0] == '.')
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(skip_suffixes); i++)
        if (g_str_has_suffix(file, skip_suffixes[i]))
            return FALSE;
    path = g_build_filename(dir, file, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    return g_str_has_suffix(file, ".t") || g_file_test(path, G_FILE_TEST_IS_EXECUTABLE);
}

static gint
entry_cmp(gconstpointer a, gconstpointer b)
{
    const TckTestEntry *ea = *(TckTestEntry *const *)a;
    const TckTestEntry *eb = *(TckTestEntry *const *)b;
    return strcmp(ea->name, eb->name);
}

GPtrArray *
tck_registry_discover(const char *suites_dir, GError **error)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func((GDestroyNotify)tck_test_entry_free);
    g_autoptr(GDir) top = NULL;
    g_autoptr(GError) local = NULL;
    const char *area;

    if (!(top = g_dir_open(suites_dir, 0, &local))) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND,
                    "no test suites in %s: %s", suites_dir, local->message);
        return NULL;
    }
    while ((area = g_dir_read_name(top))) {
        g_autofree char *area_dir = g_build_filename(suites_dir, area, NULL);
        g_autoptr(GDir) dir = NULL;
        const char *file;

        if (area[0] == '.' || !g_file_test(area_dir, G_FILE_TEST_IS_DIR))
            continue;
        if (!(dir = g_dir_open(area_dir, 0, NULL)))
            continue;
        while ((file = g_dir_read_name(dir))) {
            TckTestEntry *e;
            if (!looks_like_test(area_dir, file))
                continue;
            e = g_new0(TckTestEntry, 1);
            e->area = g_strdup(area);
            e->name = g_strdup_printf("%s/%s", area, file);
            e->path = g_build_filename(area_dir, file, NULL);
            /* declared by the program (libtck puts it in), never guessed */
            e->native = tck_protocol_declared(e->path);
            g_ptr_array_add(all, e);
        }
    }
    g_ptr_array_sort(all, entry_cmp);
    return g_steal_pointer(&all);
}

/* A pattern names a file outside the registry: "./x.t", "/abs/path", "dir/x.sh". */
static gboolean
is_explicit_path(const char *pattern)
{
    return (strchr(pattern, '/') || g_str_has_suffix(pattern, ".t") || g_str_has_suffix(pattern, ".sh")) &&
           g_file_test(pattern, G_FILE_TEST_IS_REGULAR);
}

static gboolean
entry_matches(const TckTestEntry *e, const char *pattern)
{
    const char *base = strrchr(e->name, '/');

    base = base ? base + 1 : e->name;
    if (g_str_equal(pattern, e->name) || g_str_equal(pattern, e->area) || g_str_equal(pattern, base))
        return TRUE;
    if (g_str_has_suffix(pattern, "/") && strncmp(pattern, e->name, strlen(pattern)) == 0)
        return TRUE;
    return fnmatch(pattern, e->name, FNM_PATHNAME) == 0 || fnmatch(pattern, base, 0) == 0;
}

GPtrArray *
tck_registry_select(GPtrArray *all, GStrv patterns, GError **error)
{
    g_autoptr(GPtrArray) sel = g_ptr_array_new_with_free_func((GDestroyNotify)tck_test_entry_free);
    g_autoptr(GHashTable) taken = g_hash_table_new(g_str_hash, g_str_equal);

    if (!patterns || !patterns[0]) {
        for (guint i = 0; i < all->len; i++)
            g_ptr_array_add(sel, entry_copy(g_ptr_array_index(all, i)));
        return g_steal_pointer(&sel);
    }
    for (guint p = 0; patterns[p]; p++) {
        gboolean matched = FALSE;

        for (guint i = 0; i < all->len; i++) {
            TckTestEntry *e = g_ptr_array_index(all, i);
            if (!entry_matches(e, patterns[p]))
                continue;
            matched = TRUE;
            if (!g_hash_table_contains(taken, e->path)) {
                g_hash_table_add(taken, e->path);
                g_ptr_array_add(sel, entry_copy(e));
            }
        }
        if (!matched && is_explicit_path(patterns[p])) {
            TckTestEntry *e = g_new0(TckTestEntry, 1);
            g_autofree char *abs = g_canonicalize_filename(patterns[p], NULL);
            e->name = g_strdup(patterns[p]);
            e->area = g_strdup("");
            e->path = g_steal_pointer(&abs);
            e->native = FALSE;   /* we know nothing of it: run it, read its TAP */
            matched = TRUE;
            g_ptr_array_add(sel, e);
        }
        if (!matched) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND,
                        "no test matches '%s' (try --list)", patterns[p]);
            return NULL;
        }
    }
    return g_steal_pointer(&sel);
}

/* Reads --describe output (tck/protocol.h) into @e; the name stays the registry's. */
static void
parse_description(TckTestEntry *e, const char *out)
{
    TckDescription d = {
        .summary = g_steal_pointer(&e->summary),
        .plan = e->plan,
        .needs = g_steal_pointer(&e->needs),
        .exclusive = g_steal_pointer(&e->exclusive),
    };

    tck_describe_parse(out, &d);
    e->summary = g_steal_pointer(&d.summary);
    e->plan = d.plan;
    e->needs = g_steal_pointer(&d.needs);
    e->exclusive = g_steal_pointer(&d.exclusive);
    tck_description_clear(&d);
}

gboolean
tck_registry_describe_all(GPtrArray *entries, GError **error)
{
    g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func(g_object_unref);
    g_autoptr(GPtrArray) which = g_ptr_array_new();

    /* All at once: their start-up (loading libvirt) overlaps. */
    for (guint i = 0; i < entries->len; i++) {
        TckTestEntry *e = g_ptr_array_index(entries, i);
        g_autoptr(GError) local = NULL;
        GSubprocess *p;

        if (!e->native)
            continue;
        p = g_subprocess_new(G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &local,
                             e->path, TCK_DESCRIBE_OPTION, NULL);
        if (!p) {
            tck_error_propagate_prefixed(error, g_steal_pointer(&local), TCK_ERROR_TEST,
                                         "%s --describe: ", e->path);
            return FALSE;
        }
        g_ptr_array_add(procs, p);
        g_ptr_array_add(which, e);
    }
    for (guint i = 0; i < procs->len; i++) {
        GSubprocess *p = g_ptr_array_index(procs, i);
        TckTestEntry *e = g_ptr_array_index(which, i);
        g_autofree char *out = NULL;
        g_autoptr(GError) local = NULL;

        if (!g_subprocess_communicate_utf8(p, NULL, NULL, &out, NULL, &local) ||
            !g_subprocess_get_successful(p)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_TEST, "%s --describe failed%s%s", e->path,
                        local ? ": " : "", local ? local->message : "");
            return FALSE;
        }
        parse_description(e, out ? out : "");
    }
    return TRUE;
}
