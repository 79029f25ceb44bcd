/*
 * yaml-xml.h — a YAML document read into an XML tree, so that YAML data
 * files are checked with RelaxNG and read with the XPath helpers like
 * every other document of the kit.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Documents larger than this, or with more nodes, are refused. */
#define TCK_YAML_MAX_BYTES (16 * 1024 * 1024)
#define TCK_YAML_MAX_NODES 1000000

/**
 * tck_yaml_to_xml:
 * @data: the YAML text
 * @len: its length
 * @origin: names the text in error messages ("FILE:LINE: ...")
 * @error: return location (TCK_ERROR_CONFIG)
 *
 * Reads exactly one YAML document.  The XML has a root <yaml> holding the
 * document's node; a sequence is <seq>, a mapping is <map>, and each
 * mapping entry is an element named by its key holding the value (text
 * for a scalar, a <seq> or <map> child otherwise).  Every element carries
 * line='N', the line of its node in the YAML.  Keys must be XML names.
 * Aliases, anchors and a second document are refused.
 *
 * Returns: (transfer full): the document, or NULL with @error set.
 */
xmlDocPtr tck_yaml_to_xml(const char *data, gsize len, const char *origin, GError **error);

/* The line='N' of @node, or 0. */
guint tck_yaml_node_line(xmlNodePtr node);

G_END_DECLS
