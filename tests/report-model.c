/*
 * report-model.c — builds the fixed results model the golden files of
 * tests/report/ were made from.  Change it and regenerate the golden
 * files (TCK_REGENERATE_GOLDEN=1 make check) on purpose only.
 */
#include <config.h>

#include "report-model.h"

/* 2026-01-02T03:04:05Z */
#define T0 G_GINT64_CONSTANT(1767323045000000)

TckTestResult *
test_report_model_add_test(TckRun *run, const char *name, TckStatus status,
                           const TckStatus *checks, guint n)
{
    TckTestResult *test = tck_test_result_new(name);
    GString *tap = g_string_new("TAP version 13\n");
    guint i;

    test->status = status;
    test->path = g_strdup_printf("/usr/libexec/libvirt-tck/%s", name);
    test->planned = n;
    test->start_us = T0 + run->tests->len * G_USEC_PER_SEC;
    test->duration_us = 250000 + run->tests->len * 125000;
    test->exit_status = status == TCK_STATUS_FAIL ? 1 : 0;
    g_string_append_printf(tap, "1..%u\n", n);
    for (i = 0; i < n; i++) {
        TckCheckResult *check = tck_check_result_new();
        gboolean ok = checks[i] == TCK_STATUS_PASS || checks[i] == TCK_STATUS_SKIP ||
                      checks[i] == TCK_STATUS_XPASS;

        check->number = i + 1;
        check->status = checks[i];
        check->description = g_strdup_printf("check %u of %s", i + 1, name);
        g_string_append_printf(tap, "%s %u - %s", ok ? "ok" : "not ok", i + 1,
                               check->description);
        if (checks[i] == TCK_STATUS_SKIP) {
            check->directive_reason = g_strdup("no spare host device in the config");
            g_string_append_printf(tap, " # SKIP %s", check->directive_reason);
        } else if (checks[i] == TCK_STATUS_TODO) {
            check->directive_reason = g_strdup("not implemented by this driver yet");
            g_string_append_printf(tap, " # TODO %s", check->directive_reason);
        }
        g_string_append_c(tap, '\n');
        if (checks[i] == TCK_STATUS_FAIL || checks[i] == TCK_STATUS_XFAIL) {
            check->diagnostics = g_strdup("expected: VIR_ERR_NO_DOMAIN (42)\n"
                                          "     got: VIR_ERR_OPERATION_INVALID (55)");
            g_string_append(tap, "# expected: VIR_ERR_NO_DOMAIN (42)\n"
                                 "#      got: VIR_ERR_OPERATION_INVALID (55)\n");
        }
        g_ptr_array_add(test->checks, check);
    }
    test->tap = g_string_free(tap, FALSE);
    test->log = g_strdup_printf("%s: debug: connecting to test:///default\n", name);
    g_ptr_array_add(run->tests, test);
    return test;
}

