/*
 * test-tap-parser.c — unit tests of the harness's TAP parser, on good
 * streams and hostile ones (truncated, junk, 10 MB lines, NUL bytes, huge
 * plans, CRLF).  Every input is parsed whole, a byte at a time and in
 * random splits, and the three summaries must be identical; the fixtures
 * in tests/tap/ are also compared with their expected summaries.
 */
#include <config.h>

#include <string.h>

#include <glib.h>

#include "tck/tap-parser.h"

#define TEXT(s) (s), sizeof(s) - 1

static const char *
directive_name(TckTapDirective directive)
{
    static const char *const names[] = {
        [TCK_TAP_DIRECTIVE_NONE] = "none",
        [TCK_TAP_DIRECTIVE_SKIP] = "skip",
        [TCK_TAP_DIRECTIVE_TODO] = "todo",
    };
    return names[directive];
}

static void
dump_string(GString *out, const char *label, const char *value)
{
    g_autofree char *escaped = value ? g_strescape(value, NULL) : NULL;

    if (value)
        g_string_append_printf(out, "%s \"%s\"\n", label, escaped);
    else
        g_string_append_printf(out, "%s (null)\n", label);
}

/* Every field of a summary as text: for equality and golden files. */
static char *
summary_dump(const TckTapSummary *summary)
{
    GString *out = g_string_new(NULL);

    g_string_append_printf(out, "version %d\n", summary->version);
    g_string_append_printf(out, "planned %" G_GINT64_FORMAT " valid=%d at_end=%d\n",
                           summary->planned, summary->plan_valid, summary->plan_at_end);
    g_string_append_printf(out, "skip_all %d\n", summary->skip_all);
    dump_string(out, "skip_all_reason", summary->skip_all_reason);
    g_string_append_printf(out, "bailed_out %d\n", summary->bailed_out);
    dump_string(out, "bail_out_reason", summary->bail_out_reason);
    g_string_append_printf(out, "junk %u\n", summary->n_junk);
    dump_string(out, "diagnostics", summary->diagnostics->str);
    for (guint i = 0; i < summary->checks->len; i++) {
        const TckTapCheck *check = g_ptr_array_index(summary->checks, i);

        g_string_append_printf(out, "check %" G_GUINT64_FORMAT " %s %s\n",
                               check->number, check->ok ? "ok" : "not-ok",
                               directive_name(check->directive));
        dump_string(out, "  description", check->description);
        if (check->reason)
            dump_string(out, "  reason", check->reason);
        if (check->diagnostics)
            dump_string(out, "  diagnostics", check->diagnostics->str);
        if (check->yaml)
            dump_string(out, "  yaml", check->yaml);
    }
    for (guint i = 0; i < summary->problems->len; i++)
        dump_string(out, "problem", g_ptr_array_index(summary->problems, i));
    g_string_append_printf(out, "failed %" G_GUINT64_FORMAT " plan_ok %d\n",
                           tck_tap_summary_n_failed(summary),
                           tck_tap_summary_plan_ok(summary));
    return g_string_free(out, FALSE);
}

static TckTapSummary *
parse_in_chunks(const char *data, gsize len, gsize (*next_size)(gsize left))
{
    g_autoptr(TckTapParser) parser = tck_tap_parser_new();

    while (len > 0) {
        gsize want = next_size(len); /* MIN() would call it twice */
        gsize n = MIN(want, len);

        tck_tap_parser_feed(parser, data, n);
        data += n;
        len -= n;
    }
    return tck_tap_parser_finish(parser);
}

static gsize
one_byte(gsize left)
{
    return 1;
}

static gsize
random_size(gsize left)
{
    /* Mostly small pieces, now and then a big one. */
    return g_test_rand_bit() ? (gsize)g_test_rand_int_range(1, 16)
                             : (gsize)g_test_rand_int_range(1, 70000);
}

/*
 * Parse data whole, a byte at a time, in random pieces and (when short)
 * split once at every offset; all summaries must be equal.  Returns the
 * one-shot summary.
 */
static TckTapSummary *
parse_all_ways(const char *data, gsize len)
{
    TckTapSummary *whole = tck_tap_parse(data, len);
    g_autofree char *expected = summary_dump(whole);

    {
        g_autoptr(TckTapSummary) bytes = parse_in_chunks(data, len, one_byte);
        g_autofree char *dump = summary_dump(bytes);

        g_assert_cmpstr(dump, ==, expected);
    }
    for (int round = 0; round < 3; round++) {
        g_autoptr(TckTapSummary) pieces = parse_in_chunks(data, len, random_size);
        g_autofree char *dump = summary_dump(pieces);

        g_assert_cmpstr(dump, ==, expected);
    }
    for (gsize cut = 1; len <= 512 && cut < len; cut++) {
        g_autoptr(TckTapParser) parser = tck_tap_parser_new();
        g_autoptr(TckTapSummary) split = NULL;
        g_autofree char *dump = NULL;

        tck_tap_parser_feed(parser, data, cut);
        tck_tap_parser_feed(parser, data + cut, len - cut);
        split = tck_tap_parser_finish(parser);
        dump = summary_dump(split);
        g_assert_cmpstr(dump, ==, expected);
    }
    return whole;
}

static const TckTapCheck *
check_at(const TckTapSummary *summary, guint i)
{
    g_assert_cmpuint(i, <, summary->checks->len);
    return g_ptr_array_index(summary->checks, i);
}

static void
assert_problems(const TckTapSummary *summary, const char *const *expected)
{
    guint n = expected ? g_strv_length((char **)expected) : 0;

    for (guint i = 0; i < MIN(n, summary->problems->len); i++)
        g_assert_cmpstr(g_ptr_array_index(summary->problems, i), ==, expected[i]);
    g_assert_cmpuint(summary->problems->len, ==, n);
}

