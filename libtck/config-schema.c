/* config-schema.c — the known config keys, their types and fields, checked once after reading. */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <string.h>

#include <tck/error.h>
#include "config-private.h"


#define T_SCALAR (1u << TCK_CONFIG_SCALAR)
#define T_LIST (1u << TCK_CONFIG_LIST)
#define T_MAP (1u << TCK_CONFIG_MAP)

/* A field of a map entry; a LIST here means a list of scalars. */
typedef struct {
    const char *name;
    guint types;
    const char *what;
} TckConfigFieldRule;

typedef struct {
    const char *key;
    guint types;                       /* allowed types of the value */
    guint entry_types;                 /* LIST: allowed types of each entry */
    const TckConfigFieldRule *fields;  /* map entries (or a map value): known fields */
    gboolean used;                     /* read by this version of libvirt-tck */
    const char *what;
} TckConfigKeyRule;

static const TckConfigFieldRule kernel_fields[] = {
    { "arch", T_SCALAR, "a scalar" },
    { "ostype", T_SCALAR | T_LIST, "a scalar or a list of scalars" },
    { "kernel", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "initrd", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "disk", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "kernel_sha256", T_SCALAR, "a scalar (a SHA-256 in hex)" },
    { "initrd_sha256", T_SCALAR, "a scalar (a SHA-256 in hex)" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule image_fields[] = {
    { "arch", T_SCALAR, "a scalar" },
    { "ostype", T_SCALAR | T_LIST, "a scalar or a list of scalars" },
    { "osname", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule usb_fields[] = {
    { "vendor", T_SCALAR, "a scalar" },
    { "product", T_SCALAR, "a scalar" },
    { "bus", T_SCALAR, "a scalar" },
    { "device", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule pci_fields[] = {
    { "domain", T_SCALAR, "a scalar" },
    { "bus", T_SCALAR, "a scalar" },
    { "slot", T_SCALAR, "a scalar" },
    { "function", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule block_fields[] = {
    { "path", T_SCALAR, "a scalar" },
    { "size", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule server_fields[] = {
    { "host", T_SCALAR, "a scalar" },
    { "path", T_SCALAR, "a scalar" },
    { "target", T_SCALAR, "a scalar" },
    { "user", T_SCALAR, "a scalar" },
    { "password", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

/*
 * Upstream 2.x keys, then our own: the keys libtck folds in from the
 * environment, and those read by the harness and libvirt-tck-prepare.
 */
static const TckConfigKeyRule key_rules[] = {
    { "uri", T_SCALAR, 0, NULL, TRUE, "a scalar (a libvirt URI)" },
    { "otheruri", T_SCALAR, 0, NULL, FALSE, "a scalar (a libvirt URI)" },
    { "scratch_dir", T_SCALAR, 0, NULL, TRUE, "a scalar (a directory)" },
    { "scratch_usage_limit", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "rootpassword", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "images", T_LIST, T_MAP, image_fields, FALSE, "a list of maps" },
    { "kernels", T_LIST, T_MAP, kernel_fields, TRUE, "a list of maps" },
    { "host_usb_devices", T_LIST, T_MAP, usb_fields, TRUE, "a list of maps" },
    { "host_pci_devices", T_LIST, T_MAP, pci_fields, TRUE, "a list of maps" },
    { "host_block_devices", T_LIST, T_SCALAR | T_MAP, block_fields, TRUE,
      "a list of paths or maps (path, size)" },
    { "host_network_devices", T_LIST, T_SCALAR, NULL, TRUE, "a list of scalars" },
    { "nvram_file_template", T_SCALAR, 0, NULL, FALSE, "a scalar (a path)" },
    { "nvram_file_path", T_SCALAR, 0, NULL, FALSE, "a scalar (a path)" },
    { "ks", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "iscsi_server", T_SCALAR | T_MAP, 0, server_fields, FALSE, "a host name or a map" },
    { "nfs_server", T_SCALAR | T_MAP, 0, server_fields, FALSE, "a host name or a map" },
    { "asset_cache", T_SCALAR, 0, NULL, TRUE, "a scalar (a directory)" },
    { "os_type", T_SCALAR, 0, NULL, TRUE, "a scalar" },
    { "arch", T_SCALAR, 0, NULL, TRUE, "a scalar" },
    { "boot", T_SCALAR, 0, NULL, TRUE, "a scalar (kernel, iso, container, template)" },
    { "guest_console", T_SCALAR, 0, NULL, TRUE, "a scalar (log or console)" },
    { "known_broken", T_LIST, T_SCALAR, NULL, TRUE, "a list of file names" },
    { "disk_size", T_SCALAR, 0, NULL, TRUE, "a scalar (a size)" },
};

static const TckConfigKeyRule *
key_rule_find(const char *key)
{
    for (gsize i = 0; i < G_N_ELEMENTS(key_rules); i++)
        if (g_str_equal(key_rules[i].key, key))
            return &key_rules[i];
    return NULL;
}

/* Free-form keys for a vendor's own test programs: never checked. */
static gboolean
key_is_free_form(const char *key)
{
    return g_str_has_prefix(key, "x_") || g_str_has_prefix(key, "x-");
}

/* Edit distance (insert, delete, substitute, swap of neighbours) between @a and @b. */
static guint
edit_distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    g_autofree guint *d = g_new0(guint, (la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]

    for (gsize i = 0; i <= la; i++)
        D(i, 0) = i;
    for (gsize j = 0; j <= lb; j++)
        D(0, j) = j;
    for (gsize i = 1; i <= la; i++) {
        for (gsize j = 1; j <= lb; j++) {
            guint cost = g_ascii_tolower(a[i - 1]) != g_ascii_tolower(b[j - 1]);
            guint best = MIN(D(i - 1, j) + 1, D(i, j - 1) + 1);

            best = MIN(best, D(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = MIN(best, D(i - 2, j - 2) + 1);
            D(i, j) = best;
        }
    }
    return D(la, lb);
#undef D
}

/*
 * The known name closest to @name, when it is close enough to be a typo.
 * @names points at the name field of the first of @n table rows, @stride
 * bytes apart (a NULL name ends the table early).
 */
static const char *
closest_name(const char *name, const char *const *names, gsize n, gsize stride)
{
    const char *best = NULL;
    guint best_d = G_MAXUINT;
    guint limit = MAX(1, MIN(3, (guint)strlen(name) / 3));

    for (gsize i = 0; i < n; i++) {
        const char *candidate = *(const char *const *)((const char *)names + i * stride);
        guint dist;

        if (!candidate)
            break;
        dist = edit_distance(name, candidate);
        if (dist < best_d) {
            best_d = dist;
            best = candidate;
        }
    }
    return best_d <= limit ? best : NULL;
}

/* "[WHERE: ]unknown key 'NAME'; did you mean 'SUGGESTION'?" */
static void
set_unknown_error(GError **error, const char *origin, guint line, const char *where,
                  const char *name, const char *suggestion)
{
    g_autofree char *prefix = where ? g_strdup_printf("%s: ", where) : g_strdup("");

    if (suggestion)
        tck_config_set_error(error, origin, line, "%sunknown key '%s'; did you mean '%s'?", prefix,
                             name, suggestion);
    else
        tck_config_set_error(error, origin, line,
                             "%sunknown key '%s' (libvirt-tck.conf(5) lists the keys; "
                             "names starting x_ are free-form)", prefix, name);
}

static gboolean
type_allowed(guint types, const TckConfigNode *node)
{
    /* An empty value stands for "not given" wherever a scalar is allowed. */
    if (node->type == TCK_CONFIG_SCALAR && node->is_null)
        return TRUE;
    return (types & (1u << node->type)) != 0;
}

/* Checks the known fields of map @entry; @where names it in messages. */
static gboolean
validate_fields(const TckConfigNode *entry, const TckConfigFieldRule *fields,
                const char *where, const char *origin, GError **error)
{
    for (guint i = 0; i < entry->keys->len; i++) {
        const char *name = entry->keys->pdata[i];
        const TckConfigNode *value = g_ptr_array_index(entry->children, i);
        const TckConfigFieldRule *rule = NULL;

        for (const TckConfigFieldRule *f = fields; f && f->name; f++)
            if (g_str_equal(f->name, name))
                rule = f;
        if (!rule && !key_is_free_form(name)) {
            gsize n = 0;

            while (fields[n].name)
                n++;
            set_unknown_error(error, origin, value->line, where, name,
                              closest_name(name, &fields[0].name, n, sizeof(fields[0])));
            return FALSE;
        }
        if (!rule)
            continue;
        if (!type_allowed(rule->types, value)) {
            tck_config_set_error(error, origin, value->line, "%s: '%s' must be %s, not %s", where, name,
                      rule->what, tck_config_node_describe(value));
            return FALSE;
        }
        if (value->type == TCK_CONFIG_LIST) {
            for (guint j = 0; j < value->children->len; j++) {
                const TckConfigNode *item = g_ptr_array_index(value->children, j);
                if (item->type != TCK_CONFIG_SCALAR) {
                    tck_config_set_error(error, origin, item->line, "%s: '%s' must be %s, but item %u is %s",
                              where, name, rule->what, j + 1, tck_config_node_describe(item));
                    return FALSE;
                }
            }
        }
    }
    return TRUE;
}

static gboolean
validate_key(TckConfigNode *root, guint pos, const TckConfigKeyRule *rule, const char *origin,
             GError **error)
{
    TckConfigNode *value = g_ptr_array_index(root->children, pos);

    /* `host_usb_devices:` with only comments below it is an empty list. */
    if (value->type == TCK_CONFIG_SCALAR && value->is_null && !(rule->types & T_SCALAR)) {
        TckConfigNode *empty = tck_config_node_new(rule->types & T_LIST ? TCK_CONFIG_LIST : TCK_CONFIG_MAP,
                                        value->line);
        tck_config_node_free(tck_config_map_swap(root, pos, empty));
        return TRUE;
    }
    /* One value where a list of values fits (a single flat `key = v` line). */
    if (value->type == TCK_CONFIG_SCALAR && !(rule->types & T_SCALAR) &&
        (rule->types & T_LIST) && (rule->entry_types & T_SCALAR)) {
        TckConfigNode *list = tck_config_node_new(TCK_CONFIG_LIST, value->line);

        g_ptr_array_add(list->children, tck_config_map_swap(root, pos, list));
        value = list;
    }
    if (!type_allowed(rule->types, value)) {
        tck_config_set_error(error, origin, value->line, "'%s' must be %s, not %s", rule->key, rule->what,
                  tck_config_node_describe(value));
        return FALSE;
    }
    if (value->type == TCK_CONFIG_MAP && rule->fields)
        return validate_fields(value, rule->fields, rule->key, origin, error);
    if (value->type != TCK_CONFIG_LIST)
        return TRUE;

    for (guint i = 0; i < value->children->len; i++) {
        const TckConfigNode *entry = g_ptr_array_index(value->children, i);
        g_autofree char *where = g_strdup_printf("'%s' entry %u", rule->key, i + 1);

        if (entry->type == TCK_CONFIG_SCALAR && entry->is_null && !(rule->entry_types & T_SCALAR)) {
            tck_config_set_error(error, origin, entry->line, "%s is empty; expected %s", where,
                      rule->what);
            return FALSE;
        }
        if (rule->entry_types && !type_allowed(rule->entry_types, entry)) {
            tck_config_set_error(error, origin, entry->line, "'%s' must be %s, but entry %u is %s",
                      rule->key, rule->what, i + 1, tck_config_node_describe(entry));
            return FALSE;
        }
        if (entry->type == TCK_CONFIG_MAP && rule->fields &&
            !validate_fields(entry, rule->fields, where, origin, error))
            return FALSE;
    }
    return TRUE;
}

gboolean
tck_config_schema_check(TckConfigNode *root, const char *origin, GError **error)
{
    for (guint i = 0; i < root->keys->len; i++) {
        const char *key = root->keys->pdata[i];
        const TckConfigNode *value = g_ptr_array_index(root->children, i);
        const TckConfigKeyRule *rule = key_rule_find(key);

        if (!rule && key_is_free_form(key))
            continue;
        if (!rule) {
            set_unknown_error(error, origin, value->line, NULL, key,
                              closest_name(key, &key_rules[0].key, G_N_ELEMENTS(key_rules),
                                           sizeof(key_rules[0])));
            return FALSE;
        }
        if (!rule->used)
            g_debug("config %s:%u: key '%s' is accepted but not used yet", origin, value->line, key);
        if (!validate_key(root, i, rule, origin, error))
            return FALSE;
    }
    return TRUE;
}
