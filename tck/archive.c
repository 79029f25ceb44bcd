/*
 * archive.c — writes and reads the results archive (.tar.gz, libarchive).
 * The layout is described in archive.h.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include <tck/error.h>

#include "coverage.h"
#include "report-archive.h"
#include "report.h"
#include "report-util.h"

#define ARCHIVE_MAX_REPORT (1024 * 1024 * 1024)

typedef struct {
    struct archive *a;
    const char *prefix;
    gint64 mtime;
    const char *path;
    gboolean read_back; /* a run's archive: its report.xml must read back before it is renamed */
} Writer;

/* @part with every byte outside [A-Za-z0-9._+-] made '_', appended to @out. */
static void
append_safe(GString *out, const char *part)
{
    for (const char *p = part; *p; p++)
        g_string_append_c(out, g_ascii_isalnum(*p) || strchr("._-+", *p) ? *p : '_');
}

char *
tck_archive_test_member(const char *test_name, const char *suffix)
{
    g_auto(GStrv) parts = g_strsplit(test_name, "/", -1);
    g_autoptr(GString) out = g_string_new("tests/");
    guint n = 0;

    for (guint i = 0; parts[i]; i++)
        if (parts[i][0] != '\0' && !g_str_equal(parts[i], "."))
            parts[n++] = parts[i];
        else
            g_free(parts[i]);
    parts[n] = NULL;
    /*
     * AREA/NAME keeps its shape (tests/AREA/NAME.tap), so that the
     * documented `prove --exec cat` over every tests/AREA/NAME.tap reads
     * each test; anything else (a test given by path) is one file under
     * tests/path/, its components joined by '_'.  Never "" or "..".
     */
    if (n == 2 && !g_str_equal(parts[0], "..") && !g_str_equal(parts[1], "..")) {
        append_safe(out, parts[0]);
        g_string_append_c(out, '/');
        append_safe(out, parts[1]);
    } else {
        g_string_append(out, "path/");
        for (guint i = 0; i < n; i++) {
            if (i)
                g_string_append_c(out, '_');
            append_safe(out, g_str_equal(parts[i], "..") ? "__" : parts[i]);
        }
        if (n == 0)
            g_string_append(out, "_");
    }
    g_string_append(out, suffix);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
add_member(Writer *w, const char *name, const char *data, gsize len, GError **error)
{
    g_autofree char *full = g_strdup_printf("%s/%s", w->prefix, name);
    struct archive_entry *entry = archive_entry_new();
    gboolean ok = TRUE;

    archive_entry_set_pathname(entry, full);
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, len);
    archive_entry_set_mtime(entry, w->mtime, 0);
    if (archive_write_header(w->a, entry) != ARCHIVE_OK ||
        (len > 0 && archive_write_data(w->a, data, len) != (la_ssize_t) len)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "%s: cannot add %s: %s",
                    w->path, full, archive_error_string(w->a));
        ok = FALSE;
    }
    archive_entry_free(entry);
    return ok;
}

static gboolean
add_text(Writer *w, const char *name, const char *text, GError **error)
{
    if (!text)
        return TRUE;
    return add_member(w, name, text, strlen(text), error);
}

