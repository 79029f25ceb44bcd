/*
 * test-schema.c — everything the builders and the generic guest produce
 * validates against libvirt's own RelaxNG schemas ($LIBVIRT_SCHEMAS_DIR:
 * domain.rng, network.rng, storagepool.rng, storagevol.rng,
 * interface.rng, nwfilter.rng, secret.rng, domainsnapshot.rng), using
 * libxml2's xmlRelaxNG API.  A negative control proves the validator
 * really rejects a broken document.
 */
#include <config.h>

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "builder-samples.h"

static GHashTable *schemas;   /* file name -> xmlRelaxNGPtr */

static const char *
schemas_dir(void)
{
    const char *dir = g_getenv("LIBVIRT_SCHEMAS_DIR");

    return dir && *dir ? dir : LIBVIRT_SCHEMAS_DIR;
}

static void
quiet(void *ctx, const char *msg, ...)
{
}

static xmlRelaxNGPtr
schema_get(const char *file)
{
    xmlRelaxNGPtr rng = g_hash_table_lookup(schemas, file);
    g_autofree char *path = NULL;
    xmlRelaxNGParserCtxtPtr pctxt;

    if (rng)
        return rng;
    path = g_build_filename(schemas_dir(), file, NULL);
    pctxt = xmlRelaxNGNewParserCtxt(path);
    g_assert_nonnull(pctxt);
    rng = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (!rng)
        g_error("cannot load the RelaxNG schema %s", path);
    g_hash_table_insert(schemas, g_strdup(file), rng);
    return rng;
}

/* 0 when @xml validates against @file; the validator's messages in @errors. */
static int
validate(const char *file, const char *xml, GString *errors)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int) strlen(xml), "sample.xml", NULL, XML_PARSE_NONET);
    xmlRelaxNGValidCtxtPtr vctxt;
    int rc;

    if (!doc) {
        g_string_append(errors, "not well-formed");
        return -1;
    }
    vctxt = xmlRelaxNGNewValidCtxt(schema_get(file));
    xmlRelaxNGSetValidErrors(vctxt, (xmlRelaxNGValidityErrorFunc) quiet,
                             (xmlRelaxNGValidityWarningFunc) quiet, NULL);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    if (rc != 0) {
        const xmlError *err = xmlGetLastError();

        g_string_append_printf(errors, "%s", err && err->message ? err->message : "invalid");
    }
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlFreeDoc(doc);
    return rc;
}

static void
test_sample(gconstpointer data)
{
    const TckSample *s = data;
    g_autoptr(GString) errors = g_string_new(NULL);

    if (validate(s->schema, s->xml, errors) != 0) {
        g_test_message("%s does not validate against %s: %s\n%s", s->name, s->schema, errors->str,
                       s->xml);
        g_test_fail();
    }
}

static void
test_negative_control(void)
{
    g_autoptr(GString) errors = g_string_new(NULL);

    /* A domain without a name, and one with an unknown element. */
    g_assert_cmpint(validate("domain.rng", "<domain type='kvm'><memory>1</memory>"
                             "<os><type>hvm</type></os></domain>", errors), !=, 0);
    g_assert_cmpint(validate("network.rng", "<network><name>n</name><bogus/></network>", errors), !=, 0);
    g_assert_cmpint(validate("storagevol.rng", "<volume><name>v</name></volume>", errors), !=, 0);
}

int
main(int argc, char **argv)
{
    g_autoptr(GPtrArray) builders = NULL;
    g_autoptr(GPtrArray) generic = NULL;
    int rc;

    g_test_init(&argc, &argv, NULL);
    xmlSetGenericErrorFunc(NULL, (xmlGenericErrorFunc) quiet);
    schemas = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) xmlRelaxNGFree);

    builders = tck_samples_builders();
    generic = tck_samples_generic();
    for (guint i = 0; i < builders->len; i++) {
        const TckSample *s = builders->pdata[i];
        g_autofree char *path = g_strdup_printf("/schema/%s", s->name);

        g_test_add_data_func(path, s, test_sample);
    }
    for (guint i = 0; i < generic->len; i++) {
        const TckSample *s = generic->pdata[i];
        g_autofree char *path = g_strdup_printf("/schema/%s", s->name);

        g_test_add_data_func(path, s, test_sample);
    }
    g_test_add_func("/schema/negative-control", test_negative_control);
    rc = g_test_run();
    g_hash_table_destroy(schemas);
    return rc;
}
