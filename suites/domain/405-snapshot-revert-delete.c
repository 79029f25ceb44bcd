/*
 * 405-snapshot-revert-delete — a revert brings the config back; deletes
 * remove one snapshot or a whole subtree.
 *
 * Define the generic guest (256 MiB, on a qcow2 disk) and take snapshot
 * "before".  Lower the config's memory to 192 MiB; reverting to "before"
 * brings 256 MiB back.  Start the guest: reverting a running guest to the
 * shut-off "before" stops it.  Take "after" (a child of "before") and
 * delete "before" with its children (DELETE_CHILDREN): no snapshot is
 * left and "before" is not found (VIR_ERR_NO_DOMAIN_SNAPSHOT).  Take "a"
 * and its child "b", delete only "a": "b" is left, without a parent.
 * A driver without snapshots answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "revert restores the config and stops a running guest; deletes of one and of a subtree",
    .plan = 16,
    .needs = (const char *const[]){ "domain", NULL },
};

static char *
current_memory(virDomainPtr dom)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);

    return tck_xml_get_text(xml, "/domain/currentMemory");
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-revert");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-revert-disk");
    g_autofree char *mem = NULL;
    virDomainSnapshotPtr before, after, a, b;
    int state = -1, reason = -1;
    virDomainPtr dom;

    tck_diag(t, "Defining the generic guest and taking snapshot 'before'");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    before = tck_snapshot_create(t, dom, "before", NULL, 0);
    if (!before && tck_skip_unsupported(t, 15, "snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, before != NULL, "took snapshot 'before'"))
        tck_bail_out(t, "cannot go on without a snapshot: %s", virGetLastErrorMessage());

    tck_diag(t, "Changing the config, then reverting");
    tck_ok_call(t, virDomainSetMemoryFlags(dom, 192 * 1024, VIR_DOMAIN_AFFECT_CONFIG),
                "lowered the config's memory to 192 MiB");
    mem = current_memory(dom);
    tck_is_str(t, mem, "196608", "the config says 196608 KiB");
    tck_ok_call(t, virDomainRevertToSnapshot(before, 0), "reverted to 'before'");
    g_free(mem);
    mem = current_memory(dom);
    tck_is_str(t, mem, "262144", "the config is back to 262144 KiB");

    tck_diag(t, "Reverting the running guest to the shut-off snapshot");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_ok_call(t, virDomainRevertToSnapshot(before, 0), "reverted the running guest to 'before'");
    virDomainGetState(dom, &state, &reason, 0);
    tck_is_int(t, state, VIR_DOMAIN_SHUTOFF, "the guest is shut off, as it was in 'before'");

    tck_diag(t, "Deleting 'before' with its child 'after'");
    after = tck_snapshot_create(t, dom, "after", NULL, 0);
    tck_ok(t, after != NULL, "took snapshot 'after', a child of 'before'");
    tck_ok_call(t, virDomainSnapshotDelete(before, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN),
                "deleted 'before' and its children");
    tck_is_int(t, virDomainSnapshotNum(dom, 0), 0, "no snapshot is left");
    tck_ok_error(t, virDomainSnapshotLookupByName(dom, "before", 0), VIR_ERR_NO_DOMAIN_SNAPSHOT,
                 "'before' is not found any more");

    tck_diag(t, "Deleting 'a' alone, keeping its child 'b'");
    a = tck_snapshot_create(t, dom, "a", NULL, 0);
    b = a ? tck_snapshot_create(t, dom, "b", NULL, 0) : NULL;
    tck_ok(t, a && b, "took snapshots 'a' and its child 'b'");
    tck_ok_call(t, a ? virDomainSnapshotDelete(a, 0) : -1, "deleted 'a' alone");
    tck_ok(t, virDomainSnapshotNum(dom, 0) == 1 && b &&
              virDomainSnapshotNum(dom, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS) == 1,
           "'b' is left, now a root");

    virDomainSnapshotFree(before);
    if (after)
        virDomainSnapshotFree(after);
    if (a)
        virDomainSnapshotFree(a);
    if (b)
        virDomainSnapshotFree(b);
    virDomainFree(dom);
    return tck_test_end(t);
}
