/* config.c — PLACEHOLDER until the config reader lands: built-in default only. */
#include <config.h>
#include <tck/config.h>
#include <tck/error.h>

struct _TckConfig {
    char *uri;
};

TckConfig *
tck_config_new_default(void)
{
    TckConfig *cfg = g_new0(TckConfig, 1);
    cfg->uri = g_strdup("test:///default");
    return cfg;
}

TckConfig *
tck_config_load(const char *explicit_path, GError **error)
{
    return tck_config_new_default();
}

const char *tck_config_get_path(TckConfig *cfg) { return NULL; }
const char *tck_config_get_uri(TckConfig *cfg) { return cfg->uri; }

void
tck_config_set_string(TckConfig *cfg, const char *key, const char *value)
{
    if (g_str_equal(key, "uri")) {
        g_free(cfg->uri);
        cfg->uri = g_strdup(value);
    }
}

const char *
tck_config_get_string(TckConfig *cfg, const char *path)
{
    if (g_str_equal(path, "uri"))
        return cfg->uri;
    return NULL;
}

void
tck_config_free(TckConfig *cfg)
{
    if (!cfg)
        return;
    g_free(cfg->uri);
    g_free(cfg);
}