static void
assert_no_problems(const TckTapSummary *summary)
{
    assert_problems(summary, NULL);
}

/* Every string a summary hands out is valid UTF-8. */
static void
assert_all_utf8(const TckTapSummary *summary)
{
    g_assert_true(g_utf8_validate(summary->diagnostics->str, -1, NULL));
    for (guint i = 0; i < summary->checks->len; i++) {
        const TckTapCheck *check = check_at(summary, i);

        g_assert_true(g_utf8_validate(check->description, -1, NULL));
        g_assert_true(!check->reason || g_utf8_validate(check->reason, -1, NULL));
        g_assert_true(!check->diagnostics ||
                      g_utf8_validate(check->diagnostics->str, check->diagnostics->len, NULL));
        g_assert_true(!check->yaml || g_utf8_validate(check->yaml, -1, NULL));
    }
}

/* --- good streams ------------------------------------------------------ */

static void
test_basic(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT("1..2\nok 1 - first\nnot ok 2 - second\n"));

    g_assert_cmpint(s->version, ==, 12);
    g_assert_cmpint(s->planned, ==, 2);
    g_assert_false(s->plan_at_end);
    g_assert_true(s->plan_valid);
    g_assert_cmpuint(s->checks->len, ==, 2);
    g_assert_cmpuint(check_at(s, 0)->number, ==, 1);
    g_assert_true(check_at(s, 0)->ok);
    g_assert_cmpstr(check_at(s, 0)->description, ==, "first");
    g_assert_cmpuint(check_at(s, 1)->number, ==, 2);
    g_assert_false(check_at(s, 1)->ok);
    g_assert_cmpstr(check_at(s, 1)->description, ==, "second");
    g_assert_cmpint(check_at(s, 1)->directive, ==, TCK_TAP_DIRECTIVE_NONE);
    g_assert_null(check_at(s, 1)->reason);
    g_assert_null(check_at(s, 1)->diagnostics);
    g_assert_null(check_at(s, 1)->yaml);
    g_assert_cmpuint(s->n_junk, ==, 0);
    g_assert_cmpstr(s->diagnostics->str, ==, "");
    g_assert_cmpuint(tck_tap_summary_n_failed(s), ==, 1);
    g_assert_true(tck_tap_summary_plan_ok(s));
    g_assert_false(s->skip_all);
    g_assert_false(s->bailed_out);
    assert_no_problems(s);
}

static void
test_version(void)
{
    g_autoptr(TckTapSummary) v13 = parse_all_ways(TEXT("TAP version 13\n1..1\nok\n"));
    g_autoptr(TckTapSummary) late = parse_all_ways(TEXT("1..1\nTAP version 13\nok\n"));
    g_autoptr(TckTapSummary) bad = parse_all_ways(TEXT("TAP version 99\n1..1\nok\n"));
    g_autoptr(TckTapSummary) word = parse_all_ways(TEXT("TAP version thirteen\n1..1\nok\n"));

    g_assert_cmpint(v13->version, ==, 13);
    g_assert_cmpuint(check_at(v13, 0)->number, ==, 1);
    g_assert_cmpstr(check_at(v13, 0)->description, ==, "");
    assert_no_problems(v13);

    g_assert_cmpint(late->version, ==, 12);
    assert_problems(late, (const char *[]){
        "'TAP version' on line 2, not the first line", NULL });

    g_assert_cmpint(bad->version, ==, 12);
    assert_problems(bad, (const char *[]){ "unsupported TAP version '99'", NULL });

    g_assert_cmpint(word->version, ==, 12);
    g_assert_cmpuint(word->n_junk, ==, 1);
    assert_no_problems(word);
}

static void
test_plan_at_end(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT("ok 1\nok 2\n1..2\n"));

    g_assert_cmpint(s->planned, ==, 2);
    g_assert_true(s->plan_at_end);
    g_assert_true(s->plan_valid);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_skip_all(void)
{
    static const struct {
        const char *tap;
        const char *reason;
    } cases[] = {
        { "1..0 # SKIP no network\n", "no network" },
        { "1..0 # Skipped: WWW::Mechanize not installed\n", "WWW::Mechanize not installed" },
        { "1..0 # skip\n", "" },
        { "1..0 #because\n", "because" },
        { "1..0\n", NULL },
        { "TAP version 13\n# starting\n1..0 # SKIP later  \n", "later" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(TckTapSummary) s = parse_all_ways(cases[i].tap, strlen(cases[i].tap));

        g_assert_true(s->skip_all);
        g_assert_cmpstr(s->skip_all_reason, ==, cases[i].reason);
        g_assert_cmpint(s->planned, ==, 0);
        g_assert_true(tck_tap_summary_plan_ok(s));
        assert_no_problems(s);
    }
}

static void
test_skip_all_with_checks(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT("1..0 # SKIP nothing\nok 1\n"));

    g_assert_false(s->skip_all);
    g_assert_null(s->skip_all_reason);
    g_assert_false(tck_tap_summary_plan_ok(s));
    assert_problems(s, (const char *[]){
        "planned 0 checks, ran 1",
        "check 1 is beyond the plan 1..0", NULL });
}

