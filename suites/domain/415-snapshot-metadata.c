/*
 * 415-snapshot-metadata — snapshot metadata can be dropped and given back.
 *
 * Define the generic guest (on a qcow2 disk) and take snapshot s1: it has
 * metadata (virDomainSnapshotHasMetadata).  Keep its XML, delete only its
 * metadata (DELETE_METADATA_ONLY): libvirt lists no snapshot.  Redefine
 * it from the XML (CREATE_REDEFINE | CREATE_CURRENT): it is listed again,
 * current, with metadata.  A snapshot taken with CREATE_NO_METADATA comes
 * back as an object but is not listed.  A driver without snapshots answers
 * VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "snapshot metadata deleted, redefined, and snapshots without metadata",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-meta");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-meta-disk");
    g_autofree char *s1_xml = NULL;
    virDomainSnapshotPtr s1, again = NULL, bare, current = NULL;
    int ret;
    virDomainPtr dom;

    tck_diag(t, "Defining the guest and taking s1");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    s1 = tck_snapshot_create(t, dom, "s1", "kept as XML", 0);
    if (!s1 && tck_skip_unsupported(t, 9, "snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, s1 != NULL, "took snapshot s1"))
        tck_bail_out(t, "cannot go on without s1: %s", virGetLastErrorMessage());
    tck_is_int(t, virDomainSnapshotHasMetadata(s1, 0), 1, "s1 has libvirt metadata");
    s1_xml = virDomainSnapshotGetXMLDesc(s1, VIR_DOMAIN_SNAPSHOT_XML_SECURE);

    tck_diag(t, "Deleting only s1's metadata");
    ret = virDomainSnapshotDelete(s1, VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY);
    if (ret < 0 && tck_skip_unsupported(t, 5, "deleting only snapshot metadata (DELETE_METADATA_ONLY)"))
        goto no_metadata;
    tck_ok_call(t, ret, "deleted s1's metadata");
    tck_is_int(t, virDomainSnapshotNum(dom, 0), 0, "libvirt lists no snapshot");

    tck_diag(t, "Redefining s1 from its XML");
    again = virDomainSnapshotCreateXML(dom, s1_xml,
                                       VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE | VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT);
    tck_ok(t, again && g_str_equal(virDomainSnapshotGetName(again), "s1"), "redefined s1");
    current = virDomainSnapshotCurrent(dom, 0);
    tck_ok(t, virDomainSnapshotNum(dom, 0) == 1 && current &&
              g_str_equal(virDomainSnapshotGetName(current), "s1"),
           "s1 is listed again, and current");
    tck_is_int(t, again ? virDomainSnapshotHasMetadata(again, 0) : -1, 1, "s1 has metadata again");


 no_metadata:
    tck_diag(t, "Taking a snapshot without metadata");
    bare = tck_snapshot_create(t, dom, "bare", NULL, VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA);
    if (!bare && tck_skip_unsupported(t, 2, "snapshots without metadata (CREATE_NO_METADATA)")) {
        ;
    } else {
        tck_ok(t, bare != NULL, "took snapshot 'bare' with CREATE_NO_METADATA");
        tck_is_int(t, virDomainSnapshotNum(dom, 0), 1, "'bare' is not listed");
    }

    if (bare)
        virDomainSnapshotFree(bare);
    if (current)
        virDomainSnapshotFree(current);
    if (again)
        virDomainSnapshotFree(again);
    virDomainSnapshotFree(s1);
    virDomainFree(dom);
    return tck_test_end(t);
}
