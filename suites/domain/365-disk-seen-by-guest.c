/*
 * 365-disk-seen-by-guest — a hot-plugged disk shows up inside the guest.
 *
 * Start the generic guest and wait for its marker; its /init then lists
 * the block devices it sees ("TCK-GUEST-DISKS vda"), and again whenever
 * they change.  Hot-plug a second disk (virDomainAttachDeviceFlags, LIVE):
 * the guest's kernel finds it, and /init lists it.  Only drivers that run
 * guest code take part; a plan without disks, or a driver that cannot
 * hot-plug them (VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED),
 * skips naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "the guest sees a disk hot-plugged into it",
    .plan = 5,
    .needs = (const char *const[]){ "domain", "guest-boots", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    const TckGuestPlan *plan = tck_test_plan(t);
    g_autofree char *xml = NULL, *first = NULL, *dtype = NULL, *path = NULL, *disk = NULL;
    g_autofree char *target = NULL;
    g_autoptr(GError) error = NULL;
    TckDiskSpec spec = { 0 };
    virDomainPtr dom;
    int ret;

    if (!plan->disk_bus || !plan->disk_prefix)
        tck_skip_all(t, "the generic guest of the %s plan has no disk bus (a container takes filesystems)",
                     tck_test_driver(t));
    xml = tck_generic_domain_xml(t, "seen");
    first = tck_xml_get_text(xml, "/domain/devices/disk[@device='disk']/target/@dev");
    dtype = tck_domain_xml_type(xml);
    path = tck_test_disk(t, "seen-disk", "raw");
    target = g_strdup_printf("%s%c", plan->disk_prefix, 'b');
    spec = (TckDiskSpec) { .source = path, .target = target };
    tck_disk_spec_from_plan(plan, &spec);
    if (!(disk = tck_device_disk_xml(dtype, &spec, &error)))
        tck_bail_out(t, "cannot build disk %s: %s", target, error->message);

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    /* The guest names its disks itself; with virtio the first is vda, as in the XML. */
    tck_ok(t, first && tck_wait_guest_disk(t, dom, first, 30), "the guest lists its own disk %s",
           first ? first : "(none)");

    tck_diag(t, "Hot-plugging %s", target);
    ret = virDomainAttachDeviceFlags(dom, disk, VIR_DOMAIN_AFFECT_LIVE);
    if (ret < 0 && tck_skip_unsupported(t, 2, "disk hot-plug (virDomainAttachDeviceFlags)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "hot-plugged %s", target);
    tck_ok(t, tck_wait_guest_disk(t, dom, target, 60), "the guest sees the new disk %s", target);

    virDomainFree(dom);
    return tck_test_end(t);
}
