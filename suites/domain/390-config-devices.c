/*
 * 390-config-devices — devices of a shut-off guest's config: added,
 * tuned and removed by alias, without any guest running.
 *
 * Define the generic guest and an isolated network of the test's own.
 * virDomainAttachDevice and virDomainDetachDevice have hot-plug semantics:
 * on the shut-off guest they are refused with VIR_ERR_OPERATION_INVALID
 * ("domain is not running").  virDomainAttachDeviceFlags (CONFIG) adds an
 * interface to its config; virDomainSetInterfaceParameters gives it an
 * inbound average of 1000 KiB/s, which virDomainGetInterfaceParameters
 * reads back; virDomainDetachDeviceFlags (CONFIG) removes it.  A disk with
 * the user alias "ua-tck-extra" is added the same way and removed with
 * virDomainDetachDeviceAlias.  The guest's own disk gets a throughput
 * limit (virDomainSetBlockIoTune, CONFIG) that virDomainGetBlockIoTune
 * reads back.  What a driver lacks (VIR_ERR_NO_SUPPORT, ...) is skipped,
 * naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "config devices: attach, tune, detach, detach by alias, block I/O limits",
    .plan = 13,
    .needs = (const char *const[]){ "domain", "network", NULL },
};

static int
count(virDomainPtr dom, const char *path)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_auto(GStrv) all = tck_xml_get_strv(xml, path);

    return (int) g_strv_length(all);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "cfgdev");
    g_autofree char *dtype = tck_domain_xml_type(xml);
    g_autofree char *target = tck_xml_get_text(xml, "/domain/devices/disk[@device='disk']/target/@dev");
    virNetworkPtr net = tck_test_network(t, "cfgdev-net");
    g_autofree char *mac = tck_random_mac();
    g_autofree char *mac_path = g_strdup_printf("/domain/devices/interface/mac[@address='%s']/@address", mac);
    TckInterfaceSpec nic_spec = { .type = "network", .source = virNetworkGetName(net), .mac = mac };
    g_autoptr(GError) error = NULL;
    g_autofree char *nic = tck_device_interface_xml(dtype, &nic_spec, &error);
    virTypedParameter avg = { .type = VIR_TYPED_PARAM_UINT, .value.ui = 1000 };
    virTypedParameter iotune = { .type = VIR_TYPED_PARAM_ULLONG, .value.ul = 10 * 1024 * 1024 };
    virTypedParameter got[16];
    unsigned int got_avg = 0;
    unsigned long long got_bytes = 0;
    virDomainPtr dom;
    int n, ret;

    if (!nic)
        tck_bail_out(t, "cannot build the interface: %s", error->message);
    g_strlcpy(avg.field, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, sizeof(avg.field));
    g_strlcpy(iotune.field, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, sizeof(iotune.field));

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Hot-plug calls on the shut-off guest");
    ret = virDomainAttachDevice(dom, nic);
    if (ret < 0 && tck_skip_unsupported(t, 1, "device hot-plug (virDomainAttachDevice)"))
        ;
    else
        tck_ok_error(t, ret, VIR_ERR_OPERATION_INVALID, "virDomainAttachDevice on the shut-off guest is refused");
    ret = virDomainDetachDevice(dom, nic);
    if (ret < 0 && tck_skip_unsupported(t, 1, "device unplug (virDomainDetachDevice)"))
        ;
    else
        tck_ok_error(t, ret, VIR_ERR_OPERATION_INVALID, "virDomainDetachDevice on the shut-off guest is refused");

    tck_diag(t, "An interface in the config, tuned, then removed");
    ret = virDomainAttachDeviceFlags(dom, nic, VIR_DOMAIN_AFFECT_CONFIG);
    if (ret < 0 && tck_skip_unsupported(t, 5, "config devices (virDomainAttachDeviceFlags)")) {
        ;
    } else {
        tck_ok_call(t, ret, "added the interface to the config");
        tck_is_int(t, count(dom, mac_path), 1, "the config has the interface");
        ret = virDomainSetInterfaceParameters(dom, mac, &avg, 1, VIR_DOMAIN_AFFECT_CONFIG);
        if (ret < 0 && tck_skip_unsupported(t, 1, "interface bandwidth (virDomainSetInterfaceParameters)")) {
            ;
        } else {
            n = G_N_ELEMENTS(got);
            if (virDomainGetInterfaceParameters(dom, mac, got, &n, VIR_DOMAIN_AFFECT_CONFIG) < 0)
                n = 0;
            virTypedParamsGetUInt(got, n, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, &got_avg);
            tck_ok(t, ret == 0 && got_avg == 1000, "the interface's inbound average reads back as 1000 (%u)", got_avg);
        }
        tck_ok_call(t, virDomainDetachDeviceFlags(dom, nic, VIR_DOMAIN_AFFECT_CONFIG), "removed it from the config");
        tck_is_int(t, count(dom, mac_path), 0, "the config has it no more");
    }

    tck_diag(t, "A disk with a user alias, removed by its alias");
    if (!target || !tck_test_plan(t)->disk_bus) {
        tck_skip(t, 5, "the generic guest of the %s plan has no disk (a container takes filesystems)",
                 tck_test_driver(t));
    } else {
        g_autofree char *path = tck_test_disk(t, "cfgdev-extra", "raw");
        g_autofree char *extra_target = g_strdup_printf("%s%c", tck_test_plan(t)->disk_prefix, 'c');
        TckDiskSpec spec = { .source = path, .target = extra_target };

        tck_disk_spec_from_plan(tck_test_plan(t), &spec);
        g_autofree char *disk = tck_device_disk_xml(dtype, &spec, &error);
        g_autofree char *aliased = NULL;

        if (!disk || !(aliased = tck_xml_add_child(disk, "/disk", "<alias name='ua-tck-extra'/>", &error)))
            tck_bail_out(t, "cannot build the disk: %s", error->message);
        ret = virDomainAttachDeviceFlags(dom, aliased, VIR_DOMAIN_AFFECT_CONFIG);
        if (ret < 0 && tck_skip_unsupported(t, 3, "config disks (virDomainAttachDeviceFlags)")) {
            ;
        } else {
            tck_ok_call(t, ret, "added disk %s with alias ua-tck-extra", extra_target);
            ret = virDomainDetachDeviceAlias(dom, "ua-tck-extra", VIR_DOMAIN_AFFECT_CONFIG);
            if (ret < 0 && tck_skip_unsupported(t, 2, "detaching by alias (virDomainDetachDeviceAlias)")) {
                ;
            } else {
                tck_ok_call(t, ret, "detached the disk by its alias");
                tck_is_int(t, count(dom, "/domain/devices/disk/alias[@name='ua-tck-extra']/@name"), 0,
                           "the config has it no more");
            }
        }

        ret = virDomainSetBlockIoTune(dom, target, &iotune, 1, VIR_DOMAIN_AFFECT_CONFIG);
        if (ret < 0 && tck_skip_unsupported(t, 2, "block I/O limits (virDomainSetBlockIoTune)")) {
            ;
        } else {
            tck_ok_call(t, ret, "limited %s to 10 MiB/s in the config", target);
            n = G_N_ELEMENTS(got);
            if (virDomainGetBlockIoTune(dom, target, got, &n, VIR_DOMAIN_AFFECT_CONFIG) < 0)
                n = 0;
            virTypedParamsGetULLong(got, n, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, &got_bytes);
            tck_is_int(t, (gint64) got_bytes, 10 * 1024 * 1024, "the limit reads back");
            virTypedParamsClear(got, n);
        }
    }

    virDomainFree(dom);
    virNetworkFree(net);
    return tck_test_end(t);
}
