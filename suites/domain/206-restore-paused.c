/*
 * 206-restore-paused — a save image can be restored paused or running,
 * whatever the guest was when it was saved.
 *
 * Save a running guest and restore it with VIR_DOMAIN_SAVE_PAUSED: it is
 * paused.  Save it again (paused) and restore it with
 * VIR_DOMAIN_SAVE_RUNNING: it runs.  Both flags at once are refused with
 * VIR_ERR_INVALID_ARG (libvirt.c: they are mutually exclusive).  A driver
 * that does not implement the flags skips, naming them.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "restore a save image paused, then running, with the VIR_DOMAIN_SAVE_* flags",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "paused");
    g_autofree char *path = tck_host_file(t, "paused.save");
    const char *name = tck_name(t, "paused");
    virDomainPtr dom, restored;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Saving the running guest and restoring it paused");
    tck_ok_call(t, tck_require(t, virDomainSave(dom, path), "virDomainSave"), "saved the running guest");
    tck_ok_call(t, tck_require_flag(t, virDomainRestoreFlags(conn, path, NULL, VIR_DOMAIN_SAVE_PAUSED),
                                    "VIR_DOMAIN_SAVE_PAUSED"),
                "restored the guest with VIR_DOMAIN_SAVE_PAUSED");
    restored = virDomainLookupByName(conn, name);
    tck_is_state(t, restored, VIR_DOMAIN_PAUSED, TCK_ANY_REASON, "the restored guest is paused");

    tck_diag(t, "Saving the paused guest and restoring it running");
    tck_ok_call(t, restored ? virDomainSave(restored, path) : -1, "saved the paused guest");
    if (restored)
        virDomainFree(restored);
    tck_ok_call(t, tck_require_flag(t, virDomainRestoreFlags(conn, path, NULL, VIR_DOMAIN_SAVE_RUNNING),
                                    "VIR_DOMAIN_SAVE_RUNNING"),
                "restored the guest with VIR_DOMAIN_SAVE_RUNNING");
    restored = virDomainLookupByName(conn, name);
    tck_is_state(t, restored, VIR_DOMAIN_RUNNING, TCK_ANY_REASON, "the restored guest runs");
    if (restored)
        virDomainDestroy(restored);
    /* Here, where both flags are known to work alone. */
    tck_ok_error(t, virDomainRestoreFlags(conn, path, NULL, VIR_DOMAIN_SAVE_PAUSED | VIR_DOMAIN_SAVE_RUNNING),
                 VIR_ERR_INVALID_ARG, "restoring both paused and running at once is refused");
    if (restored)
        virDomainFree(restored);
    virDomainFree(dom);

    return tck_test_end(t);
}
