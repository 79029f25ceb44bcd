/* generic-domain.c — PLACEHOLDER until capabilities/builders land. */
#include <config.h>
#include <tck/guest.h>
#include <tck/checks.h>

char *
tck_generic_domain_xml(TckTest *t, const char *suffix)
{
    tck_bail_out(t, "tck_generic_domain_xml is not implemented yet");
}

gboolean
tck_guest_boots(TckTest *t)
{
    return FALSE;
}