TckRun *
test_report_model_new(void)
{
    static const TckStatus all_pass[] = { TCK_STATUS_PASS, TCK_STATUS_PASS, TCK_STATUS_PASS };
    static const TckStatus one_fail[] = { TCK_STATUS_PASS, TCK_STATUS_FAIL, TCK_STATUS_PASS };
    static const TckStatus with_skip[] = { TCK_STATUS_PASS, TCK_STATUS_SKIP };
    static const TckStatus with_xfail[] = { TCK_STATUS_PASS, TCK_STATUS_XFAIL };
    static const TckStatus with_xpass[] = { TCK_STATUS_XPASS, TCK_STATUS_PASS };
    static const TckStatus with_todo[] = { TCK_STATUS_PASS, TCK_STATUS_TODO };
    static const TckStatus crashed[] = { TCK_STATUS_PASS };
    TckRun *run = tck_run_new();
    TckTestResult *t;

    run->meta.uri = g_strdup("test:///default");
    run->meta.driver = g_strdup("test");
    run->meta.libvirt_version = g_strdup("9.0.0");
    run->meta.daemon_version = g_strdup("9.0.0");
    run->meta.hypervisor_version = g_strdup("2.0.0");
    run->meta.host_kernel = g_strdup("6.1.0-13-amd64");
    run->meta.host_arch = g_strdup("x86_64");
    run->meta.host_distro = g_strdup("Debian GNU/Linux 12 (bookworm)");
    run->meta.capabilities_xml = g_strdup("<capabilities>\n  <host>\n    <cpu><arch>x86_64</arch></cpu>\n"
                                          "  </host>\n</capabilities>\n");
    run->meta.guest_plan = g_strdup("os_type=hvm\narch=x86_64\nboot=kernel\n");
    run->meta.config_hash = g_strdup("3f5a1c0e9b7d2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a");
    run->meta.config_masked = g_strdup("uri: test:///default\nsecret: \"********\"\n");
    run->meta.run_id = g_strdup("1a2b3c4d");
    run->meta.start_us = T0;
    run->meta.end_us = T0 + 12 * G_USEC_PER_SEC + 345678;

    test_report_model_add_test(run, "domain/050-transient-lifecycle", TCK_STATUS_PASS,
                               all_pass, G_N_ELEMENTS(all_pass));
    t = test_report_model_add_test(run, "domain/060-persistent-lifecycle", TCK_STATUS_FAIL,
                                   one_fail, G_N_ELEMENTS(one_fail));
    t->reason = g_strdup("1 of 3 checks failed");
    test_report_model_add_test(run, "domain/070-transient-to-persistent", TCK_STATUS_PASS,
                               with_skip, G_N_ELEMENTS(with_skip));
    t = test_report_model_add_test(run, "domain/080-unique-identifiers", TCK_STATUS_XFAIL,
                                   with_xfail, G_N_ELEMENTS(with_xfail));
    ((TckCheckResult *) g_ptr_array_index(t->checks, 1))->known_broken =
        g_strdup("https://gitlab.com/libvirt/libvirt/-/issues/1 (UUID clash gives the wrong code)");
    t = test_report_model_add_test(run, "storage/100-pool-dir", TCK_STATUS_XPASS,
                                   with_xpass, G_N_ELEMENTS(with_xpass));
    ((TckCheckResult *) g_ptr_array_index(t->checks, 0))->known_broken =
        g_strdup("https://bugs.example.org/2 (pool refresh races)");
    test_report_model_add_test(run, "storage/110-vol-upload", TCK_STATUS_PASS,
                               with_todo, G_N_ELEMENTS(with_todo));
    t = test_report_model_add_test(run, "network/200-<define>&\"start\"", TCK_STATUS_ERROR,
                                   crashed, G_N_ELEMENTS(crashed));
    t->planned = 4;
    t->exit_status = -1;
    t->term_signal = 11;
    t->reason = g_strdup("killed by signal 11 (SIGSEGV) after 1 of 4 planned checks");
    g_free(t->log);
    /* Control characters and invalid UTF-8, as a crashing program may print. */
    t->log = g_strdup("segfault at 0 ip \x01\x02 <script>alert(1)</script> \xff\xfe end\n");
    t->cleanup_log = g_strdup("removed domain tck-1a2b3c4d-network-200-net\n");
    t = test_report_model_add_test(run, "network/210-timeout", TCK_STATUS_ERROR, NULL, 0);
    t->planned = -1;
    t->exit_status = -1;
    t->term_signal = 9;
    t->timed_out = TRUE;
    t->reason = g_strdup("timed out after 2 s");
    g_free(t->tap);
    t->tap = g_strdup("");
    t = test_report_model_add_test(run, "nodedev/300-list", TCK_STATUS_SKIP, NULL, 0);
    t->planned = 0;
    t->reason = g_strdup("no node devices on test:///default");
    g_free(t->tap);
    t->tap = g_strdup("1..0 # SKIP no node devices on test:///default\n");

    run->known_broken_stale = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(run->known_broken_stale,
                    g_strdup("kb.yml:12: secret/* (https://bugs.example.org/3) matched nothing"));
    return run;
}
