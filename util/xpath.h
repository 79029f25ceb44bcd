/*
 * xpath.h — the few XML helpers every reader goes through: parse a
 * document safely, and read strings, lists and nodes by XPath.  The only
 * place an XPath context is made, and where the xmlDoc/xmlXPathContext
 * autoptrs are defined.  Not installed.
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

G_BEGIN_DECLS

/* Documents larger than this are refused before parsing. */
#define TCK_XML_MAX_BYTES (8 * 1024 * 1024)

/**
 * tck_xml_parse:
 * @xml: the document
 * @len: its length, or -1 when NUL-terminated
 * @origin: names the document in error messages
 * @root: (nullable): the root element name the document must have
 * @code: the TckErrorCode to report failures with
 * @error: return location
 *
 * Parses without network access or entity expansion.  Empty input, a
 * document over TCK_XML_MAX_BYTES, a syntax error (with its line) or the
 * wrong root element are errors with @code.
 *
 * Returns: (transfer full): the document, or NULL with @error set.
 */
xmlDocPtr tck_xml_parse(const char *xml, gssize len, const char *origin,
                        const char *root, int code, GError **error);

typedef enum {
    TCK_XML_PARSE_DEFAULT = 0,
    TCK_XML_PARSE_KEEP_BLANKS = 1 << 0,   /* keep whitespace-only text nodes */
} TckXmlParseFlags;

/**
 * tck_xml_parse_full:
 * @max_bytes: documents larger than this are refused before parsing
 * @flags: TckXmlParseFlags
 *
 * tck_xml_parse() with its size limit and blank handling chosen by the
 * caller.  Never the "huge" option, never entity expansion, never network.
 */
xmlDocPtr tck_xml_parse_full(const char *xml, gssize len, const char *origin,
                             const char *root, gsize max_bytes, TckXmlParseFlags flags,
                             int code, GError **error);

/* A new XPath context on @doc (never NULL; aborts on OOM like GLib). */
xmlXPathContextPtr tck_xpath_new(xmlDocPtr doc);

/* The string value of @expr evaluated at @node (or the root when NULL);
 * NULL when it selects nothing or only an empty string. */
char *tck_xpath_string(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The first node @expr selects at @node (or the root when NULL), or NULL. */
xmlNodePtr tck_xpath_node(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The nodes @expr selects at @node, or NULL when @expr is not a node-set
 * expression (or not an expression at all).  (transfer container) */
GPtrArray *tck_xpath_nodeset(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The nodes @expr selects at @node (transfer container; may be empty). */
GPtrArray *tck_xpath_nodes(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The string values of the nodes @expr selects, in document order (never NULL). */
GStrv tck_xpath_strv(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* An element's attribute as a GLib string, or NULL. */
char *tck_xml_prop(xmlNodePtr node, const char *name);

/* The serialised document (UTF-8, indented, with XML declaration omitted). */
char *tck_xml_to_string(xmlDocPtr doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathObject, xmlXPathFreeObject)

G_END_DECLS