static char *
metadata_text(const TckRun *run)
{
    static const struct {
        const char *key;
        gsize offset;
    } fields[] = {
        { "run-id", G_STRUCT_OFFSET(TckRunMeta, run_id) },
        { "uri", G_STRUCT_OFFSET(TckRunMeta, uri) },
        { "driver", G_STRUCT_OFFSET(TckRunMeta, driver) },
        { "libvirt-version", G_STRUCT_OFFSET(TckRunMeta, libvirt_version) },
        { "daemon-version", G_STRUCT_OFFSET(TckRunMeta, daemon_version) },
        { "hypervisor-version", G_STRUCT_OFFSET(TckRunMeta, hypervisor_version) },
        { "host-kernel", G_STRUCT_OFFSET(TckRunMeta, host_kernel) },
        { "host-arch", G_STRUCT_OFFSET(TckRunMeta, host_arch) },
        { "host-distro", G_STRUCT_OFFSET(TckRunMeta, host_distro) },
        { "config-hash", G_STRUCT_OFFSET(TckRunMeta, config_hash) },
    };
    GString *out = g_string_new(NULL);
    g_autofree char *start = tck_time_format_iso(run->meta.start_us);
    g_autofree char *end = tck_time_format_iso(run->meta.end_us);
    guint counts[TCK_STATUS_LAST] = { 0 };
    guint i;

    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        const char *v = G_STRUCT_MEMBER(const char *, &run->meta, fields[i].offset);

        if (v)
            g_string_append_printf(out, "%s: %s\n", fields[i].key, v);
    }
    g_string_append_printf(out, "start: %s\nend: %s\ninterrupted: %s\ntests: %u\n",
                           start, end, run->meta.interrupted ? "yes" : "no", run->tests->len);
    tck_run_count(run, counts);
    for (i = 0; i < TCK_STATUS_LAST; i++)
        g_string_append_printf(out, "%s: %u\n", tck_status_to_string(i), counts[i]);
    return g_string_free(out, FALSE);
}

/* Opens @w->path's temporary sibling for a new .tar.gz; @tmp and @fd are the caller's to finish. */
static gboolean
archive_begin(Writer *w, char **tmp, int *fd, GError **error)
{
    /* Made new next to the path (O_EXCL, never through a planted symlink), then renamed over it. */
    *tmp = g_strdup_printf("%s.tmp-XXXXXX", w->path);
    *fd = g_mkstemp_full(*tmp, O_RDWR | O_CLOEXEC, 0644);
    w->a = archive_write_new();
    if (*fd < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot create a temporary file next to it: %s", w->path, g_strerror(err));
        return FALSE;
    }
    if (archive_write_set_format_pax_restricted(w->a) != ARCHIVE_OK ||
        archive_write_add_filter_gzip(w->a) != ARCHIVE_OK ||
        archive_write_set_options(w->a, "gzip:!timestamp") != ARCHIVE_OK ||
        archive_write_open_fd(w->a, *fd) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, tck_error_from_errno(archive_errno(w->a)),
                    "%s: cannot write archive: %s", w->path, archive_error_string(w->a));
        return FALSE;
    }
    return TRUE;
}

/* Closes the archive begun by archive_begin() and renames it into place when @ok; always frees. */
static gboolean
archive_end(Writer *w, char *tmp, int fd, gboolean ok, GError **error)
{
    /* The gzip trailer is written here: its failure is the archive's. */
    if (ok && archive_write_close(w->a) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, tck_error_from_errno(archive_errno(w->a)),
                    "%s: cannot finish archive: %s", w->path, archive_error_string(w->a));
        ok = FALSE;
    }
    if (ok && (fsync(fd) < 0 || close(fd) < 0)) {
        int err = errno;

        fd = -1;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot write archive: %s", w->path, g_strerror(err));
        ok = FALSE;
    } else if (ok) {
        fd = -1;
    }
    /* Never a run archive its own reader refuses: report.xml is read back,
     * parsed and checked as `report render` and --rerun-failed will. */
    if (ok && w->read_back) {
        g_autoptr(GError) local = NULL;
        TckRun *back = tck_report_read(tmp, &local);

        if (!back) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "%s: not written: its report.xml would not read back (%s)",
                        w->path, local->message);
            ok = FALSE;
        }
        tck_run_free(back);
    }
    if (ok && g_rename(tmp, w->path) < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot rename from %s: %s", w->path, tmp, g_strerror(err));
        ok = FALSE;
    }
    archive_write_free(w->a);
    if (fd >= 0)
        close(fd);
    if (!ok && tmp)
        g_unlink(tmp);
    g_free(tmp);
    return ok;
}

