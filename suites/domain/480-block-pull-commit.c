/*
 * 480-block-pull-commit — a running guest's backing chain is flattened
 * and merged by block jobs.
 *
 * Start the generic guest on a qcow2 disk and take a live external
 * disk-only snapshot: the disk is now an overlay on the original.  Pull
 * the original's data into the overlay (virDomainBlockPull): when the job
 * ends, the live disk has no backing file.  Take a second external
 * snapshot and commit the new overlay back into the first
 * (virDomainBlockCommit, ACTIVE); once it is ready, pivot
 * (virDomainBlockJobAbort, PIVOT): the live disk is the first overlay
 * again.  A driver without these answers VIR_ERR_NO_SUPPORT,
 * VIR_ERR_OPERATION_UNSUPPORTED or VIR_ERR_CONFIG_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "block pull flattens and active block commit merges a live backing chain",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

#define JOB_WAIT_S 60

/* An external disk-only snapshot of @target into @file. */
static virDomainSnapshotPtr
external_snapshot(TckTest *t, virDomainPtr dom, const char *name, const char *target, const char *file)
{
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new(name);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;

    tck_snapshot_builder_add_disk(b, target, "external", file, "qcow2");
    if (!(xml = tck_snapshot_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build snapshot %s: %s", name, error->message);
    return virDomainSnapshotCreateXML(dom, xml, VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY |
                                                VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA);
}

static char *
live_source(virDomainPtr dom, const char *path)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, 0);

    return tck_xml_get_text(xml, path);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "chain");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "chain-base");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    g_autofree char *top1 = NULL, *top2 = NULL, *src = NULL, *backing = NULL;
    g_autofree char *src_path = NULL, *backing_path = NULL;
    virDomainBlockJobInfo ji = { 0 };
    virDomainSnapshotPtr snap;
    gboolean done = FALSE;
    virDomainPtr dom;
    int ret;

    {
        top1 = tck_host_file(t, "chain.top1.qcow2");
        top2 = tck_host_file(t, "chain.top2.qcow2");
    }
    src_path = g_strdup_printf("/domain/devices/disk[target/@dev='%s']/source/@file", target);
    backing_path = g_strdup_printf("/domain/devices/disk[target/@dev='%s']/backingStore/source/@file", target);

    tck_diag(t, "Starting the generic guest and putting an overlay on %s", target);
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    snap = external_snapshot(t, dom, "top1", target, top1);
    if (!snap && tck_skip_unsupported(t, 8, "live external disk-only snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, snap != NULL, "took a live external snapshot into %s", top1);
    if (snap)
        virDomainSnapshotFree(snap);
    src = live_source(dom, src_path);
    tck_is_str(t, src, top1, "the live disk is the overlay");

    tck_diag(t, "Pulling the backing data into the overlay");
    ret = virDomainBlockPull(dom, target, 0, 0);
    if (ret < 0 && tck_skip_unsupported(t, 2, "block pull (virDomainBlockPull)")) {
        ;
    } else {
        tck_ok_call(t, ret, "started the pull");
        for (int i = 0; i < JOB_WAIT_S * 10 && !done; i++) {
            done = virDomainGetBlockJobInfo(dom, target, &ji, 0) == 0;
            if (!done)
                g_usleep(100 * 1000);
        }
        backing = live_source(dom, backing_path);
        tck_ok(t, done && !backing, "the pull ended and the disk has no backing file (%s)",
               backing ? backing : "none");
    }

    tck_diag(t, "A second overlay, committed back into the first");
    snap = external_snapshot(t, dom, "top2", target, top2);
    tck_ok(t, snap != NULL, "took a second live external snapshot into %s", top2);
    if (snap)
        virDomainSnapshotFree(snap);
    ret = virDomainBlockCommit(dom, target, NULL, NULL, 0, VIR_DOMAIN_BLOCK_COMMIT_ACTIVE);
    if (ret < 0 && tck_skip_unsupported(t, 3, "active block commit (virDomainBlockCommit)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_call(t, ret, "started the active commit");
    done = FALSE;
    for (int i = 0; i < JOB_WAIT_S * 10 && !done; i++) {
        done = virDomainGetBlockJobInfo(dom, target, &ji, 0) == 1 && ji.end > 0 && ji.cur == ji.end;
        if (!done)
            g_usleep(100 * 1000);
    }
    ret = -1;
    for (int i = 0; done && i < 50 && ret < 0; i++) {
        if ((ret = virDomainBlockJobAbort(dom, target, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT)) < 0)
            g_usleep(100 * 1000);
    }
    tck_ok(t, done && ret == 0, "the commit became ready and pivoted");
    g_free(src);
    src = live_source(dom, src_path);
    tck_is_str(t, src, top1, "the live disk is the first overlay again");

    virDomainFree(dom);
    return tck_test_end(t);
}
