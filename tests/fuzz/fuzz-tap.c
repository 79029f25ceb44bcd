/* fuzz-tap.c — libFuzzer target: the TAP parser, the whole buffer and fed in two pieces, then the result a test gets from it. */
#include <config.h>
#include <glib.h>
#include <sys/wait.h>
#include "tck/results-from-tap.h"
#include "tck/tap-parser.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(TckTapSummary) whole = tck_tap_parse((const char *) data, size);
    g_autoptr(TckTestResult) r = tck_test_result_new("fuzz/tap");
    TckTapParser *p = tck_tap_parser_new();
    gsize cut = size ? data[0] % (size + 1) : 0;
    TckTapSummary *split;

    tck_results_from_tap(r, whole, 0, FALSE, 1);
    tck_tap_parser_feed(p, (const char *) data, cut);
    tck_tap_parser_feed(p, (const char *) data + cut, size - cut);
    split = tck_tap_parser_finish(p);
    /* Where the bytes are split never changes what is read. */
    g_assert_cmpuint(split->checks->len, ==, whole->checks->len);
    g_assert_cmpuint(split->n_checks, ==, whole->n_checks);
    g_assert_cmpuint(split->n_failed, ==, whole->n_failed);
    g_assert_cmpint(split->planned, ==, whole->planned);
    tck_tap_summary_free(split);
    tck_tap_parser_free(p);
    return 0;
}
