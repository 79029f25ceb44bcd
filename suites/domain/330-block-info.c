/*
 * 330-block-info — a running guest's disk: its size, its errors, its bytes.
 *
 * Start the generic guest (its one disk is a sparse 16 MiB file).
 * virDomainGetBlockInfo on the disk's target reports a capacity, and an
 * allocation no larger than the physical size; an unknown target is
 * refused with VIR_ERR_INVALID_ARG ("invalid path ... not assigned to
 * domain").  virDomainGetDiskErrors reports no errors, and
 * virDomainBlockPeek reads the disk's first 512 bytes, zero as created.
 * A guest plan without disks (containers) skips, naming it; so does a
 * driver answering VIR_ERR_NO_SUPPORT.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "block info, disk errors and block peek of a running guest's disk",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "blockinfo");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    virDomainDiskError errors[4];
    virDomainBlockInfo bi = { 0 };
    char buf[512], zero[512] = { 0 };
    virDomainPtr dom;
    int n;


    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Reading the block info of %s", target);
    if (virDomainGetBlockInfo(dom, target, &bi, 0) < 0 &&
        tck_skip_unsupported(t, 2, "block info (virDomainGetBlockInfo)")) {
        ;
    } else {
        tck_ok(t, bi.capacity > 0, "%s has a capacity (%llu bytes)", target, bi.capacity);
        tck_ok(t, bi.allocation <= bi.physical || bi.physical == 0,
               "its allocation (%llu) is no more than its physical size (%llu)", bi.allocation, bi.physical);
    }
    tck_ok_error_or_skip(t, virDomainGetBlockInfo(dom, "tck-no-such-disk", &bi, 0), VIR_ERR_INVALID_ARG,
                         "virDomainGetBlockInfo", "block info of an unknown target is refused");

    tck_diag(t, "Reading the disk errors");
    n = virDomainGetDiskErrors(dom, errors, G_N_ELEMENTS(errors), 0);
    if (n < 0 && tck_skip_unsupported(t, 1, "disk errors (virDomainGetDiskErrors)")) {
        ;
    } else {
        gboolean named = n >= 0;

        for (int i = 0; i < n; i++) {
            g_autofree char *path = g_strdup_printf("/domain/devices/disk[target/@dev='%s']", errors[i].disk);
            g_autofree char *found = tck_xml_get_text(xml, path);

            tck_diag(t, "disk error on %s: %d", errors[i].disk, errors[i].error);
            named = named && found && errors[i].error >= 0 && errors[i].error <= VIR_DOMAIN_DISK_ERROR_NO_SPACE;
            g_free(errors[i].disk);
        }
        tck_ok(t, named, "every disk error (%d) names a disk of the guest and a known error", n);
    }

    tck_diag(t, "Peeking at the first 512 bytes of %s", target);
    memset(buf, 0xff, sizeof(buf));
    if (virDomainBlockPeek(dom, target, 0, sizeof(buf), buf, 0) < 0 &&
        tck_skip_unsupported(t, 1, "block peek (virDomainBlockPeek)"))
        ;
    else if (!tck_guest_boots(t))
        tck_ok(t, TRUE, "block peek read 512 bytes (the %s driver makes up their content)", tck_test_driver(t));
    else
        tck_ok(t, memcmp(buf, zero, sizeof(buf)) == 0, "the first 512 bytes of the new disk are zero");

    virDomainFree(dom);
    return tck_test_end(t);
}
