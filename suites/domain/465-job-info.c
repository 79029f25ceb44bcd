/*
 * 465-job-info — a guest with nothing going on has no job.
 *
 * Start the generic guest.  virDomainGetJobInfo and virDomainGetJobStats
 * report job type NONE; virDomainAbortJob with no job running is refused
 * with VIR_ERR_OPERATION_INVALID ("no job is active on the domain").
 * virDomainGetControlInfo says the monitor is OK.  A driver without jobs
 * answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "job info and stats of an idle guest, and aborting no job",
    .plan = 5,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "jobinfo");
    virTypedParameterPtr params = NULL;
    virDomainControlInfo ci = { 0 };
    virDomainJobInfo ji = { 0 };
    int type = -1, n = 0, ret;
    virDomainPtr dom;

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Asking for its job");
    ret = virDomainGetJobInfo(dom, &ji);
    if (ret < 0 && tck_skip_unsupported(t, 1, "job info (virDomainGetJobInfo)"))
        ;
    else
        tck_ok(t, ret == 0 && ji.type == VIR_DOMAIN_JOB_NONE, "virDomainGetJobInfo says no job (type %d)", ji.type);
    ret = virDomainGetJobStats(dom, &type, &params, &n, 0);
    if (ret < 0 && tck_skip_unsupported(t, 1, "job statistics (virDomainGetJobStats)"))
        ;
    else
        tck_ok(t, ret == 0 && type == VIR_DOMAIN_JOB_NONE, "virDomainGetJobStats says no job (type %d)", type);
    virTypedParamsFree(params, n);
    ret = virDomainAbortJob(dom);
    if (ret < 0 && tck_skip_unsupported(t, 1, "aborting jobs (virDomainAbortJob)"))
        ;
    else
        tck_ok_error(t, ret, VIR_ERR_OPERATION_INVALID, "aborting when no job runs is refused");
    ret = virDomainGetControlInfo(dom, &ci, 0);
    if (ret < 0 && tck_skip_unsupported(t, 1, "control info (virDomainGetControlInfo)"))
        ;
    else
        tck_ok(t, ret == 0 && ci.state == VIR_DOMAIN_CONTROL_OK, "the guest's control state is OK (%u)", ci.state);

    virDomainFree(dom);
    return tck_test_end(t);
}
