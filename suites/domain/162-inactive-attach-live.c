/*
 * 162-inactive-attach-live — a device cannot be hotplugged into nothing.
 *
 * Attaching a disk to an inactive guest with VIR_DOMAIN_AFFECT_LIVE is
 * refused with VIR_ERR_OPERATION_INVALID ("domain is not running":
 * virDomainObjUpdateModificationImpact), and so is detaching one live.
 * The guest's config keeps the disks it had.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "live attach and detach on an inactive domain are refused with VIR_ERR_OPERATION_INVALID",
    .plan = 4,
    .needs = (const char *const[]){ "domain", NULL },
};

/* A disk element for an image in the scratch dir (never created: the attach is refused first). */
static char *
disk_xml(TckTest *t)
{
    g_autofree char *path = tck_host_file(t, "hotplug.img");
    g_autoptr(GError) error = NULL;
    char *xml;

    if (!(xml = tck_xml_set_text("<disk type='file' device='disk'><source file='x'/>"
                                 "<target dev='vdz' bus='virtio'/></disk>",
                                 "/disk/source/@file", path, &error)))
        tck_bail_out(t, "cannot build the disk XML: %s", error->message);
    return xml;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "inactive");
    g_autofree char *disk = disk_xml(t);
    g_autofree char *disks_before = NULL, *disks_after = NULL;
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined an inactive guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    disks_before = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "count(/domain/devices/disk)");

    tck_diag(t, "Hotplugging a disk into the inactive guest");
    tck_ok_error_or_skip(t, virDomainAttachDeviceFlags(dom, disk, VIR_DOMAIN_AFFECT_LIVE),
                         VIR_ERR_OPERATION_INVALID, "virDomainAttachDeviceFlags",
                         "a live attach is refused");
    tck_ok_error_or_skip(t, virDomainDetachDeviceFlags(dom, disk, VIR_DOMAIN_AFFECT_LIVE),
                         VIR_ERR_OPERATION_INVALID, "virDomainDetachDeviceFlags",
                         "a live detach is refused");
    disks_after = tck_domain_xml_text(dom, VIR_DOMAIN_XML_INACTIVE, "count(/domain/devices/disk)");
    tck_is_str(t, disks_after, disks_before, "the config has as many disks as before");
    virDomainFree(dom);

    return tck_test_end(t);
}
