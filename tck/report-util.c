/*
 * report-util.c — XML-safe text, timestamps and status classes shared by
 * the report writers (xml, junit, html) and the report reader.
 */
#include <config.h>

#include <string.h>
#include <libxml/HTMLtree.h>

#include "report-util.h"

static gboolean
xml_char_ok(gunichar c)
{
    return c == 0x9 || c == 0xA || c == 0xD ||
           (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

gboolean
tck_xml_text_is_safe(const char *text)
{
    const char *p;

    if (!g_utf8_validate(text, -1, NULL))
        return FALSE;
    for (p = text; *p; p = g_utf8_next_char(p)) {
        if (!xml_char_ok(g_utf8_get_char(p)))
            return FALSE;
    }
    return TRUE;
}

char *
tck_xml_text_sanitize(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    const char *p = text;
    const char *end = text + strlen(text);

    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);

        if (c == (gunichar) -1 || c == (gunichar) -2) {
            g_string_append_unichar(out, 0xFFFD);
            p++;
            continue;
        }
        if (xml_char_ok(c))
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        else
            g_string_append_unichar(out, 0xFFFD);
        p = g_utf8_next_char(p);
    }
    return g_string_free(out, FALSE);
}

xmlNodePtr
tck_xml_add_text(xmlNodePtr parent, const char *name, const char *text, gboolean lossless)
{
    xmlNodePtr node;

    if (!text)
        return NULL;
    if (tck_xml_text_is_safe(text))
        return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
    if (lossless) {
        g_autofree char *b64 = g_base64_encode((const guchar *) text, strlen(text));

        node = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST b64);
        xmlSetProp(node, BAD_CAST "encoding", BAD_CAST "base64");
    } else {
        g_autofree char *clean = tck_xml_text_sanitize(text);

        node = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST clean);
    }
    return node;
}

char *
tck_xml_node_text(xmlNodePtr node)
{
    g_autofree xmlChar *enc = xmlGetProp(node, BAD_CAST "encoding");
    xmlChar *content = xmlNodeGetContent(node);
    char *ret;

    if (!content)
        return g_strdup("");
    if (enc && xmlStrEqual(enc, BAD_CAST "base64")) {
        gsize len = 0;
        guchar *raw = g_base64_decode((const char *) content, &len);

        ret = g_malloc(len + 1);
        memcpy(ret, raw, len);
        ret[len] = '\0';
        g_free(raw);
    } else {
        ret = g_strdup((const char *) content);
    }
    xmlFree(content);
    return ret;
}

void
tck_xml_set_propf(xmlNodePtr node, const char *name, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *value = NULL;

    va_start(ap, fmt);
    value = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    xmlSetProp(node, BAD_CAST name, BAD_CAST value);
}

xmlNodePtr
tck_html_el(xmlNodePtr parent, const char *tag, const char *klass, const char *text)
{
    xmlNodePtr node;

    if (text) {
        g_autofree char *clean = tck_xml_text_sanitize(text);

        node = xmlNewTextChild(parent, NULL, BAD_CAST tag, BAD_CAST clean);
    } else {
        node = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
    }
    if (klass)
        xmlSetProp(node, BAD_CAST "class", BAD_CAST klass);
    return node;
}

xmlDocPtr
tck_html_page_new(const char *title, const char *css, xmlNodePtr *body)
{
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlNodePtr head, meta;

    xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
    xmlDocSetRootElement(doc, html);
    xmlSetProp(html, BAD_CAST "lang", BAD_CAST "en");
    head = tck_html_el(html, "head", NULL, NULL);
    meta = tck_html_el(head, "meta", NULL, NULL);
    xmlSetProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
    tck_html_el(head, "title", NULL, title);
    tck_html_el(head, "style", NULL, css);
    *body = tck_html_el(html, "body", NULL, NULL);
    return doc;
}

char *
tck_html_page_finish(xmlDocPtr doc)
{
    xmlChar *mem = NULL;
    int len = 0;
    char *ret;

    htmlDocDumpMemoryFormat(doc, &mem, &len, 1);
    ret = g_strndup((const char *) mem, len);
    xmlFree(mem);
    xmlFreeDoc(doc);
    return ret;
}

char *
tck_time_format_iso(gint64 us)
{
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(us / G_USEC_PER_SEC);
    g_autofree char *base = NULL;

    if (!dt)
        return g_strdup("1970-01-01T00:00:00.000000Z");
    base = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");
    return g_strdup_printf("%s.%06" G_GINT64_FORMAT "Z", base, us % G_USEC_PER_SEC);
}

gboolean
tck_time_parse_iso(const char *str, gint64 *us)
{
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(str, NULL);

    if (!dt)
        return FALSE;
    *us = g_date_time_to_unix(dt) * G_USEC_PER_SEC + g_date_time_get_microsecond(dt);
    return TRUE;
}

char *
tck_time_format_human(gint64 us)
{
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(us / G_USEC_PER_SEC);

    if (!dt)
        return g_strdup("?");
    return g_date_time_format(dt, "%Y-%m-%d %H:%M:%S UTC");
}

char *
tck_duration_format(gint64 us)
{
    if (us < 0)
        us = 0;
    if (us < 10 * G_USEC_PER_SEC)
        return g_strdup_printf("%.3f s", us / 1e6);
    if (us < 60 * G_USEC_PER_SEC)
        return g_strdup_printf("%.1f s", us / 1e6);
    return g_strdup_printf("%" G_GINT64_FORMAT " min %02" G_GINT64_FORMAT " s",
                           us / (60 * G_USEC_PER_SEC), (us / G_USEC_PER_SEC) % 60);
}

gboolean
tck_status_is_failure(TckStatus status)
{
    return tck_status_info(status)->failure;
}

gboolean
tck_status_is_skipped(TckStatus status)
{
    return tck_status_info(status)->counts_as == TCK_COUNT_SKIPPED;
}
