/*
 * device.c — the XML of one device (a disk, an interface) on its own, for
 * virDomainAttachDevice() and friends: the domain builder makes it, so the
 * same checks and escaping apply, and only the device element is kept.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"
#include "xpath.h"

/* The one device element of a builder's domain, serialised. */
static char *
tck_device_from_domain(TckDomainBuilder *b, const char *element, GError **error)
{
    g_autofree char *xml = tck_domain_builder_to_xml(b, error);
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) nodes = NULL;
    g_autofree char *expr = g_strdup_printf("/domain/devices/%s", element);
    xmlBufferPtr buf;
    char *out;

    if (!xml)
        return NULL;
    if (!(doc = tck_xml_parse(xml, -1, "device", "domain", TCK_ERROR_BUILDER, error)))
        return NULL;
    ctxt = tck_xpath_new(doc);
    nodes = tck_xpath_nodes(ctxt, NULL, expr);
    if (nodes->len != 1) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER, "the builder made %u <%s> elements, not one",
                    nodes->len, element);
        return NULL;
    }
    buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, nodes->pdata[0], 0, 1);
    out = g_strdup((const char *) xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}

/* A scaffold domain of @domain_type that the device is added to. */
static TckDomainBuilder *
tck_device_scaffold(const char *domain_type)
{
    TckDomainBuilder *b = tck_domain_builder_new(domain_type ? domain_type : "test", "device");

    tck_domain_builder_set_memory(b, 1024);
    tck_domain_builder_set_os(b, "hvm", NULL, NULL);
    return b;
}

char *
tck_device_disk_xml(const char *domain_type, const TckDiskSpec *disk, GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_device_scaffold(domain_type);

    tck_domain_builder_add_disk(b, disk);
    return tck_device_from_domain(b, "disk", error);
}

char *
tck_device_interface_xml(const char *domain_type, const TckInterfaceSpec *nic, GError **error)
{
    g_autoptr(TckDomainBuilder) b = tck_device_scaffold(domain_type);

    tck_domain_builder_add_interface(b, nic);
    return tck_device_from_domain(b, "interface", error);
}

/* <hostdev mode='subsystem' type=@type managed=@managed><source>… */
static xmlNodePtr
tck_device_hostdev(TckXmlBuild *x, const char *type, gboolean managed)
{
    tck_build_init(x, "hostdev");
    tck_build_prop(x, x->root, "mode", "subsystem");
    tck_build_prop(x, x->root, "type", type);
    if (managed)
        tck_build_prop(x, x->root, "managed", "yes");
    return tck_build_child(x, x->root, "source", NULL);
}

/* @value as given ("0x0781", "07"), checked to be a hex number. */
static void
tck_device_hex_prop(TckXmlBuild *x, xmlNodePtr node, const char *name, const char *value)
{
    g_autofree char *full = NULL;

    if (!value)
        return;
    if (!g_regex_match_simple("^(0x)?[0-9a-fA-F]{1,8}$", value, 0, 0)) {
        tck_build_fail(x, "host device %s '%s' is not a hex number", name, value);
        return;
    }
    full = g_str_has_prefix(value, "0x") ? g_strdup(value) : g_strdup_printf("0x%s", value);
    tck_build_prop(x, node, name, full);
}

char *
tck_device_hostdev_usb_xml(const char *vendor, const char *product, const char *bus, const char *device,
                           GError **error)
{
    TckXmlBuild x = { 0 };
    xmlNodePtr source = tck_device_hostdev(&x, "usb", FALSE);
    char *out;

    if ((!vendor || !product) && (!bus || !device))
        tck_build_fail(&x, "a host USB device needs a vendor and product, or a bus and device");
    if (vendor && product) {
        tck_device_hex_prop(&x, tck_build_child(&x, source, "vendor", NULL), "id", vendor);
        tck_device_hex_prop(&x, tck_build_child(&x, source, "product", NULL), "id", product);
    }
    if (bus && device) {
        xmlNodePtr addr = tck_build_child(&x, source, "address", NULL);

        tck_build_prop(&x, addr, "bus", bus);
        tck_build_prop(&x, addr, "device", device);
    }
    out = tck_build_finish(&x, "host USB device", error);
    tck_build_clear(&x);
    return out;
}

char *
tck_device_hostdev_pci_xml(const char *domain, const char *bus, const char *slot, const char *function,
                           GError **error)
{
    TckXmlBuild x = { 0 };
    xmlNodePtr source = tck_device_hostdev(&x, "pci", TRUE);
    xmlNodePtr addr = tck_build_child(&x, source, "address", NULL);
    char *out;

    if (!bus || !slot || !function)
        tck_build_fail(&x, "a host PCI device needs a bus, a slot and a function");
    tck_device_hex_prop(&x, addr, "domain", domain ? domain : "0");
    tck_device_hex_prop(&x, addr, "bus", bus);
    tck_device_hex_prop(&x, addr, "slot", slot);
    tck_device_hex_prop(&x, addr, "function", function);
    out = tck_build_finish(&x, "host PCI device", error);
    tck_build_clear(&x);
    return out;
}
