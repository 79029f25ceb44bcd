/*
 * 430-checkpoints — checkpoints of a guest's disks form a list and a tree.
 *
 * Start the generic guest on a qcow2 disk (checkpoints live in its
 * bitmaps; drivers take them of running guests) and create checkpoint c1, then c2 (virDomainCheckpointCreateXML):
 * c2's parent is c1, c1 has no parent (VIR_ERR_NO_DOMAIN_CHECKPOINT) and
 * one child; both are listed, looked up by name, and their XML names them
 * and the parent; each knows its domain and connection.  Deleting c1 with
 * its children (DELETE_CHILDREN) leaves none, and c1 is not found any
 * more.  A driver or disk without checkpoints answers VIR_ERR_NO_SUPPORT,
 * VIR_ERR_OPERATION_UNSUPPORTED or VIR_ERR_CONFIG_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "two checkpoints: create, parent and children, list, lookup, XML, delete",
    .plan = 14,
    .needs = (const char *const[]){ "domain", NULL },
};

static virDomainCheckpointPtr
checkpoint(virDomainPtr dom, const char *name)
{
    /* The checkpoint schema is small: name and description only here. */
    g_autofree char *xml = NULL;
    g_autoptr(GError) error = NULL;

    xml = tck_xml_set_text("<domaincheckpoint><name/></domaincheckpoint>", "/domaincheckpoint/name", name, &error);
    return xml ? virDomainCheckpointCreateXML(dom, xml, 0) : NULL;
}

static int
count_all(virDomainPtr dom)
{
    virDomainCheckpointPtr *cps = NULL;
    int n = virDomainListAllCheckpoints(dom, &cps, 0);

    for (int i = 0; i < n; i++)
        virDomainCheckpointFree(cps[i]);
    free(cps);
    return n;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "checkpoint");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "checkpoint-disk");
    g_autofree char *c2_xml = NULL, *v = NULL;
    virDomainCheckpointPtr c1, c2, parent, found, *children = NULL;
    virDomainPtr dom;
    int n;

    tck_diag(t, "Starting the generic guest and creating checkpoints c1 and c2");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    c1 = checkpoint(dom, "c1");
    if (!c1 && tck_skip_unsupported(t, 13, "checkpoints (virDomainCheckpointCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, c1 != NULL, "created checkpoint c1"))
        tck_bail_out(t, "cannot go on without c1: %s", virGetLastErrorMessage());
    c2 = checkpoint(dom, "c2");
    if (!tck_ok(t, c2 != NULL, "created checkpoint c2"))
        tck_bail_out(t, "cannot go on without c2: %s", virGetLastErrorMessage());

    tck_diag(t, "Walking and listing");
    parent = virDomainCheckpointGetParent(c2, 0);
    tck_is_str(t, parent ? virDomainCheckpointGetName(parent) : NULL, "c1", "c2's parent is c1");
    if (parent)
        virDomainCheckpointFree(parent);
    tck_ok_error(t, virDomainCheckpointGetParent(c1, 0) ? 0 : -1, VIR_ERR_NO_DOMAIN_CHECKPOINT,
                 "c1 has no parent");
    n = virDomainCheckpointListAllChildren(c1, &children, 0);
    tck_is_int(t, n, 1, "c1 has one child");
    for (int i = 0; i < n; i++)
        virDomainCheckpointFree(children[i]);
    free(children);
    tck_is_int(t, count_all(dom), 2, "the guest has two checkpoints");
    found = virDomainCheckpointLookupByName(dom, "c2", 0);
    tck_ok(t, found && g_str_equal(virDomainCheckpointGetName(found), "c2"), "c2 is found by name");
    if (found)
        virDomainCheckpointFree(found);
    tck_ok(t, g_str_equal(virDomainGetName(virDomainCheckpointGetDomain(c2)), virDomainGetName(dom)) &&
              virDomainCheckpointGetConnect(c2) == conn,
           "c2 knows its domain and its connection");

    c2_xml = virDomainCheckpointGetXMLDesc(c2, 0);
    v = tck_xml_get_text(c2_xml, "/domaincheckpoint/name");
    tck_is_str(t, v, "c2", "c2's XML names it");
    g_free(v);
    v = tck_xml_get_text(c2_xml, "/domaincheckpoint/parent/name");
    tck_is_str(t, v, "c1", "...and its parent");

    tck_diag(t, "Deleting c1 and its children");
    tck_ok_call(t, virDomainCheckpointDelete(c1, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN), "deleted c1 and c2");
    tck_is_int(t, count_all(dom), 0, "no checkpoint is left");
    found = virDomainCheckpointLookupByName(dom, "c1", 0);
    tck_ok_error(t, found ? 0 : -1, VIR_ERR_NO_DOMAIN_CHECKPOINT, "c1 is not found any more");
    if (found)
        virDomainCheckpointFree(found);

    virDomainCheckpointFree(c1);
    virDomainCheckpointFree(c2);
    virDomainFree(dom);
    return tck_test_end(t);
}
