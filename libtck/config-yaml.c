/* config-yaml.c — reads upstream's 2.x YAML form (libyaml's event API) into the node tree. */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <string.h>

#include <yaml.h>

#include <tck/error.h>
#include "config-private.h"


typedef struct {
    TckConfigNode *node;
    char *key;             /* MAP: the key read, waiting for its value */
    guint key_line;
} YamlFrame;

typedef struct {
    const char *origin;
    TckConfigNode *root;
    YamlFrame stack[TCK_CONFIG_MAX_DEPTH];
    guint depth;
} YamlBuild;

gboolean
tck_config_yaml_is_null(const char *text)
{
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

    for (gsize i = 0; i < G_N_ELEMENTS(nulls); i++)
        if (g_str_equal(text, nulls[i]))
            return TRUE;
    return FALSE;
}

/* Hooks @node into the tree under construction; takes it in all cases. */
static gboolean
yaml_attach(YamlBuild *b, TckConfigNode *node, GError **error)
{
    YamlFrame *top;
    gint pos;

    if (b->depth == 0) {
        b->root = node;
        return TRUE;
    }
    top = &b->stack[b->depth - 1];
    if (top->node->type == TCK_CONFIG_LIST) {
        g_ptr_array_add(top->node->children, node);
        return TRUE;
    }
    if (!top->key) {
        if (node->type != TCK_CONFIG_SCALAR) {
            tck_config_set_error(error, b->origin, node->line, "a map key must be a scalar, not %s",
                      tck_config_node_describe(node));
            tck_config_node_free(node);
            return FALSE;
        }
        top->key = g_steal_pointer(&node->scalar);
        top->key_line = node->line;
        tck_config_node_free(node);
        return TRUE;
    }
    pos = tck_config_map_find(top->node, top->key);
    if (pos >= 0) {
        TckConfigNode *first = g_ptr_array_index(top->node->children, pos);
        tck_config_set_error(error, b->origin, top->key_line, "duplicate key '%s' (first at line %u)",
                  top->key, first->line);
        tck_config_node_free(node);
        return FALSE;
    }
    tck_config_map_add(top->node, g_steal_pointer(&top->key), node);
    return TRUE;
}

static void
yaml_set_parser_error(yaml_parser_t *parser, const char *origin, const char *data,
                      GError **error)
{
    const char *problem = parser->problem ? parser->problem : "malformed YAML";
    guint line;

    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        tck_config_set_error(error, origin, 0, "out of memory while parsing YAML");
        return;
    case YAML_READER_ERROR:
        line = tck_config_line_at(data, data + parser->problem_offset);
        tck_config_set_error(error, origin, line, "%s", problem);
        return;
    default:
        line = parser->problem_mark.line + 1;
        if (parser->context)
            tck_config_set_error(error, origin, line, "%s (%s at line %u)", problem, parser->context,
                      (guint)parser->context_mark.line + 1);
        else
            tck_config_set_error(error, origin, line, "%s", problem);
        return;
    }
}

TckConfigNode *
tck_config_parse_yaml(const char *data, gsize len, const char *origin, GError **error)
{
    yaml_parser_t parser;
    YamlBuild b = { .origin = origin };
    guint documents = 0;
    guint nodes = 0;
    gboolean done = FALSE;
    gboolean ok = TRUE;

    if (!yaml_parser_initialize(&parser)) {
        tck_config_set_error(error, origin, 0, "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    while (ok && !done) {
        yaml_event_t ev;
        guint line;

        if (!yaml_parser_parse(&parser, &ev)) {
            yaml_set_parser_error(&parser, origin, data, error);
            ok = FALSE;
            break;
        }
        line = ev.start_mark.line + 1;
        if ((ev.type == YAML_SCALAR_EVENT || ev.type == YAML_SEQUENCE_START_EVENT ||
             ev.type == YAML_MAPPING_START_EVENT) && ++nodes > TCK_CONFIG_MAX_NODES) {
            tck_config_set_error(error, origin, line, "more than %d keys and values; a config is far smaller",
                                 TCK_CONFIG_MAX_NODES);
            yaml_event_delete(&ev);
            ok = FALSE;
            break;
        }

        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = TRUE;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                tck_config_set_error(error, origin, line,
                          "more than one YAML document; a config is a single document");
                ok = FALSE;
            }
            break;
        case YAML_ALIAS_EVENT:
            tck_config_set_error(error, origin, line, "aliases (*%s) are not supported in a config",
                      (const char *)ev.data.alias.anchor);
            ok = FALSE;
            break;
        case YAML_SCALAR_EVENT: {
            const char *text = (const char *)ev.data.scalar.value;
            gboolean is_null;

            if (memchr(text, '\0', ev.data.scalar.length)) {
                tck_config_set_error(error, origin, line, "a value contains a NUL character");
                ok = FALSE;
                break;
            }
            is_null = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && tck_config_yaml_is_null(text);
            ok = yaml_attach(&b, tck_config_node_new_scalar(line, text, is_null), error);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            TckConfigNode *node;

            if (b.depth == TCK_CONFIG_MAX_DEPTH) {
                tck_config_set_error(error, origin, line, "nested deeper than %d levels",
                          TCK_CONFIG_MAX_DEPTH);
                ok = FALSE;
                break;
            }
            node = tck_config_node_new(ev.type == YAML_SEQUENCE_START_EVENT ? TCK_CONFIG_LIST : TCK_CONFIG_MAP,
                            line);
            ok = yaml_attach(&b, node, error);
            if (ok)
                b.stack[b.depth++] = (YamlFrame){ .node = node };
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            g_assert(b.depth > 0);
            b.depth--;
            g_clear_pointer(&b.stack[b.depth].key, g_free);
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);

    for (guint i = 0; i < b.depth; i++)
        g_free(b.stack[i].key);
    if (!ok) {
        tck_config_node_free(b.root);
        return NULL;
    }

    /* An empty stream, `---` alone or `~` alone: no keys at all. */
    if (!b.root || (b.root->type == TCK_CONFIG_SCALAR && b.root->is_null)) {
        tck_config_node_free(b.root);
        return tck_config_node_new(TCK_CONFIG_MAP, 1);
    }
    if (b.root->type != TCK_CONFIG_MAP) {
        tck_config_set_error(error, origin, b.root->line, "the top level must be a map of keys, not %s",
                  tck_config_node_describe(b.root));
        tck_config_node_free(b.root);
        return NULL;
    }
    return b.root;
}
