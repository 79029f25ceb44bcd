/*
 * 201-save-restore-transient — a transient domain saved to a file is
 * gone until it is restored.
 *
 * Create a transient guest and save it: with no config to keep, it is
 * gone (VIR_ERR_NO_DOMAIN).  Restore it: it runs again, transient still,
 * running/restored.  Destroyed, it is gone again.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "save a transient domain (it disappears) and restore it (it runs, transient)",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "saved");
    g_autofree char *path = tck_host_file(t, "transient.save");
    const char *name = tck_name(t, "saved");
    virDomainPtr dom, restored;

    tck_diag(t, "Creating a transient guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "created the transient guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Saving it to %s", path);
    tck_ok_call(t, tck_require(t, virDomainSave(dom, path), "virDomainSave"), "saved the transient guest");
    virDomainFree(dom);
    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "the saved transient guest is gone");
    tck_ok(t, tck_host_file_size(t, path) > 0, "the save image exists");

    tck_diag(t, "Restoring it");
    tck_ok_call(t, tck_require(t, virDomainRestore(conn, path), "virDomainRestore"), "restored the guest");
    restored = virDomainLookupByName(conn, name);
    tck_is_state(t, restored, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED,
                 "the restored guest is running/restored");
    tck_is_int(t, restored ? virDomainIsPersistent(restored) : -1, 0, "the restored guest is transient");
    tck_ok_call(t, restored ? virDomainDestroy(restored) : -1, "destroyed the restored guest");
    if (restored)
        virDomainFree(restored);
    tck_ok_error(t, virDomainLookupByName(conn, name), VIR_ERR_NO_DOMAIN,
                 "the destroyed transient guest is gone");

    return tck_test_end(t);
}
