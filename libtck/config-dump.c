/* config-dump.c — the config written back as YAML: masked for archives, sorted for its hash. */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <string.h>

#include <yaml.h>

#include <tck/config.h>
#include "config-private.h"


static gboolean
key_is_secret(const char *key)
{
    static const char *const words[] = {
        "password", "passwd", "secret", "token", "key", "credential",
    };
    g_autofree char *lower = g_ascii_strdown(key, -1);

    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (strstr(lower, words[i]))
            return TRUE;
    return FALSE;
}

/*
 * Masks the password of "scheme://user:password@host" and the values of
 * secret-looking query parameters ("?password=...").
 */
static char *
mask_uri_credentials(const char *text)
{
    GString *out = g_string_new(NULL);
    const char *p = text;

    for (;;) {
        const char *sep = strstr(p, "://");
        const char *auth;
        const char *auth_end;
        const char *at = NULL;
        const char *colon;

        if (!sep) {
            g_string_append(out, p);
            break;
        }
        auth = sep + 3;
        auth_end = auth + strcspn(auth, "/?# \t");
        for (const char *q = auth; q < auth_end; q++)
            if (*q == '@')
                at = q;
        colon = at ? memchr(auth, ':', at - auth) : NULL;
        if (colon) {
            g_string_append_len(out, p, colon + 1 - p);
            g_string_append(out, TCK_CONFIG_MASK);
            p = at;
        } else {
            g_string_append_len(out, p, auth_end - p);
            p = auth_end;
        }
        if (*p == '@') {
            const char *next = p + 1 + strcspn(p + 1, "/?# \t");
            g_string_append_len(out, p, next - p);
            p = next;
        }
        while (*p == '/' || (*p && *p != '?' && *p != '#' && *p != ' ' && *p != '\t' &&
                             !g_str_has_prefix(p, "://"))) {
            g_string_append_c(out, *p);
            p++;
        }
        if (*p != '?')
            continue;
        /* Query: name=value pairs separated by & or ;. */
        while (*p == '?' || *p == '&' || *p == ';') {
            const char *name = p + 1;
            const char *eq;
            const char *val_end;

            g_string_append_c(out, *p);
            val_end = name + strcspn(name, "&;# \t");
            eq = memchr(name, '=', val_end - name);
            if (eq) {
                g_autofree char *pname = g_strndup(name, eq - name);
                g_string_append_len(out, name, eq + 1 - name);
                if (key_is_secret(pname) && eq + 1 < val_end)
                    g_string_append(out, TCK_CONFIG_MASK);
                else
                    g_string_append_len(out, eq + 1, val_end - (eq + 1));
            } else {
                g_string_append_len(out, name, val_end - name);
            }
            p = val_end;
        }
    }
    return g_string_free(out, FALSE);
}

typedef struct {
    yaml_emitter_t emitter;
    gboolean sorted;
} TckDump;

static int
dump_write(void *data, unsigned char *buffer, size_t size)
{
    g_string_append_len(data, (const char *)buffer, size);
    return 1;
}

static gboolean
dump_scalar(TckDump *d, const char *text, gboolean is_null)
{
    yaml_event_t ev;
    yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

    if (is_null)
        text = "~";
    else if (tck_config_yaml_is_null(text))
        style = YAML_SINGLE_QUOTED_SCALAR_STYLE;  /* keep "" a string, not a null */
    yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, strlen(text), 1, 1, style);
    return yaml_emitter_emit(&d->emitter, &ev);
}

static gint
dump_key_cmp(gconstpointer a, gconstpointer b, gpointer keys)
{
    const char *ka = g_ptr_array_index((GPtrArray *)keys, *(const guint *)a);
    const char *kb = g_ptr_array_index((GPtrArray *)keys, *(const guint *)b);

    return strcmp(ka, kb);
}

static gboolean
dump_node(TckDump *d, const TckConfigNode *node, gboolean secret)
{
    yaml_event_t ev;

    switch (node->type) {
    case TCK_CONFIG_SCALAR: {
        g_autofree char *masked = NULL;

        if (node->is_null)
            return dump_scalar(d, NULL, TRUE);
        masked = secret ? g_strdup(TCK_CONFIG_MASK) : mask_uri_credentials(node->scalar);
        return dump_scalar(d, masked, FALSE);
    }
    case TCK_CONFIG_LIST:
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
        if (!yaml_emitter_emit(&d->emitter, &ev))
            return FALSE;
        for (guint i = 0; i < node->children->len; i++)
            if (!dump_node(d, g_ptr_array_index(node->children, i), secret))
                return FALSE;
        yaml_sequence_end_event_initialize(&ev);
        return yaml_emitter_emit(&d->emitter, &ev);
    case TCK_CONFIG_MAP: {
        g_autofree guint *order = g_new(guint, node->keys->len + 1);

        for (guint i = 0; i < node->keys->len; i++)
            order[i] = i;
        if (d->sorted)
            g_qsort_with_data(order, node->keys->len, sizeof(guint), dump_key_cmp, node->keys);
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
        if (!yaml_emitter_emit(&d->emitter, &ev))
            return FALSE;
        for (guint i = 0; i < node->keys->len; i++) {
            const char *key = g_ptr_array_index(node->keys, order[i]);

            if (!dump_scalar(d, key, FALSE) ||
                !dump_node(d, g_ptr_array_index(node->children, order[i]),
                           secret || key_is_secret(key)))
                return FALSE;
        }
        yaml_mapping_end_event_initialize(&ev);
        return yaml_emitter_emit(&d->emitter, &ev);
    }
    }
    return FALSE;
}

char *
tck_config_dump(TckConfig *cfg, gboolean sorted)
{
    TckDump d = { .sorted = sorted };
    g_autoptr(GString) out = g_string_new(NULL);
    yaml_event_t ev;
    gboolean ok;

    if (!yaml_emitter_initialize(&d.emitter))
        return g_strdup("# the config could not be dumped: out of memory\n");
    yaml_emitter_set_output(&d.emitter, dump_write, out);
    yaml_emitter_set_unicode(&d.emitter, 1);
    yaml_emitter_set_width(&d.emitter, -1);

    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    ok = yaml_emitter_emit(&d.emitter, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    ok = ok && dump_node(&d, cfg->root, FALSE);
    yaml_document_end_event_initialize(&ev, 1);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    yaml_stream_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    ok = ok && yaml_emitter_flush(&d.emitter);

    if (!ok) {
        char *msg = g_strdup_printf("# the config could not be dumped: %s\n",
                                    d.emitter.problem ? d.emitter.problem : "emitter error");
        yaml_emitter_delete(&d.emitter);
        return msg;
    }
    yaml_emitter_delete(&d.emitter);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

char *
tck_config_mask_credentials(const char *text)
{
    return text ? mask_uri_credentials(text) : NULL;
}

char *
tck_config_dump_masked(TckConfig *cfg)
{
    return tck_config_dump(cfg, FALSE);
}

char *
tck_config_hash(TckConfig *cfg)
{
    g_autofree char *canonical = tck_config_dump(cfg, TRUE);

    return g_compute_checksum_for_string(G_CHECKSUM_SHA256, canonical, -1);
}

