/* xml-edit.c — set or read one value in an XML document by XPath (libxml2). */
#include <config.h>
#include <string.h>
#include <tck/xml.h>
#include <tck/error.h>
#include "xpath.h"

/* The document as given: blanks kept, since it is written back out. */
static xmlDocPtr
parse(const char *xml, GError **error)
{
    return tck_xml_parse_full(xml, -1, "input.xml", NULL, TCK_XML_MAX_BYTES,
                              TCK_XML_PARSE_KEEP_BLANKS, TCK_ERROR_XML, error);
}

static xmlNodePtr
first_node(xmlDocPtr doc, const char *path)
{
    g_autoptr(xmlXPathContext) ctxt = tck_xpath_new(doc);

    /* an absolute path: evaluated from the document node */
    return tck_xpath_node(ctxt, (xmlNodePtr) doc, path);
}

char *
tck_xml_get_text(const char *xml, const char *path)
{
    g_autoptr(xmlDoc) doc = parse(xml, NULL);
    g_autoptr(xmlXPathContext) ctxt = NULL;
    xmlNodePtr node;
    xmlChar *content;
    char *ret;

    if (!doc)
        return NULL;
    if (!(node = first_node(doc, path))) {
        /* An expression that is no node set ("count(...)") gives its value. */
        ctxt = tck_xpath_new(doc);
        return tck_xpath_string(ctxt, (xmlNodePtr) doc, path);
    }
    content = xmlNodeGetContent(node);
    ret = g_strdup((const char *)content);
    xmlFree(content);
    return ret;
}

GStrv
tck_xml_get_texts(const char *xml, const char *path)
{
    g_autoptr(xmlDoc) doc = parse(xml, NULL);
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) nodes = NULL;
    GPtrArray *out;

    if (!doc)
        return NULL;
    ctxt = tck_xpath_new(doc);
    if (!(nodes = tck_xpath_nodeset(ctxt, (xmlNodePtr) doc, path)))
        return NULL;
    out = g_ptr_array_new();
    for (guint i = 0; i < nodes->len; i++) {
        xmlChar *content = xmlNodeGetContent(nodes->pdata[i]);

        g_ptr_array_add(out, g_strdup(content ? (const char *) content : ""));
        xmlFree(content);
    }
    g_ptr_array_add(out, NULL);
    return (GStrv) g_ptr_array_free(out, FALSE);
}

char *
tck_xml_add_child(const char *xml, const char *parent, const char *child, GError **error)
{
    g_autoptr(xmlDoc) doc = parse(xml, NULL);
    g_autoptr(xmlDoc) part = parse(child, NULL);
    xmlNodePtr node, copy;
    xmlChar *out = NULL;
    int len = 0;
    char *ret;

    if (!doc || !part || !xmlDocGetRootElement(part)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_XML, "%s does not parse as XML", doc ? "the child" : "the document");
        return NULL;
    }
    if (!(node = first_node(doc, parent)) || node->type != XML_ELEMENT_NODE) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_XML, "'%s' matches no element in the document", parent);
        return NULL;
    }
    copy = xmlDocCopyNode(xmlDocGetRootElement(part), doc, 1);
    xmlAddChild(node, copy);
    xmlDocDumpMemory(doc, &out, &len);
    ret = g_strndup((const char *)out, len);
    xmlFree(out);
    return ret;
}

GStrv
tck_xml_get_strv(const char *xml, const char *path)
{
    GStrv texts = xml ? tck_xml_get_texts(xml, path) : NULL;

    if (!texts)
        return g_new0(char *, 1);
    for (guint i = 0; texts[i]; i++)
        g_strstrip(texts[i]);
    return texts;
}

char *
tck_xml_set_text(const char *xml, const char *path, const char *value, GError **error)
{
    g_autoptr(xmlDoc) doc = parse(xml, error);
    xmlNodePtr node;
    xmlChar *out = NULL;
    int len = 0;
    char *ret;

    if (!doc)
        return NULL;
    if (!(node = first_node(doc, path))) {
        /* Create one missing element (not attribute) under its parent. */
        const char *slash = strrchr(path, '/');
        g_autofree char *parent_path = slash ? g_strndup(path, slash - path) : NULL;
        xmlNodePtr parent = parent_path && *parent_path ? first_node(doc, parent_path) : NULL;

        if (parent && slash[1] == '@' && parent->type == XML_ELEMENT_NODE &&
            g_regex_match_simple("^[A-Za-z_][A-Za-z0-9_.-]*$", slash + 2, 0, 0)) {
            /* A missing attribute of an existing element: add it. */
            node = (xmlNodePtr) xmlSetProp(parent, (const xmlChar *)(slash + 2), (const xmlChar *)value);
        } else if (!parent || slash[1] == '@' ||
                   !g_regex_match_simple("^[A-Za-z_][A-Za-z0-9_.-]*$", slash + 1, 0, 0)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_XML, "'%s' matches nothing in the document", path);
            return NULL;
        } else {
            node = xmlNewChild(parent, NULL, (const xmlChar *)(slash + 1), NULL);
        }
    }
    /* xmlNodeSetContent expects escaped text; escape through the tree API. */
    if (node->type == XML_ATTRIBUTE_NODE) {
        xmlSetProp(node->parent, node->name, (const xmlChar *)value);
    } else {
        xmlChar *escaped = xmlEncodeSpecialChars(doc, (const xmlChar *)value);
        xmlNodeSetContent(node, escaped);
        xmlFree(escaped);
    }
    xmlDocDumpMemory(doc, &out, &len);
    ret = g_strndup((const char *)out, len);
    xmlFree(out);
    return ret;
}
