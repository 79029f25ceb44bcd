/* registry.c — finding test programs, describing them and selecting them. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
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
    g_free(e->describe_error);
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
    c->describe_error = g_strdup(e->describe_error);
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

void
tck_registry_add_named(GPtrArray *all, GStrv names, GPtrArray *into, GPtrArray *unknown)
{
    for (guint n = 0; names && names[n]; n++) {
        gboolean known = FALSE;

        for (guint i = 0; i < all->len && !known; i++) {
            TckTestEntry *e = g_ptr_array_index(all, i);
            gboolean taken = FALSE;

            if (!g_str_equal(e->name, names[n]))
                continue;
            known = TRUE;
            for (guint j = 0; j < into->len && !taken; j++)
                taken = g_str_equal(((TckTestEntry *) g_ptr_array_index(into, j))->path, e->path);
            if (!taken)
                g_ptr_array_add(into, entry_copy(e));
        }
        if (!known)
            g_ptr_array_add(unknown, names[n]);
    }
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

/* What one `--describe` may print, and how long all of them may take at most. */
#define DESCRIBE_MAX_BYTES (64 * 1024)
#define DESCRIBE_MAX_S 30

typedef struct {
    TckTestEntry *entry;
    GPid pid;
    int fd;                 /* its stdout, -1 at EOF */
    GString *out;
    gboolean reaped;
    int status;
} Describe;

static void
describe_fail(Describe *d, char *why)
{
    if (!d->entry->describe_error)
        d->entry->describe_error = why;
    else
        g_free(why);
    if (!d->reaped) {
        kill(d->pid, SIGKILL);
        while (waitpid(d->pid, &d->status, 0) < 0 && errno == EINTR)
            ;
        d->reaped = TRUE;
    }
    if (d->fd >= 0)
        close(d->fd);
    d->fd = -1;
}

static void
describe_read(Describe *d)
{
    char buf[8192];

    for (;;) {
        ssize_t n = read(d->fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            close(d->fd);
            d->fd = -1;
            return;
        }
        if (d->out->len + n > DESCRIBE_MAX_BYTES) {
            describe_fail(d, g_strdup_printf("it printed more than %d bytes", DESCRIBE_MAX_BYTES));
            return;
        }
        g_string_append_len(d->out, buf, n);
    }
}

static void
describe_end(Describe *d)
{
    if (d->entry->describe_error)
        return;
    if (WIFSIGNALED(d->status)) {
        d->entry->describe_error = g_strdup_printf("killed by signal %d", WTERMSIG(d->status));
    } else if (!WIFEXITED(d->status) || WEXITSTATUS(d->status) != 0) {
        d->entry->describe_error = g_strdup_printf("exited with status %d", WEXITSTATUS(d->status));
    } else {
        g_autofree char *text = g_utf8_make_valid(d->out->str, d->out->len);
        parse_description(d->entry, text);
    }
}

gboolean
tck_registry_describe_all(GPtrArray *entries, guint timeout_s, GError **error G_GNUC_UNUSED)
{
    g_autoptr(GArray) ds = g_array_new(FALSE, TRUE, sizeof(Describe));
    guint limit_s = MIN(MAX(timeout_s, 1), DESCRIBE_MAX_S);
    gint64 deadline = g_get_monotonic_time() + (gint64) limit_s * G_USEC_PER_SEC;
    guint pending = 0;

    /* All at once: their start-up (loading libvirt) overlaps.  One that
     * cannot describe itself is marked and not run; the others go on. */
    for (guint i = 0; i < entries->len; i++) {
        TckTestEntry *e = g_ptr_array_index(entries, i);
        const char *argv[] = { e->path, TCK_DESCRIBE_OPTION, NULL };
        g_autoptr(GError) local = NULL;
        Describe d = { e, 0, -1, NULL, FALSE, 0 };

        if (!e->native)
            continue;
        if (!g_spawn_async_with_pipes(NULL, (char **) argv, NULL,
                                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                      NULL, NULL, &d.pid, NULL, &d.fd, NULL, &local)) {
            g_free(e->describe_error);
            e->describe_error = g_strdup(local->message);
            continue;
        }
        fcntl(d.fd, F_SETFL, O_NONBLOCK);
        d.out = g_string_new(NULL);
        g_array_append_val(ds, d);
        pending++;
    }
    while (pending > 0) {
        g_autofree struct pollfd *fds = g_new0(struct pollfd, ds->len);
        gint64 now = g_get_monotonic_time();
        guint n = 0;

        for (guint i = 0; i < ds->len; i++) {
            Describe *d = &g_array_index(ds, Describe, i);
            if (d->fd >= 0)
                fds[n++] = (struct pollfd){ .fd = d->fd, .events = POLLIN };
        }
        if (now >= deadline) {
            for (guint i = 0; i < ds->len; i++) {
                Describe *d = &g_array_index(ds, Describe, i);
                if (d->fd >= 0 || !d->reaped)
                    describe_fail(d, g_strdup_printf("no answer within %u s", limit_s));
            }
        } else {
            poll(fds, n, n ? (int) MIN((deadline - now) / 1000 + 1, 50) : 20);
        }
        pending = 0;
        for (guint i = 0; i < ds->len; i++) {
            Describe *d = &g_array_index(ds, Describe, i);

            if (d->fd >= 0)
                describe_read(d);
            if (!d->reaped && d->fd < 0 && waitpid(d->pid, &d->status, WNOHANG) == d->pid) {
                d->reaped = TRUE;
                describe_end(d);
            }
            if (!d->reaped || d->fd >= 0)
                pending++;
        }
    }
    for (guint i = 0; i < ds->len; i++) {
        Describe *d = &g_array_index(ds, Describe, i);
        g_spawn_close_pid(d->pid);
        g_string_free(d->out, TRUE);
    }
    return TRUE;
}