/* Every member of @run under @w->prefix (see the layout in report-archive.h). */
static gboolean
add_run(Writer *w, const TckRun *run, GError **error)
{
    g_autofree char *report = tck_report_xml_to_string(run);
    g_autofree char *meta = metadata_text(run);

    if (!add_text(w, "report.xml", report, error) ||
        !add_text(w, "metadata.txt", meta, error) ||
        !add_text(w, "capabilities.xml", run->meta.capabilities_xml, error) ||
        !add_text(w, "guest-plan.txt", run->meta.guest_plan, error) ||
        !add_text(w, "config.txt", run->meta.config_masked, error) ||
        !add_text(w, "daemon.log", run->meta.sandbox_log, error) ||
        !add_text(w, TCK_COVERAGE_MEMBER, run->api_coverage, error))
        return FALSE;

    for (guint i = 0; i < run->tests->len; i++) {
        const TckTestResult *test = g_ptr_array_index(run->tests, i);
        g_autofree char *tap = tck_archive_test_member(test->name, ".tap");
        g_autofree char *err = tck_archive_test_member(test->name, ".stderr");
        g_autofree char *cleanup = tck_archive_test_member(test->name, ".cleanup");

        if (!add_text(w, tap, test->tap ? test->tap : "", error) ||
            !add_text(w, err, test->log ? test->log : "", error) ||
            !add_text(w, cleanup, test->cleanup_log, error))
            return FALSE;
    }
    return TRUE;
}

gboolean
tck_archive_write(const TckRun *run, const char *path, GError **error)
{
    g_autofree char *prefix = g_strdup_printf("libvirt-tck-%s",
                                              run->meta.run_id ? run->meta.run_id : "run");
    Writer w = { NULL, prefix, 0, path, TRUE };
    char *tmp = NULL;
    int fd = -1;
    gboolean ok;

    w.mtime = (run->meta.end_us ? run->meta.end_us : g_get_real_time()) / G_USEC_PER_SEC;
    ok = archive_begin(&w, &tmp, &fd, error) && add_run(&w, run, error);
    return archive_end(&w, tmp, fd, ok, error) && ok;
}

gboolean
tck_archive_write_fleet(const char *fleet_id, const char *index_text, const TckArchiveHost *hosts,
                        guint n_hosts, const char *path, GError **error)
{
    g_autofree char *top = g_strdup_printf("libvirt-tck-fleet-%s", fleet_id);
    Writer w = { NULL, top, g_get_real_time() / G_USEC_PER_SEC, path, FALSE };
    char *tmp = NULL;
    int fd = -1;
    gboolean ok = archive_begin(&w, &tmp, &fd, error) && add_text(&w, "fleet.txt", index_text, error);

    for (guint i = 0; ok && i < n_hosts; i++) {
        g_autoptr(GString) dir = g_string_new(NULL);

        g_string_append_printf(dir, "%s/hosts/", top);
        append_safe(dir, hosts[i].dir);
        w.prefix = dir->str;
        ok = (!hosts[i].run || add_run(&w, hosts[i].run, error)) &&
             add_text(&w, "harness.log", hosts[i].harness_log, error);
        w.prefix = top;
    }
    return archive_end(&w, tmp, fd, ok, error) && ok;
}

gboolean
tck_archive_sniff(const char *path)
{
    unsigned char buf[512];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return FALSE;
    n = read(fd, buf, sizeof(buf));
    close(fd);
    if (n >= 2 && buf[0] == 0x1f && buf[1] == 0x8b)
        return TRUE;
    return n >= 262 && memcmp(buf + 257, "ustar", 5) == 0;
}

/* "MEMBER" or "TOPDIR/MEMBER". */
static gboolean
is_member(const char *name, const char *member)
{
    const char *slash;

    if (g_str_has_prefix(name, "./"))
        name += 2;
    slash = strchr(name, '/');
    if (!slash)
        return g_str_equal(name, member);
    return g_str_equal(slash + 1, member);
}

void
tck_archive_host_report_free(TckArchiveHostReport *h)
{
    if (!h)
        return;
    g_free(h->dir);
    g_free(h->report);
    g_free(h);
}

