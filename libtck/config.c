/*
 * config.c — finding and loading the config (either form, see config-yaml.c
 * and config-flat.c), the schema check, and the path accessors.
 */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tck/config.h>
#include <tck/error.h>
#include "config-private.h"

#define TCK_CONFIG_ENV "LIBVIRT_TCK_CONFIG"

/* Reads @path whole (NUL-terminated), refusing directories and huge files. */
static gboolean
read_config_file(const char *path, char **data, gsize *len, GError **error)
{
    g_autoptr(GString) buf = NULL;
    struct stat st = { 0 };
    int fd;

    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        tck_config_set_error(error, path, 0, "cannot open: %s", g_strerror(err));
        return FALSE;
    }
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        tck_config_set_error(error, path, 0, "cannot read: %s", g_strerror(err));
        return FALSE;
    }

    buf = g_string_sized_new(S_ISREG(st.st_mode) && st.st_size > 0 &&
                             st.st_size <= TCK_CONFIG_MAX_BYTES ? (gsize)st.st_size + 1 : 4096);
    for (;;) {
        char chunk[65536];
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            close(fd);
            tck_config_set_error(error, path, 0, "cannot read: %s", g_strerror(err));
            return FALSE;
        }
        if (got == 0)
            break;
        if (buf->len + (gsize)got > TCK_CONFIG_MAX_BYTES) {
            close(fd);
            tck_config_set_error(error, path, 0, "file is larger than the %d MiB limit for a config",
                      TCK_CONFIG_MAX_BYTES / (1024 * 1024));
            return FALSE;
        }
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    *len = buf->len;
    *data = g_string_free(g_steal_pointer(&buf), FALSE);
    return TRUE;
}

/* ---- loading ---------------------------------------------------------- */

static TckConfig *
config_parse(const char *data, gsize len, const char *path, const char *origin, GError **error)
{
    g_autoptr(TckConfig) cfg = NULL;
    const char *bad = NULL;
    const char *text = data;
    gsize text_len = len;
    TckConfigNode *root;

    if (!g_utf8_validate(data, len, &bad)) {
        tck_config_set_error(error, origin, tck_config_line_at(data, bad),
                  "not UTF-8 text (a NUL byte or an invalid byte sequence; is this a binary file?)");
        return NULL;
    }
    if (text_len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        text_len -= 3;
    }

    if (tck_config_is_flat_form(text, text_len))
        root = tck_config_parse_flat(text, text_len, origin, error);
    else
        root = tck_config_parse_yaml(data, len, origin, error);
    if (!root)
        return NULL;

    cfg = g_new0(TckConfig, 1);
    cfg->root = root;
    cfg->path = g_strdup(path);
    cfg->origin = g_strdup(origin);
    if (!tck_config_schema_check(cfg->root, origin, error))
        return NULL;
    return g_steal_pointer(&cfg);
}

TckConfig *
tck_config_new_default(void)
{
    TckConfig *cfg = g_new0(TckConfig, 1);

    cfg->origin = g_strdup("built-in default");
    cfg->root = tck_config_node_new(TCK_CONFIG_MAP, 0);
    tck_config_map_add(cfg->root, g_strdup("uri"), tck_config_node_new_scalar(0, TCK_CONFIG_DEFAULT_URI, FALSE));
    return cfg;
}

TckConfig *
tck_config_load_data(const char *data, gsize len, const char *origin, GError **error)
{
    g_autofree char *copy = NULL;

    if (!origin)
        origin = "<memory>";
    if (len > TCK_CONFIG_MAX_BYTES) {
        tck_config_set_error(error, origin, 0, "data is larger than the %d MiB limit for a config",
                  TCK_CONFIG_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    /* The parsers want a terminated buffer; @data need not be one. */
    copy = g_malloc(len + 1);
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    return config_parse(copy, len, NULL, origin, error);
}

TckConfig *
tck_config_load_file(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!path || !*path) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config '': an empty file name was given");
        return NULL;
    }
    if (!read_config_file(path, &data, &len, error))
        return NULL;
    return config_parse(data, len, path, path, error);
}

