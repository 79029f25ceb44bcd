/*
 * report-util.h — small helpers shared by the report writers and readers:
 * XML-safe text, timestamps and durations, and status classes.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "results.h"

G_BEGIN_DECLS

/* TRUE when @text can be stored verbatim as XML 1.0 character data. */
gboolean tck_xml_text_is_safe(const char *text);

/*
 * A copy of @text where every byte sequence that is not valid UTF-8, and
 * every character XML 1.0 forbids, is replaced by U+FFFD.
 */
char *tck_xml_text_sanitize(const char *text);

/*
 * tck_xml_add_text:
 * @parent: element to append to
 * @name: child element name (in @parent's namespace)
 * @text: (nullable): content; nothing is added when NULL
 * @lossless: when TRUE, unsafe text is stored as base64 with
 *   encoding="base64"; when FALSE it is sanitized
 *
 * Returns: (nullable): the new child.
 */
xmlNodePtr tck_xml_add_text(xmlNodePtr parent, const char *name, const char *text,
                            gboolean lossless);

/* Reads back what tck_xml_add_text() stored (decoding base64). */
char *tck_xml_node_text(xmlNodePtr node);

/* Sets an attribute from a printf format. */
void tck_xml_set_propf(xmlNodePtr node, const char *name, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/*
 * HTML pages (format-html.c, report-matrix.c), on libxml2's tree API: the
 * serializer escapes every text and attribute, nothing is printf'd.
 */

/* The statuses' colours as CSS variables (--pass, --fail, ...), for every page. */
#define TCK_HTML_PALETTE_CSS \
    ":root{--pass:#2e7d32;--fail:#c62828;--error:#6a1b9a;--skip:#757575;--xfail:#ef6c00;" \
    "--xpass:#1565c0;--todo:#9e9d24;--bg:#fafafa;--line:#ddd}\n"

/*
 * tck_html_el:
 * @parent: element to append to
 * @tag: the new element's name
 * @klass: (nullable): its class attribute
 * @text: (nullable): its text, sanitized (tck_xml_text_sanitize())
 *
 * Returns: the new child of @parent.
 */
xmlNodePtr tck_html_el(xmlNodePtr parent, const char *tag, const char *klass, const char *text);

/*
 * tck_html_page_new:
 * @title: the page's <title>
 * @css: the page's inline style sheet
 * @body: (out): the empty <body>
 *
 * Returns: (transfer full): an HTML document <html lang="en"> with its
 * head (charset, title, style) and body; tck_html_page_finish() it.
 */
xmlDocPtr tck_html_page_new(const char *title, const char *css, xmlNodePtr *body);

/* Serializes @doc (indented) and frees it.  Transfer full. */
char *tck_html_page_finish(xmlDocPtr doc);

/* "2026-11-27T02:12:18.123456Z" (UTC) for microseconds since the epoch. */
char *tck_time_format_iso(gint64 us);
/* Parses what tck_time_format_iso() writes (any ISO 8601 with a zone). */
gboolean tck_time_parse_iso(const char *str, gint64 *us);
/* "2026-11-27 02:12:18 UTC" for people. */
char *tck_time_format_human(gint64 us);
/* "0.123 s", "12.3 s", "2 min 03 s". */
char *tck_duration_format(gint64 us);

/* Status classes used by exit codes, JUnit and compare. */
/* Shorthands for the status table's columns (results.h). */
gboolean tck_status_is_failure(TckStatus status);   /* fail, error: unexpected */
gboolean tck_status_is_skipped(TckStatus status);   /* counts as skipped: skip */

G_END_DECLS
