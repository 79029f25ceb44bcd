/*
 * 360-disk-hotplug — disks come and go on a running guest, in order.
 *
 * Start the generic guest (its own disk first) and wait for its marker:
 * a disk is unplugged with the guest's cooperation, so its code must run.
 * Hot-plug three more disks (virDomainAttachDeviceFlags, LIVE | CONFIG):
 * the live and the inactive XML list the four targets in the order they
 * were added.  Unplug the middle one of the three
 * (virDomainDetachDeviceFlags): once the guest lets it go, both XMLs list
 * the other three, their order kept.  A driver that cannot hot-plug disks
 * answers VIR_ERR_NO_SUPPORT or VIR_ERR_OPERATION_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "three disks hot-plugged and one unplugged, the order kept live and in the config",
    .plan = 11,
    .needs = (const char *const[]){ "domain", NULL },
};

#define N_DISKS 3
#define UNPLUG_WAIT_S 60

/* The disk targets of @dom's live or inactive XML, space-separated. */
static char *
targets(virDomainPtr dom, unsigned int flags)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, flags);
    g_auto(GStrv) devs = tck_xml_get_strv(xml, "/domain/devices/disk[@device='disk']/target/@dev");

    return g_strjoinv(" ", devs);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "hotplug");
    g_autofree char *first = tck_generic_disk_target(t, xml);
    g_autofree char *dtype = tck_domain_xml_type(xml);
    const TckGuestPlan *plan = tck_test_plan(t);
    /* disk_xml[i], target[i]: the strings are freed with the arrays */
    g_auto(GStrv) disk_xml = g_new0(char *, N_DISKS + 1);
    g_auto(GStrv) target = g_new0(char *, N_DISKS + 1);
    g_autofree char *all = NULL, *kept = NULL, *live = NULL, *config = NULL;
    const unsigned int both = VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG;
    virDomainPtr dom;
    int ret;

    for (int i = 0; i < N_DISKS; i++) {
        g_autofree char *suffix = g_strdup_printf("hotplug-%d", i);
        g_autofree char *path = tck_test_disk(t, suffix, "raw");
        g_autoptr(GError) error = NULL;
        TckDiskSpec spec = { .source = path };

        tck_disk_spec_from_plan(plan, &spec);
        target[i] = g_strdup_printf("%s%c", plan->disk_prefix, 'b' + i);
        spec.target = target[i];
        if (!(disk_xml[i] = tck_device_disk_xml(dtype, &spec, &error)))
            tck_bail_out(t, "cannot build disk %s: %s", target[i], error->message);
    }
    all = g_strdup_printf("%s %s %s %s", first, target[0], target[1], target[2]);
    kept = g_strdup_printf("%s %s %s", first, target[0], target[2]);

    tck_diag(t, "Defining and starting the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    if (tck_guest_boots(t))
        tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    else
        tck_skip(t, 1, "the %s driver runs no guest code", tck_test_driver(t));

    tck_diag(t, "Hot-plugging %s, %s and %s", target[0], target[1], target[2]);
    ret = virDomainAttachDeviceFlags(dom, disk_xml[0], both);
    if (ret < 0 && tck_skip_unsupported(t, 8, "disk hot-plug (virDomainAttachDeviceFlags)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "hot-plugged %s", target[0]);
    tck_ok_call(t, virDomainAttachDeviceFlags(dom, disk_xml[1], both), "hot-plugged %s", target[1]);
    tck_ok_call(t, virDomainAttachDeviceFlags(dom, disk_xml[2], both), "hot-plugged %s", target[2]);
    live = targets(dom, 0);
    config = targets(dom, VIR_DOMAIN_XML_INACTIVE);
    tck_is_str(t, live, all, "the live XML lists the disks in the order they came");
    tck_is_str(t, config, all, "so does the inactive XML");

    tck_diag(t, "Unplugging %s", target[1]);
    tck_ok_call(t, virDomainDetachDeviceFlags(dom, disk_xml[1], both), "asked to unplug %s", target[1]);
    /* The guest acknowledges an unplug in its own time. */
    for (int waited = 0; waited < UNPLUG_WAIT_S * 10; waited++) {
        g_free(live);
        live = targets(dom, 0);
        if (!g_str_equal(live, all))
            break;
        g_usleep(100 * 1000);
    }
    g_free(config);
    config = targets(dom, VIR_DOMAIN_XML_INACTIVE);
    tck_is_str(t, live, kept, "the live XML lists the other disks, their order kept");
    tck_is_str(t, config, kept, "so does the inactive XML");

    virDomainFree(dom);
    return tck_test_end(t);
}
