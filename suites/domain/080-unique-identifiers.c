/*
 * 080-unique-identifiers — a name and a UUID each identify one guest.
 *
 * Define guest A.  Then try guests that clash with it:
 *  - same name, other UUID: refused with VIR_ERR_OPERATION_FAILED, the code
 *    libvirt's domain list uses for "domain 'A' already exists with uuid U";
 *  - other name, same UUID: refused with VIR_ERR_OPERATION_FAILED
 *    ("domain 'A' is already defined with uuid U");
 *  - the same two clashes through create (transient): refused the same way;
 *  - while A runs, creating A again (same name and UUID): refused with
 *    VIR_ERR_OPERATION_INVALID ("domain 'A' is already active"): the
 *    identity matches, but the state does not allow it.
 * Redefining A with its own name and UUID is an update, and succeeds.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "guests whose name or UUID clash with an existing one are refused",
    .plan = 9,
    .needs = (const char *const[]){ "domain", NULL },
};

/*
 * The generic guest @xml with the UUID taken from @uuid_from.  Every UUID
 * here comes from a generic guest of this run, so that runs side by side
 * never clash with each other, only with themselves.
 */
static char *
with_uuid_of(TckTest *t, const char *xml, const char *uuid_from)
{
    g_autofree char *uuid = tck_xml_get_text(uuid_from, "/domain/uuid");
    g_autoptr(GError) error = NULL;
    char *edited;

    if (!uuid)
        tck_bail_out(t, "the generic guest has no UUID");
    if (!(edited = tck_xml_set_text(xml, "/domain/uuid", uuid, &error)))
        tck_bail_out(t, "cannot set the UUID: %s", error->message);
    return edited;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *a_xml = tck_generic_domain_xml(t, "a");
    g_autofree char *b_xml = tck_generic_domain_xml(t, "b");
    g_autofree char *a_other_uuid = with_uuid_of(t, a_xml, b_xml);
    g_autofree char *b_same_uuid = with_uuid_of(t, b_xml, a_xml);
    virDomainPtr a, redefined;

    tck_diag(t, "Defining guest A");
    a = tck_ok_domain_named(t, virDomainDefineXML(conn, a_xml), tck_name(t, "a"),
                            "defined guest A");
    if (!a)
        tck_bail_out(t, "cannot go on without guest A");

    tck_diag(t, "Defining a guest with A's name and another UUID");
    tck_ok_error(t, virDomainDefineXML(conn, a_other_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with an existing name and a new UUID is refused");
    tck_diag(t, "Defining a guest with another name and A's UUID");
    tck_ok_error(t, virDomainDefineXML(conn, b_same_uuid), VIR_ERR_OPERATION_FAILED,
                 "define with a new name and an existing UUID is refused");

    tck_diag(t, "Creating transient guests that clash with A");
    tck_ok_error(t, virDomainCreateXML(conn, a_other_uuid, 0), VIR_ERR_OPERATION_FAILED,
                 "create with an existing name and a new UUID is refused");
    tck_ok_error(t, virDomainCreateXML(conn, b_same_uuid, 0), VIR_ERR_OPERATION_FAILED,
                 "create with a new name and an existing UUID is refused");

    tck_diag(t, "Starting A, then creating A again");
    tck_ok_call(t, virDomainCreate(a), "started guest A");
    tck_ok_error(t, virDomainCreateXML(conn, a_xml, 0), VIR_ERR_OPERATION_INVALID,
                 "create of the running guest A is refused");

    tck_diag(t, "Redefining A with its own name and UUID");
    redefined = tck_ok_domain_named(t, virDomainDefineXML(conn, a_xml), tck_name(t, "a"),
                                    "redefining A with its own identity updates it");
    if (redefined)
        virDomainFree(redefined);
    tck_ok_call(t, virDomainDestroy(a), "destroyed guest A");
    virDomainFree(a);

    return tck_test_end(t);
}
