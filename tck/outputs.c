/* outputs.c — the run's report outputs: parsed, opened before the run, written after it. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <tck/error.h>
#include "outputs.h"

typedef struct {
    char *spec;                /* as given, for messages */
    const TckFormat *format;
    char *file;                /* NULL: stdout */
    FILE *out;
} TckOutput;

struct _TckOutputs {
    GPtrArray *items;          /* TckOutput * */
    const TckOutput *on_stdout;
};

static void
output_free(gpointer data)
{
    TckOutput *o = data;

    if (o->out && o->out != stdout)
        fclose(o->out);
    g_free(o->spec);
    g_free(o->file);
    g_free(o);
}

TckOutputs *
tck_outputs_parse(const char *const *specs, gboolean text_by_default, GError **error)
{
    static const char *const default_specs[] = { "text", NULL };
    g_autoptr(TckOutputs) outputs = g_new0(TckOutputs, 1);

    outputs->items = g_ptr_array_new_with_free_func(output_free);
    for (guint i = 0; specs && specs[i]; i++) {
        TckOutput *o = g_new0(TckOutput, 1);
        g_autofree char *name = g_strdup(specs[i]);
        char *eq = strchr(name, '=');

        o->spec = g_strdup(specs[i]);
        g_ptr_array_add(outputs->items, o);
        if (eq) {
            *eq = '\0';
            o->file = g_strdup(eq + 1);
        }
        if (!(o->format = tck_format_find(name))) {
            g_autofree char *names = tck_format_names();

            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unknown format '%s' (known: %s)", name, names);
            return NULL;
        }
        if (o->file && !*o->file) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--format %s: the file name is empty", o->spec);
            return NULL;
        }
        if (!o->file) {
            if (outputs->on_stdout) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                            "--format %s and --format %s would both write to standard output; "
                            "give one of them a file (--format %s=FILE)",
                            outputs->on_stdout->spec, o->spec, name);
                return NULL;
            }
            outputs->on_stdout = o;
        }
    }
    if (!outputs->on_stdout && text_by_default) {
        /* A report file never silences the terminal: the text report still goes there. */
        TckOutput *o = g_new0(TckOutput, 1);

        o->spec = g_strdup(default_specs[0]);
        o->format = tck_format_find(default_specs[0]);
        g_ptr_array_add(outputs->items, o);
        outputs->on_stdout = o;
    }
    return g_steal_pointer(&outputs);
}

gboolean
tck_output_path_check(const char *what, const char *path, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(path);

    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "cannot write %s: it is a directory", what);
        return FALSE;
    }
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "cannot write %s: no directory %s", what, dir);
        return FALSE;
    }
    /* Creating a file is the only test that holds for root and odd file systems. */
    if (g_file_test(path, G_FILE_TEST_EXISTS)) {
        int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);

        if (fd < 0) {
            int e = errno;

            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "cannot write %s: %s", what, g_strerror(e));
            return FALSE;
        }
        close(fd);
    } else {
        g_autofree char *probe = g_build_filename(dir, ".libvirt-tck-probe-XXXXXX", NULL);
        int fd = g_mkstemp(probe);

        if (fd < 0) {
            int e = errno;

            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "cannot write %s: %s", what, g_strerror(e));
            return FALSE;
        }
        close(fd);
        unlink(probe);
    }
    return TRUE;
}

gboolean
tck_outputs_open(TckOutputs *outputs, GError **error)
{
    for (guint i = 0; i < outputs->items->len; i++) {
        TckOutput *o = g_ptr_array_index(outputs->items, i);
        g_autofree char *what = g_strdup_printf("--format %s", o->spec);

        if (!o->file) {
            o->out = stdout;
            continue;
        }
        if (!tck_output_path_check(what, o->file, error))
            return FALSE;
        if (!(o->out = fopen(o->file, "w"))) {
            int e = errno;

            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "cannot write %s: %s", what, g_strerror(e));
            return FALSE;
        }
    }
    return TRUE;
}

FILE *
tck_outputs_human(const TckOutputs *outputs)
{
    return !outputs->on_stdout || tck_outputs_text_on_stdout(outputs) ? stdout : stderr;
}

gboolean
tck_outputs_text_on_stdout(const TckOutputs *outputs)
{
    return outputs->on_stdout && g_str_equal(outputs->on_stdout->format->name, "text");
}

gboolean
tck_outputs_can_compare(const TckOutputs *outputs, GError **error)
{
    for (guint i = 0; i < outputs->items->len; i++) {
        const TckOutput *o = g_ptr_array_index(outputs->items, i);

        if (!o->format->write_compare) {
            g_autofree char *names = tck_format_compare_names();

            g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "report compare writes %s, not '%s'",
                        names, o->format->name);
            return FALSE;
        }
    }
    return TRUE;
}

/* Writes each output: @run in its format, or @cmp in its comparison form. */
static gboolean
write_all(TckOutputs *outputs, const TckRun *run, const TckCompare *cmp, const TckFormatOptions *opts,
          GError **error)
{
    for (guint i = 0; i < outputs->items->len; i++) {
        TckOutput *o = g_ptr_array_index(outputs->items, i);
        TckFormatOptions fo = *opts;

        /* The live lines were shown on the terminal only. */
        fo.lines_printed = opts->lines_printed && o == outputs->on_stdout;
        if (!o->out)
            o->out = o->file ? NULL : stdout;
        if (!o->out) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "--format %s was not opened", o->spec);
            return FALSE;
        }
        if (cmp ? !o->format->write_compare(cmp, &fo, o->out, error)
                : !o->format->write(run, &fo, o->out, error))
            return FALSE;
        if (o->out != stdout) {
            FILE *out = g_steal_pointer(&o->out);

            if (fclose(out) != 0) {
                int e = errno;

                g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write %s: %s", o->file,
                            g_strerror(e));
                return FALSE;
            }
        }
    }
    /* A report that did not reach stdout (a full disk, /dev/full) is no success. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno ? errno : EIO;

        g_set_error(error, TCK_ERROR, tck_error_from_errno(e), "cannot write the report to stdout: %s",
                    g_strerror(e));
        return FALSE;
    }
    return TRUE;
}

void
tck_outputs_free(TckOutputs *outputs)
{
    if (!outputs)
        return;
    g_ptr_array_unref(outputs->items);
    g_free(outputs);
}

gboolean
tck_outputs_write(TckOutputs *outputs, const TckRun *run, const TckFormatOptions *opts, GError **error)
{
    return write_all(outputs, run, NULL, opts, error);
}

gboolean
tck_outputs_write_compare(TckOutputs *outputs, const TckCompare *cmp, const TckFormatOptions *opts,
                          GError **error)
{
    return write_all(outputs, NULL, cmp, opts, error);
}
