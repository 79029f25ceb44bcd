/*
 * test-report.c — the report formats on a fixed results model: every
 * format matches its golden file in tests/report/golden/, the native XML
 * validates against schemas/report.rng and reads back to the same model,
 * and the JUnit output validates against schemas/junit.xsd.
 *
 * Regenerate the golden files on purpose with TCK_REGENERATE_GOLDEN=1.
 */
#include <config.h>

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>

#include <tck/error.h>

#include "tck/formats.h"
#include "tck/report.h"
#include "tck/report-util.h"
#include "report-model.h"

static char *
srcdir_path(const char *rel)
{
    const char *top = g_getenv("top_srcdir");

    return g_build_filename(top ? top : ABS_TOP_SRCDIR, rel, NULL);
}

/* Compares @actual with tests/report/golden/@name, or rewrites it. */
static void
assert_golden(const char *name, const char *actual)
{
    g_autofree char *rel = g_build_filename("tests/report/golden", name, NULL);
    g_autofree char *path = srcdir_path(rel);
    g_autofree char *expected = NULL;
    g_autoptr(GError) error = NULL;

    if (g_getenv("TCK_REGENERATE_GOLDEN")) {
        g_assert_true(g_file_set_contents(path, actual, -1, &error));
        g_assert_no_error(error);
        return;
    }
    if (!g_file_get_contents(path, &expected, NULL, &error))
        g_error("golden file %s: %s", path, error->message);
    if (!g_str_equal(expected, actual)) {
        g_autofree char *out = g_strdup_printf("%s/report-%s.actual", g_get_tmp_dir(), name);

        g_file_set_contents(out, actual, -1, NULL);
        g_error("%s differs from its golden file; actual output in %s (diff -u %s %s)",
                name, out, path, out);
    }
}

/* The refusals we provoke on purpose would print to stderr otherwise. */
static void
quiet(void *ctx, const xmlError *err)
{
}

static void
test_xml_golden(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *xml = tck_report_xml_to_string(run);

    assert_golden("run.xml", xml);
}

static void
test_xml_schema(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *rng = srcdir_path("tck/schemas/report.rng");
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(rng);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGValidCtxtPtr vctxt;
    xmlDocPtr doc = tck_report_xml_build(run);

    g_assert_nonnull(schema);
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    g_assert_cmpint(xmlRelaxNGValidateDoc(vctxt, doc), ==, 0);

    /* The schema must be able to refuse: an unknown status fails. */
    xmlSetProp(xmlFirstElementChild(xmlDocGetRootElement(doc))->next->next,
               BAD_CAST "status", BAD_CAST "maybe");
    g_assert_cmpint(xmlRelaxNGValidateDoc(vctxt, doc), !=, 0);

    xmlFreeDoc(doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pctxt);
}

static void
test_xml_roundtrip(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *xml = tck_report_xml_to_string(run);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) back = tck_report_xml_parse(xml, strlen(xml), "roundtrip.xml", &error);
    g_autofree char *again = NULL;
    TckTestResult *crashed;

    g_assert_no_error(error);
    g_assert_nonnull(back);
    again = tck_report_xml_to_string(back);
    g_assert_cmpstr(xml, ==, again);

    /* Bytes that XML cannot hold survive through base64. */
    crashed = g_ptr_array_index(back->tests, 6);
    g_assert_cmpstr(crashed->log, ==, ((TckTestResult *) g_ptr_array_index(run->tests, 6))->log);
    g_assert_cmpint(crashed->term_signal, ==, 11);
    g_assert_cmpint(back->meta.end_us, ==, run->meta.end_us);
}

static void
test_xml_bad_input(void)
{
    static const char *bad[] = {
        "<report",                                               /* not well-formed */
        "<report version='1'/>",                                 /* no namespace */
        "<r:report xmlns:r='" TCK_REPORT_NS "' version='1' start='x' end='x' interrupted='no'/>",
        "<report xmlns='" TCK_REPORT_NS "' version='1'><test name='a' status='nope'/></report>",
        "<report xmlns='" TCK_REPORT_NS "' version='1'><test name='a' status='pass' duration-us='x'/></report>",
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckRun) run = tck_report_xml_parse(bad[i], strlen(bad[i]), "bad.xml", &error);

        g_assert_null(run);
        g_assert_error(error, TCK_ERROR, TCK_ERROR_REPORT);
        g_assert_true(g_str_has_prefix(error->message, "bad.xml"));
    }
}

static void
test_junit_golden(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *junit = tck_report_junit_to_string(run);

    assert_golden("run.junit.xml", junit);
}

