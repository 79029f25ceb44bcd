/*
 * yaml-xml.c — one YAML document into an XML tree (see yaml-xml.h), on
 * libyaml's event parser.
 */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include <libxml/parser.h>
#include <tck/error.h>
#include "xpath.h"
#include "yaml-xml.h"

typedef struct {
    const char *origin;
    yaml_parser_t parser;
    xmlDocPtr doc;
    guint nodes;
} YamlRead;

static gboolean
fail(YamlRead *r, guint line, GError **error, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static gboolean
fail(YamlRead *r, guint line, GError **error, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "%s:%u: %s", r->origin, line, msg);
    return FALSE;
}

static gboolean
next_event(YamlRead *r, yaml_event_t *ev, GError **error)
{
    if (!yaml_parser_parse(&r->parser, ev))
        return fail(r, (guint) r->parser.problem_mark.line + 1, error, "%s",
                    r->parser.problem ? r->parser.problem : "malformed YAML");
    if (ev->type == YAML_ALIAS_EVENT ||
        ((ev->type == YAML_SCALAR_EVENT || ev->type == YAML_MAPPING_START_EVENT ||
          ev->type == YAML_SEQUENCE_START_EVENT) && ev->data.scalar.anchor)) {
        guint line = (guint) ev->start_mark.line + 1;
        yaml_event_delete(ev);
        return fail(r, line, error, "anchors and aliases are not allowed here");
    }
    return TRUE;
}

static xmlNodePtr
new_element(YamlRead *r, xmlNodePtr parent, const char *name, guint line)
{
    xmlNodePtr node = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    char buf[16];

    g_snprintf(buf, sizeof(buf), "%u", line);
    xmlNewProp(node, BAD_CAST "line", BAD_CAST buf);
    r->nodes++;
    return node;
}

static gboolean read_node(YamlRead *r, yaml_event_t *ev, xmlNodePtr into, guint depth, GError **error);

/* The events after a mapping or sequence start, up to its end, into @node. */
static gboolean
read_collection(YamlRead *r, xmlNodePtr node, gboolean is_map, guint depth, GError **error)
{
    for (;;) {
        yaml_event_t ev;
        gboolean ok;

        if (r->nodes > TCK_YAML_MAX_NODES)
            return fail(r, tck_yaml_node_line(node), error, "more than %d nodes", TCK_YAML_MAX_NODES);
        if (!next_event(r, &ev, error))
            return FALSE;
        if (ev.type == YAML_MAPPING_END_EVENT || ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return TRUE;
        }
        if (is_map) {
            guint line = (guint) ev.start_mark.line + 1;
            g_autofree char *key = NULL;
            xmlNodePtr entry;
            yaml_event_t value;

            if (ev.type != YAML_SCALAR_EVENT) {
                yaml_event_delete(&ev);
                return fail(r, line, error, "a mapping key must be a plain word");
            }
            key = g_strndup((const char *) ev.data.scalar.value, ev.data.scalar.length);
            yaml_event_delete(&ev);
            if (xmlValidateNCName(BAD_CAST key, 0) != 0)
                return fail(r, line, error, "'%s' is not a usable key", key);
            entry = new_element(r, node, key, line);
            if (!next_event(r, &value, error))
                return FALSE;
            ok = read_node(r, &value, entry, depth + 1, error);
        } else {
            ok = read_node(r, &ev, node, depth + 1, error);
        }
        if (!ok)
            return FALSE;
    }
}

/*
 * One node, whose first event is @ev (consumed).  A scalar becomes text of
 * @into when @into is a mapping entry, else an <item>; a collection
 * becomes a <map>/<seq> child of @into.
 */
static gboolean
read_node(YamlRead *r, yaml_event_t *ev, xmlNodePtr into, guint depth, GError **error)
{
    guint line = (guint) ev->start_mark.line + 1;
    gboolean entry = !xmlStrEqual(into->name, BAD_CAST "seq") && !xmlStrEqual(into->name, BAD_CAST "yaml");

    if (depth > 64) {
        yaml_event_delete(ev);
        return fail(r, line, error, "nested deeper than 64 levels");
    }
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        gsize length = ev->data.scalar.length;
        g_autofree char *text = g_strndup((const char *) ev->data.scalar.value, length);
        xmlNodePtr target = entry ? into : new_element(r, into, "item", line);

        yaml_event_delete(ev);
        if (strlen(text) != length)
            return fail(r, line, error, "a value holds a NUL byte");
        xmlNodeAddContent(target, BAD_CAST text);
        return TRUE;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        gboolean is_map = ev->type == YAML_MAPPING_START_EVENT;
        xmlNodePtr node = new_element(r, into, is_map ? "map" : "seq", line);

        yaml_event_delete(ev);
        return read_collection(r, node, is_map, depth, error);
    }
    default:
        yaml_event_delete(ev);
        return fail(r, line, error, "unexpected YAML event");
    }
}

xmlDocPtr
tck_yaml_to_xml(const char *data, gsize len, const char *origin, GError **error)
{
    YamlRead r = { .origin = origin ? origin : "<memory>" };
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr root;
    gboolean ok = TRUE, seen_doc = FALSE, done = FALSE;

    if (len > TCK_YAML_MAX_BYTES) {
        fail(&r, 0, error, "larger than the %d MiB limit", TCK_YAML_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        fail(&r, 0, error, "holds a NUL byte: not a YAML text");
        return NULL;
    }
    doc = xmlNewDoc(BAD_CAST "1.0");
    root = xmlNewDocNode(doc, NULL, BAD_CAST "yaml", NULL);
    xmlDocSetRootElement(doc, root);
    r.doc = doc;
    yaml_parser_initialize(&r.parser);
    yaml_parser_set_input_string(&r.parser, (const unsigned char *) data, len);
    while (ok && !done) {
        yaml_event_t ev;

        if (!(ok = next_event(&r, &ev, error)))
            break;
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            yaml_event_delete(&ev);
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (seen_doc) {
                guint line = (guint) ev.start_mark.line + 1;
                yaml_event_delete(&ev);
                ok = fail(&r, line, error, "a second YAML document: one file holds one document");
                break;
            }
            seen_doc = TRUE;
            yaml_event_delete(&ev);
            break;
        case YAML_STREAM_END_EVENT:
            yaml_event_delete(&ev);
            done = TRUE;
            break;
        default:
            ok = read_node(&r, &ev, root, 0, error);
            break;
        }
    }
    yaml_parser_delete(&r.parser);
    if (!ok)
        return NULL;
    return g_steal_pointer(&doc);
}

guint
tck_yaml_node_line(xmlNodePtr node)
{
    xmlChar *line = node ? xmlGetProp(node, BAD_CAST "line") : NULL;
    guint n = line ? (guint) strtoul((const char *) line, NULL, 10) : 0;

    xmlFree(line);
    return n;
}
