/*
 * 153-unique-transient — a running transient guest's name and UUID are
 * taken, though it has no config.
 *
 * Create transient guest A.  While it runs, every guest that clashes
 * with it is refused, by create and by define alike: A's name with
 * another UUID, and another name with A's UUID, each with
 * VIR_ERR_OPERATION_FAILED (the domain list: "already exists with uuid" /
 * "is already defined with uuid").  Creating A itself again is refused
 * with VIR_ERR_OPERATION_INVALID ("is already active").  080 checks the
 * same against a persistent guest.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "names and UUIDs of a running transient domain are refused to other guests",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_generic_domain_xml(t, "a");
    g_autofree char *b_xml = tck_generic_domain_xml(t, "b");
    g_autofree char *b_uuid = tck_xml_get_text(b_xml, "/domain/uuid");
    g_autofree char *a_name_b_uuid = NULL, *b_name_a_uuid = NULL;
    char a_uuid[VIR_UUID_STRING_BUFLEN] = "";
    g_autoptr(GError) error = NULL;
    virDomainPtr a;

    tck_diag(t, "Creating transient guest A");
    a = tck_ok_domain(t, virDomainCreateXML(conn, a_xml, 0), "created transient guest A");
    if (!a || virDomainGetUUIDString(a, a_uuid) < 0 || !b_uuid)
        tck_bail_out(t, "cannot go on without guest A and both UUIDs");
    if (!(a_name_b_uuid = tck_xml_set_text(a_xml, "/domain/uuid", b_uuid, &error)) ||
        !(b_name_a_uuid = tck_xml_set_text(b_xml, "/domain/uuid", a_uuid, &error)))
        tck_bail_out(t, "cannot edit the guests' XML: %s", error->message);

    tck_diag(t, "Creating and defining guests that clash with the running A");
    tck_ok_error(t, virDomainCreateXML(conn, a_name_b_uuid, 0), VIR_ERR_OPERATION_FAILED,
                 "create with A's name and another UUID is refused");
    tck_ok_error(t, virDomainCreateXML(conn, b_name_a_uuid, 0), VIR_ERR_OPERATION_FAILED,
                 "create with another name and A's UUID is refused");
    tck_ok_error(t, virDomainDefineXML(conn, a_name_b_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with A's name and another UUID is refused");
    tck_ok_error(t, virDomainDefineXML(conn, b_name_a_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with another name and A's UUID is refused");
    tck_ok_error(t, virDomainCreateXML(conn, a_xml, 0), VIR_ERR_OPERATION_INVALID,
                 "creating the running A again is refused");
    tck_is_int(t, virDomainIsPersistent(a), 0, "A is still transient");
    virDomainDestroy(a);
    virDomainFree(a);

    return tck_test_end(t);
}
