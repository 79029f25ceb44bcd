/*
 * 425-snapshot-xml — a snapshot's XML describes it and the guest it froze.
 *
 * Define the generic guest, take snapshot "parent" with a description and
 * then "child".  The child's XML names it, carries its description (none),
 * a creation time, the state "shutoff", its parent, and the guest's own
 * config (domain name and UUID).  The parent's description is kept, and
 * virDomainSnapshotGetXMLDesc with XML_SECURE answers too.  A driver
 * without snapshots answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a snapshot's XML: name, description, time, state, parent and the guest's config",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-xml");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-xml-disk");
    g_autofree char *uuid = tck_xml_get_text(xml, "/domain/uuid");
    g_autofree char *px = NULL, *cx = NULL, *v = NULL, *secure = NULL;
    virDomainSnapshotPtr parent, child;
    virDomainPtr dom;

    tck_diag(t, "Defining the guest, taking 'parent' and 'child'");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    parent = tck_snapshot_create(t, dom, "parent", "before the change & after <none>", 0);
    if (!parent && tck_skip_unsupported(t, 8, "snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    child = parent ? tck_snapshot_create(t, dom, "child", NULL, 0) : NULL;
    if (!tck_ok(t, parent && child, "took snapshots 'parent' and 'child'"))
        tck_bail_out(t, "cannot go on without the snapshots: %s", virGetLastErrorMessage());

    px = virDomainSnapshotGetXMLDesc(parent, 0);
    cx = virDomainSnapshotGetXMLDesc(child, 0);
    v = tck_xml_get_text(cx, "/domainsnapshot/name");
    tck_is_str(t, v, "child", "the child's XML names it");
    g_free(v);
    v = tck_xml_get_text(cx, "/domainsnapshot/parent/name");
    tck_is_str(t, v, "parent", "...and its parent");
    g_free(v);
    v = tck_xml_get_text(cx, "/domainsnapshot/state");
    tck_is_str(t, v, "shutoff", "...and the state the guest was in");
    g_free(v);
    v = tck_xml_get_text(cx, "/domainsnapshot/creationTime");
    tck_ok(t, v && g_ascii_strtoll(v, NULL, 10) > 1000000000, "...and a creation time (%s)", v ? v : "none");
    g_free(v);
    v = tck_xml_get_text(cx, "/domainsnapshot/domain/uuid");
    tck_is_str(t, v, uuid, "...and the guest's config with its UUID");
    g_free(v);
    v = tck_xml_get_text(px, "/domainsnapshot/description");
    tck_is_str(t, v, "before the change & after <none>", "the parent's description is kept, escaped");
    secure = virDomainSnapshotGetXMLDesc(child, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
    tck_ok(t, secure != NULL, "the XML is also given with XML_SECURE");

    virDomainSnapshotFree(parent);
    virDomainSnapshotFree(child);
    virDomainFree(dom);
    return tck_test_end(t);
}
