/* fuzz-config-flat.c — libFuzzer target: the config reader forced into the flat key = value form. */
#include <config.h>
#include <glib.h>
#include <string.h>
#include <tck/config.h>

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) text = g_string_new("uri = test:///default\n");
    g_autoptr(TckConfig) cfg = NULL;

    g_string_append_len(text, (const char *) data, size);
    cfg = tck_config_load_data(text->str, text->len, "fuzz.conf", &error);
    g_assert(cfg || error);
    if (cfg) {
        g_autofree char *dump = tck_config_dump_masked(cfg);

        g_assert(dump);
    }
    return 0;
}
