/*
 * caps.c — reads capabilities and domain-capabilities XML into the host
 * model of tck/caps.h.
 */
#include <config.h>

#include <tck/caps.h>
#include <tck/error.h>
#include "fs-util.h"
#include "xpath.h"

static void
tck_guest_domain_free(TckGuestDomain *domain)
{
    if (!domain)
        return;
    g_free(domain->type);
    g_free(domain->emulator);
    g_strfreev(domain->machines);
    g_free(domain);
}

static void
tck_guest_free(TckGuest *guest)
{
    if (!guest)
        return;
    g_free(guest->os_type);
    g_free(guest->arch);
    g_free(guest->emulator);
    g_free(guest->loader);
    g_strfreev(guest->machines);
    g_strfreev(guest->machine_aliases);
    if (guest->domains)
        g_ptr_array_unref(guest->domains);
    g_strfreev(guest->features);
    g_free(guest);
}

void
tck_host_free(TckHost *host)
{
    if (!host)
        return;
    g_free(host->arch);
    if (host->guests)
        g_ptr_array_unref(host->guests);
    g_free(host);
}

/* NULL when the list is empty, so that "no override" reads as NULL. */
static GStrv
tck_strv_or_null(GStrv strv)
{
    if (strv && !strv[0]) {
        g_strfreev(strv);
        return NULL;
    }
    return strv;
}

static TckGuest *
tck_guest_parse(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *origin, guint index,
                GError **error)
{
    g_autoptr(GPtrArray) domains = NULL;
    g_autoptr(GPtrArray) features = NULL;
    g_autofree char *wordsize = NULL;
    TckGuest *guest = g_new0(TckGuest, 1);

    guest->os_type = tck_xpath_string(ctxt, node, "string(os_type)");
    guest->arch = tck_xpath_string(ctxt, node, "string(arch/@name)");
    if (!guest->os_type || !guest->arch) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE,
                    "%s: guest %u has no %s", origin, index + 1,
                    guest->os_type ? "<arch name=...>" : "<os_type>");
        tck_guest_free(guest);
        return NULL;
    }
    wordsize = tck_xpath_string(ctxt, node, "string(arch/wordsize)");
    guest->wordsize = wordsize ? (guint) g_ascii_strtoull(wordsize, NULL, 10) : 0;
    guest->emulator = tck_xpath_string(ctxt, node, "string(arch/emulator)");
    guest->loader = tck_xpath_string(ctxt, node, "string(arch/loader)");
    guest->machines = tck_xpath_strv(ctxt, node, "arch/machine");
    guest->machine_aliases = tck_xpath_strv(ctxt, node, "arch/machine[@canonical]");

    features = tck_xpath_nodes(ctxt, node, "features/*");
    guest->features = g_new0(char *, features->len + 1);
    for (guint i = 0; i < features->len; i++)
        guest->features[i] = g_strdup((const char *) ((xmlNodePtr) features->pdata[i])->name);

    guest->domains = g_ptr_array_new_with_free_func((GDestroyNotify) tck_guest_domain_free);
    domains = tck_xpath_nodes(ctxt, node, "arch/domain");
    for (guint i = 0; i < domains->len; i++) {
        xmlNodePtr dnode = domains->pdata[i];
        TckGuestDomain *domain = g_new0(TckGuestDomain, 1);

        domain->type = tck_xml_prop(dnode, "type");
        if (!domain->type || !*domain->type) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE,
                        "%s: guest %u (%s/%s) has a <domain> without a type",
                        origin, index + 1, guest->os_type, guest->arch);
            tck_guest_domain_free(domain);
            tck_guest_free(guest);
            return NULL;
        }
        domain->emulator = tck_xpath_string(ctxt, dnode, "string(emulator)");
        domain->machines = tck_strv_or_null(tck_xpath_strv(ctxt, dnode, "machine"));
        g_ptr_array_add(guest->domains, domain);
    }
    if (guest->domains->len == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE,
                    "%s: guest %u (%s/%s) names no <domain type=...>",
                    origin, index + 1, guest->os_type, guest->arch);
        tck_guest_free(guest);
        return NULL;
    }
    return guest;
}

