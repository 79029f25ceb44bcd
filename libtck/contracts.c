/*
 * contracts.c — reading and checking the error-code contracts table.
 */
#include <config.h>
#include <string.h>
#include <libxml/relaxng.h>
#include <tck/contracts.h>
#include <tck/error.h>
#include "xpath.h"
#include "yaml-xml.h"

#define CONTRACTS_MAX_BYTES (4 * 1024 * 1024)

void
tck_contract_free(TckContract *c)
{
    if (!c)
        return;
    g_free(c->api);
    g_free(c->condition);
    g_free(c->code);
    g_free(c->domain);
    g_free(c->state);
    g_free(c->why);
    g_free(c->doc);
    g_free(c);
}

typedef struct {
    const char *path;
    GString *messages;
    guint count;
} SchemaErrors;

/* libxml2's structured errors, each turned into "FILE:LINE: message". */
static void
collect_schema_error(void *data, xmlErrorPtr err)
{
    SchemaErrors *e = data;
    guint line = err->node ? tck_yaml_node_line(err->node) : 0;
    g_autofree char *msg = g_strchomp(g_strdup(err->message ? err->message : "invalid"));

    if (e->count++ < 10)
        g_string_append_printf(e->messages, "%s%s:%u: %s", e->messages->len ? "\n" : "",
                               e->path, line, msg);
}

static gboolean
validate(xmlDocPtr doc, const char *path, const char *schema, GError **error)
{
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(schema);
    xmlRelaxNGPtr rng = pctxt ? xmlRelaxNGParse(pctxt) : NULL;
    xmlRelaxNGValidCtxtPtr vctxt;
    SchemaErrors errs = { .path = path, .messages = g_string_new(NULL) };
    g_autofree char *msgs = NULL;
    int rc;

    if (pctxt)
        xmlRelaxNGFreeParserCtxt(pctxt);
    if (!rng) {
        g_string_free(errs.messages, TRUE);
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND, "cannot read the schema %s", schema);
        return FALSE;
    }
    vctxt = xmlRelaxNGNewValidCtxt(rng);
    xmlRelaxNGSetValidStructuredErrors(vctxt, collect_schema_error, &errs);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlRelaxNGFree(rng);
    msgs = g_string_free(errs.messages, FALSE);
    if (rc != 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "%s does not follow %s:\n%s",
                    path, schema, *msgs ? msgs : "invalid");
        return FALSE;
    }
    return TRUE;
}

/* libvirt-api.xml: the functions with their argument names, and the enums. */
typedef struct {
    GHashTable *functions;   /* name -> GStrv of argument names */
    GHashTable *enums;       /* name -> GINT_TO_POINTER(value + 1) */
} ApiIndex;

static void
api_index_clear(ApiIndex *idx)
{
    g_clear_pointer(&idx->functions, g_hash_table_unref);
    g_clear_pointer(&idx->enums, g_hash_table_unref);
}

static gboolean
api_index_load(ApiIndex *idx, const char *api_xml, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) funcs = NULL;
    g_autoptr(GPtrArray) enums = NULL;
    g_autoptr(GError) local = NULL;

    if (!g_file_get_contents(api_xml, &data, &len, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND, "cannot read libvirt's API file %s: %s",
                    api_xml, local->message);
        return FALSE;
    }
    if (!(doc = tck_xml_parse(data, (gssize) len, api_xml, "api", TCK_ERROR_XML, error)))
        return FALSE;
    ctxt = tck_xpath_new(doc);
    idx->functions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
    idx->enums = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    funcs = tck_xpath_nodes(ctxt, NULL, "/api/symbols/function");
    for (guint i = 0; i < funcs->len; i++) {
        xmlNodePtr fn = funcs->pdata[i];
        g_autofree char *name = tck_xml_prop(fn, "name");
        GStrv args = tck_xpath_strv(ctxt, fn, "arg/@name");

        g_hash_table_replace(idx->functions, g_steal_pointer(&name), args);
    }
    enums = tck_xpath_nodes(ctxt, NULL, "/api/symbols/enum");
    for (guint i = 0; i < enums->len; i++) {
        g_autofree char *name = tck_xml_prop(enums->pdata[i], "name");
        g_autofree char *value = tck_xml_prop(enums->pdata[i], "value");
        gint64 v;

        if (name && value && g_ascii_string_to_signed(value, 10, G_MININT, G_MAXINT, &v, NULL))
            g_hash_table_replace(idx->enums, g_steal_pointer(&name), GINT_TO_POINTER((int) v + 1));
    }
    return TRUE;
}

