/*
 * test-protocol.c — the harness↔test contract of tck/protocol.h: what a
 * test prints for --describe reads back field by field through the one
 * key table; run ids are made, checked and read out of object names; a
 * program declares the protocol (this one links libtck), a script does not.
 */
#include <config.h>
#include <string.h>
#include <glib/gstdio.h>
#include <tck/tck.h>

static void
test_describe_round_trip(void)
{
    const char *needs[] = { "domain", "config:nfs_server", NULL };
    const char *exclusive[] = { "host-network", NULL };
    const TckDescription in = {
        .name = (char *) "domain/050-x", .summary = (char *) "does x", .plan = 6,
        .needs = (GStrv) needs, .exclusive = (GStrv) exclusive,
    };
    g_autofree char *text = tck_describe_format(&in);
    TckDescription out = { .plan = -1 };
    gsize n_keys = 0;

    g_assert_cmpstr(text, ==, "name: domain/050-x\nsummary: does x\nplan: 6\n"
                              "needs: domain, config:nfs_server\nexclusive: host-network\n");
    tck_describe_parse(text, &out);
    g_assert_cmpstr(out.name, ==, "domain/050-x");
    g_assert_cmpstr(out.summary, ==, "does x");
    g_assert_cmpint(out.plan, ==, 6);
    g_assert_cmpstrv(out.needs, needs);
    g_assert_cmpstrv(out.exclusive, exclusive);
    tck_description_clear(&out);

    /* unknown keys and lines without a colon are ignored; absent keys stay */
    out.plan = -1;
    tck_describe_parse("hello\nflavour: mint\nsummary:  spaced  \n", &out);
    g_assert_cmpstr(out.summary, ==, "spaced");
    g_assert_cmpint(out.plan, ==, -1);
    g_assert_null(out.needs);
    tck_description_clear(&out);

    g_assert_cmpuint(n_keys, ==, 0);
    g_assert_nonnull(tck_describe_keys(&n_keys));
    g_assert_cmpuint(n_keys, ==, 5);
}

static void
test_run_ids(void)
{
    g_autofree char *id = tck_run_id_new();
    g_autofree char *prefix = tck_run_id_prefix("1a2b3c4d");
    g_autofree char *from = tck_run_id_from_name("tck-1a2b3c4d-domain-050-x");
    static const char *const not_names[] = {
        "tck-1a2b3c4d-", "tck-1A2B3C4D-domain", "tck-1a2b3c4-domain", "tck-1a2b3c4dx-domain",
        "default", "tck-", "", "xtck-1a2b3c4d-domain",
    };

    g_assert_true(tck_run_id_valid(id));
    g_assert_false(tck_run_id_valid("1A2B3C4D"));
    g_assert_false(tck_run_id_valid("1a2b3c4"));
    g_assert_false(tck_run_id_valid(NULL));
    g_assert_cmpstr(prefix, ==, "tck-1a2b3c4d-");
    g_assert_cmpstr(from, ==, "1a2b3c4d");
    for (gsize i = 0; i < G_N_ELEMENTS(not_names); i++) {
        g_autofree char *none = tck_run_id_from_name(not_names[i]);

        if (none)
            g_error("'%s' gave run id '%s'", not_names[i], none);
        g_assert_false(tck_name_is_tck(not_names[i]));
    }
    g_assert_null(tck_run_id_from_name(NULL));
}

static void
test_declared(void)
{
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = g_dir_make_tmp("tck-protocol-XXXXXX", NULL);
    g_autofree char *script = g_build_filename(dir, "plain.sh", NULL);

    g_assert_true(tck_protocol_declared(self));
    g_assert_true(g_file_set_contents(script, "#!/bin/sh\necho 1..0\n", -1, NULL));
    g_assert_false(tck_protocol_declared(script));
    g_assert_false(tck_protocol_declared("/nonexistent/test"));
    g_unlink(script);
    g_rmdir(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/protocol/describe", test_describe_round_trip);
    g_test_add_func("/protocol/run-ids", test_run_ids);
    g_test_add_func("/protocol/declared", test_declared);
    return g_test_run();
}
