/*
 * xml.c — the shared core of every builder (see builder-private.h).
 */
#include <config.h>

#include <tck/error.h>
#include "builder-private.h"
#include "xpath.h"

void
tck_build_init(TckXmlBuild *x, const char *root)
{
    x->doc = xmlNewDoc(BAD_CAST "1.0");
    x->root = xmlNewNode(NULL, BAD_CAST root);
    xmlDocSetRootElement(x->doc, x->root);
    x->error = NULL;
}

void
tck_build_clear(TckXmlBuild *x)
{
    if (x->doc)
        xmlFreeDoc(x->doc);
    x->doc = NULL;
    x->root = NULL;
    g_clear_error(&x->error);
}

void
tck_build_fail(TckXmlBuild *x, const char *fmt, ...)
{
    va_list ap;

    if (x->error)
        return;
    va_start(ap, fmt);
    x->error = g_error_new_valist(TCK_ERROR, TCK_ERROR_BUILDER, fmt, ap);
    va_end(ap);
}

gboolean
tck_build_need(TckXmlBuild *x, const char *what, const char *value)
{
    if (value && *value)
        return TRUE;
    tck_build_fail(x, "a %s is needed", what);
    return FALSE;
}

/* XML 1.0 carries neither invalid UTF-8 nor C0 controls other than tab/LF/CR. */
static gboolean
tck_build_text_ok(TckXmlBuild *x, const char *where, const char *text)
{
    if (!g_utf8_validate(text, -1, NULL)) {
        tck_build_fail(x, "%s is not valid UTF-8", where);
        return FALSE;
    }
    for (const char *p = text; *p; p++) {
        if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
            tck_build_fail(x, "%s holds control character 0x%02x, which XML cannot carry",
                           where, (guchar) *p);
            return FALSE;
        }
    }
    return TRUE;
}

xmlNodePtr
tck_build_child(TckXmlBuild *x, xmlNodePtr parent, const char *name, const char *text)
{
    if (text && !tck_build_text_ok(x, name, text))
        text = NULL;
    return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
}

xmlNodePtr
tck_build_child_once(TckXmlBuild *x, xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr child = parent->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, BAD_CAST name))
            return child;
    }
    return tck_build_child(x, parent, name, NULL);
}

void
tck_build_prop(TckXmlBuild *x, xmlNodePtr node, const char *name, const char *value)
{
    if (!value)
        return;
    if (!tck_build_text_ok(x, name, value))
        return;
    xmlSetProp(node, BAD_CAST name, BAD_CAST value);
}

void
tck_build_prop_uint(TckXmlBuild *x, xmlNodePtr node, const char *name, guint64 value)
{
    char buf[32];

    g_snprintf(buf, sizeof(buf), "%" G_GUINT64_FORMAT, value);
    xmlSetProp(node, BAD_CAST name, BAD_CAST buf);
}

void
tck_build_mac(TckXmlBuild *x, xmlNodePtr parent, const char *mac)
{
    if (!mac || !g_regex_match_simple("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$", mac, 0, 0)) {
        tck_build_fail(x, "'%s' is not a MAC address", mac ? mac : "(none)");
        return;
    }
    tck_build_prop(x, tck_build_child(x, parent, "mac", NULL), "address", mac);
}

void
tck_build_owner(TckXmlBuild *x, const char *what, const char *name, const char *uuid)
{
    xmlNodePtr owner;

    if (!name || !*name || !uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(x, "a %s needs an owner's name and UUID", what);
        return;
    }
    owner = tck_build_child(x, x->root, "owner", NULL);
    tck_build_child(x, owner, "name", name);
    tck_build_child(x, owner, "uuid", uuid);
}

void
tck_build_filterref(TckXmlBuild *x, xmlNodePtr parent, const char *filter, const char *const *params)
{
    xmlNodePtr ref = tck_build_child(x, parent, "filterref", NULL);

    tck_build_prop(x, ref, "filter", filter);
    for (guint i = 0; params && params[i] && params[i + 1]; i += 2) {
        xmlNodePtr param = tck_build_child(x, ref, "parameter", NULL);

        tck_build_prop(x, param, "name", params[i]);
        tck_build_prop(x, param, "value", params[i + 1]);
    }
}

char *
tck_build_finish(TckXmlBuild *x, const char *what, GError **error)
{
    if (x->error) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER, "%s: %s", what, x->error->message);
        return NULL;
    }
    return tck_xml_to_string(x->doc);
}
