/* fuzz-config-yaml.c — libFuzzer target: the config reader on any bytes (YAML, or the flat form when the first line reads so). */
#include <config.h>
#include <glib.h>
#include <tck/config.h>

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = tck_config_load_data((const char *) data, size, "fuzz.yml", &error);

    g_assert(cfg || error);
    if (cfg) {
        g_autofree char *dump = tck_config_dump_masked(cfg);
        g_autofree char *hash = tck_config_hash(cfg);

        g_assert(dump && hash);
    }
    return 0;
}
