/*
 * xml.h — small edits of an XML document a test already has (a domain
 * config from the builders), through libxml2, for scenarios such as
 * "the same guest under another name" or "another guest with this UUID".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * tck_xml_set_text:
 * @xml: a whole XML document
 * @path: "/root/child" (element text) or "/root/child/@attr" (attribute);
 *        one level of missing element or a missing attribute of an
 *        existing element is created
 * @value: the new text
 * @error: return location
 *
 * Returns: (transfer full): the edited document, or NULL with @error set
 * (TCK_ERROR_XML) when @xml does not parse or @path matches nothing.
 */
char *tck_xml_set_text(const char *xml, const char *path, const char *value, GError **error);

/**
 * tck_xml_get_text:
 * Returns: (transfer full): the text of the first node @path (XPath)
 * selects in @xml, or NULL when nothing matches or @xml does not parse.
 * An expression whose value is no node set gives that value as text
 * ("count(/domain/devices/disk)" gives "1").
 */
char *tck_xml_get_text(const char *xml, const char *path);

/**
 * tck_xml_add_child:
 * @xml: a whole XML document
 * @parent: XPath of the element to add to ("/domain/devices")
 * @child: a whole XML element (a device from tck_device_disk_xml(), ...)
 * @error: return location
 *
 * Returns: (transfer full): @xml with @child appended as @parent's last
 * child, or NULL with @error set (TCK_ERROR_XML) when either does not
 * parse or @parent matches nothing.
 */
char *tck_xml_add_child(const char *xml, const char *parent, const char *child, GError **error);

/**
 * tck_xml_get_strv:
 * Returns: (transfer full): the trimmed text of every node @path (XPath)
 * selects in @xml, in document order; empty (never NULL) when nothing
 * matches or @xml does not parse.
 */
GStrv tck_xml_get_strv(const char *xml, const char *path);

/**
 * tck_xml_get_texts:
 * Returns: (transfer full): the texts of every node @path (XPath) selects
 * in @xml, in document order (an empty vector when none matches), or NULL
 * when @xml does not parse or @path is not a node set.
 */
GStrv tck_xml_get_texts(const char *xml, const char *path);

G_END_DECLS