static int
validate_xsd(const char *xsd, const char *data)
{
    xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(xsd);
    xmlSchemaPtr schema = xmlSchemaParse(pctxt);
    xmlSchemaValidCtxtPtr vctxt;
    xmlDocPtr doc = xmlReadMemory(data, strlen(data), "junit.xml", NULL, XML_PARSE_NONET);
    int ret;

    g_assert_nonnull(schema);
    g_assert_nonnull(doc);
    vctxt = xmlSchemaNewValidCtxt(schema);
    ret = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pctxt);
    xmlFreeDoc(doc);
    return ret;
}

static void
test_junit_schema(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *junit = tck_report_junit_to_string(run);
    g_autofree char *xsd = srcdir_path("tck/schemas/junit.xsd");
    g_autofree char *broken = NULL;

    g_assert_cmpint(validate_xsd(xsd, junit), ==, 0);

    /* The schema can refuse: a testcase without a name is invalid. */
    broken = g_strdup(junit);
    memcpy(strstr(broken, "<testcase name="), "<testcase nome=", strlen("<testcase nome="));
    g_assert_cmpint(validate_xsd(xsd, broken), !=, 0);

    /* What CI shows: xfail and todo are skips, the crash is an error. */
    g_assert_nonnull(strstr(junit, "<skipped message=\"known broken (xfail): https://gitlab.com/libvirt/libvirt/-/issues/1"));
    g_assert_nonnull(strstr(junit, "<skipped message=\"TODO: not implemented by this driver yet\""));
    g_assert_nonnull(strstr(junit, "<error message=\"killed by signal 11 (SIGSEGV)"));
    g_assert_nonnull(strstr(junit, "<testsuites name=\"libvirt-tck\" tests=\"18\" failures=\"1\" errors=\"2\" skipped=\"4\""));
}

static void
test_html_golden(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *html = tck_report_html_to_string(run, NULL);

    assert_golden("run.html", html);
}

static void
test_html_content(void)
{
    g_autoptr(TckRun) run = test_report_model_new();
    g_autofree char *html = tck_report_html_to_string(run, NULL);

    /* Self-contained: nothing is fetched from anywhere. */
    g_assert_null(strstr(html, "src="));
    g_assert_null(strstr(html, "href="));
    g_assert_null(strstr(html, "http-equiv"));
    /* Hostile text from a test stays text. */
    g_assert_null(strstr(html, "<script>alert(1)"));
    g_assert_nonnull(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    /* A failure is expanded, with its diagnostics. */
    g_assert_nonnull(strstr(html, "<details open=\"open\">"));
    g_assert_nonnull(strstr(html, "got: VIR_ERR_OPERATION_INVALID (55)"));
    /* Stale known-broken entries are listed. */
    g_assert_nonnull(strstr(html, "kb.yml:12: secret/*"));
}

/* What a format of the table writes for the fixed model. */
static char *
render(const char *format, gboolean verbose)
{
    g_autoptr(TckRun) run = test_report_model_new();
    const TckFormat *fmt = tck_format_find(format);
    TckFormatOptions fo = { .verbose = verbose };
    g_autoptr(GError) error = NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);

    g_assert_nonnull(fmt);
    g_assert_true(fmt->write(run, &fo, out, &error));
    g_assert_no_error(error);
    fclose(out);
    return buf;
}

static void
test_format_table(void)
{
    static const struct {
        const char *format;
        const char *golden;
        gboolean verbose;
    } rows[] = {
        { "text", "run.txt", FALSE },
        { "tap", "run.tap", TRUE },
        { "xml", "run.xml", FALSE },
        { "junit", "run.junit.xml", FALSE },
        { "html", "run.html", FALSE },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        g_autofree char *out = render(rows[i].format, rows[i].verbose);

        assert_golden(rows[i].golden, out);
    }
    g_assert_null(tck_format_find("pdf"));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc) quiet);
    g_test_add_func("/report/xml/golden", test_xml_golden);
    g_test_add_func("/report/xml/schema", test_xml_schema);
    g_test_add_func("/report/xml/roundtrip", test_xml_roundtrip);
    g_test_add_func("/report/xml/bad-input", test_xml_bad_input);
    g_test_add_func("/report/junit/golden", test_junit_golden);
    g_test_add_func("/report/junit/schema", test_junit_schema);
    g_test_add_func("/report/html/golden", test_html_golden);
    g_test_add_func("/report/formats/table", test_format_table);
    g_test_add_func("/report/html/content", test_html_content);
    return g_test_run();
}