static int
enum_value(ApiIndex *idx, const char *name)
{
    gpointer v = name ? g_hash_table_lookup(idx->enums, name) : NULL;
    return v ? GPOINTER_TO_INT(v) - 1 : -1;
}

static gboolean
row_fail(GError **error, const char *path, guint line, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static gboolean
row_fail(GError **error, const char *path, guint line, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "%s:%u: %s", path, line, msg);
    return FALSE;
}

/* The row's promises must be about libvirt's real API, codes and domains. */
static gboolean
check_row(ApiIndex *idx, GHashTable *seen, TckContract *c, const char *path, GError **error)
{
    GStrv args = g_hash_table_lookup(idx->functions, c->api);
    g_autofree char *key = g_strdup_printf("%s / %s / %s", c->api, c->condition,
                                           c->state ? c->state : "");
    gpointer first;

    if (!args)
        return row_fail(error, path, c->line, "%s is not a public libvirt API (libvirt-api.xml)", c->api);
    if ((c->code_value = enum_value(idx, c->code)) < 0)
        return row_fail(error, path, c->line, "%s is not one of libvirt's error codes", c->code);
    if (c->domain && (c->domain_value = enum_value(idx, c->domain)) < 0)
        return row_fail(error, path, c->line, "%s is not one of libvirt's error domains", c->domain);
    if (!c->domain)
        c->domain_value = -1;
    if (g_str_equal(c->condition, "unsupported flag") && !g_strv_contains((const char *const *) args, "flags"))
        return row_fail(error, path, c->line, "%s takes no flags: no 'unsupported flag' row for it", c->api);
    if ((first = g_hash_table_lookup(seen, key)))
        return row_fail(error, path, c->line, "%s / %s is already a row at line %u",
                        c->api, c->condition, GPOINTER_TO_UINT(first));
    g_hash_table_insert(seen, g_steal_pointer(&key), GUINT_TO_POINTER(c->line));
    return TRUE;
}

GPtrArray *
tck_contracts_load(const char *path, const char *schema, const char *api_xml, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(GPtrArray) nodes = NULL;
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify) tck_contract_free);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    ApiIndex idx = { 0 };
    gboolean ok = TRUE;

    if (!g_file_get_contents(path, &data, &len, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND, "cannot read the contracts table %s: %s",
                    path, local->message);
        return NULL;
    }
    if (len > CONTRACTS_MAX_BYTES) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "%s: larger than %d MiB: not a contracts table",
                    path, CONTRACTS_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    if (!(doc = tck_yaml_to_xml(data, len, path, error)))
        return NULL;
    if (!validate(doc, path, schema, error))
        return NULL;
    if (!api_index_load(&idx, api_xml, error))
        return NULL;

    ctxt = tck_xpath_new(doc);
    nodes = tck_xpath_nodes(ctxt, NULL, "/yaml/seq/map");
    for (guint i = 0; ok && i < nodes->len; i++) {
        xmlNodePtr map = nodes->pdata[i];
        TckContract *c = g_new0(TckContract, 1);

        c->api = tck_xpath_string(ctxt, map, "api");
        c->condition = tck_xpath_string(ctxt, map, "condition");
        c->code = tck_xpath_string(ctxt, map, "code");
        c->domain = tck_xpath_string(ctxt, map, "domain");
        c->state = tck_xpath_string(ctxt, map, "state");
        c->why = tck_xpath_string(ctxt, map, "why");
        c->doc = tck_xpath_string(ctxt, map, "doc");
        c->line = tck_yaml_node_line(map);
        g_ptr_array_add(rows, c);
        ok = check_row(&idx, seen, c, path, error);
    }
    api_index_clear(&idx);
    if (!ok)
        return NULL;
    return g_steal_pointer(&rows);
}

/* A program of the build tree reads the source tree's files. */
static gboolean
in_build_tree(void)
{
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    return self && g_str_has_prefix(self, ABS_TOP_BUILDDIR "/");
}

char *
tck_contracts_default_path(void)
{
    const char *env = g_getenv("TCK_CONTRACTS");

    if (env && *env)
        return g_strdup(env);
    return g_strdup(in_build_tree() ? ABS_TOP_SRCDIR "/suites/errors/contracts.yml"
                                    : PKGDATADIR "/contracts.yml");
}

char *
tck_contracts_default_schema(void)
{
    return g_strdup(in_build_tree() ? ABS_TOP_SRCDIR "/suites/errors/contracts.rng"
                                    : PKGDATADIR "/contracts.rng");
}

const char *
tck_contracts_api_xml(void)
{
    const char *env = g_getenv("TCK_LIBVIRT_API_XML");
    return env && *env ? env : LIBVIRT_API_XML;
}