static void
test_directives(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..8\n"
        "ok 1 - a # SKIP not here\n"
        "not ok 2 - b # TODO later \n"
        "ok 3 # skipped\n"
        "not ok 4 - c # todo: soon\n"
        "ok 5 - d # TODOS are not directives\n"
        "not ok 6 - e #SKIP why\n"
        "ok 7 - f # Skipping: whole area\n"
        "ok 8 - g # SKIP2 is not a directive\n"));
    static const struct {
        TckTapDirective directive;
        const char *description;
        const char *reason;
    } expected[] = {
        { TCK_TAP_DIRECTIVE_SKIP, "a", "not here" },
        { TCK_TAP_DIRECTIVE_TODO, "b", "later" },
        { TCK_TAP_DIRECTIVE_SKIP, "", "" },
        { TCK_TAP_DIRECTIVE_TODO, "c", "soon" },
        { TCK_TAP_DIRECTIVE_NONE, "d # TODOS are not directives", NULL },
        { TCK_TAP_DIRECTIVE_SKIP, "e", "why" },
        { TCK_TAP_DIRECTIVE_SKIP, "f", "whole area" },
        { TCK_TAP_DIRECTIVE_NONE, "g # SKIP2 is not a directive", NULL },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_assert_cmpint(check_at(s, i)->directive, ==, expected[i].directive);
        g_assert_cmpstr(check_at(s, i)->description, ==, expected[i].description);
        g_assert_cmpstr(check_at(s, i)->reason, ==, expected[i].reason);
    }
    /* Only "not ok" without TODO fails: 6 (a failing skip still fails). */
    g_assert_cmpuint(tck_tap_summary_n_failed(s), ==, 1);
    assert_no_problems(s);
}

static void
test_escapes(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..4\n"
        "ok 1 - a \\# SKIP not a directive\n"
        "ok 2 - back\\\\slash # TODO x\\#y\n"
        "ok 3 - hash # plain comment\n"
        "ok 4 - ends in backslash\\\\# SKIP y\n"));

    g_assert_cmpint(check_at(s, 0)->directive, ==, TCK_TAP_DIRECTIVE_NONE);
    g_assert_cmpstr(check_at(s, 0)->description, ==, "a # SKIP not a directive");
    g_assert_cmpint(check_at(s, 1)->directive, ==, TCK_TAP_DIRECTIVE_TODO);
    g_assert_cmpstr(check_at(s, 1)->description, ==, "back\\slash");
    g_assert_cmpstr(check_at(s, 1)->reason, ==, "x#y");
    g_assert_cmpint(check_at(s, 2)->directive, ==, TCK_TAP_DIRECTIVE_NONE);
    g_assert_cmpstr(check_at(s, 2)->description, ==, "hash # plain comment");
    g_assert_cmpint(check_at(s, 3)->directive, ==, TCK_TAP_DIRECTIVE_SKIP);
    g_assert_cmpstr(check_at(s, 3)->description, ==, "ends in backslash\\");
    g_assert_cmpstr(check_at(s, 3)->reason, ==, "y");
    assert_no_problems(s);
}

static void
test_check_forms(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "ok\n"
        "ok 2\n"
        "ok 3 no dash\n"
        "ok 4 -\n"
        "ok 5 -dash\n"
        "ok 6 - - double\n"
        "ok7\n"
        "okay\n"
        "ok -1\n"
        "ok 8\t-\ttab\n"
        "OK 9\n"
        "not ok\n"
        "not  ok 10\n"
        "ok 10th is numbered by position\n"
        "1..10\n"));
    static const char *const descriptions[] = {
        "", "", "no dash", "", "-dash", "- double", "-1", "tab", "",
        "10th is numbered by position",
    };

    g_assert_cmpuint(s->checks->len, ==, G_N_ELEMENTS(descriptions));
    for (guint i = 0; i < G_N_ELEMENTS(descriptions); i++) {
        g_assert_cmpuint(check_at(s, i)->number, ==, i + 1);
        g_assert_cmpstr(check_at(s, i)->description, ==, descriptions[i]);
    }
    g_assert_false(check_at(s, 8)->ok);
    /* "ok7", "okay", "OK 9" and "not  ok 10" */
    g_assert_cmpuint(s->n_junk, ==, 4);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_diagnostics(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "# pre 1\n#pre2\n#\n1..2\nok 1\n# after 1\n#   indented\nok 2\n# tail\n"));

    g_assert_cmpstr(s->diagnostics->str, ==, "pre 1\npre2\n\n");
    g_assert_cmpstr(check_at(s, 0)->diagnostics->str, ==, "after 1\n  indented\n");
    g_assert_cmpstr(check_at(s, 1)->diagnostics->str, ==, "tail\n");
    g_assert_cmpuint(s->n_junk, ==, 0);
    assert_no_problems(s);
}

static void
test_yaml(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "TAP version 13\n1..3\n"
        "not ok 1 - x\n"
        "  ---\n"
        "  message: boom\n"
        "  # a YAML comment, not a diagnostic\n"
        "\n"
        "  data:\n"
        "    - 1\n"
        "  ...\n"
        "ok 2\n"
        "# between\n"
        "  ---\n"
        "  not: yaml\n"
        "  ...\n"
        "ok 3\n"));

    g_assert_cmpstr(check_at(s, 0)->yaml, ==,
                    "message: boom\n# a YAML comment, not a diagnostic\n\ndata:\n  - 1\n");
    g_assert_null(check_at(s, 0)->diagnostics);
    /* Not right after its check: indented lines, ignored. */
    g_assert_null(check_at(s, 1)->yaml);
    g_assert_cmpstr(check_at(s, 1)->diagnostics->str, ==, "between\n");
    g_assert_null(check_at(s, 2)->yaml);
    g_assert_cmpuint(s->n_junk, ==, 0);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_yaml_unterminated(void)
{
    g_autoptr(TckTapSummary) next = parse_all_ways(TEXT(
        "1..2\nok 1\n  ---\n  a: 1\nok 2\n"));
    g_autoptr(TckTapSummary) eof = parse_all_ways(TEXT("1..1\nok 1\n   ---\n   a: 1\n    b: 2"));

    g_assert_cmpstr(check_at(next, 0)->yaml, ==, "a: 1\n");
    g_assert_cmpuint(next->checks->len, ==, 2);
    assert_problems(next, (const char *[]){
        "YAML block after check 1 has no closing '...'", NULL });

    g_assert_cmpstr(check_at(eof, 0)->yaml, ==, "a: 1\n b: 2\n");
    assert_problems(eof, (const char *[]){
        "YAML block after check 1 has no closing '...'", NULL });
}

