/*
 * 020-offline-persistent — an inactive persistent config migrates offline.
 *
 * A persistent generic guest is defined (never started) on uri.  Offline
 * migration (VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PERSIST_DEST, plus
 * VIR_MIGRATE_UNDEFINE_SOURCE) moves only its config: it is then defined,
 * inactive and persistent on otheruri, with the same UUID, and gone from
 * uri (VIR_ERR_NO_DOMAIN).  Back again without VIR_MIGRATE_UNDEFINE_SOURCE,
 * the config exists on both hosts.  A driver without offline migration
 * (VIR_ERR_NO_SUPPORT or VIR_ERR_ARGUMENT_UNSUPPORTED) gets a skip naming
 * the flag.
 */
#include <config.h>
#include <tck/tck.h>
#include "migration-guest.h"

static const TckTestInfo info = {
    .summary = "an inactive persistent config migrates offline, with and without undefining the source",
    .plan = 10,
    .needs = (const char *const[]){ "domain", "config:otheruri", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr src = tck_test_connect(t);
    virConnectPtr dst = tck_test_connect_other(t);
    g_autofree char *xml = migration_guest_xml(t, "config");
    const char *name = tck_name(t, "config");
    const unsigned int offline = VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PERSIST_DEST;
    char uuid[VIR_UUID_STRING_BUFLEN] = "", moved_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr dom, moved, back, left;
    virErrorPtr err;

    tck_diag(t, "Defining an inactive persistent guest on the source");
    dom = tck_ok_domain_named(t, virDomainDefineXML(src, xml), name, "defined the guest on the source");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    virDomainGetUUIDString(dom, uuid);

    tck_diag(t, "Migrating it offline, persisting it on the destination and undefining the source");
    moved = virDomainMigrate3(dom, dst, NULL, 0, offline | VIR_MIGRATE_UNDEFINE_SOURCE);
    err = moved ? NULL : virGetLastError();
    if (err && (err->code == VIR_ERR_NO_SUPPORT || err->code == VIR_ERR_ARGUMENT_UNSUPPORTED)) {
        tck_diag(t, "refused: %s", err->message);
        tck_skip(t, 8, "the driver does not migrate with VIR_MIGRATE_OFFLINE");
        tck_ok_call(t, virDomainUndefine(dom), "undefined the guest");
        virDomainFree(dom);
        return tck_test_end(t);
    }
    if (!tck_ok(t, moved != NULL, "offline migration with persist-dest and undefine-source succeeded"))
        tck_bail_out(t, "the config did not move: %s", virGetLastErrorMessage());
    virDomainGetUUIDString(moved, moved_uuid);
    tck_is_str(t, moved_uuid, uuid, "the config has its UUID on the destination");
    tck_is_int(t, virDomainIsActive(moved), 0, "the config is inactive on the destination");
    tck_is_int(t, virDomainIsPersistent(moved), 1, "the config is persistent on the destination");
    tck_ok_error(t, virDomainLookupByName(src, name), VIR_ERR_NO_DOMAIN,
                 "the config was undefined on the source");
    virDomainFree(dom);

    tck_diag(t, "Migrating it back offline, keeping the destination's copy");
    back = virDomainMigrate3(moved, src, NULL, 0, offline);
    tck_ok(t, back != NULL, "offline migration back without undefine-source succeeded");
    tck_is_int(t, back ? virDomainIsPersistent(back) : -1, 1, "the config is persistent on the source again");
    left = virDomainLookupByName(dst, name);
    tck_ok(t, left != NULL, "without undefine-source the config stays on the other host");

    tck_diag(t, "Undefining both copies");
    if (left) {
        virDomainUndefine(left);
        virDomainFree(left);
    }
    virDomainFree(moved);
    if (back) {
        tck_ok_call(t, virDomainUndefine(back), "undefined the guest on the source");
        virDomainFree(back);
    } else {
        tck_skip(t, 1, "nothing came back to undefine");
    }
    return tck_test_end(t);
}
