/*
 * 202-managed-save — a managed save image is what the next start resumes.
 *
 * Start a persistent guest and managed-save it: it is shutoff/saved and
 * virDomainHasManagedSaveImage() says 1 (also in virConnectListAllDomains
 * with VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE).  Start it: it resumes from
 * the image (running/restored, not booted) and the image is gone.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "managed save a domain; starting it resumes the image and removes it",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

/* TRUE when @name is among the domains listed with @flags. */
static gboolean
listed_with(virConnectPtr conn, const char *name, unsigned int flags)
{
    virDomainPtr *doms = NULL;
    int n = virConnectListAllDomains(conn, &doms, flags);
    gboolean found = FALSE;

    for (int i = 0; i < n; i++) {
        found = found || g_strcmp0(virDomainGetName(doms[i]), name) == 0;
        virDomainFree(doms[i]);
    }
    g_free(doms);
    return found;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "managed");
    const char *name = tck_name(t, "managed");
    virDomainPtr dom;

    tck_diag(t, "Defining and starting a guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Managed-saving it");
    tck_ok_call(t, tck_require(t, virDomainManagedSave(dom, 0), "virDomainManagedSave"),
                "managed-saved the guest");
    tck_is_state(t, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED, "the guest is shutoff/saved");
    tck_is_int(t, virDomainHasManagedSaveImage(dom, 0), 1, "the guest has a managed save image");
    tck_ok(t, listed_with(conn, name, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
           "the guest is listed among domains with a managed save image");

    tck_diag(t, "Starting it again");
    tck_ok_call(t, virDomainCreate(dom), "started the guest from its image");
    tck_is_state(t, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED,
                 "the guest resumed from the image (running/restored)");
    tck_is_int(t, virDomainHasManagedSaveImage(dom, 0), 0, "the managed save image is gone");
    virDomainDestroy(dom);
    virDomainFree(dom);

    return tck_test_end(t);
}
