/*
 * 410-snapshot-running — a snapshot of a running guest keeps it running.
 *
 * Start the generic guest (persistent, on a qcow2 disk) and take a full
 * snapshot of it, memory included: the snapshot's XML says state
 * "running" and the guest still runs.  Destroy the guest; reverting to the
 * snapshot brings it back running; reverting with REVERT_PAUSED brings it
 * back paused.  A driver that cannot snapshot a running guest answers
 * VIR_ERR_NO_SUPPORT or VIR_ERR_OPERATION_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a full snapshot of a running guest, reverted to running and to paused",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

static int
state_of(virDomainPtr dom)
{
    int state = -1, reason = -1;

    virDomainGetState(dom, &state, &reason, 0);
    return state;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-live");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-live-disk");
    g_autofree char *snap_xml = NULL, *state = NULL;
    virDomainSnapshotPtr snap;
    virDomainPtr dom;

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");

    tck_diag(t, "Taking a full snapshot of the running guest");
    snap = tck_snapshot_create(t, dom, "live", "the guest running", 0);
    if (!snap && tck_skip_unsupported(t, 8, "snapshots of a running guest (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, snap != NULL, "took a snapshot of the running guest"))
        tck_bail_out(t, "cannot go on without the snapshot: %s", virGetLastErrorMessage());
    snap_xml = virDomainSnapshotGetXMLDesc(snap, 0);
    state = tck_xml_get_text(snap_xml, "/domainsnapshot/state");
    tck_is_str(t, state, "running", "the snapshot's state is 'running'");
    tck_is_int(t, state_of(dom), VIR_DOMAIN_RUNNING, "the guest still runs");

    tck_diag(t, "Destroying the guest, reverting to the snapshot");
    tck_ok_call(t, virDomainDestroy(dom), "destroyed the guest");
    tck_ok_call(t, virDomainRevertToSnapshot(snap, 0), "reverted to the snapshot");
    tck_is_int(t, state_of(dom), VIR_DOMAIN_RUNNING, "the guest runs again");

    tck_diag(t, "Reverting again, paused");
    tck_ok_call(t, virDomainRevertToSnapshot(snap, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED),
                "reverted to the snapshot with REVERT_PAUSED");
    tck_is_int(t, state_of(dom), VIR_DOMAIN_PAUSED, "the guest is paused");

    virDomainSnapshotFree(snap);
    virDomainFree(dom);
    return tck_test_end(t);
}
