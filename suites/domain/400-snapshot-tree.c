/*
 * 400-snapshot-tree — snapshots of a guest form a tree that can be walked.
 *
 * Define the generic guest (on a qcow2 disk, where disks hold internal
 * snapshots).  Take snapshot s1, then s2 (a child of s1); revert to s1
 * and take s3 (another child of s1).  Then: three snapshots are counted
 * and listed; s2's parent is s1, s1 has no parent
 * (VIR_ERR_NO_DOMAIN_SNAPSHOT) and two children; s3 is the current one;
 * one root and two leaves; a lookup of an unknown name fails with
 * VIR_ERR_NO_DOMAIN_SNAPSHOT; a snapshot knows its domain and connection.
 * A driver without snapshots answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "three snapshots: list, parent, children, current, roots and leaves",
    .plan = 20,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-tree");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-tree-disk");
    virDomainSnapshotPtr s1, s2, s3, parent, current, unknown;
    virDomainSnapshotPtr *children = NULL;
    char *names[4] = { NULL };
    virDomainPtr dom;
    int n;

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Taking snapshots s1, s2; reverting to s1; taking s3");
    s1 = tck_snapshot_create(t, dom, "s1", NULL, 0);
    if (!s1 && tck_skip_unsupported(t, 19, "snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok(t, s1 != NULL, "took snapshot s1");
    if (!s1)
        tck_bail_out(t, "cannot go on without s1: %s", virGetLastErrorMessage());
    s2 = tck_snapshot_create(t, dom, "s2", NULL, 0);
    tck_ok(t, s2 != NULL, "took snapshot s2");
    tck_ok_call(t, virDomainRevertToSnapshot(s1, 0), "reverted to s1");
    s3 = tck_snapshot_create(t, dom, "s3", NULL, 0);
    tck_ok(t, s3 != NULL, "took snapshot s3");
    if (!s2 || !s3)
        tck_bail_out(t, "cannot go on without s2 and s3");

    tck_diag(t, "Counting and listing");
    tck_is_int(t, virDomainSnapshotNum(dom, 0), 3, "the guest has 3 snapshots");
    tck_is_int(t, tck_snapshot_count(dom, 0), 3, "virDomainListAllSnapshots lists 3");
    n = virDomainSnapshotListNames(dom, names, G_N_ELEMENTS(names), 0);
    tck_is_int(t, n, 3, "virDomainSnapshotListNames names 3");
    for (int i = 0; i < n; i++)
        free(names[i]);

    tck_diag(t, "Walking the tree");
    parent = virDomainSnapshotGetParent(s2, 0);
    tck_is_str(t, parent ? virDomainSnapshotGetName(parent) : NULL, "s1", "s2's parent is s1");
    if (parent)
        virDomainSnapshotFree(parent);
    tck_ok_error(t, virDomainSnapshotGetParent(s1, 0), VIR_ERR_NO_DOMAIN_SNAPSHOT, "s1 has no parent");
    tck_is_int(t, virDomainSnapshotNumChildren(s1, 0), 2, "s1 has 2 children");
    n = virDomainSnapshotListAllChildren(s1, &children, 0);
    tck_ok(t, n == 2, "virDomainSnapshotListAllChildren lists s1's 2 children (%d)", n);
    for (int i = 0; i < n; i++)
        virDomainSnapshotFree(children[i]);
    free(children);
    n = virDomainSnapshotListChildrenNames(s1, names, G_N_ELEMENTS(names), 0);
    tck_ok(t, n == 2 && ((g_str_equal(names[0], "s2") && g_str_equal(names[1], "s3")) ||
                         (g_str_equal(names[0], "s3") && g_str_equal(names[1], "s2"))),
           "virDomainSnapshotListChildrenNames names s2 and s3");
    for (int i = 0; i < n; i++)
        free(names[i]);
    tck_is_int(t, tck_snapshot_count(dom, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), 1, "there is one root");
    tck_is_int(t, tck_snapshot_count(dom, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES), 2, "there are two leaves");

    tck_diag(t, "The current snapshot");
    tck_is_int(t, virDomainHasCurrentSnapshot(dom, 0), 1, "the guest has a current snapshot");
    current = virDomainSnapshotCurrent(dom, 0);
    tck_is_str(t, current ? virDomainSnapshotGetName(current) : NULL, "s3", "the current snapshot is s3");
    if (current)
        virDomainSnapshotFree(current);
    tck_ok(t, virDomainSnapshotIsCurrent(s3, 0) == 1 && virDomainSnapshotIsCurrent(s1, 0) == 0,
           "s3 says it is current, s1 that it is not");

    tck_diag(t, "Lookups");
    unknown = virDomainSnapshotLookupByName(dom, "tck-no-such-snapshot", 0);
    tck_ok_error(t, unknown, VIR_ERR_NO_DOMAIN_SNAPSHOT, "an unknown snapshot name is not found");
    tck_ok(t, g_str_equal(virDomainGetName(virDomainSnapshotGetDomain(s2)), virDomainGetName(dom)) &&
              virDomainSnapshotGetConnect(s2) == conn,
           "s2 knows its domain and its connection");

    virDomainSnapshotFree(s1);
    virDomainSnapshotFree(s2);
    virDomainSnapshotFree(s3);
    virDomainFree(dom);
    return tck_test_end(t);
}
