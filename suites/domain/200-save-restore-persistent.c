/*
 * 200-save-restore-persistent — a persistent domain saved to a file
 * stops, keeps its config, and runs again from the file.
 *
 * Start a persistent guest and save it: it is shutoff/saved and still
 * defined.  Restore it: it runs again, running/restored, with the same
 * UUID.  Restoring while it runs is refused with
 * VIR_ERR_OPERATION_INVALID ("domain is already active"), the code the
 * domain list gives a second start of an active guest.  A driver
 * without virDomainSave skips.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "save a running persistent domain to a file and restore it",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "saved");
    g_autofree char *path = tck_host_file(t, "persistent.save");
    const char *name = tck_name(t, "saved");
    char uuid[VIR_UUID_STRING_BUFLEN] = "", restored_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr dom, restored;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    virDomainGetUUIDString(dom, uuid);
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Saving it to %s", path);
    tck_ok_call(t, tck_require(t, virDomainSave(dom, path), "virDomainSave"), "saved the guest");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED, "the saved guest is shutoff/saved");
    tck_is_int(t, virDomainIsPersistent(dom), 1, "the saved guest is still defined");

    tck_diag(t, "Restoring it");
    tck_ok_call(t, tck_require(t, virDomainRestore(conn, path), "virDomainRestore"), "restored the guest");
    restored = virDomainLookupByName(conn, name);
    tck_is_state(t, restored, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED,
                 "the restored guest is running/restored");
    if (restored)
        virDomainGetUUIDString(restored, restored_uuid);
    tck_is_str(t, restored_uuid, uuid, "the restored guest has the saved guest's UUID");
    tck_ok_error(t, virDomainRestore(conn, path), VIR_ERR_OPERATION_INVALID,
                 "restoring the image while the guest runs is refused");
    if (restored) {
        virDomainDestroy(restored);
        virDomainFree(restored);
    }
    virDomainFree(dom);

    return tck_test_end(t);
}
