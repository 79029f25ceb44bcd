/*
 * 151-rename — an inactive domain can be renamed and keeps its UUID.
 *
 * Define guest A and guest B.  Rename A while it runs: refused with
 * VIR_ERR_OPERATION_INVALID ("cannot rename active domain").  Rename the
 * inactive A to B's name: refused with VIR_ERR_OPERATION_INVALID (the
 * domain list: "domain with name 'B' already exists").  Rename the
 * inactive A to a new name: the old name is gone (VIR_ERR_NO_DOMAIN), the
 * new one finds the guest with A's UUID.  A driver without
 * virDomainRename skips (VIR_ERR_NO_SUPPORT).
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "rename an inactive domain; renaming a running one or onto a taken name is refused",
    .plan = 10,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_generic_domain_xml(t, "a");
    g_autofree char *b_xml = tck_generic_domain_xml(t, "b");
    const char *a_name = tck_name(t, "a");
    const char *b_name = tck_name(t, "b");
    /* Recorded before the rename, so cleanup finds the guest under its new name. */
    const char *new_name = tck_own(t, TCK_OBJECT_DOMAIN, "renamed", NULL);
    char a_uuid[VIR_UUID_STRING_BUFLEN] = "", found_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr a, b, found;

    tck_diag(t, "Defining guests A and B");
    a = tck_ok_domain_named(t, virDomainDefineXML(conn, a_xml), a_name, "defined guest A");
    b = tck_ok_domain_named(t, virDomainDefineXML(conn, b_xml), b_name, "defined guest B");
    if (!a || !b)
        tck_bail_out(t, "cannot go on without both guests");
    virDomainGetUUIDString(a, a_uuid);

    tck_diag(t, "Renaming A while it runs");
    tck_ok_call(t, virDomainCreate(a), "started guest A");
    tck_ok_error(t, tck_require(t, virDomainRename(a, new_name, 0), "virDomainRename"),
                 VIR_ERR_OPERATION_INVALID, "renaming the running guest is refused");
    tck_ok_call(t, virDomainDestroy(a), "destroyed guest A");

    tck_diag(t, "Renaming A to B's name");
    tck_ok_error(t, virDomainRename(a, b_name, 0), VIR_ERR_OPERATION_INVALID,
                 "renaming onto an existing guest's name is refused");

    tck_diag(t, "Renaming A to %s", new_name);
    tck_ok_call(t, virDomainRename(a, new_name, 0), "renamed the inactive guest A");
    tck_ok_error(t, virDomainLookupByName(conn, a_name), VIR_ERR_NO_DOMAIN, "A's old name is gone");
    found = tck_ok_domain_named(t, virDomainLookupByName(conn, new_name), new_name,
                                "the new name finds the guest");
    if (found)
        virDomainGetUUIDString(found, found_uuid);
    tck_is_str(t, found_uuid, a_uuid, "the renamed guest keeps A's UUID");
    if (found)
        virDomainFree(found);
    virDomainFree(a);
    virDomainFree(b);

    return tck_test_end(t);
}
