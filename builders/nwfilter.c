/*
 * nwfilter.c — the network filter XML builder: chain, priority, rules
 * and references to other filters.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"


struct _TckNWFilterBuilder {
    TckXmlBuild x;
};

TckNWFilterBuilder *
tck_nwfilter_builder_new(const char *name, const char *chain)
{
    TckNWFilterBuilder *b = g_new0(TckNWFilterBuilder, 1);

    tck_build_init(&b->x, "filter");
    /* libvirt's schema takes an XML NCName: no spaces, colons, '<' or '&'. */
    if (!name || xmlValidateNCName(BAD_CAST name, 0) != 0)
        tck_build_fail(&b->x, "filter name '%s' must be an XML NCName (letters, digits, '-', '_', '.')",
                       name ? name : "");
    else
        tck_build_prop(&b->x, b->x.root, "name", name);
    if (chain && tck_build_need(&b->x, "filter chain", chain))
        tck_build_prop(&b->x, b->x.root, "chain", chain);
    return b;
}

void
tck_nwfilter_builder_free(TckNWFilterBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b);
}

void
tck_nwfilter_builder_set_uuid(TckNWFilterBuilder *b, const char *uuid)
{
    if (!uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(&b->x, "'%s' is not a UUID", uuid ? uuid : "(none)");
        return;
    }
    tck_build_child(&b->x, b->x.root, "uuid", uuid);
}

void
tck_nwfilter_builder_add_filterref(TckNWFilterBuilder *b, const char *filter)
{
    if (!filter || !*filter) {
        tck_build_fail(&b->x, "a filter reference needs a filter name");
        return;
    }
    tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "filterref", NULL), "filter", filter);
}

void
tck_nwfilter_builder_add_rule(TckNWFilterBuilder *b, const char *action, const char *direction,
                              int priority, const char *protocol, const char *const *attrs)
{
    g_autofree char *prio = g_strdup_printf("%d", priority);
    xmlNodePtr rule, match;

    if (!tck_build_need(&b->x, "rule action", action) ||
        !tck_build_need(&b->x, "rule direction", direction) ||
        !tck_build_need(&b->x, "rule protocol", protocol))
        return;
    if (priority < -1000 || priority > 1000) {
        tck_build_fail(&b->x, "rule priority %d is outside -1000..1000", priority);
        return;
    }
    rule = tck_build_child(&b->x, b->x.root, "rule", NULL);
    tck_build_prop(&b->x, rule, "action", action);
    tck_build_prop(&b->x, rule, "direction", direction);
    tck_build_prop(&b->x, rule, "priority", prio);
    match = tck_build_child(&b->x, rule, protocol, NULL);
    for (gsize i = 0; attrs && attrs[i]; i += 2) {
        if (!attrs[i + 1] || xmlValidateNCName(BAD_CAST attrs[i], 0) != 0) {
            tck_build_fail(&b->x, "rule attribute '%s' needs a name and a value", attrs[i]);
            return;
        }
        tck_build_prop(&b->x, match, attrs[i], attrs[i + 1]);
    }
}

char *
tck_nwfilter_builder_to_xml(TckNWFilterBuilder *b, GError **error)
{
    return tck_build_finish(&b->x, "nwfilter", error);
}

char *
tck_nwfilter_binding_xml(const char *owner_name, const char *owner_uuid, const char *portdev,
                         const char *mac, const char *filter, const char *const *params,
                         GError **error)
{
    TckXmlBuild x;
    char *xml;

    tck_build_init(&x, "filterbinding");
    tck_build_owner(&x, "filter binding", owner_name, owner_uuid);
    if (!portdev || !*portdev || !filter || !*filter)
        tck_build_fail(&x, "a filter binding needs a port device and a filter");
    tck_build_prop(&x, tck_build_child(&x, x.root, "portdev", NULL), "name", portdev);
    tck_build_mac(&x, x.root, mac);
    tck_build_filterref(&x, x.root, filter, params);
    xml = tck_build_finish(&x, "filter binding", error);
    tck_build_clear(&x);
    return xml;
}
