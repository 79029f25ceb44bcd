/*
 * 150-lookups-after-redefine — name, UUID and id keep pointing at one guest.
 *
 * Define a guest: lookups by name and by UUID find it; it has no id yet
 * (-1), and id lookups of an inactive guest cannot find it.  Start it:
 * the lookup by its id finds it.  Redefine it while it runs (a new
 * description): the lookups by name, UUID and id still find the same
 * guest, with the same UUID and the same id.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "lookups by name, UUID and id find the same domain before and after a redefine",
    .plan = 14,
    .needs = (const char *const[]){ "domain", NULL },
};

/* The UUID string of @dom, or NULL. */
static char *
uuid_of(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    return dom && virDomainGetUUIDString(dom, uuid) == 0 ? g_strdup(uuid) : NULL;
}

/* Looks @dom up by name, UUID and id, checking each finds this guest. */
static void
check_lookups(TckTest *t, virConnectPtr conn, const char *name, const char *uuid, int id,
              const char *when)
{
    virDomainPtr by_name = virDomainLookupByName(conn, name);
    virDomainPtr by_uuid = virDomainLookupByUUIDString(conn, uuid);
    virDomainPtr by_id = virDomainLookupByID(conn, id);
    g_autofree char *name_uuid = uuid_of(by_name);

    tck_is_str(t, name_uuid, uuid, "%s, the lookup by name finds the guest's UUID", when);
    tck_is_str(t, by_uuid ? virDomainGetName(by_uuid) : NULL, name,
               "%s, the lookup by UUID finds the guest's name", when);
    tck_is_str(t, by_id ? virDomainGetName(by_id) : NULL, name,
               "%s, the lookup by id %d finds the guest", when, id);
    g_clear_pointer(&by_name, virDomainFree);
    g_clear_pointer(&by_uuid, virDomainFree);
    g_clear_pointer(&by_id, virDomainFree);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "lookup");
    const char *name = tck_name(t, "lookup");
    g_autofree char *redefined_xml = NULL, *uuid = NULL, *uuid_after = NULL;
    g_autoptr(GError) error = NULL;
    virDomainPtr dom, again, found;
    int id;

    if (!(redefined_xml = tck_xml_set_text(xml, "/domain/description", "redefined", &error)))
        tck_bail_out(t, "cannot edit the guest's XML: %s", error->message);

    tck_diag(t, "Defining the guest");
    dom = tck_ok_domain_named(t, virDomainDefineXML(conn, xml), name, "defined the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    uuid = uuid_of(dom);
    found = virDomainLookupByUUIDString(conn, uuid);
    tck_is_str(t, found ? virDomainGetName(found) : NULL, name, "the inactive guest is found by its UUID");
    g_clear_pointer(&found, virDomainFree);
    tck_is_int(t, (int) virDomainGetID(dom), -1, "the inactive guest has no id");

    tck_diag(t, "Starting it");
    tck_ok_call(t, virDomainCreate(dom), "started the guest");
    id = (int) virDomainGetID(dom);
    tck_isnt_int(t, id, -1, "the running guest has an id");
    check_lookups(t, conn, name, uuid, id, "while it runs");

    tck_diag(t, "Redefining it while it runs");
    again = tck_ok_domain_named(t, virDomainDefineXML(conn, redefined_xml), name, "redefined the guest");
    uuid_after = uuid_of(again);
    tck_is_str(t, uuid_after, uuid, "the redefined guest keeps its UUID");
    if (again)
        virDomainFree(again);
    tck_is_int(t, (int) virDomainGetID(dom), id, "the redefined guest keeps its id");
    check_lookups(t, conn, name, uuid, id, "after the redefine");

    virDomainDestroy(dom);
    virDomainFree(dom);
    return tck_test_end(t);
}