static void
test_bail_out(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..3\nok 1\nBail out!  database gone \nok 2\ngarbage\n1..7\n"));
    g_autoptr(TckTapSummary) bare = parse_all_ways(TEXT("Bail out!"));

    g_assert_true(s->bailed_out);
    g_assert_cmpstr(s->bail_out_reason, ==, "database gone");
    g_assert_cmpuint(s->checks->len, ==, 1);
    g_assert_cmpuint(s->n_junk, ==, 0);
    assert_problems(s, (const char *[]){ "planned 3 checks, ran 1", NULL });

    g_assert_true(bare->bailed_out);
    g_assert_cmpstr(bare->bail_out_reason, ==, "");
    assert_problems(bare, (const char *[]){ "no plan", NULL });
}

static void
test_ignored_lines(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "TAP version 13\npragma +strict\n\n1..1\n   \nok 1\n\n"));

    g_assert_cmpint(s->version, ==, 13);
    g_assert_cmpuint(s->n_junk, ==, 0);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_subtests(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..2\n"
        "# Subtest: inner\n"
        "    1..2\n"
        "    ok 1 - a\n"
        "    not ok 2 - b\n"
        "      ---\n"
        "      nested: yaml\n"
        "      ...\n"
        "    # Failed test 'b'\n"
        "    Bail out! only the subtest's\n"
        "not ok 1 - inner\n"
        "ok 2\n"));

    g_assert_cmpuint(s->checks->len, ==, 2);
    g_assert_cmpstr(check_at(s, 0)->description, ==, "inner");
    g_assert_null(check_at(s, 0)->yaml);
    g_assert_cmpstr(s->diagnostics->str, ==, "Subtest: inner\n");
    g_assert_false(s->bailed_out);
    g_assert_cmpuint(s->n_junk, ==, 0);
    g_assert_cmpuint(tck_tap_summary_n_failed(s), ==, 1);
    assert_no_problems(s);
}

/* --- protocol problems -------------------------------------------------- */

static void
test_no_plan(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT("ok 1\n"));
    g_autoptr(TckTapSummary) empty = parse_all_ways(TEXT(""));

    g_assert_cmpint(s->planned, ==, -1);
    g_assert_false(s->plan_valid);
    g_assert_false(tck_tap_summary_plan_ok(s));
    assert_problems(s, (const char *[]){ "no plan", NULL });

    g_assert_cmpuint(empty->checks->len, ==, 0);
    g_assert_cmpuint(empty->n_junk, ==, 0);
    assert_problems(empty, (const char *[]){ "no plan", NULL });
}

static void
test_count_mismatch(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT("1..5\nok 1\nok 2\nok 3\n"));
    g_autoptr(TckTapSummary) more = parse_all_ways(TEXT("1..1\nok 1\nok 2\n"));

    g_assert_true(s->plan_valid);
    g_assert_false(tck_tap_summary_plan_ok(s));
    assert_problems(s, (const char *[]){ "planned 5 checks, ran 3", NULL });
    assert_problems(more, (const char *[]){
        "planned 1 checks, ran 2", "check 2 is beyond the plan 1..1", NULL });
}

static void
test_sequence(void)
{
    g_autoptr(TckTapSummary) gap = parse_all_ways(TEXT("1..4\nok 1\nok 3\nok 4\nok 2\n"));
    g_autoptr(TckTapSummary) dup = parse_all_ways(TEXT("1..3\nok 1\nok 1\nok 2\n"));
    g_autoptr(TckTapSummary) beyond = parse_all_ways(TEXT("1..2\nok 1\nok 5\n"));
    g_autoptr(TckTapSummary) zero = parse_all_ways(TEXT("1..1\nok 0\n"));

    assert_problems(gap, (const char *[]){
        "check 3 out of sequence (expected 2)",
        "check 2 out of sequence (expected 5)", NULL });
    g_assert_true(tck_tap_summary_plan_ok(gap));
    g_assert_cmpuint(check_at(gap, 3)->number, ==, 2);

    assert_problems(dup, (const char *[]){ "check number 1 used more than once", NULL });
    assert_problems(beyond, (const char *[]){
        "check 5 out of sequence (expected 2)", "check 5 is beyond the plan 1..2", NULL });
    assert_problems(zero, (const char *[]){ "check 0 out of sequence (expected 1)", NULL });
}

static void
test_problems_capped(void)
{
    g_autoptr(GString) tap = g_string_new("1..20\n");
    g_autoptr(TckTapSummary) s = NULL;

    for (int i = 1; i <= 20; i++)
        g_string_append_printf(tap, "ok %d\n", 2 * i);
    s = parse_all_ways(tap->str, tap->len);
    assert_problems(s, (const char *[]){
        "check 2 out of sequence (expected 1)",
        "check 4 out of sequence (expected 3)",
        "check 6 out of sequence (expected 5)",
        "check 8 out of sequence (expected 7)",
        "check 10 out of sequence (expected 9)",
        "check 22 is beyond the plan 1..20",
        "check 24 is beyond the plan 1..20",
        "check 26 is beyond the plan 1..20",
        "check 28 is beyond the plan 1..20",
        "check 30 is beyond the plan 1..20",
        "15 more checks out of sequence",
        "5 more checks beyond the plan", NULL });
}

static void
test_plans_misplaced(void)
{
    g_autoptr(TckTapSummary) two = parse_all_ways(TEXT("1..1\nok 1\n1..2\n"));
    g_autoptr(TckTapSummary) middle = parse_all_ways(TEXT("ok 1\n1..2\nok 2\n"));

    g_assert_cmpint(two->planned, ==, 1);
    g_assert_false(two->plan_valid);
    g_assert_false(tck_tap_summary_plan_ok(two));
    assert_problems(two, (const char *[]){
        "more than one plan: '1..2' after the first", NULL });

    g_assert_true(middle->plan_at_end);
    g_assert_false(middle->plan_valid);
    g_assert_false(tck_tap_summary_plan_ok(middle));
    assert_problems(middle, (const char *[]){
        "plan in the middle of the checks (after check 1)", NULL });
}

