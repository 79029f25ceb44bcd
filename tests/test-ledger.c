/*
 * test-ledger.c — the ledger and its cleanup: names carry the run's
 * prefix, records survive torn writes, and cleanup removes exactly this
 * run's objects on a real driver (test:///default) while someone else's
 * objects — and other runs' tck- objects — stay exactly as they were.
 */
#include <config.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libvirt/virterror.h>
#include <tck/tck.h>

#define RUN "1a2b3c4d"

static char *
tmp_ledger_path(void)
{
    g_autofree char *dir = g_dir_make_tmp("tck-ledger-XXXXXX", NULL);
    g_assert_nonnull(dir);
    return g_build_filename(dir, "ledger", NULL);
}

static void
test_names(void)
{
    g_autofree char *prefix = tck_ledger_prefix(RUN);

    g_assert_cmpstr(prefix, ==, "tck-1a2b3c4d-");
    g_assert_true(tck_name_is_tck("tck-1a2b3c4d-domain-050-x"));
    g_assert_false(tck_name_is_tck("tck-1a2b3c4d-"));
    g_assert_false(tck_name_is_tck("tck-1A2B3C4D-domain-050-x"));
    g_assert_false(tck_name_is_tck("tck-1a2b3c4-domain"));
    g_assert_false(tck_name_is_tck("tckx1a2b3c4d-domain"));
    g_assert_false(tck_name_is_tck("prod-web"));
    g_assert_false(tck_name_is_tck("tck-test"));
    g_assert_false(tck_name_is_tck(NULL));
}

static void
test_record_read(void)
{
    g_autofree char *path = tmp_ledger_path();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckLedger) ledger = tck_ledger_open(path, RUN, &error);
    g_autoptr(GPtrArray) entries = NULL;
    TckLedgerEntry *e;
    int fd;

    g_assert_no_error(error);
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-d-1-a", NULL, &error));
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_VOLUME, "tck-1a2b3c4d-d-1-v", "somepool", &error));
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-d-1-a", NULL, &error));

    /* Someone else's name, or another run's, is refused. */
    g_assert_false(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "prod-web", NULL, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_SETUP);
    g_clear_error(&error);
    g_assert_false(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-deadbeef-d-1-a", NULL, &error));
    g_clear_error(&error);
    g_assert_false(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-bad\tname", NULL, &error));
    g_clear_error(&error);

    /* Junk and a torn last line, as a crash mid-write would leave. */
    fd = open(path, O_WRONLY | O_APPEND);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, "bogus line\nwidget\tx\n", 20), ==, 20);
    g_assert_cmpint(write(fd, "network\ttck-1a2b3c4d-d-1-torn", 29), ==, 29);
    close(fd);

    entries = tck_ledger_read(path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(entries->len, ==, 2);
    e = g_ptr_array_index(entries, 0);
    g_assert_cmpint(e->kind, ==, TCK_OBJECT_DOMAIN);
    g_assert_cmpstr(e->name, ==, "tck-1a2b3c4d-d-1-a");
    g_assert_null(e->parent);
    e = g_ptr_array_index(entries, 1);
    g_assert_cmpint(e->kind, ==, TCK_OBJECT_VOLUME);
    g_assert_cmpstr(e->parent, ==, "somepool");

    g_clear_pointer(&entries, g_ptr_array_unref);
    entries = tck_ledger_read("/nonexistent/ledger", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(entries->len, ==, 0);
}

/* The test driver's own "test" domain under another name and UUID. */
static virDomainPtr
clone_domain(virConnectPtr conn, const char *name, const char *uuid, gboolean start)
{
    virDomainPtr base = virDomainLookupByName(conn, "test");
    g_autofree char *xml = virDomainGetXMLDesc(base, VIR_DOMAIN_XML_INACTIVE);
    g_autofree char *named = tck_xml_set_text(xml, "/domain/name", name, NULL);
    g_autofree char *edited = tck_xml_set_text(named, "/domain/uuid", uuid, NULL);
    virDomainPtr dom;

    virDomainFree(base);
    g_assert_nonnull(edited);
    dom = virDomainDefineXML(conn, edited);
    g_assert_nonnull(dom);
    if (start)
        g_assert_cmpint(virDomainCreate(dom), ==, 0);
    return dom;
}

static int
domain_state(virConnectPtr conn, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);
    int state = -1, reason;

    if (!dom)
        return -1;
    virDomainGetState(dom, &state, &reason, 0);
    virDomainFree(dom);
    return state;
}

static void
quiet(void *opaque, virErrorPtr err)
{
}