TckConfig *
tck_config_load_search(const char *explicit_path, const char *user_config_dir,
                       const char *system_path, GError **error)
{
    const char *env = g_getenv(TCK_CONFIG_ENV);
    g_autofree char *user_path = NULL;

    if (explicit_path)
        return tck_config_load_file(explicit_path, error);

    if (env && *env) {
        GError *err = NULL;
        TckConfig *cfg = tck_config_load_file(env, &err);

        if (!cfg)
            g_set_error(error, TCK_ERROR, err->code, "%s (named by $%s)", err->message, TCK_CONFIG_ENV);
        g_clear_error(&err);
        return cfg;
    }

    /* The default locations are optional: absent means "look further". */
    if (user_config_dir) {
        user_path = g_build_filename(user_config_dir, "libvirt-tck", "default.yml", NULL);
        if (g_file_test(user_path, G_FILE_TEST_EXISTS))
            return tck_config_load_file(user_path, error);
    }
    if (system_path && g_file_test(system_path, G_FILE_TEST_EXISTS))
        return tck_config_load_file(system_path, error);

    g_debug("no config file found; using the built-in default (%s)", TCK_CONFIG_DEFAULT_URI);
    return tck_config_new_default();
}

TckConfig *
tck_config_load(const char *explicit_path, GError **error)
{
    return tck_config_load_search(explicit_path, g_get_user_config_dir(),
                                  SYSCONFDIR "/libvirt-tck/default.yml", error);
}

/* ---- accessors -------------------------------------------------------- */

const char *
tck_config_get_path(TckConfig *cfg)
{
    return cfg->path;
}

const char *
tck_config_get_uri(TckConfig *cfg)
{
    const char *uri = tck_config_get_string(cfg, "uri");

    return uri && *uri ? uri : TCK_CONFIG_DEFAULT_URI;
}

void
tck_config_set_string(TckConfig *cfg, const char *key, const char *value)
{
    g_autofree char *valid = NULL;
    gint pos;

    g_return_if_fail(cfg != NULL && key != NULL);

    if (!value) {
        tck_config_map_remove(cfg->root, key);
        return;
    }
    /* Values from the command line or environment may be any bytes. */
    valid = g_utf8_make_valid(value, -1);
    pos = tck_config_map_find(cfg->root, key);
    if (pos >= 0)
        tck_config_node_free(tck_config_map_swap(cfg->root, pos, tck_config_node_new_scalar(0, valid, FALSE)));
    else
        tck_config_map_add(cfg->root, g_strdup(key), tck_config_node_new_scalar(0, valid, FALSE));
}

const TckConfigNode *
tck_config_lookup(TckConfig *cfg, const char *path)
{
    g_auto(GStrv) parts = NULL;
    const TckConfigNode *node = cfg->root;

    if (!path || !*path)
        return node;
    parts = g_strsplit(path, "/", -1);
    for (guint i = 0; parts[i] && node; i++) {
        guint index;

        switch (node->type) {
        case TCK_CONFIG_MAP:
            node = tck_config_map_get(node, parts[i]);
            break;
        case TCK_CONFIG_LIST:
            if (!tck_config_parse_index(parts[i], &index) || index >= node->children->len)
                return NULL;
            node = g_ptr_array_index(node->children, index);
            break;
        case TCK_CONFIG_SCALAR:
            return NULL;
        }
    }
    return node;
}

const char *
tck_config_get_string(TckConfig *cfg, const char *path)
{
    return tck_config_node_scalar(tck_config_lookup(cfg, path));
}

GStrv
tck_config_get_strv(TckConfig *cfg, const char *path)
{
    const TckConfigNode *node = tck_config_lookup(cfg, path);
    g_autoptr(GPtrArray) items = NULL;

    if (!node || node->type == TCK_CONFIG_MAP)
        return NULL;
    items = g_ptr_array_new_with_free_func(g_free);
    if (node->type == TCK_CONFIG_SCALAR) {
        if (!node->is_null)
            g_ptr_array_add(items, g_strdup(node->scalar));
    } else {
        for (guint i = 0; i < node->children->len; i++) {
            const TckConfigNode *item = g_ptr_array_index(node->children, i);

            if (item->type != TCK_CONFIG_SCALAR)
                return NULL;
            if (!item->is_null)
                g_ptr_array_add(items, g_strdup(item->scalar));
        }
    }
    g_ptr_array_set_free_func(items, NULL);
    g_ptr_array_add(items, NULL);
    return (GStrv)g_ptr_array_free(g_steal_pointer(&items), FALSE);
}

void
tck_config_free(TckConfig *cfg)
{
    if (!cfg)
        return;
    tck_config_node_free(cfg->root);
    g_free(cfg->path);
    g_free(cfg->origin);
    g_free(cfg);
}
