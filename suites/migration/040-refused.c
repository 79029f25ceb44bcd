/*
 * 040-refused — migrations that must be refused, with their codes.
 *
 *  - An inactive guest without VIR_MIGRATE_OFFLINE: refused with
 *    VIR_ERR_OPERATION_INVALID ("domain is not running"): the guest's state
 *    does not allow a live migration.  Nothing appears on the destination.
 *  - A running guest whose name the destination already has, there with
 *    another UUID: refused with VIR_ERR_OPERATION_FAILED, the code of
 *    libvirt's domain list for "domain 'N' is already defined with uuid U"
 *    (as domain/080 sees for define).  The guest keeps running on the
 *    source, and the destination's own guest of that name is untouched.
 * A driver that does not migrate at all (VIR_ERR_NO_SUPPORT) gets a skip.
 * The running guest is only "running" as far as the API is concerned: no
 * guest code needs to run, so its marker is not awaited.
 */
#include <config.h>
#include <tck/tck.h>
#include "migration-guest.h"

static const TckTestInfo info = {
    .summary = "migrating an inactive guest live, or onto a name the destination has, is refused",
    .plan = 9,
    .needs = (const char *const[]){ "domain", "config:otheruri", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr src = tck_test_connect(t);
    virConnectPtr dst = tck_test_connect_other(t);
    g_autofree char *xml = migration_guest_xml(t, "guest");
    g_autofree char *other_xml = migration_guest_xml(t, "other");
    g_autofree char *other_uuid = tck_xml_get_text(other_xml, "/domain/uuid");
    g_autofree char *clash_xml = NULL;
    g_autofree char *seen_uuid = NULL;
    const char *name = tck_name(t, "guest");
    g_autoptr(GError) error = NULL;
    virDomainPtr dom, clash, there;
    TckCallOutcome outcome;

    if (!other_uuid || !(clash_xml = tck_xml_set_text(xml, "/domain/uuid", other_uuid, &error)))
        tck_bail_out(t, "cannot give the clashing guest another UUID: %s", error ? error->message : "none");

    tck_diag(t, "Defining an inactive guest on the source");
    dom = tck_ok_domain_named(t, virDomainDefineXML(src, xml), name, "defined the guest on the source");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    outcome = tck_call_outcome(virDomainMigrate3(dom, dst, NULL, 0, VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST));
    if (outcome.code == VIR_ERR_NO_SUPPORT) {
        tck_diag(t, "refused: %s", outcome.message);
        g_free(outcome.message);
        tck_skip(t, 7, "the driver does not migrate (virDomainMigrate3 answers VIR_ERR_NO_SUPPORT)");
        tck_ok_call(t, virDomainUndefine(dom), "undefined the source's guest");
        virDomainFree(dom);
        return tck_test_end(t);
    }
    tck_ok_error_outcome(t, outcome, VIR_ERR_OPERATION_INVALID, "live migration of an inactive guest is refused");
    tck_ok_error(t, virDomainLookupByName(dst, name), VIR_ERR_NO_DOMAIN,
                 "the refused migration left nothing on the destination");

    tck_diag(t, "Defining a guest of the same name, another UUID, on the destination");
    clash = tck_ok_domain_named(t, virDomainDefineXML(dst, clash_xml), name,
                                "defined the same name on the destination");
    tck_diag(t, "Starting the source's guest and migrating it onto that name");
    tck_ok_call(t, virDomainCreate(dom), "started the guest on the source");
    tck_ok_error(t, virDomainMigrate3(dom, dst, NULL, 0, VIR_MIGRATE_LIVE), VIR_ERR_OPERATION_FAILED,
                 "migration onto a name the destination has with another UUID is refused");
    tck_is_int(t, virDomainIsActive(dom), 1, "the guest still runs on the source");
    there = clash ? virDomainLookupByName(dst, name) : NULL;
    if (there) {
        seen_uuid = g_malloc0(VIR_UUID_STRING_BUFLEN);
        virDomainGetUUIDString(there, seen_uuid);
        virDomainFree(there);
    }
    tck_is_str(t, seen_uuid, other_uuid, "the destination's own guest of that name is untouched");

    tck_diag(t, "Cleaning up on both hosts");
    virDomainDestroy(dom);
    tck_ok_call(t, virDomainUndefine(dom), "undefined the source's guest");
    virDomainFree(dom);
    if (clash) {
        virDomainUndefine(clash);
        virDomainFree(clash);
    }
    return tck_test_end(t);
}
