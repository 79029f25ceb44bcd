/*
 * 420-snapshot-external — a disk-only external snapshot puts an overlay
 * on the guest's disk.
 *
 * Define the generic guest on a qcow2 disk and take a disk-only snapshot
 * whose disk is external, in a file of the test's own (CREATE_DISK_ONLY).
 * The snapshot's XML marks the disk external with that file; the guest's
 * config now points its disk at the overlay; the snapshot is listed with
 * the EXTERNAL and INACTIVE filters (its state is the guest's, shutoff),
 * not with DISK_ONLY (a running guest's disk-only snapshot).  Its metadata can be deleted
 * (DELETE_METADATA_ONLY).  A driver without external snapshots answers
 * VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED or
 * VIR_ERR_CONFIG_UNSUPPORTED: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "an external disk-only snapshot: overlay file, config, filters",
    .plan = 8,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *generic = tck_generic_domain_xml(t, "snap-ext");
    g_autofree char *xml = tck_xml_with_qcow2_disk(t, generic, "snap-ext-disk");
    g_autofree char *target = tck_generic_disk_target(t, xml);
    g_autofree char *file = NULL, *overlay = NULL, *snap_xml = NULL, *config = NULL, *got = NULL;
    g_autofree char *disk_path = NULL, *source_path = NULL;
    g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new("ext");
    g_autoptr(GError) error = NULL;
    virDomainSnapshotPtr snap;
    virDomainPtr dom;

    overlay = tck_host_file(t, "snap-ext.overlay.qcow2");
    tck_snapshot_builder_add_disk(b, target, "external", overlay, "qcow2");
    if (!(snap_xml = tck_snapshot_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the snapshot: %s", error->message);
    disk_path = g_strdup_printf("/domainsnapshot/disks/disk[@name='%s']/@snapshot", target);
    source_path = g_strdup_printf("/domainsnapshot/disks/disk[@name='%s']/source/@file", target);

    tck_diag(t, "Defining the guest and taking an external snapshot of %s", target);
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    snap = virDomainSnapshotCreateXML(dom, snap_xml, VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY);
    if (!snap && tck_skip_unsupported(t, 7, "external disk-only snapshots (virDomainSnapshotCreateXML)")) {
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, snap != NULL, "took the external snapshot"))
        tck_bail_out(t, "cannot go on without the snapshot: %s", virGetLastErrorMessage());

    g_free(snap_xml);
    snap_xml = virDomainSnapshotGetXMLDesc(snap, 0);
    got = tck_xml_get_text(snap_xml, disk_path);
    tck_is_str(t, got, "external", "the snapshot marks %s external", target);
    g_free(got);
    got = tck_xml_get_text(snap_xml, source_path);
    tck_is_str(t, got, overlay, "...with the overlay file");

    config = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_free(got);
    got = tck_xml_get_text(config, "/domain/devices/disk[@device='disk']/source/@file");
    tck_is_str(t, got, overlay, "the guest's config now uses the overlay");

    tck_ok(t, tck_snapshot_count(dom, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE) == 1 &&
              tck_snapshot_count(dom, VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY) == 0,
           "taken of a shut-off guest, it is listed as INACTIVE, not DISK_ONLY");
    tck_is_int(t, tck_snapshot_count(dom, VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL), 1, "the EXTERNAL filter lists it");
    tck_ok_call(t, virDomainSnapshotDelete(snap, VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY),
                "deleted the snapshot's metadata");

    virDomainSnapshotFree(snap);
    virDomainFree(dom);
    return tck_test_end(t);
}
