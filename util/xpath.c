/*
 * xpath.c — safe XML parsing and the small XPath readers used by every
 * layer: capabilities, builders, libtck and the harness's report reader.
 */
#include <config.h>

#include <string.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include <tck/error.h>
#include "xpath.h"

xmlDocPtr
tck_xml_parse(const char *xml, gssize len, const char *origin, const char *root,
              int code, GError **error)
{
    return tck_xml_parse_full(xml, len, origin, root, TCK_XML_MAX_BYTES, TCK_XML_PARSE_DEFAULT,
                              code, error);
}

xmlDocPtr
tck_xml_parse_full(const char *xml, gssize len, const char *origin, const char *root,
                   gsize max_bytes, TckXmlParseFlags flags, int code, GError **error)
{
    gsize size = len < 0 ? (xml ? strlen(xml) : 0) : (gsize) len;
    xmlParserCtxtPtr pctxt = NULL;
    xmlDocPtr doc = NULL;
    xmlNodePtr top;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    gsize blank = 0;

    /* @xml need not be NUL-terminated: look at @size bytes, no more (found by fuzz-caps). */
    while (xml && blank < size && strchr(" \t\r\n", xml[blank]) && xml[blank])
        blank++;
    if (!xml || size == 0 || blank >= size) {
        g_set_error(error, TCK_ERROR, code, "%s: the document is empty", origin);
        return NULL;
    }
    if (size > max_bytes || size > G_MAXINT) {
        g_set_error(error, TCK_ERROR, code,
                    "%s: the document is %" G_GSIZE_FORMAT " bytes, more than the %" G_GSIZE_FORMAT
                    " byte limit", origin, size, MIN(max_bytes, (gsize) G_MAXINT));
        return NULL;
    }
    if (!(flags & TCK_XML_PARSE_KEEP_BLANKS))
        options |= XML_PARSE_NOBLANKS;

    pctxt = xmlNewParserCtxt();
    if (!pctxt)
        g_error("out of memory creating an XML parser");
    doc = xmlCtxtReadMemory(pctxt, xml, (int) size, origin, NULL, options);
    if (!doc || !pctxt->wellFormed) {
        const xmlError *err = xmlCtxtGetLastError(pctxt);
        g_autofree char *msg = g_strdup(err && err->message ? err->message : "not well-formed");

        g_strchomp(msg);
        g_set_error(error, TCK_ERROR, code, "%s: not well-formed XML at line %d: %s",
                    origin, err ? err->line : 0, msg);
        if (doc)
            xmlFreeDoc(doc);
        xmlFreeParserCtxt(pctxt);
        return NULL;
    }
    xmlFreeParserCtxt(pctxt);

    top = xmlDocGetRootElement(doc);
    if (!top || (root && !xmlStrEqual(top->name, BAD_CAST root))) {
        g_set_error(error, TCK_ERROR, code, "%s: the root element is <%s>, expected <%s>",
                    origin, top ? (const char *) top->name : "(none)", root);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlXPathContextPtr
tck_xpath_new(xmlDocPtr doc)
{
    xmlXPathContextPtr ctxt = xmlXPathNewContext(doc);

    if (!ctxt)
        g_error("out of memory creating an XPath context");
    return ctxt;
}

static xmlXPathObjectPtr
tck_xpath_eval(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    ctxt->node = node ? node : xmlDocGetRootElement(ctxt->doc);
    return xmlXPathEvalExpression(BAD_CAST expr, ctxt);
}

char *
tck_xpath_string(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    g_autoptr(xmlXPathObject) obj = tck_xpath_eval(ctxt, node, expr);
    g_autofree xmlChar *str = NULL;

    if (!obj)
        return NULL;
    if (obj->type == XPATH_NODESET && xmlXPathNodeSetIsEmpty(obj->nodesetval))
        return NULL;
    str = xmlXPathCastToString(obj);
    if (!str || !*str) {
        return NULL;
    }
    return g_strstrip(g_strdup((const char *) str));
}

xmlNodePtr
tck_xpath_node(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    g_autoptr(xmlXPathObject) obj = tck_xpath_eval(ctxt, node, expr);

    if (obj && obj->type == XPATH_NODESET && obj->nodesetval && obj->nodesetval->nodeNr > 0)
        return obj->nodesetval->nodeTab[0];
    return NULL;
}

GPtrArray *
tck_xpath_nodeset(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    g_autoptr(xmlXPathObject) obj = tck_xpath_eval(ctxt, node, expr);
    GPtrArray *nodes;

    if (!obj || obj->type != XPATH_NODESET)
        return NULL;
    nodes = g_ptr_array_new();
    for (int i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr; i++)
        g_ptr_array_add(nodes, obj->nodesetval->nodeTab[i]);
    return nodes;
}

GPtrArray *
tck_xpath_nodes(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    GPtrArray *nodes = tck_xpath_nodeset(ctxt, node, expr);

    return nodes ? nodes : g_ptr_array_new();
}

GStrv
tck_xpath_strv(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    g_autoptr(GPtrArray) nodes = tck_xpath_nodes(ctxt, node, expr);
    GPtrArray *values = g_ptr_array_new();

    for (guint i = 0; i < nodes->len; i++) {
        g_autofree xmlChar *content = xmlNodeGetContent(nodes->pdata[i]);
        g_autofree char *value = g_strstrip(g_strdup(content ? (const char *) content : ""));

        if (*value)
            g_ptr_array_add(values, g_steal_pointer(&value));
    }
    g_ptr_array_add(values, NULL);
    return (GStrv) g_ptr_array_free(values, FALSE);
}

char *
tck_xml_prop(xmlNodePtr node, const char *name)
{
    g_autofree xmlChar *value = xmlGetProp(node, BAD_CAST name);

    return value ? g_strdup((const char *) value) : NULL;
}

char *
tck_xml_to_string(xmlDocPtr doc)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_FORMAT | XML_SAVE_NO_DECL);
    char *out;

    xmlSaveDoc(save, doc);
    xmlSaveClose(save);
    out = g_strdup((const char *) xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}