/* --- hostile input ------------------------------------------------------ */

static void
test_huge_plans(void)
{
    g_autoptr(TckTapSummary) p31 = parse_all_ways(TEXT("1..2147483648\nok 1\n"));
    g_autoptr(TckTapSummary) max = parse_all_ways(TEXT("1..9223372036854775807\nok 1\n"));
    g_autoptr(TckTapSummary) p63 = parse_all_ways(TEXT("1..9223372036854775808\nok 1\n"));
    g_autoptr(TckTapSummary) big = parse_all_ways(TEXT("1..99999999999999999999999\n"));
    g_autoptr(TckTapSummary) neg = parse_all_ways(TEXT("1..-1\nok 1\n"));
    g_autoptr(GString) digits = g_string_new("1..");
    g_autoptr(TckTapSummary) many = NULL;

    g_assert_cmpint(p31->planned, ==, G_GINT64_CONSTANT(2147483648));
    g_assert_true(p31->plan_valid);
    assert_problems(p31, (const char *[]){ "planned 2147483648 checks, ran 1", NULL });

    g_assert_cmpint(max->planned, ==, G_MAXINT64);
    assert_problems(max, (const char *[]){ "planned 9223372036854775807 checks, ran 1", NULL });

    g_assert_cmpint(p63->planned, ==, -1);
    g_assert_false(p63->plan_valid);
    assert_problems(p63, (const char *[]){
        "plan number out of range: '1..9223372036854775808'", NULL });

    assert_problems(big, (const char *[]){
        "plan number out of range: '1..99999999999999999999999'", NULL });

    g_assert_cmpuint(neg->n_junk, ==, 1);
    assert_problems(neg, (const char *[]){ "no plan", NULL });

    for (int i = 0; i < 100000; i++)
        g_string_append_c(digits, '9');
    many = parse_all_ways(digits->str, digits->len);
    g_assert_cmpint(many->planned, ==, -1);
    assert_problems(many, (const char *[]){
        "plan number out of range: '1..9999999999999999999999999999999999999…'", NULL });
}

static void
test_huge_check_numbers(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..2\nok 18446744073709551616 - big\nok 18446744073709551615\n"));

    g_assert_cmpuint(check_at(s, 0)->number, ==, 1);
    g_assert_cmpstr(check_at(s, 0)->description, ==, "big");
    g_assert_cmpuint(check_at(s, 1)->number, ==, G_MAXUINT64);
    assert_problems(s, (const char *[]){
        "check number '18446744073709551616' out of range",
        "check 18446744073709551615 out of sequence (expected 2)",
        "check 18446744073709551615 is beyond the plan 1..2", NULL });
}

static void
test_crlf(void)
{
    g_autoptr(TckTapSummary) crlf = parse_all_ways(TEXT(
        "TAP version 13\r\n1..2\r\nok 1 - a\r\nnot ok 2 - b # TODO t\r\n  ---\r\n  k: v\r\n  ...\r\n# d\r\n"));
    g_autoptr(TckTapSummary) lf = parse_all_ways(TEXT(
        "TAP version 13\n1..2\nok 1 - a\nnot ok 2 - b # TODO t\n  ---\n  k: v\n  ...\n# d\n"));
    g_autoptr(TckTapSummary) inner = parse_all_ways(TEXT("1..1\nok 1 - a\rb\r\n"));
    g_autofree char *crlf_dump = summary_dump(crlf);
    g_autofree char *lf_dump = summary_dump(lf);

    g_assert_cmpstr(crlf_dump, ==, lf_dump);
    g_assert_cmpstr(check_at(crlf, 1)->reason, ==, "t");
    g_assert_cmpstr(check_at(crlf, 1)->yaml, ==, "k: v\n");
    g_assert_cmpstr(check_at(inner, 0)->description, ==, "a\rb");
}

static void
test_truncated_stream(void)
{
    g_autoptr(TckTapSummary) last = parse_all_ways(TEXT("1..2\nok 1\nnot ok 2 - last"));
    g_autoptr(TckTapSummary) cut = parse_all_ways(TEXT("1..2\nok 1\nnot o"));
    g_autoptr(TckTapSummary) plan = parse_all_ways(TEXT("ok 1\n1..1"));

    g_assert_cmpuint(last->checks->len, ==, 2);
    g_assert_cmpstr(check_at(last, 1)->description, ==, "last");
    assert_no_problems(last);

    g_assert_cmpuint(cut->n_junk, ==, 1);
    assert_problems(cut, (const char *[]){ "planned 2 checks, ran 1", NULL });

    g_assert_true(tck_tap_summary_plan_ok(plan));
}

static void
test_junk(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "garbage\n1..2\nlalala\nok 1\n%%%\n1..\n1..2 trailing\nok 2\nnot a check\n"));

    g_assert_cmpuint(s->n_junk, ==, 6);
    g_assert_cmpuint(s->checks->len, ==, 2);
    g_assert_null(check_at(s, 0)->diagnostics);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_nul_bytes(void)
{
    g_autoptr(TckTapSummary) s = parse_all_ways(TEXT(
        "1..3\nok 1 - a\0b\n\0\no\0k 9\nok 2 - c # SKIP d\0e\nok 3 - \xff\xfe\n# x\0\n"));

    g_assert_cmpuint(s->checks->len, ==, 3);
    g_assert_cmpstr(check_at(s, 0)->description, ==, "a\xEF\xBF\xBD" "b");
    g_assert_cmpstr(check_at(s, 1)->description, ==, "c");
    g_assert_cmpint(check_at(s, 1)->directive, ==, TCK_TAP_DIRECTIVE_SKIP);
    g_assert_cmpstr(check_at(s, 1)->reason, ==, "d\xEF\xBF\xBD" "e");
    g_assert_cmpstr(check_at(s, 2)->description, ==, "\xEF\xBF\xBD\xEF\xBF\xBD");
    g_assert_cmpstr(check_at(s, 2)->diagnostics->str, ==, "x\xEF\xBF\xBD\n");
    /* "\0" and "o\0k 9" */
    g_assert_cmpuint(s->n_junk, ==, 2);
    assert_all_utf8(s);
    assert_no_problems(s);
}

