/*
 * 355-cpu-io-tunables — CPU statistics, emulator pinning, I/O threads,
 * perf events and lifecycle actions of a guest's config.
 *
 * Define the generic guest.  In its config: pin the emulator threads to
 * host CPU 0 (virDomainPinEmulator) and read it back
 * (virDomainGetEmulatorPinInfo); add I/O thread 1
 * (virDomainAddIOThread), pin it (virDomainPinIOThread), see it listed
 * (virDomainGetIOThreadInfo), delete it (virDomainDelIOThread); read the
 * perf events (virDomainGetPerfEvents) and disable one
 * (virDomainSetPerfEvents); make a reboot destroy the guest
 * (virDomainSetLifecycleAction), which the inactive XML shows.  Started,
 * virDomainGetCPUStats gives the guest's total CPU time.  Each piece a
 * driver lacks (VIR_ERR_NO_SUPPORT, "unsupported flags", ...) is skipped,
 * naming it.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "emulator pinning, I/O threads, perf events, lifecycle actions and CPU stats",
    .plan = 12,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "cputune");
    const unsigned int config = VIR_DOMAIN_AFFECT_CONFIG;
    unsigned char map = 0x1, got = 0;
    virDomainIOThreadInfoPtr *threads = NULL;
    virTypedParameterPtr params = NULL;
    g_autofree char *inactive = NULL, *action = NULL;
    virDomainPtr dom;
    int n = 0, ret;

    tck_diag(t, "Defining the generic guest");
    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Pinning the emulator threads to host CPU 0");
    ret = virDomainPinEmulator(dom, &map, 1, config);
    if (ret < 0 && tck_skip_unsupported(t, 2, "emulator pinning (virDomainPinEmulator)")) {
        ;
    } else {
        tck_ok_call(t, ret, "pinned the emulator threads in the config");
        n = virDomainGetEmulatorPinInfo(dom, &got, 1, config);
        tck_ok(t, n == 1 && got == 0x1, "the emulator pin info says CPU 0 only (n=%d map=0x%x)", n, got);
    }

    tck_diag(t, "Adding, pinning, listing and deleting I/O thread 1");
    ret = virDomainAddIOThread(dom, 1, config);
    if (ret < 0 && tck_skip_unsupported(t, 4, "I/O threads (virDomainAddIOThread)")) {
        ;
    } else {
        tck_ok_call(t, ret, "added I/O thread 1 to the config");
        tck_ok_call(t, virDomainPinIOThread(dom, 1, &map, 1, config), "pinned I/O thread 1 to CPU 0");
        n = virDomainGetIOThreadInfo(dom, &threads, config);
        tck_ok(t, n == 1 && threads[0]->iothread_id == 1, "the config lists I/O thread 1 (%d threads)", n);
        for (int i = 0; i < n; i++)
            virDomainIOThreadInfoFree(threads[i]);
        free(threads);
        tck_ok_call(t, virDomainDelIOThread(dom, 1, config), "deleted I/O thread 1");
    }

    tck_diag(t, "Perf events");
    n = 0;
    ret = virDomainGetPerfEvents(dom, &params, &n, config);
    if (ret < 0 && tck_skip_unsupported(t, 2, "perf events (virDomainGetPerfEvents)")) {
        ;
    } else {
        virTypedParameter off = { .type = VIR_TYPED_PARAM_BOOLEAN, .value.b = 0 };

        tck_ok(t, ret == 0 && n > 0, "the config has %d perf events", n);
        g_strlcpy(off.field, n > 0 ? params[0].field : VIR_PERF_PARAM_CMT, sizeof(off.field));
        tck_ok_call(t, virDomainSetPerfEvents(dom, &off, 1, config), "disabled perf event %s", off.field);
    }
    virTypedParamsFree(params, n);

    tck_diag(t, "A reboot destroys the guest");
    ret = virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_REBOOT, VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY, config);
    if (ret < 0 && tck_skip_unsupported(t, 2, "lifecycle actions (virDomainSetLifecycleAction)")) {
        ;
    } else {
        tck_ok_call(t, ret, "set on_reboot to destroy");
        inactive = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
        action = tck_xml_get_text(inactive, "/domain/on_reboot");
        tck_is_str(t, action, "destroy", "the inactive XML says on_reboot destroy");
    }

    tck_diag(t, "Starting it for its CPU statistics");
    if (virDomainCreate(dom) < 0)
        tck_bail_out(t, "cannot start the guest: %s", virGetLastErrorMessage());
    n = virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0);
    if (n < 0 && tck_skip_unsupported(t, 1, "CPU statistics (virDomainGetCPUStats)")) {
        ;
    } else {
        g_autofree virTypedParameter *total = g_new0(virTypedParameter, MAX(n, 1));
        unsigned long long cpu_time = 0;
        int got_n = n > 0 ? virDomainGetCPUStats(dom, total, n, -1, 1, 0) : -1;

        tck_ok(t, got_n > 0 && virTypedParamsGetULLong(total, got_n, VIR_DOMAIN_CPU_STATS_CPUTIME, &cpu_time) == 1,
               "the guest's total CPU time is reported (%llu ns)", cpu_time);
        if (got_n > 0)
            virTypedParamsClear(total, got_n);
    }

    virDomainFree(dom);
    return tck_test_end(t);
}