static void
test_cleanup_exact(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    g_autofree char *path = tmp_ledger_path();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckLedger) ledger = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(GString) log = g_string_new(NULL);
    g_autofree char *prod_xml_before = NULL;
    g_autofree char *prod_xml_after = NULL;
    virDomainPtr prod, orphan, ours_running, ours_defined;
    int fd;

    g_assert_nonnull(conn);
    prod = clone_domain(conn, "prod-web", "11111111-2222-3333-4444-555555555501", TRUE);
    orphan = clone_domain(conn, "tck-deadbeef-domain-050-x", "11111111-2222-3333-4444-555555555502", FALSE);
    ours_running = clone_domain(conn, "tck-1a2b3c4d-domain-050-run", "11111111-2222-3333-4444-555555555503", TRUE);
    ours_defined = clone_domain(conn, "tck-1a2b3c4d-domain-050-def", "11111111-2222-3333-4444-555555555504", FALSE);
    prod_xml_before = virDomainGetXMLDesc(prod, 0);

    ledger = tck_ledger_open(path, RUN, &error);
    g_assert_no_error(error);
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-domain-050-run", NULL, &error));
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-domain-050-def", NULL, &error));
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-domain-050-never-made", NULL, &error));
    /* A hostile ledger naming someone else's objects must change nothing. */
    fd = open(path, O_WRONLY | O_APPEND);
    g_assert_cmpint(write(fd, "domain\tprod-web\ndomain\ttck-deadbeef-domain-050-x\ndomain\ttest\n", 61), ==, 61);
    close(fd);

    entries = tck_ledger_read(path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(entries->len, ==, 6);
    g_assert_cmpuint(tck_ledger_cleanup(conn, entries, RUN, log), ==, 0);

    g_assert_cmpint(domain_state(conn, "tck-1a2b3c4d-domain-050-run"), ==, -1);
    g_assert_cmpint(domain_state(conn, "tck-1a2b3c4d-domain-050-def"), ==, -1);
    g_assert_cmpint(domain_state(conn, "prod-web"), ==, VIR_DOMAIN_RUNNING);
    g_assert_cmpint(domain_state(conn, "tck-deadbeef-domain-050-x"), ==, VIR_DOMAIN_SHUTOFF);
    g_assert_cmpint(domain_state(conn, "test"), ==, VIR_DOMAIN_RUNNING);
    prod_xml_after = virDomainGetXMLDesc(prod, 0);
    g_assert_cmpstr(prod_xml_before, ==, prod_xml_after);
    g_assert_nonnull(strstr(log->str, "destroyed domain tck-1a2b3c4d-domain-050-run"));
    g_assert_nonnull(strstr(log->str, "undefined domain tck-1a2b3c4d-domain-050-def"));
    g_assert_null(strstr(log->str, "prod-web"));

    virDomainFree(prod);
    virDomainFree(orphan);
    virDomainFree(ours_running);
    virDomainFree(ours_defined);
    virConnectClose(conn);
}

/* A guest with a managed save image is undefined too, also on a driver
 * that knows only some of the undefine flags (the test driver). */
static void
test_cleanup_managed_save(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    g_autofree char *path = tmp_ledger_path();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckLedger) ledger = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(GString) log = g_string_new(NULL);
    virDomainPtr saved;

    g_assert_nonnull(conn);
    saved = clone_domain(conn, "tck-1a2b3c4d-domain-202-saved", "11111111-2222-3333-4444-555555555505", TRUE);
    g_assert_cmpint(virDomainManagedSave(saved, 0), ==, 0);
    g_assert_cmpint(virDomainHasManagedSaveImage(saved, 0), ==, 1);

    ledger = tck_ledger_open(path, RUN, &error);
    g_assert_no_error(error);
    g_assert_true(tck_ledger_record(ledger, TCK_OBJECT_DOMAIN, "tck-1a2b3c4d-domain-202-saved", NULL, &error));
    entries = tck_ledger_read(path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(tck_ledger_cleanup(conn, entries, RUN, log), ==, 0);
    g_assert_cmpint(domain_state(conn, "tck-1a2b3c4d-domain-202-saved"), ==, -1);
    g_assert_nonnull(strstr(log->str, "undefined domain tck-1a2b3c4d-domain-202-saved"));

    virDomainFree(saved);
    virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    g_test_add_func("/ledger/names", test_names);
    g_test_add_func("/ledger/record-read", test_record_read);
    g_test_add_func("/ledger/cleanup-exact", test_cleanup_exact);
    g_test_add_func("/ledger/cleanup-managed-save", test_cleanup_managed_save);
    return g_test_run();
}
