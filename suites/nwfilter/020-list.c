/*
 * 020-list — the filter lists hold this test's filters.
 *
 * Define two filters.  Counting only this test's own (the host ships
 * filters of its own, and a crowded host has others'):
 * virConnectListAllNWFilters finds both, and so do the older
 * virConnectListNWFilters and virConnectNumOfNWFilters.  After one is
 * undefined, the list holds only the other.
 */
#include <config.h>
#include <stdlib.h>
#include <tck/tck.h>
#include <tck/builders.h>

static const TckTestInfo info = {
    .summary = "network filter lists hold this test's filters, and lose undefined ones",
    .plan = 6,
    .needs = (const char *const[]){ "nwfilter", NULL },
};

static char *
filter_xml(TckTest *t, const char *name)
{
    g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new(name, NULL);
    g_autoptr(GError) error = NULL;
    char *xml;

    tck_nwfilter_builder_add_filterref(b, "allow-arp");
    if (!(xml = tck_nwfilter_builder_to_xml(b, &error)))
        tck_bail_out(t, "%s", error->message);
    return xml;
}

static gint
by_name(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *) a, *(const char *const *) b);
}

/* This test's filters in the list, as sorted "name name". */
static char *
own_filters(TckTest *t)
{
    const char *prefix = tck_name(t, "");
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    virNWFilterPtr *filters = NULL;
    int n = virConnectListAllNWFilters(tck_test_connect(t), &filters, 0);

    if (n < 0)
        return g_strdup("(list failed)");
    for (int i = 0; i < n; i++) {
        if (g_str_has_prefix(virNWFilterGetName(filters[i]), prefix))
            g_ptr_array_add(names, g_strdup(virNWFilterGetName(filters[i])));
        virNWFilterFree(filters[i]);
    }
    free(filters);
    g_ptr_array_sort(names, by_name);
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **) names->pdata);
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    const char *a = tck_own(t, TCK_OBJECT_NWFILTER, "a", NULL);
    const char *b = tck_own(t, TCK_OBJECT_NWFILTER, "b", NULL);
    g_autofree char *a_xml = filter_xml(t, a), *b_xml = filter_xml(t, b);
    g_autofree char *both = g_strdup_printf("%s %s", a, b);
    g_autofree char *listed = NULL, *after = NULL;
    virNWFilterPtr fa, fb;
    char *names[4096];
    int n, count, seen = 0;

    tck_diag(t, "Defining the filters %s and %s", a, b);
    fa = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, a_xml), "defined filter A");
    fb = tck_ok_nwfilter(t, virNWFilterDefineXML(conn, b_xml), "defined filter B");
    if (!fa || !fb)
        tck_bail_out(t, "cannot go on without both filters");

    listed = own_filters(t);
    tck_is_str(t, listed, both, "virConnectListAllNWFilters lists both filters");
    count = virConnectNumOfNWFilters(conn);
    n = virConnectListNWFilters(conn, names, G_N_ELEMENTS(names));
    for (int i = 0; i < n; i++) {
        seen += g_str_equal(names[i], a) || g_str_equal(names[i], b);
        free(names[i]);
    }
    tck_ok(t, seen == 2 && n == count,
           "virConnectListNWFilters names both, and as many filters as virConnectNumOfNWFilters counts");

    tck_diag(t, "Undefining filter A");
    tck_ok_call(t, virNWFilterUndefine(fa), "undefined filter A");
    after = own_filters(t);
    tck_is_str(t, after, b, "the list now holds only filter B");

    virNWFilterFree(fa);
    virNWFilterFree(fb);
    return tck_test_end(t);
}
