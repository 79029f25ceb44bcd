/*
 * 163-inactive-save-dump — an inactive domain has no memory to save or dump.
 *
 * virDomainSave(), virDomainManagedSave() and virDomainCoreDump() of a
 * defined, inactive guest are each refused with
 * VIR_ERR_OPERATION_INVALID ("domain is not running"), no file appears
 * where the save and the dump were asked for, and no managed save image
 * is recorded.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "save, managed save and core dump of an inactive domain are refused",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "inactive");
    g_autofree char *save_path = tck_host_file(t, "inactive.save");
    g_autofree char *dump_path = tck_host_file(t, "inactive.core");
    virDomainPtr dom;

    dom = tck_ok_domain(t, virDomainDefineXML(conn, xml), "defined an inactive guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");

    tck_diag(t, "Saving and dumping the inactive guest");
    tck_ok_error_or_skip(t, virDomainSave(dom, save_path), VIR_ERR_OPERATION_INVALID, "virDomainSave",
                         "save is refused");
    tck_ok(t, tck_host_file_size(t, save_path) < 0, "no save file was written");
    tck_ok_error_or_skip(t, virDomainManagedSave(dom, 0), VIR_ERR_OPERATION_INVALID,
                         "virDomainManagedSave", "managed save is refused");
    tck_is_int(t, virDomainHasManagedSaveImage(dom, 0), 0, "the guest has no managed save image");
    tck_ok_error_or_skip(t, virDomainCoreDump(dom, dump_path, 0), VIR_ERR_OPERATION_INVALID,
                         "virDomainCoreDump", "core dump is refused");
    tck_ok(t, tck_host_file_size(t, dump_path) < 0, "no core file was written");
    virDomainFree(dom);

    return tck_test_end(t);
}
