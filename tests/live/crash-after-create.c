/*
 * crash-after-create — fixture for live-safety.sh: a test program that
 * creates its generic guest and then dies (SIGABRT) without cleaning up,
 * so that the harness's ledger-driven cleanup must remove the guest.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "create a guest, then crash before cleaning up",
    .plan = 2,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    TckTest *t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "crash");

    tck_diag(t, "Creating a guest, then crashing");
    tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "created the guest");
    fflush(stdout);
    abort();
}
