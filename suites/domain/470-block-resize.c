/*
 * 470-block-resize — a running guest's disk grows.
 *
 * Start the generic guest (a 16 MiB disk) and grow its disk to 32 MiB
 * (virDomainBlockResize, BYTES): virDomainGetBlockInfo then reports a
 * capacity of 32 MiB.  Resizing an unknown target is refused with
 * VIR_ERR_INVALID_ARG.  A plan without disks, or a driver answering
 * VIR_ERR_NO_SUPPORT, skips naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a running guest's disk is resized and reports its new capacity",
    .plan = 4,
    .needs = (const char *const[]){ "domain", NULL },
};

#define NEW_SIZE (32ULL * 1024 * 1024)

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "resize");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    virDomainBlockInfo bi = { 0 };
    virDomainPtr dom;
    int ret;


    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Growing %s to 32 MiB", target);
    ret = virDomainBlockResize(dom, target, NEW_SIZE, VIR_DOMAIN_BLOCK_RESIZE_BYTES);
    if (ret < 0 && tck_skip_unsupported(t, 3, "block resize (virDomainBlockResize)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "resized %s", target);
    if (virDomainGetBlockInfo(dom, target, &bi, 0) < 0 && tck_skip_unsupported(t, 1, "block info (virDomainGetBlockInfo)"))
        ;
    else
        tck_is_int(t, (gint64) bi.capacity, (gint64) NEW_SIZE, "%s now has a capacity of 32 MiB", target);
    tck_ok_error(t, virDomainBlockResize(dom, "tck-no-such-disk", NEW_SIZE, VIR_DOMAIN_BLOCK_RESIZE_BYTES),
                 VIR_ERR_INVALID_ARG, "resizing an unknown target is refused");

    virDomainFree(dom);
    return tck_test_end(t);
}
