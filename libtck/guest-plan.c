/*
 * guest-plan.c — the one way a guest plan is made: the host's
 * capabilities, the config's os_type/arch/boot, then the refinement the
 * domain capabilities of the chosen guest allow.  Tests (through
 * tck_generic_domain_xml), `libvirt-tck capabilities` and the harness's
 * report all come here.
 */
#include <config.h>

#include <libvirt/virterror.h>

#include <tck/error.h>
#include <tck/guest.h>

TckGuestPlan *
tck_plan_for_host(const TckHost *host, virConnectPtr conn, TckConfig *config, GError **error)
{
    TckPlanRequest req = {
        .os_type = config ? tck_config_get_string(config, "os_type") : NULL,
        .arch = config ? tck_config_get_string(config, "arch") : NULL,
        .boot = config ? tck_config_get_string(config, "boot") : NULL,
    };
    g_autofree char *dcaps_xml = NULL;
    g_autoptr(TckDomainCaps) dcaps = NULL;
    TckGuestPlan *plan;

    if (!(plan = tck_plan_choose(host, &req, error)))
        return NULL;
    if (!conn)
        return plan;
    /* Drivers without domain capabilities (test, LXC) are fine: the plan stands. */
    dcaps_xml = virConnectGetDomainCapabilities(conn, plan->emulator, plan->arch, plan->machine,
                                                plan->domain_type, 0);
    if (dcaps_xml) {
        dcaps = tck_domain_caps_parse(dcaps_xml, -1, "domain capabilities", NULL);
        if (dcaps)
            tck_plan_refine(plan, dcaps);
    } else {
        virResetLastError();
    }
    return plan;
}

TckGuestPlan *
tck_plan_for_connection(virConnectPtr conn, TckConfig *config, GError **error)
{
    g_autofree char *uri = virConnectGetURI(conn);
    g_autofree char *caps_xml = virConnectGetCapabilities(conn);
    g_autoptr(TckHost) host = NULL;

    if (!caps_xml) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot read the capabilities of %s: %s",
                    uri ? uri : "the connection", virGetLastErrorMessage());
        return NULL;
    }
    if (!(host = tck_host_parse(caps_xml, -1, uri ? uri : "capabilities", error)))
        return NULL;
    return tck_plan_for_host(host, conn, config, error);
}
