/* config-node.c — the config's tree of nodes: scalars, lists and ordered maps, with their lines. */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <stdarg.h>
#include <string.h>

#include <tck/error.h>
#include "config-private.h"

TckConfigNode *
tck_config_node_new(TckConfigNodeType type, guint line)
{
    TckConfigNode *node = g_new0(TckConfigNode, 1);

    node->type = type;
    node->line = line;
    if (type != TCK_CONFIG_SCALAR)
        node->children = g_ptr_array_new_with_free_func(tck_config_node_free);
    if (type == TCK_CONFIG_MAP) {
        node->keys = g_ptr_array_new_with_free_func(g_free);
        node->index = g_hash_table_new(g_str_hash, g_str_equal);
    }
    return node;
}

TckConfigNode *
tck_config_node_new_scalar(guint line, const char *text, gboolean is_null)
{
    TckConfigNode *node = tck_config_node_new(TCK_CONFIG_SCALAR, line);

    node->is_null = is_null;
    node->scalar = g_strdup(is_null ? "" : text);
    return node;
}

void
tck_config_node_free(gpointer data)
{
    TckConfigNode *node = data;

    if (!node)
        return;
    g_free(node->scalar);
    if (node->index)
        g_hash_table_unref(node->index);
    if (node->keys)
        g_ptr_array_unref(node->keys);
    if (node->children)
        g_ptr_array_unref(node->children);
    g_free(node);
}

/* Position of @key in map @node, or -1. */
gint
tck_config_map_find(const TckConfigNode *node, const char *key)
{
    gpointer pos = g_hash_table_lookup(node->index, key);

    return pos ? (gint)GPOINTER_TO_UINT(pos) - 1 : -1;
}

TckConfigNode *
tck_config_map_get(const TckConfigNode *node, const char *key)
{
    gint pos = tck_config_map_find(node, key);

    return pos < 0 ? NULL : g_ptr_array_index(node->children, pos);
}

/* Append @key → @child to map @node (which must not hold @key yet); takes both. */
void
tck_config_map_add(TckConfigNode *node, char *key, TckConfigNode *child)
{
    g_ptr_array_add(node->keys, key);
    g_ptr_array_add(node->children, child);
    g_hash_table_insert(node->index, key, GUINT_TO_POINTER(node->keys->len));
}

/* Swap the value at @pos for @child without freeing the old one. */
TckConfigNode *
tck_config_map_swap(TckConfigNode *node, gint pos, TckConfigNode *child)
{
    TckConfigNode *old = g_ptr_array_index(node->children, pos);

    node->children->pdata[pos] = child;
    return old;
}

void
tck_config_map_remove(TckConfigNode *node, const char *key)
{
    gint pos = tck_config_map_find(node, key);

    if (pos < 0)
        return;
    g_hash_table_remove_all(node->index);
    g_ptr_array_remove_index(node->children, pos);
    g_ptr_array_remove_index(node->keys, pos);
    for (guint i = 0; i < node->keys->len; i++)
        g_hash_table_insert(node->index, node->keys->pdata[i], GUINT_TO_POINTER(i + 1));
}

const char *
tck_config_node_describe(const TckConfigNode *node)
{
    static const char *const names[] = {
        [TCK_CONFIG_SCALAR] = "a scalar",
        [TCK_CONFIG_LIST] = "a list",
        [TCK_CONFIG_MAP] = "a map",
    };

    if (node->type == TCK_CONFIG_SCALAR && node->is_null)
        return "empty";
    return names[node->type];
}


void
tck_config_set_error(GError **error, const char *origin, guint line, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *what = NULL;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (line > 0)
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config %s:%u: %s", origin, line, what);
    else
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config %s: %s", origin, what);
}

guint
tck_config_line_at(const char *data, const char *pos)
{
    guint line = 1;

    for (const char *p = data; p < pos; p++)
        if (*p == '\n')
            line++;
    return line;
}

TckConfigNodeType
tck_config_node_type(const TckConfigNode *node)
{
    return node->type;
}

const char *
tck_config_node_scalar(const TckConfigNode *node)
{
    if (!node || node->type != TCK_CONFIG_SCALAR || node->is_null)
        return NULL;
    return node->scalar;
}

guint
tck_config_node_n_children(const TckConfigNode *node)
{
    if (!node || node->type == TCK_CONFIG_SCALAR)
        return 0;
    return node->children->len;
}

const TckConfigNode *
tck_config_node_child(const TckConfigNode *node, guint index)
{
    if (index >= tck_config_node_n_children(node))
        return NULL;
    return g_ptr_array_index(node->children, index);
}

const char *
tck_config_node_key(const TckConfigNode *node, guint index)
{
    if (!node || node->type != TCK_CONFIG_MAP || index >= node->keys->len)
        return NULL;
    return node->keys->pdata[index];
}

const TckConfigNode *
tck_config_node_get(const TckConfigNode *node, const char *key)
{
    if (!node || node->type != TCK_CONFIG_MAP || !key)
        return NULL;
    return tck_config_map_get(node, key);
}

guint
tck_config_node_line(const TckConfigNode *node)
{
    return node ? node->line : 0;
}