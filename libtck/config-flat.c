/* config-flat.c — reads the flat "key = value" form (dotted keys, list indexes) into the node tree. */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <string.h>

#include <tck/error.h>
#include "config-private.h"


static gboolean
is_key_start(char c)
{
    return g_ascii_isalpha(c) || c == '_';
}

static gboolean
is_key_char(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '.' || c == '-';
}

/* A file whose first significant line reads `name =` is in the flat form. */
gboolean
tck_config_is_flat_form(const char *data, gsize len)
{
    const char *p = data;
    const char *end = data + len;

    while (p < end) {
        const char *eol = memchr(p, '\n', end - p);
        const char *q = p;

        if (!eol)
            eol = end;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q == eol || *q == '#') {
            p = eol + 1;
            continue;
        }
        if (!is_key_start(*q))
            return FALSE;
        while (q < eol && is_key_char(*q))
            q++;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        return q < eol && *q == '=';
    }
    return FALSE;
}


/* Parses a list index (digits only, bounded); FALSE for anything else. */
gboolean
tck_config_parse_index(const char *comp, guint *index)
{
    guint64 v;

    if (!*comp || strlen(comp) > 9)
        return FALSE;
    for (const char *p = comp; *p; p++)
        if (!g_ascii_isdigit(*p))
            return FALSE;
    v = g_ascii_strtoull(comp, NULL, 10);
    if (index)
        *index = (guint)v;
    return TRUE;
}

/*
 * Sets the dotted @key to @value (NULL: empty) in @root.  Components made of
 * digits index lists, others name map keys; a repeated plain key turns its
 * value into a list.
 */
static gboolean
flat_insert(TckConfigNode *root, const char *key, const char *value, guint line,
            const char *origin, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(key, ".", -1);
    g_autoptr(GString) path = g_string_new(NULL);
    guint n = g_strv_length(parts);
    TckConfigNode *cur = root;

    if (n > TCK_CONFIG_MAX_DEPTH) {
        tck_config_set_error(error, origin, line, "key '%s' is nested deeper than %d levels", key,
                  TCK_CONFIG_MAX_DEPTH);
        return FALSE;
    }

    for (guint i = 0; i < n; i++) {
        const char *comp = parts[i];
        gboolean last = i + 1 == n;
        TckConfigNode *child = NULL;
        gint pos = -1;
        guint index = 0;

        if (!*comp) {
            tck_config_set_error(error, origin, line, "key '%s' has an empty part", key);
            return FALSE;
        }
        if (cur->type == TCK_CONFIG_LIST) {
            if (!tck_config_parse_index(comp, &index)) {
                tck_config_set_error(error, origin, line, "'%s' is a list (line %u): expected an index, not '%s'",
                          path->str, cur->line, comp);
                return FALSE;
            }
            if (index > cur->children->len) {
                tck_config_set_error(error, origin, line, "'%s.%s' skips ahead: the next index of '%s' is %u",
                          path->str, comp, path->str, cur->children->len);
                return FALSE;
            }
            if (index < cur->children->len)
                child = g_ptr_array_index(cur->children, index);
        } else {
            pos = tck_config_map_find(cur, comp);
            if (pos >= 0)
                child = g_ptr_array_index(cur->children, pos);
        }
        if (path->len)
            g_string_append_c(path, '.');
        g_string_append(path, comp);

        if (last) {
            TckConfigNode *leaf = tck_config_node_new_scalar(line, value, value == NULL);

            if (!child) {
                if (cur->type == TCK_CONFIG_LIST)
                    g_ptr_array_add(cur->children, leaf);
                else
                    tck_config_map_add(cur, g_strdup(comp), leaf);
                return TRUE;
            }
            if (cur->type == TCK_CONFIG_MAP && child->type == TCK_CONFIG_SCALAR) {
                /* A repeated key: its values become a list, in file order. */
                TckConfigNode *list = tck_config_node_new(TCK_CONFIG_LIST, child->line);

                g_ptr_array_add(list->children, tck_config_map_swap(cur, pos, list));
                g_ptr_array_add(list->children, leaf);
                return TRUE;
            }
            if (cur->type == TCK_CONFIG_MAP && child->type == TCK_CONFIG_LIST) {
                g_ptr_array_add(child->children, leaf);
                return TRUE;
            }
            tck_config_node_free(leaf);
            if (child->type == TCK_CONFIG_SCALAR)
                tck_config_set_error(error, origin, line, "'%s' is already set (line %u)", path->str,
                          child->line);
            else
                tck_config_set_error(error, origin, line, "'%s' is %s (line %u) and cannot also take a value",
                          path->str, tck_config_node_describe(child), child->line);
            return FALSE;
        }

        if (!child) {
            child = tck_config_node_new(tck_config_parse_index(parts[i + 1], NULL) ? TCK_CONFIG_LIST
                                                                  : TCK_CONFIG_MAP, line);
            if (cur->type == TCK_CONFIG_LIST)
                g_ptr_array_add(cur->children, child);
            else
                tck_config_map_add(cur, g_strdup(comp), child);
        } else if (child->type == TCK_CONFIG_SCALAR) {
            tck_config_set_error(error, origin, line, "'%s' already has a value (line %u) and cannot also hold '%s'",
                      path->str, child->line, parts[i + 1]);
            return FALSE;
        }
        cur = child;
    }
    g_assert_not_reached();
    return FALSE;
}

