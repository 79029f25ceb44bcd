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

gboolean
tck_archive_write(const TckRun *run, const char *path, GError **error)
{
    /* Made new next to @path (O_EXCL, never through a planted symlink), then renamed over it. */
    g_autofree char *tmp = g_strdup_printf("%s.tmp-XXXXXX", path);
    int fd = g_mkstemp_full(tmp, O_RDWR | O_CLOEXEC, 0644);
    g_autofree char *prefix = g_strdup_printf("libvirt-tck-%s",
                                              run->meta.run_id ? run->meta.run_id : "run");
    g_autofree char *report = tck_report_xml_to_string(run);
    g_autofree char *meta = metadata_text(run);
    Writer w = { archive_write_new(), prefix, 0, path };
    gboolean ok = FALSE;
    guint i;

    if (fd < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot create a temporary file next to it: %s", path, g_strerror(err));
        archive_write_free(w.a);
        return FALSE;
    }
    w.mtime = (run->meta.end_us ? run->meta.end_us : g_get_real_time()) / G_USEC_PER_SEC;
    if (archive_write_set_format_pax_restricted(w.a) != ARCHIVE_OK ||
        archive_write_add_filter_gzip(w.a) != ARCHIVE_OK ||
        archive_write_set_options(w.a, "gzip:!timestamp") != ARCHIVE_OK ||
        archive_write_open_fd(w.a, fd) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, tck_error_from_errno(archive_errno(w.a)),
                    "%s: cannot write archive: %s", path, archive_error_string(w.a));
        archive_write_free(w.a);
        close(fd);
        g_unlink(tmp);
        return FALSE;
    }

    if (!add_text(&w, "report.xml", report, error) ||
        !add_text(&w, "metadata.txt", meta, error) ||
        !add_text(&w, "capabilities.xml", run->meta.capabilities_xml, error) ||
        !add_text(&w, "guest-plan.txt", run->meta.guest_plan, error) ||
        !add_text(&w, "config.txt", run->meta.config_masked, error) ||
        !add_text(&w, "daemon.log", run->meta.sandbox_log, error) ||
        !add_text(&w, TCK_COVERAGE_MEMBER, run->api_coverage, error))
        goto out;

    for (i = 0; i < run->tests->len; i++) {
        const TckTestResult *test = g_ptr_array_index(run->tests, i);
        g_autofree char *tap = tck_archive_test_member(test->name, ".tap");
        g_autofree char *err = tck_archive_test_member(test->name, ".stderr");
        g_autofree char *cleanup = tck_archive_test_member(test->name, ".cleanup");

        if (!add_text(&w, tap, test->tap ? test->tap : "", error) ||
            !add_text(&w, err, test->log ? test->log : "", error) ||
            !add_text(&w, cleanup, test->cleanup_log, error))
            goto out;
    }

    /* The gzip trailer is written here: its failure is the archive's. */
    if (archive_write_close(w.a) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, tck_error_from_errno(archive_errno(w.a)),
                    "%s: cannot finish archive: %s", path, archive_error_string(w.a));
        goto out;
    }
    if (fsync(fd) < 0 || close(fd) < 0) {
        int err = errno;

        fd = -1;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot write archive: %s", path, g_strerror(err));
        goto out;
    }
    fd = -1;
    /* Never an archive its own reader refuses: report.xml is read back,
     * parsed and checked as `report render` and --rerun-failed will. */
    {
        g_autoptr(GError) local = NULL;
        TckRun *back = tck_report_read(tmp, &local);

        if (!back) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO,
                        "%s: not written: its report.xml would not read back (%s)", path,
                        local->message);
            goto out;
        }
        tck_run_free(back);
    }
    if (g_rename(tmp, path) < 0) {
        int err = errno;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(err),
                    "%s: cannot rename from %s: %s", path, tmp, g_strerror(err));
        goto out;
    }
    ok = TRUE;

 out:
    archive_write_free(w.a);
    if (fd >= 0)
        close(fd);
    if (!ok)
        g_unlink(tmp);
    return ok;
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