static char *
repeat(char c, gsize n)
{
    char *s = g_malloc(n + 1);

    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void
test_long_lines(void)
{
    const gsize big = 10 * 1024 * 1024;
    g_autofree char *xs = repeat('x', big);
    g_autofree char *tap = g_strconcat("# ", xs, "\n1..2\nok 1 - ", xs, " # SKIP lost\n# after\n",
                                       xs, "\nok 2 # TODO ", xs, "\n", NULL);
    g_autoptr(TckTapSummary) s = parse_all_ways(tap, strlen(tap));
    const TckTapCheck *first = check_at(s, 0);
    const TckTapCheck *second = check_at(s, 1);
    gsize kept = TCK_TAP_TEXT_MAX - strlen("ok 1 - ");

    /* The description keeps the first 64 KiB of its line; the directive
     * beyond the cut is lost. */
    g_assert_cmpuint(strlen(first->description), ==, kept + strlen(" [truncated]"));
    g_assert_true(g_str_has_suffix(first->description, "x [truncated]"));
    g_assert_cmpint(first->directive, ==, TCK_TAP_DIRECTIVE_NONE);
    g_assert_cmpstr(first->diagnostics->str, ==, "after\n");

    g_assert_cmpint(second->directive, ==, TCK_TAP_DIRECTIVE_TODO);
    g_assert_cmpstr(second->description, ==, "");
    g_assert_cmpuint(strlen(second->reason), ==,
                     TCK_TAP_TEXT_MAX - strlen("ok 2 # TODO ") + strlen(" [truncated]"));
    g_assert_true(g_str_has_suffix(second->reason, "x [truncated]"));

    /* The long diagnostic line fills the cap and closes the buffer. */
    g_assert_cmpuint(s->diagnostics->len, <=, TCK_TAP_TEXT_MAX + 16);
    g_assert_true(g_str_has_prefix(s->diagnostics->str, "xxxx"));
    g_assert_true(g_str_has_suffix(s->diagnostics->str, "x\n[truncated]\n"));

    g_assert_cmpuint(s->n_junk, ==, 1);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_line_cap_boundary(void)
{
    gsize fits = TCK_TAP_TEXT_MAX - strlen("ok 1 - ");
    g_autofree char *exact_ys = repeat('y', fits);
    g_autofree char *over_ys = repeat('y', fits + 1);
    g_autofree char *exact = g_strconcat("1..1\nok 1 - ", exact_ys, "\r\n", NULL);
    g_autofree char *over = g_strconcat("1..1\nok 1 - ", over_ys, "\r\n", NULL);
    g_autoptr(TckTapSummary) s_exact = parse_all_ways(exact, strlen(exact));
    g_autoptr(TckTapSummary) s_over = parse_all_ways(over, strlen(over));
    g_autofree char *over_expected = g_strconcat(exact_ys, " [truncated]", NULL);
    /* The line fills the buffer up to a CR that is not its end. */
    g_autofree char *inner_cr = g_strconcat("1..1\nok 1 - ", exact_ys, "\rmore\n", NULL);
    g_autoptr(TckTapSummary) s_inner_cr = parse_all_ways(inner_cr, strlen(inner_cr));

    g_assert_cmpstr(check_at(s_exact, 0)->description, ==, exact_ys);
    g_assert_cmpstr(check_at(s_over, 0)->description, ==, over_expected);
    g_assert_cmpstr(check_at(s_inner_cr, 0)->description, ==, over_expected);
}

static void
test_long_utf8_cut(void)
{
    g_autoptr(GString) tap = g_string_new("1..1\nok 1 - ");
    g_autoptr(TckTapSummary) s = NULL;

    /* 2-byte characters; the cut at 64 KiB (odd offset 7) splits one. */
    while (tap->len < 2 * TCK_TAP_TEXT_MAX)
        g_string_append(tap, "\xC3\xA9");
    /* A 5-byte diagnostic first: the cap then also falls mid-character. */
    g_string_append(tap, "\n# shor\n# ");
    while (tap->len < 4 * TCK_TAP_TEXT_MAX)
        g_string_append(tap, "\xC3\xA9");
    s = parse_all_ways(tap->str, tap->len);
    g_assert_true(g_str_has_suffix(check_at(s, 0)->description, "\xEF\xBF\xBD [truncated]"));
    g_assert_true(g_str_has_suffix(check_at(s, 0)->diagnostics->str, "\n[truncated]\n"));
    assert_all_utf8(s);
}

static void
test_accumulated_caps(void)
{
    g_autoptr(GString) tap = g_string_new("1..1\n");
    g_autofree char *line = repeat('z', 100);
    g_autoptr(TckTapSummary) s = NULL;
    const TckTapCheck *check;

    for (int i = 0; i < 2000; i++)
        g_string_append_printf(tap, "# %s\n", line);
    g_string_append(tap, "ok 1\n  ---\n");
    for (int i = 0; i < 2000; i++)
        g_string_append_printf(tap, "  k%d: %s\n", i, line);
    g_string_append(tap, "  ...\n");
    for (int i = 0; i < 2000; i++)
        g_string_append_printf(tap, "# %s\n", line);
    s = parse_all_ways(tap->str, tap->len);
    check = check_at(s, 0);

    g_assert_cmpuint(s->diagnostics->len, <=, TCK_TAP_TEXT_MAX + 16);
    g_assert_cmpuint(s->diagnostics->len, >=, TCK_TAP_TEXT_MAX);
    g_assert_true(g_str_has_suffix(s->diagnostics->str, "\n[truncated]\n"));
    g_assert_cmpuint(strlen(check->yaml), <=, TCK_TAP_TEXT_MAX + 16);
    g_assert_true(g_str_has_prefix(check->yaml, "k0: zzz"));
    g_assert_true(g_str_has_suffix(check->yaml, "\n# [truncated]\n"));
    g_assert_cmpuint(check->diagnostics->len, <=, TCK_TAP_TEXT_MAX + 16);
    g_assert_true(g_str_has_suffix(check->diagnostics->str, "\n[truncated]\n"));
    g_assert_cmpuint(s->n_junk, ==, 0);
    assert_no_problems(s);
}

static void
test_many_checks(void)
{
    const guint n = 100000;
    g_autoptr(GString) tap = g_string_new(NULL);
    g_autoptr(TckTapSummary) s = NULL;

    g_string_append_printf(tap, "TAP version 13\n1..%u\n", n);
    for (guint i = 1; i <= n; i++)
        g_string_append_printf(tap, "%s %u - check %u\n", i % 1000 ? "ok" : "not ok", i, i);
    s = parse_all_ways(tap->str, tap->len);

    g_assert_cmpuint(s->checks->len, ==, n);
    g_assert_cmpuint(check_at(s, n - 1)->number, ==, n);
    g_assert_cmpstr(check_at(s, n - 1)->description, ==, "check 100000");
    g_assert_cmpuint(tck_tap_summary_n_failed(s), ==, n / 1000);
    g_assert_true(tck_tap_summary_plan_ok(s));
    assert_no_problems(s);
}

static void
test_many_checks_reversed(void)
{
    const guint n = 100000;
    g_autoptr(GString) tap = g_string_new(NULL);
    g_autoptr(TckTapSummary) s = NULL;

    g_string_append_printf(tap, "1..%u\n", n);
    for (guint i = n; i >= 1; i--)
        g_string_append_printf(tap, "ok %u\n", i);
    s = parse_all_ways(tap->str, tap->len);

    g_assert_cmpuint(s->checks->len, ==, n);
    g_assert_true(tck_tap_summary_plan_ok(s));
    g_assert_cmpuint(s->problems->len, ==, TCK_TAP_PROBLEMS_PER_KIND + 1);
    g_assert_cmpstr(g_ptr_array_index(s->problems, 0), ==,
                    "check 100000 out of sequence (expected 1)");
    g_assert_cmpstr(g_ptr_array_index(s->problems, 1), ==,
                    "check 99999 out of sequence (expected 100001)");
    g_assert_cmpstr(g_ptr_array_index(s->problems, TCK_TAP_PROBLEMS_PER_KIND), ==,
                    "99995 more checks out of sequence");
}

/* Past TCK_TAP_MAX_CHECKS checks are counted, not kept (finding 5 of
 * issue 10): 22 M "ok" lines once took the harness to 6.7 GB. */
static void
test_checks_past_cap(void)
{
    const guint n = TCK_TAP_MAX_CHECKS + 50000;
    g_autoptr(GString) tap = g_string_new(NULL);
    g_autoptr(TckTapSummary) s = NULL;
    guint failed = 0, skipped = 0;

    g_string_append_printf(tap, "1..%u\n", n);
    for (guint i = 1; i <= n; i++) {
        if (i % 1000 == 0) {
            g_string_append_printf(tap, "not ok %u - check %u\n", i, i);
            failed++;
        } else if (i % 777 == 0) {
            g_string_append_printf(tap, "ok %u # SKIP no %u\n", i, i);
            skipped++;
        } else {
            g_string_append_printf(tap, "ok %u\n", i);
        }
        if (i == n - 10)        /* a dropped check's diagnostics and YAML go with it */
            g_string_append(tap, "# a diagnostic\n  ---\n  got: 1\n  ...\n");
    }
    s = tck_tap_parse(tap->str, tap->len);

    g_assert_cmpuint(s->checks->len, ==, TCK_TAP_MAX_CHECKS);
    g_assert_cmpuint(s->n_checks, ==, n);
    g_assert_cmpuint(s->n_failed, ==, failed);
    g_assert_cmpuint(tck_tap_summary_n_failed(s), ==, failed);
    g_assert_cmpuint(s->n_skipped, ==, skipped);
    g_assert_cmpuint(check_at(s, TCK_TAP_MAX_CHECKS - 1)->number, ==, TCK_TAP_MAX_CHECKS);
    g_assert_true(tck_tap_summary_plan_ok(s));
    g_assert_cmpuint(s->n_junk, ==, 0);
    assert_no_problems(s);
}

/* Numbering past the cap: reuse of a kept number, out of sequence, and
 * beyond the plan are still problems. */
static void
test_numbering_past_cap(void)
{
    const guint n = TCK_TAP_MAX_CHECKS + 3;
    g_autoptr(GString) tap = g_string_new(NULL);
    g_autoptr(TckTapSummary) s = NULL;

    g_string_append_printf(tap, "1..%u\n", n);
    for (guint i = 1; i <= TCK_TAP_MAX_CHECKS; i++)
        g_string_append_printf(tap, "ok %u\n", i);
    g_string_append_printf(tap, "ok 5\nok %u\nok %u\n", n + 7, n + 8);
    s = tck_tap_parse(tap->str, tap->len);

    g_assert_cmpuint(s->checks->len, ==, TCK_TAP_MAX_CHECKS);
    g_assert_cmpuint(s->n_checks, ==, n);
    g_assert_true(tck_tap_summary_plan_ok(s));
    g_assert_cmpuint(s->problems->len, ==, 3);
    g_assert_cmpstr(g_ptr_array_index(s->problems, 0), ==, "check number 5 used more than once");
    g_assert_cmpstr(g_ptr_array_index(s->problems, 1), ==, "check 100010 out of sequence (expected 6)");
    g_assert_cmpstr(g_ptr_array_index(s->problems, 2), ==, "check 100011 is beyond the plan 1..100003");
}

static void
test_parser_free_unfinished(void)
{
    /* Freeing mid-stream, mid-YAML, with a partial line, must not leak
     * or crash (ASan checks). */
    TckTapParser *parser = tck_tap_parser_new();

    tck_tap_parser_feed(parser, TEXT("1..3\nok 1\nok 3\n  ---\n  a: 1\nok 2 - part"));
    tck_tap_parser_free(parser);
    tck_tap_parser_free(NULL);
    tck_tap_summary_free(NULL);
}

/* --- fixtures ----------------------------------------------------------- */

static char *
fixture_dir(void)
{
    const char *srcdir = g_getenv("top_srcdir");

    return g_build_filename(srcdir ? srcdir : ABS_TOP_SRCDIR, "tests", "tap", NULL);
}

/* A fixture stream: its summary, parsed every way, is its .summary file. */
static void
test_fixture(gconstpointer data)
{
    const char *name = data;
    g_autofree char *dir = fixture_dir();
    g_autofree char *tap_path = g_strconcat(dir, G_DIR_SEPARATOR_S, name, ".tap", NULL);
    g_autofree char *expected_path = g_strconcat(dir, G_DIR_SEPARATOR_S, name, ".summary", NULL);
    g_autofree char *tap = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *dump = NULL;
    g_autoptr(TckTapSummary) s = NULL;
    g_autoptr(GError) error = NULL;
    gsize len;

    g_assert_true(g_file_get_contents(tap_path, &tap, &len, &error));
    g_assert_no_error(error);
    g_assert_true(g_file_get_contents(expected_path, &expected, NULL, &error));
    g_assert_no_error(error);
    s = parse_all_ways(tap, len);
    assert_all_utf8(s);
    dump = summary_dump(s);
    g_assert_cmpstr(dump, ==, expected);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_fixture_tests(void)
{
    g_autofree char *dir = fixture_dir();
    g_autoptr(GDir) handle = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    const char *entry;

    handle = g_dir_open(dir, 0, &error);
    g_assert_no_error(error);
    while ((entry = g_dir_read_name(handle)))
        if (g_str_has_suffix(entry, ".tap"))
            g_ptr_array_add(names, g_strndup(entry, strlen(entry) - strlen(".tap")));
    /* At least the four committed fixtures must be found. */
    g_assert_cmpuint(names->len, >=, 4);
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = g_strconcat("/tap-parser/fixture/",
                                            (char *)g_ptr_array_index(names, i), NULL);

        /* The name must outlive the test run. */
        g_test_add_data_func_full(path, g_strdup(g_ptr_array_index(names, i)),
                                  test_fixture, g_free);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/tap-parser/basic", test_basic);
    g_test_add_func("/tap-parser/version", test_version);
    g_test_add_func("/tap-parser/plan-at-end", test_plan_at_end);
    g_test_add_func("/tap-parser/skip-all", test_skip_all);
    g_test_add_func("/tap-parser/skip-all-with-checks", test_skip_all_with_checks);
    g_test_add_func("/tap-parser/directives", test_directives);
    g_test_add_func("/tap-parser/escapes", test_escapes);
    g_test_add_func("/tap-parser/check-forms", test_check_forms);
    g_test_add_func("/tap-parser/diagnostics", test_diagnostics);
    g_test_add_func("/tap-parser/yaml", test_yaml);
    g_test_add_func("/tap-parser/yaml-unterminated", test_yaml_unterminated);
    g_test_add_func("/tap-parser/bail-out", test_bail_out);
    g_test_add_func("/tap-parser/ignored-lines", test_ignored_lines);
    g_test_add_func("/tap-parser/subtests", test_subtests);
    g_test_add_func("/tap-parser/problem/no-plan", test_no_plan);
    g_test_add_func("/tap-parser/problem/count-mismatch", test_count_mismatch);
    g_test_add_func("/tap-parser/problem/sequence", test_sequence);
    g_test_add_func("/tap-parser/problem/capped", test_problems_capped);
    g_test_add_func("/tap-parser/problem/plans-misplaced", test_plans_misplaced);
    g_test_add_func("/tap-parser/hostile/huge-plans", test_huge_plans);
    g_test_add_func("/tap-parser/hostile/huge-check-numbers", test_huge_check_numbers);
    g_test_add_func("/tap-parser/hostile/crlf", test_crlf);
    g_test_add_func("/tap-parser/hostile/truncated-stream", test_truncated_stream);
    g_test_add_func("/tap-parser/hostile/junk", test_junk);
    g_test_add_func("/tap-parser/hostile/nul-bytes", test_nul_bytes);
    g_test_add_func("/tap-parser/hostile/long-lines", test_long_lines);
    g_test_add_func("/tap-parser/hostile/line-cap-boundary", test_line_cap_boundary);
    g_test_add_func("/tap-parser/hostile/long-utf8-cut", test_long_utf8_cut);
    g_test_add_func("/tap-parser/hostile/accumulated-caps", test_accumulated_caps);
    g_test_add_func("/tap-parser/hostile/many-checks", test_many_checks);
    g_test_add_func("/tap-parser/hostile/many-checks-reversed", test_many_checks_reversed);
    g_test_add_func("/tap-parser/hostile/checks-past-cap", test_checks_past_cap);
    g_test_add_func("/tap-parser/hostile/numbering-past-cap", test_numbering_past_cap);
    g_test_add_func("/tap-parser/free-unfinished", test_parser_free_unfinished);
    add_fixture_tests();

    return g_test_run();
}