TckConfigNode *
tck_config_parse_flat(const char *data, gsize len, const char *origin, GError **error)
{
    TckConfigNode *root = tck_config_node_new(TCK_CONFIG_MAP, 1);
    const char *p = data;
    const char *end = data + len;
    guint line = 0;
    guint64 nodes = 0;

    while (p < end) {
        const char *eol = memchr(p, '\n', end - p);
        g_autofree char *text = NULL;
        char *eq;
        char *key;
        char *value;
        gsize vlen;

        if (!eol)
            eol = end;
        line++;
        text = g_strndup(p, eol - p);
        p = eol + 1;
        g_strstrip(text);
        if (!*text || *text == '#')
            continue;

        eq = strchr(text, '=');
        if (!eq) {
            tck_config_set_error(error, origin, line, "expected 'key = value'");
            goto error;
        }
        *eq = '\0';
        key = g_strstrip(text);
        value = g_strstrip(eq + 1);
        if (!is_key_start(*key)) {
            tck_config_set_error(error, origin, line, "invalid key '%s'", key);
            goto error;
        }
        for (const char *k = key; *k; k++) {
            if (!is_key_char(*k)) {
                tck_config_set_error(error, origin, line, "invalid key '%s'", key);
                goto error;
            }
        }
        if (g_str_equal(value, "(") || g_str_equal(value, "{")) {
            tck_config_set_error(error, origin, line,
                      "nested '%s' blocks are not supported; use dotted keys (kernels.0.arch = ...) or YAML",
                      value);
            goto error;
        }
        vlen = strlen(value);
        if (vlen >= 2 && (value[0] == '"' || value[0] == '\'') && value[vlen - 1] == value[0]) {
            value[vlen - 1] = '\0';
            value++;
        } else if (vlen == 0) {
            value = NULL;
        }
        /* a key of N parts makes at most N nodes */
        for (const char *k = key; *k; k++)
            nodes += *k == '.';
        if (++nodes > TCK_CONFIG_MAX_NODES) {
            tck_config_set_error(error, origin, line, "more than %d keys and values; a config is far smaller",
                                 TCK_CONFIG_MAX_NODES);
            goto error;
        }
        if (!flat_insert(root, key, value, line, origin, error))
            goto error;
    }
    return root;

 error:
    tck_config_node_free(root);
    return NULL;
}
