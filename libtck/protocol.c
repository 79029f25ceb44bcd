/* protocol.c — the harness↔test contract: --describe as a table of keys,
 * run ids, and the protocol declaration. */
#include <config.h>

#include <string.h>

#include <tck/protocol.h>

/* Carried by every program that links tck_test_begin() (see protocol.h). */
const char tck_protocol_declaration[] = "\n" TCK_PROTOCOL_DECLARATION "\n";

static const TckDescribeKey describe_keys[] = {
    { "name", TCK_DESCRIBE_TEXT, G_STRUCT_OFFSET(TckDescription, name) },
    { "summary", TCK_DESCRIBE_TEXT, G_STRUCT_OFFSET(TckDescription, summary) },
    { "plan", TCK_DESCRIBE_INT, G_STRUCT_OFFSET(TckDescription, plan) },
    { "needs", TCK_DESCRIBE_LIST, G_STRUCT_OFFSET(TckDescription, needs) },
    { "exclusive", TCK_DESCRIBE_LIST, G_STRUCT_OFFSET(TckDescription, exclusive) },
};

const TckDescribeKey *
tck_describe_keys(gsize *n_keys)
{
    *n_keys = G_N_ELEMENTS(describe_keys);
    return describe_keys;
}

gboolean
tck_protocol_declared(const char *path)
{
    g_autoptr(GMappedFile) map = g_mapped_file_new(path, FALSE, NULL);

    if (!map || g_mapped_file_get_length(map) == 0)
        return FALSE;
    return memmem(g_mapped_file_get_contents(map), g_mapped_file_get_length(map),
                  tck_protocol_declaration, strlen(tck_protocol_declaration)) != NULL;
}

char *
tck_describe_format(const TckDescription *d)
{
    GString *out = g_string_new(NULL);

    for (gsize i = 0; i < G_N_ELEMENTS(describe_keys); i++) {
        const TckDescribeKey *k = &describe_keys[i];
        gconstpointer field = G_STRUCT_MEMBER_P(d, k->offset);

        /* an empty list is left out */
        if (k->type == TCK_DESCRIBE_LIST && !(*(char **const *) field && (*(char **const *) field)[0]))
            continue;
        g_string_append_printf(out, "%s: ", k->key);
        switch (k->type) {
        case TCK_DESCRIBE_TEXT: {
            const char *s = *(char *const *) field;
            g_string_append(out, s ? s : "");
            break;
        }
        case TCK_DESCRIBE_INT:
            g_string_append_printf(out, "%" G_GINT64_FORMAT, *(const gint64 *) field);
            break;
        case TCK_DESCRIBE_LIST: {
            char *const *list = *(char **const *) field;
            for (guint j = 0; list && list[j]; j++)
                g_string_append_printf(out, "%s%s", j ? ", " : "", list[j]);
            break;
        }
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, FALSE);
}

static GStrv
split_list(const char *value)
{
    g_auto(GStrv) parts = g_strsplit(value, ",", -1);
    g_autoptr(GStrvBuilder) b = g_strv_builder_new();

    for (guint i = 0; parts[i]; i++) {
        g_strstrip(parts[i]);
        if (*parts[i])
            g_strv_builder_add(b, parts[i]);
    }
    return g_strv_builder_end(b);
}

void
tck_describe_parse(const char *text, TckDescription *d)
{
    g_auto(GStrv) lines = g_strsplit(text ? text : "", "\n", -1);

    for (guint i = 0; lines[i]; i++) {
        char *colon = strchr(lines[i], ':');
        const char *value;

        if (!colon)
            continue;
        *colon = '\0';
        value = g_strstrip(colon + 1);
        for (gsize k = 0; k < G_N_ELEMENTS(describe_keys); k++) {
            gpointer field = G_STRUCT_MEMBER_P(d, describe_keys[k].offset);

            if (!g_str_equal(lines[i], describe_keys[k].key))
                continue;
            switch (describe_keys[k].type) {
            case TCK_DESCRIBE_TEXT:
                g_free(*(char **) field);
                *(char **) field = g_strdup(value);
                break;
            case TCK_DESCRIBE_INT:
                *(gint64 *) field = g_ascii_strtoll(value, NULL, 10);
                break;
            case TCK_DESCRIBE_LIST:
                g_strfreev(*(GStrv *) field);
                *(GStrv *) field = split_list(value);
                break;
            }
        }
    }
}

void
tck_description_clear(TckDescription *d)
{
    g_clear_pointer(&d->name, g_free);
    g_clear_pointer(&d->summary, g_free);
    g_clear_pointer(&d->needs, g_strfreev);
    g_clear_pointer(&d->exclusive, g_strfreev);
    d->plan = 0;
}

char *
tck_run_id_new(void)
{
    return g_strdup_printf("%08x", g_random_int());
}

gboolean
tck_run_id_valid(const char *id)
{
    if (!id || strlen(id) != TCK_RUN_ID_LEN)
        return FALSE;
    for (int i = 0; i < TCK_RUN_ID_LEN; i++)
        if (!g_ascii_isxdigit(id[i]) || g_ascii_isupper(id[i]))
            return FALSE;
    return TRUE;
}

char *
tck_run_id_prefix(const char *run_id)
{
    return g_strdup_printf(TCK_NAME_PREFIX "%s-", run_id);
}

char *
tck_run_id_from_name(const char *name)
{
    const gsize plen = strlen(TCK_NAME_PREFIX);
    g_autofree char *id = NULL;

    /* "tck-" + run id + "-" + at least one more character */
    if (!name || !g_str_has_prefix(name, TCK_NAME_PREFIX) || strlen(name) < plen + TCK_RUN_ID_LEN + 2)
        return NULL;
    id = g_strndup(name + plen, TCK_RUN_ID_LEN);
    if (!tck_run_id_valid(id) || name[plen + TCK_RUN_ID_LEN] != '-')
        return NULL;
    return g_steal_pointer(&id);
}