/* "hosts/DIR/report.xml" under the top directory: DIR, else NULL. */
static char *
fleet_host_of(const char *name)
{
    const char *slash, *rest;
    g_auto(GStrv) parts = NULL;

    if (g_str_has_prefix(name, "./"))
        name += 2;
    if (!(slash = strchr(name, '/')))
        return NULL;
    rest = slash + 1;
    parts = g_strsplit(rest, "/", 4);
    if (g_strv_length(parts) != 3 || !g_str_equal(parts[0], "hosts") || !*parts[1] ||
        !g_str_equal(parts[2], "report.xml"))
        return NULL;
    return g_strdup(parts[1]);
}

GPtrArray *
tck_archive_read_fleet(const char *path, gboolean *is_fleet, GError **error)
{
    g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func((GDestroyNotify) tck_archive_host_report_free);
    struct archive *a = archive_read_new();
    struct archive_entry *entry;
    int r;

    *is_fleet = FALSE;
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, path, 64 * 1024) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: cannot open archive: %s", path,
                    archive_error_string(a));
        archive_read_free(a);
        return NULL;
    }
    while ((r = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
        const char *name = archive_entry_pathname(entry);
        g_autofree char *dir = name ? fleet_host_of(name) : NULL;
        la_int64_t size = archive_entry_size(entry);
        TckArchiveHostReport *h;

        if (name && is_member(name, "fleet.txt"))
            *is_fleet = TRUE;
        if (!dir)
            continue;
        if (size < 0 || size > ARCHIVE_MAX_REPORT) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: hosts/%s/report.xml has an unusable size",
                        path, dir);
            archive_read_free(a);
            return NULL;
        }
        h = g_new0(TckArchiveHostReport, 1);
        h->dir = g_steal_pointer(&dir);
        h->report = g_malloc((gsize) size + 1);
        g_ptr_array_add(hosts, h);
        if (archive_read_data(a, h->report, (size_t) size) != size) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: hosts/%s/report.xml is truncated: %s", path,
                        h->dir, archive_error_string(a));
            archive_read_free(a);
            return NULL;
        }
        h->report[size] = '\0';
        h->len = (gsize) size;
    }
    if (r != ARCHIVE_EOF) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: corrupt archive: %s", path, archive_error_string(a));
        archive_read_free(a);
        return NULL;
    }
    archive_read_free(a);
    if (!*is_fleet)
        g_ptr_array_set_size(hosts, 0);
    return g_steal_pointer(&hosts);
}

char *
tck_archive_read_report(const char *path, gsize *len, GError **error)
{
    return tck_archive_read_member(path, "report.xml", len, error);
}

char *
tck_archive_read_member(const char *path, const char *member, gsize *len, GError **error)
{
    struct archive *a = archive_read_new();
    struct archive_entry *entry;
    char *ret = NULL;
    int r;

    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, path, 64 * 1024) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: cannot open archive: %s",
                    path, archive_error_string(a));
        archive_read_free(a);
        return NULL;
    }
    while ((r = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
        la_int64_t size = archive_entry_size(entry);
        la_ssize_t got;

        if (!is_member(archive_entry_pathname(entry), member))
            continue;
        if (size < 0 || size > ARCHIVE_MAX_REPORT) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                        "%s: %s has an unusable size", path, member);
            break;
        }
        ret = g_malloc(size + 1);
        got = archive_read_data(a, ret, size);
        if (got != size) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                        "%s: %s is truncated: %s", path, member,
                        got < 0 ? archive_error_string(a) : "short read");
            g_clear_pointer(&ret, g_free);
            break;
        }
        ret[size] = '\0';
        *len = size;
        break;
    }
    if (!ret && r != ARCHIVE_OK && r != ARCHIVE_EOF && !(error && *error))
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT, "%s: corrupt archive: %s",
                    path, archive_error_string(a));
    else if (!ret && !(error && *error))
        g_set_error(error, TCK_ERROR, TCK_ERROR_REPORT,
                    "%s: no %s in the archive; not a libvirt-tck results archive", path, member);
    archive_read_free(a);
    return ret;
}