TckHost *
tck_host_parse(const char *xml, gssize len, const char *origin, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) guests = NULL;
    g_autoptr(TckHost) host = NULL;

    doc = tck_xml_parse(xml, len, origin, "capabilities", TCK_ERROR_CAPS_PARSE, error);
    if (!doc)
        return NULL;
    ctxt = tck_xpath_new(doc);

    host = g_new0(TckHost, 1);
    host->arch = tck_xpath_string(ctxt, NULL, "string(/capabilities/host/cpu/arch)");
    if (!host->arch) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE,
                    "%s: no host CPU arch (<host><cpu><arch>)", origin);
        return NULL;
    }
    host->guests = g_ptr_array_new_with_free_func((GDestroyNotify) tck_guest_free);
    guests = tck_xpath_nodes(ctxt, NULL, "/capabilities/guest");
    for (guint i = 0; i < guests->len; i++) {
        TckGuest *guest = tck_guest_parse(ctxt, guests->pdata[i], origin, i, error);

        if (!guest)
            return NULL;
        g_ptr_array_add(host->guests, guest);
    }
    if (host->guests->len == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CAPS_NO_GUEST,
                    "%s: the host (%s) offers no guest at all", origin, host->arch);
        return NULL;
    }
    return g_steal_pointer(&host);
}

TckHost *
tck_host_parse_file(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    /* never more than the parser takes: /dev/zero is refused at once */
    if (!tck_fs_read_bounded(path, TCK_XML_MAX_BYTES, TCK_ERROR_CAPS_PARSE, &data, &len, error))
        return NULL;
    return tck_host_parse(data, (gssize) len, path, error);
}

const char *
tck_guest_domain_emulator(const TckGuest *guest, const TckGuestDomain *domain)
{
    return domain->emulator ? domain->emulator : guest->emulator;
}

const char *const *
tck_guest_domain_machines(const TckGuest *guest, const TckGuestDomain *domain)
{
    return (const char *const *) (domain->machines ? domain->machines : guest->machines);
}

/* ---- Domain capabilities ------------------------------------------- */

void
tck_domain_caps_free(TckDomainCaps *dcaps)
{
    if (!dcaps)
        return;
    g_free(dcaps->path);
    g_free(dcaps->domain_type);
    g_free(dcaps->machine);
    g_free(dcaps->arch);
    g_strfreev(dcaps->disk_buses);
    g_strfreev(dcaps->disk_devices);
    g_strfreev(dcaps->firmware);
    g_strfreev(dcaps->video_models);
    g_strfreev(dcaps->features);
    g_free(dcaps);
}

TckDomainCaps *
tck_domain_caps_parse(const char *xml, gssize len, const char *origin, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) features = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    TckDomainCaps *dcaps;

    doc = tck_xml_parse(xml, len, origin, "domainCapabilities", TCK_ERROR_CAPS_PARSE, error);
    if (!doc)
        return NULL;
    ctxt = tck_xpath_new(doc);

    dcaps = g_new0(TckDomainCaps, 1);
    dcaps->path = tck_xpath_string(ctxt, NULL, "string(/domainCapabilities/path)");
    dcaps->domain_type = tck_xpath_string(ctxt, NULL, "string(/domainCapabilities/domain)");
    dcaps->machine = tck_xpath_string(ctxt, NULL, "string(/domainCapabilities/machine)");
    dcaps->arch = tck_xpath_string(ctxt, NULL, "string(/domainCapabilities/arch)");
    dcaps->disk_buses = tck_xpath_strv(ctxt, NULL,
        "/domainCapabilities/devices/disk[@supported='yes']/enum[@name='bus']/value");
    dcaps->disk_devices = tck_xpath_strv(ctxt, NULL,
        "/domainCapabilities/devices/disk[@supported='yes']/enum[@name='diskDevice']/value");
    dcaps->firmware = tck_xpath_strv(ctxt, NULL,
        "/domainCapabilities/os[@supported='yes']/enum[@name='firmware']/value");
    dcaps->video_models = tck_xpath_strv(ctxt, NULL,
        "/domainCapabilities/devices/video[@supported='yes']/enum[@name='modelType']/value");

    features = tck_xpath_nodes(ctxt, NULL, "/domainCapabilities/features/*[@supported='yes']");
    for (guint i = 0; i < features->len; i++)
        g_ptr_array_add(names, g_strdup((const char *) ((xmlNodePtr) features->pdata[i])->name));
    g_ptr_array_add(names, NULL);
    dcaps->features = (GStrv) g_ptr_array_free(g_steal_pointer(&names), FALSE);
    return dcaps;
}
