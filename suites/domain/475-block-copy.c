/*
 * 475-block-copy — a running guest's disk is copied and the guest moves
 * onto the copy.
 *
 * Start the generic guest and copy its disk to a file of the test's own
 * (virDomainBlockCopy, TRANSIENT_JOB).  Once the copy mirrors the disk
 * (virDomainGetBlockJobInfo: cur == end), pivot to it
 * (virDomainBlockJobAbort, PIVOT): the live XML's disk now is the copy and
 * no job is left.  A plan without disks, or a driver without block copy
 * (VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED), skips naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "block copy of a running guest's disk, then a pivot onto the copy",
    .plan = 6,
    .needs = (const char *const[]){ "domain", NULL },
};

#define JOB_WAIT_S 60

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "copy");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    g_autofree char *dtype = tck_domain_xml_type(xml);
    g_autofree char *dest = NULL, *dest_xml = NULL, *live = NULL, *src = NULL, *path = NULL;
    g_autoptr(GError) error = NULL;
    virDomainBlockJobInfo ji = { 0 };
    gboolean ready = FALSE;
    virDomainPtr dom;
    int ret = -1;

    {
        TckDiskSpec spec = { .device = "disk", .target = target, .format = "raw" };

        dest = tck_host_file(t, "copy.copy.raw");
        spec.source = dest;
        if (!(dest_xml = tck_device_disk_xml(dtype, &spec, &error)))
            tck_bail_out(t, "cannot build the copy's disk: %s", error->message);
    }
    path = g_strdup_printf("/domain/devices/disk[target/@dev='%s']/source/@file", target);

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Copying %s to %s", target, dest);
    ret = virDomainBlockCopy(dom, target, dest_xml, NULL, 0, VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB);
    if (ret < 0 && tck_skip_unsupported(t, 5, "block copy (virDomainBlockCopy)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "started copying %s", target);
    for (int i = 0; i < JOB_WAIT_S * 10 && !ready; i++) {
        ret = virDomainGetBlockJobInfo(dom, target, &ji, 0);
        ready = ret == 1 && ji.end > 0 && ji.cur == ji.end;
        if (!ready)
            g_usleep(100 * 1000);
    }
    tck_ok(t, ready, "the copy mirrors the disk (job type %d, %llu of %llu)", ji.type, ji.cur, ji.end);

    tck_diag(t, "Pivoting onto the copy");
    ret = -1;
    for (int i = 0; i < 50 && ret < 0; i++) {
        /* Ready can be reported a moment before the pivot is allowed. */
        if ((ret = virDomainBlockJobAbort(dom, target, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT)) < 0)
            g_usleep(100 * 1000);
    }
    tck_ok_call(t, ret, "pivoted %s onto the copy", target);
    for (int i = 0; i < 50 && virDomainGetBlockJobInfo(dom, target, &ji, 0) == 1; i++)
        g_usleep(100 * 1000);
    tck_is_int(t, virDomainGetBlockJobInfo(dom, target, &ji, 0), 0, "no block job is left");
    live = virDomainGetXMLDesc(dom, 0);
    src = tck_xml_get_text(live, path);
    tck_is_str(t, src, dest, "the live XML's %s is the copy", target);

    virDomainFree(dom);
    return tck_test_end(t);
}
