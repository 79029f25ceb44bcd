/*
 * tap-parser.c — the harness's streaming TAP 12/13 reader: bytes in, one
 * TckTapSummary out.  tap-parser.h documents the behaviour on odd input.
 */
#include <config.h>

#include <string.h>

#include "tap-parser.h"

/* A line buffer holds one byte more than the text kept, for a CR. */
#define LINE_BUF_MAX (TCK_TAP_TEXT_MAX + 1)
/* Longest excerpt of a line quoted in a problem message. */
#define EXCERPT_MAX 40

static const char truncated_note[] = " [truncated]";

/* Problems that can repeat once per line; each is listed a few times. */
typedef enum {
    PROBLEM_SEQUENCE,
    PROBLEM_DUPLICATE,
    PROBLEM_BEYOND_PLAN,
    PROBLEM_CHECK_NUMBER,
    PROBLEM_EXTRA_PLAN,
    PROBLEM_VERSION,
    PROBLEM_YAML,
    PROBLEM_LAST
} ProblemKind;

/* How the closing line counts what was not spelled out. */
static const char *const problem_more_noun[PROBLEM_LAST] = {
    [PROBLEM_SEQUENCE] = "checks out of sequence",
    [PROBLEM_DUPLICATE] = "reused check numbers",
    [PROBLEM_BEYOND_PLAN] = "checks beyond the plan",
    [PROBLEM_CHECK_NUMBER] = "check numbers out of range",
    [PROBLEM_EXTRA_PLAN] = "extra plans",
    [PROBLEM_VERSION] = "misplaced or unsupported version lines",
    [PROBLEM_YAML] = "unterminated YAML blocks",
};

static const struct {
    const char *word;
    TckTapDirective directive;
} directive_words[] = {
    { "skip", TCK_TAP_DIRECTIVE_SKIP },
    { "skipped", TCK_TAP_DIRECTIVE_SKIP },
    { "skipping", TCK_TAP_DIRECTIVE_SKIP },
    { "todo", TCK_TAP_DIRECTIVE_TODO },
};

struct _TckTapParser {
    TckTapSummary *summary;     /* NULL once finished */
    GString *line;              /* the line being assembled */
    gboolean line_truncated;    /* bytes of it were dropped */
    guint64 line_no;
    gboolean after_check;       /* the previous line was a check */

    guint n_plans;
    gboolean plan_out_of_range;
    gboolean plan_in_middle;
    guint64 checks_at_plan;     /* checks seen when the plan came */

    /* Numbers of the kept checks (keys point at TckTapCheck.number) once
     * the numbering stopped being exactly 1..n; NULL while it still is. */
    GHashTable *numbers;
    guint64 last_number;

    TckTapCheck *last;          /* the latest check, kept or the one dropped */
    TckTapCheck *dropped;       /* the latest check past TCK_TAP_MAX_CHECKS */
    guint64 dropped_max_number; /* the highest number among dropped checks */

    GString *yaml;              /* an open YAML block, or NULL */
    gsize yaml_indent;
    TckTapCheck *yaml_check;

    guint problem_counts[PROBLEM_LAST];
};

static gboolean
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static const char *
skip_blanks(const char *s)
{
    while (is_blank(*s))
        s++;
    return s;
}

/* Length of s[0..len) without trailing blanks. */
static gsize
trim_end(const char *s, gsize len)
{
    while (len > 0 && is_blank(s[len - 1]))
        len--;
    return len;
}

/* Byte length of at most max bytes of the valid UTF-8 s, not splitting a
 * character. */
static gsize
utf8_cut(const char *s, gsize len, gsize max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((guchar)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* A short, quoted excerpt of s for a problem message. */
static char *
excerpt(const char *s)
{
    gsize len = strlen(s);
    gsize cut = utf8_cut(s, len, EXCERPT_MAX);

    return g_strdup_printf("'%.*s%s'", (int)cut, s, cut < len ? "…" : "");
}

/* Parse the decimal digits at s (at least one) into *value; *end is the
 * first byte after them.  Returns FALSE when the value exceeds max. */
static gboolean
parse_number(const char *s, guint64 max, guint64 *value, const char **end)
{
    guint64 v = 0;
    gboolean fits = TRUE;

    for (; g_ascii_isdigit(*s); s++) {
        guint digit = (guint)(*s - '0');

        if (v > (max - digit) / 10)
            fits = FALSE;
        else
            v = v * 10 + digit;
    }
    *value = fits ? v : 0;
    *end = s;
    return fits;
}

/* Copy s[0..len) with the TAP escapes "\#" and "\\" undone. */
static char *
unescape(const char *s, gsize len, gboolean truncated)
{
    GString *out = g_string_sized_new(len + 1);

    for (gsize i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '#' || s[i + 1] == '\\'))
            i++;
        g_string_append_c(out, s[i]);
    }
    if (truncated)
        g_string_append(out, truncated_note);
    return g_string_free(out, FALSE);
}

/*
 * Append one line of text to an accumulating buffer capped near
 * TCK_TAP_TEXT_MAX.  Past the cap the buffer is closed with a
 * "[truncated]" line (prefix is put before it, e.g. "# " in YAML), and
 * later lines are dropped.
 */
static void
append_capped(GString *buf, const char *prefix, const char *text, gsize len,
              gboolean truncated)
{
    gsize need = len + (truncated ? strlen(truncated_note) : 0) + 1;
    gsize room;

    if (buf->len >= TCK_TAP_TEXT_MAX)
        return;
    room = TCK_TAP_TEXT_MAX - buf->len;
    if (need <= room) {
        g_string_append_len(buf, text, len);
        if (truncated)
            g_string_append(buf, truncated_note);
        g_string_append_c(buf, '\n');
        return;
    }
    g_string_append_len(buf, text, utf8_cut(text, len, room));
    /* This leaves buf->len above the cap, which marks it closed. */
    g_string_append_printf(buf, "\n%s[truncated]\n", prefix);
}

static void G_GNUC_PRINTF(2, 3)
summary_problem(TckTapSummary *summary, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    g_ptr_array_add(summary->problems, g_strdup_vprintf(fmt, args));
    va_end(args);
}

/* A problem of a repeating kind: spelled out only the first few times. */
static void G_GNUC_PRINTF(3, 4)
parser_problem(TckTapParser *parser, ProblemKind kind, const char *fmt, ...)
{
    va_list args;

    if (parser->problem_counts[kind]++ >= TCK_TAP_PROBLEMS_PER_KIND)
        return;
    va_start(args, fmt);
    g_ptr_array_add(parser->summary->problems, g_strdup_vprintf(fmt, args));
    va_end(args);
}

static TckTapCheck *
last_check(TckTapParser *parser)
{
    return parser->last;
}

static gboolean
check_kept(TckTapParser *parser, const TckTapCheck *check)
{
    return check != parser->dropped;
}

static void
check_free(gpointer data)
{
    TckTapCheck *check = data;

    if (!check)
        return;
    g_free(check->description);
    g_free(check->reason);
    if (check->diagnostics)
        g_string_free(check->diagnostics, TRUE);
    g_free(check->yaml);
    g_free(check);
}

/*
 * Recognise a directive ("SKIP", "skipped:", "TODO", any case) at s, the
 * text after a '#'.  Returns NONE when s is an ordinary comment; else
 * *reason points at the directive's text.
 */
static TckTapDirective
parse_directive(const char *s, const char **reason)
{
    const char *word = skip_blanks(s);
    const char *end = word;

    while (g_ascii_isalpha(*end))
        end++;
    if (*end != '\0' && *end != ':' && !is_blank(*end))
        return TCK_TAP_DIRECTIVE_NONE;
    for (gsize i = 0; i < G_N_ELEMENTS(directive_words); i++) {
        const char *known = directive_words[i].word;

        if ((gsize)(end - word) == strlen(known) &&
            g_ascii_strncasecmp(word, known, end - word) == 0) {
            if (*end == ':')
                end++;
            *reason = skip_blanks(end);
            return directive_words[i].directive;
        }
    }
    return TCK_TAP_DIRECTIVE_NONE;
}

/* Track numbering: sequence and reuse.  check is counted (and, when
 * kept, already in the array). */
static void
check_numbering(TckTapParser *parser, TckTapCheck *check, gboolean written)
{
    GPtrArray *checks = parser->summary->checks;
    guint64 expected = parser->last_number + 1;
    gboolean kept = check_kept(parser, check);

    if (!parser->numbers && written && check->number != parser->summary->n_checks) {
        parser->numbers = g_hash_table_new(g_int64_hash, g_int64_equal);
        for (guint i = 0; i + (kept ? 1 : 0) < checks->len; i++) {
            TckTapCheck *earlier = g_ptr_array_index(checks, i);

            g_hash_table_add(parser->numbers, &earlier->number);
        }
    }
    if (parser->numbers) {
        if (g_hash_table_contains(parser->numbers, &check->number))
            parser_problem(parser, PROBLEM_DUPLICATE,
                           "check number %" G_GUINT64_FORMAT " used more than once",
                           check->number);
        else if (written && check->number != expected)
            parser_problem(parser, PROBLEM_SEQUENCE,
                           "check %" G_GUINT64_FORMAT " out of sequence (expected %"
                           G_GUINT64_FORMAT ")", check->number, expected);
        if (kept)
            g_hash_table_add(parser->numbers, &check->number);
    }
    if (!kept)
        parser->dropped_max_number = MAX(parser->dropped_max_number, check->number);
    parser->last_number = check->number;
}

/* "ok ..." or "not ok ...": rest is the text after the keyword. */
static gboolean
parse_check(TckTapParser *parser, gboolean ok, const char *rest, gboolean truncated)
{
    TckTapSummary *summary = parser->summary;
    TckTapCheck *check;
    gboolean written = FALSE;
    const char *reason = NULL;
    const char *desc_end;
    const char *scan;

    if (*rest != '\0' && !is_blank(*rest))
        return FALSE; /* "okay", "ok1" */

    check = g_new0(TckTapCheck, 1);
    check->ok = ok;
    summary->n_checks++;
    if (summary->checks->len < TCK_TAP_MAX_CHECKS) {
        g_ptr_array_add(summary->checks, check);
    } else {
        /* counted, not kept: only the latest one lives, for its directive */
        check_free(parser->dropped);
        parser->dropped = check;
    }
    parser->last = check;

    if (parser->n_plans > 0 && summary->plan_at_end && !parser->plan_in_middle) {
        parser->plan_in_middle = TRUE;
        summary_problem(summary, "plan in the middle of the checks (after check %" G_GUINT64_FORMAT ")",
                        parser->checks_at_plan);
    }

    rest = skip_blanks(rest);
    if (g_ascii_isdigit(*rest)) {
        guint64 number;
        const char *end;
        gboolean fits = parse_number(rest, G_MAXUINT64, &number, &end);

        if (*end == '\0' || *end == '#' || is_blank(*end)) {
            if (fits) {
                check->number = number;
                written = TRUE;
            } else {
                g_autofree char *digits = g_strndup(rest, end - rest);
                g_autofree char *quoted = excerpt(digits);

                parser_problem(parser, PROBLEM_CHECK_NUMBER,
                               "check number %s out of range", quoted);
            }
            rest = skip_blanks(end);
        }
    }
    if (!written)
        check->number = summary->n_checks;

    if (rest[0] == '-' && (rest[1] == '\0' || is_blank(rest[1])))
        rest = skip_blanks(rest + 1);

    /* The first unescaped '#' that starts a directive ends the description. */
    desc_end = NULL;
    for (scan = rest; *scan; scan++) {
        if (*scan == '\\' && scan[1] != '\0') {
            scan++;
        } else if (*scan == '#') {
            check->directive = parse_directive(scan + 1, &reason);
            if (check->directive != TCK_TAP_DIRECTIVE_NONE) {
                desc_end = scan;
                break;
            }
        }
    }
    if (!desc_end)
        desc_end = scan;

    check->description = unescape(rest, trim_end(rest, desc_end - rest),
                                  truncated && !reason);
    if (reason)
        check->reason = unescape(reason, trim_end(reason, strlen(reason)), truncated);
    if (!ok && check->directive != TCK_TAP_DIRECTIVE_TODO)
        summary->n_failed++;
    else if (ok && check->directive == TCK_TAP_DIRECTIVE_SKIP)
        summary->n_skipped++;

    check_numbering(parser, check, written);
    parser->after_check = TRUE;
    return TRUE;
}

static gboolean
parse_ok(TckTapParser *parser, const char *rest, gboolean truncated)
{
    return parse_check(parser, TRUE, rest, truncated);
}

static gboolean
parse_not_ok(TckTapParser *parser, const char *rest, gboolean truncated)
{
    return parse_check(parser, FALSE, rest, truncated);
}

/* "1..N" with an optional "# comment"; rest follows "1..". */
static gboolean
parse_plan(TckTapParser *parser, const char *rest, gboolean truncated)
{
    TckTapSummary *summary = parser->summary;
    const char *end;
    const char *comment = NULL;
    guint64 planned;
    gboolean fits;

    if (!g_ascii_isdigit(*rest))
        return FALSE;
    fits = parse_number(rest, G_MAXINT64, &planned, &end);
    end = skip_blanks(end);
    if (*end == '#')
        comment = end + 1;
    else if (*end != '\0')
        return FALSE;

    if (++parser->n_plans > 1) {
        g_autofree char *plan = g_strdup_printf("1..%.*s", (int)strcspn(rest, " \t#"), rest);
        g_autofree char *quoted = excerpt(plan);

        parser_problem(parser, PROBLEM_EXTRA_PLAN,
                       "more than one plan: %s after the first", quoted);
        return TRUE;
    }
    if (summary->n_checks > 0) {
        summary->plan_at_end = TRUE;
        parser->checks_at_plan = summary->n_checks;
    }
    if (!fits) {
        g_autofree char *plan = g_strdup_printf("1..%.*s", (int)strspn(rest, "0123456789"), rest);
        g_autofree char *quoted = excerpt(plan);

        parser->plan_out_of_range = TRUE;
        summary_problem(summary, "plan number out of range: %s", quoted);
        return TRUE;
    }
    summary->planned = (gint64)planned;
    if (planned == 0 && comment) {
        const char *reason = NULL;

        if (parse_directive(comment, &reason) != TCK_TAP_DIRECTIVE_SKIP)
            reason = skip_blanks(comment);
        summary->skip_all_reason = unescape(reason, trim_end(reason, strlen(reason)),
                                            truncated);
    }
    return TRUE;
}

/* "# text": a diagnostic for the last check, or the stream's preamble. */
static gboolean
parse_diagnostic(TckTapParser *parser, const char *rest, gboolean truncated)
{
    TckTapCheck *check = last_check(parser);
    GString *target;

    if (*rest == ' ')
        rest++;
    if (check && !check_kept(parser, check))
        return TRUE;            /* a dropped check's diagnostics go with it */
    if (check) {
        if (!check->diagnostics)
            check->diagnostics = g_string_new(NULL);
        target = check->diagnostics;
    } else {
        target = parser->summary->diagnostics;
    }
    append_capped(target, "", rest, strlen(rest), truncated);
    return TRUE;
}

static gboolean
parse_bail_out(TckTapParser *parser, const char *rest, gboolean truncated)
{
    TckTapSummary *summary = parser->summary;

    rest = skip_blanks(rest);
    summary->bailed_out = TRUE;
    summary->bail_out_reason = unescape(rest, trim_end(rest, strlen(rest)), truncated);
    return TRUE;
}

/* "TAP version N": only as the first line; 12 to 14 are understood. */
static gboolean
parse_version(TckTapParser *parser, const char *rest, gboolean truncated)
{
    const char *digits = skip_blanks(rest);
    const char *end;
    guint64 version;
    gboolean fits;

    if (!is_blank(*rest) || !g_ascii_isdigit(*digits))
        return FALSE;
    fits = parse_number(digits, 14, &version, &end);
    if (*skip_blanks(end) != '\0')
        return FALSE;
    if (parser->line_no != 1) {
        parser_problem(parser, PROBLEM_VERSION,
                       "'TAP version' on line %" G_GUINT64_FORMAT ", not the first line",
                       parser->line_no);
    } else if (!fits || version < 12) {
        g_autofree char *quoted = excerpt(digits);

        parser_problem(parser, PROBLEM_VERSION, "unsupported TAP version %s", quoted);
    } else {
        parser->summary->version = (int)version;
    }
    return TRUE;
}

static gboolean
parse_pragma(TckTapParser *parser, const char *rest, gboolean truncated)
{
    return TRUE;
}

/* What a line can start with; anything else is junk. */
static const struct {
    const char *prefix;
    gboolean nocase;
    gboolean (*parse)(TckTapParser *parser, const char *rest, gboolean truncated);
} line_kinds[] = {
    { "ok", FALSE, parse_ok },
    { "not ok", FALSE, parse_not_ok },
    { "#", FALSE, parse_diagnostic },
    { "1..", FALSE, parse_plan },
    { "Bail out!", TRUE, parse_bail_out },
    { "TAP version", TRUE, parse_version },
    { "pragma ", FALSE, parse_pragma },
};

static void
yaml_close(TckTapParser *parser)
{
    parser->yaml_check->yaml = g_string_free(parser->yaml, FALSE);
    parser->yaml = NULL;
    parser->yaml_check = NULL;
}

/* A line while a YAML block is open.  FALSE: the block ended without its
 * "..." and the line is ordinary TAP. */
static gboolean
yaml_line(TckTapParser *parser, const char *line, gboolean truncated)
{
    const char *text = skip_blanks(line);
    gsize indent = text - line;
    gsize len = trim_end(text, strlen(text));

    if (*text == '\0') {
        append_capped(parser->yaml, "# ", "", 0, FALSE);
        return TRUE;
    }
    if (indent == 0) {
        parser_problem(parser, PROBLEM_YAML,
                       "YAML block after check %" G_GUINT64_FORMAT " has no closing '...'",
                       parser->yaml_check->number);
        yaml_close(parser);
        return FALSE;
    }
    if (len == 3 && memcmp(text, "...", 3) == 0) {
        yaml_close(parser);
        return TRUE;
    }
    if (indent > parser->yaml_indent)
        text = line + parser->yaml_indent;
    append_capped(parser->yaml, "# ", text, strlen(text), truncated);
    return TRUE;
}

/* An indented line outside YAML: "---" right after a check opens a block
 * (TAP 13 wants it there; that also keeps a subtest's YAML out), anything
 * else is nested (subtest) output and ignored. */
static void
indented_line(TckTapParser *parser, const char *line, gboolean after_check)
{
    const char *text = skip_blanks(line);
    TckTapCheck *check = last_check(parser);

    /* a dropped check's YAML block is ignored like nested output */
    if (after_check && check_kept(parser, check) && !check->yaml && strncmp(text, "---", 3) == 0 &&
        (text[3] == '\0' || is_blank(text[3]))) {
        parser->yaml = g_string_new(NULL);
        parser->yaml_indent = text - line;
        parser->yaml_check = check;
    }
}

/* One complete line: NUL-terminated, valid UTF-8, without its newline. */
static void
parse_line(TckTapParser *parser, const char *line, gboolean truncated)
{
    gboolean after_check = parser->after_check;

    parser->after_check = FALSE;
    parser->line_no++;
    if (parser->summary->bailed_out)
        return;
    if (parser->yaml && yaml_line(parser, line, truncated))
        return;
    if (*line == '\0')
        return;
    if (is_blank(*line)) {
        indented_line(parser, line, after_check);
        return;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(line_kinds); i++) {
        const char *prefix = line_kinds[i].prefix;
        gsize len = strlen(prefix);
        int cmp = line_kinds[i].nocase ? g_ascii_strncasecmp(line, prefix, len)
                                       : strncmp(line, prefix, len);

        if (cmp == 0 && line_kinds[i].parse(parser, line + len, truncated))
            return;
    }
    parser->summary->n_junk++;
}

/* The assembled line is complete: clean it up and parse it. */
static void
parser_end_line(TckTapParser *parser)
{
    const char *text = parser->line->str;
    gsize len = parser->line->len;
    gboolean truncated = parser->line_truncated;
    g_autofree char *valid = NULL;

    if (!truncated && len > 0 && text[len - 1] == '\r')
        len--;
    if (len > TCK_TAP_TEXT_MAX) {
        len = TCK_TAP_TEXT_MAX;
        truncated = TRUE;
    }
    /* Also rejects NUL bytes; make_valid turns them into U+FFFD. */
    if (!g_utf8_validate_len(text, len, NULL)) {
        valid = g_utf8_make_valid(text, len);
        text = valid;
    } else {
        parser->line->str[len] = '\0';
    }
    parse_line(parser, text, truncated);

    g_string_truncate(parser->line, 0);
    parser->line_truncated = FALSE;
}

/**
 * tck_tap_parser_new:
 *
 * Returns: (transfer full): a parser waiting for the first byte.
 */
TckTapParser *
tck_tap_parser_new(void)
{
    TckTapParser *parser = g_new0(TckTapParser, 1);
    TckTapSummary *summary = g_new0(TckTapSummary, 1);

    summary->version = 12;
    summary->planned = -1;
    summary->checks = g_ptr_array_new_with_free_func(check_free);
    summary->diagnostics = g_string_new(NULL);
    summary->problems = g_ptr_array_new_with_free_func(g_free);
    parser->summary = summary;
    parser->line = g_string_sized_new(256);
    return parser;
}

/**
 * tck_tap_parser_feed:
 * @parser: a parser not yet finished
 * @data: (array length=len): bytes of the stream, any content
 * @len: number of bytes
 *
 * Parse every line completed by @data; a partial last line waits for more.
 * Time is linear in the bytes fed, however they are split.
 */
void
tck_tap_parser_feed(TckTapParser *parser, const char *data, gsize len)
{
    g_return_if_fail(parser != NULL && parser->summary != NULL);
    g_return_if_fail(data != NULL || len == 0);

    while (len > 0) {
        const char *newline = memchr(data, '\n', len);
        gsize chunk = newline ? (gsize)(newline - data) : len;
        gsize room = LINE_BUF_MAX - parser->line->len;

        if (chunk > room)
            parser->line_truncated = TRUE;
        g_string_append_len(parser->line, data, MIN(chunk, room));
        if (!newline)
            break;
        parser_end_line(parser);
        data += chunk + 1;
        len -= chunk + 1;
    }
}

/* The end-of-stream checks of the plan against the checks. */
static void
parser_check_plan(TckTapParser *parser)
{
    TckTapSummary *summary = parser->summary;
    guint64 n_checks = summary->n_checks;

    if (parser->n_plans == 0) {
        summary_problem(summary, "no plan");
        return;
    }
    summary->plan_valid = parser->n_plans == 1 && !parser->plan_out_of_range &&
                          !parser->plan_in_middle;
    if (summary->planned < 0)
        return;
    if ((guint64)summary->planned != n_checks)
        summary_problem(summary, "planned %" G_GINT64_FORMAT " checks, ran %" G_GUINT64_FORMAT,
                        summary->planned, n_checks);
    for (guint i = 0; i < summary->checks->len; i++) {
        TckTapCheck *check = g_ptr_array_index(summary->checks, i);

        if (check->number > (guint64)summary->planned)
            parser_problem(parser, PROBLEM_BEYOND_PLAN,
                           "check %" G_GUINT64_FORMAT " is beyond the plan 1..%"
                           G_GINT64_FORMAT, check->number, summary->planned);
    }
    if (parser->dropped_max_number > (guint64)summary->planned)
        parser_problem(parser, PROBLEM_BEYOND_PLAN,
                       "check %" G_GUINT64_FORMAT " is beyond the plan 1..%" G_GINT64_FORMAT,
                       parser->dropped_max_number, summary->planned);
    summary->skip_all = summary->plan_valid && summary->planned == 0 && n_checks == 0;
}

/**
 * tck_tap_parser_finish:
 * @parser: a parser not yet finished
 *
 * End of stream: parse a last line without a newline, close an open YAML
 * block, check the plan and sum up repeated problems.
 *
 * Returns: (transfer full): the summary of the whole stream.
 */
TckTapSummary *
tck_tap_parser_finish(TckTapParser *parser)
{
    TckTapSummary *summary;

    g_return_val_if_fail(parser != NULL && parser->summary != NULL, NULL);

    if (parser->line->len > 0 || parser->line_truncated)
        parser_end_line(parser);
    if (parser->yaml) {
        parser_problem(parser, PROBLEM_YAML,
                       "YAML block after check %" G_GUINT64_FORMAT " has no closing '...'",
                       parser->yaml_check->number);
        yaml_close(parser);
    }
    parser_check_plan(parser);

    summary = g_steal_pointer(&parser->summary);
    for (guint kind = 0; kind < PROBLEM_LAST; kind++) {
        guint count = parser->problem_counts[kind];

        if (count > TCK_TAP_PROBLEMS_PER_KIND)
            summary_problem(summary, "%u more %s", count - TCK_TAP_PROBLEMS_PER_KIND,
                            problem_more_noun[kind]);
    }
    if (!summary->skip_all)
        g_clear_pointer(&summary->skip_all_reason, g_free);
    return summary;
}

/**
 * tck_tap_parser_free:
 * @parser: (nullable): a parser, finished or not
 */
void
tck_tap_parser_free(TckTapParser *parser)
{
    if (!parser)
        return;
    if (parser->yaml)
        g_string_free(parser->yaml, TRUE);
    if (parser->numbers)
        g_hash_table_unref(parser->numbers);
    check_free(parser->dropped);
    tck_tap_summary_free(parser->summary);
    g_string_free(parser->line, TRUE);
    g_free(parser);
}

/**
 * tck_tap_parse:
 * @data: (array length=len): a whole TAP stream
 * @len: its length in bytes
 *
 * Returns: (transfer full): its summary.
 */
TckTapSummary *
tck_tap_parse(const char *data, gsize len)
{
    g_autoptr(TckTapParser) parser = tck_tap_parser_new();

    tck_tap_parser_feed(parser, data, len);
    return tck_tap_parser_finish(parser);
}

/**
 * tck_tap_summary_n_failed:
 * @summary: a summary
 *
 * Returns: the number of "not ok" checks without a TODO directive.
 */
guint64
tck_tap_summary_n_failed(const TckTapSummary *summary)
{
    return summary->n_failed;
}

/**
 * tck_tap_summary_plan_ok:
 * @summary: a summary
 *
 * Returns: TRUE when the stream had one valid plan and ran exactly the
 * checks it planned.
 */
gboolean
tck_tap_summary_plan_ok(const TckTapSummary *summary)
{
    return summary->plan_valid && summary->planned >= 0 &&
           (guint64)summary->planned == summary->n_checks;
}

/**
 * tck_tap_summary_free:
 * @summary: (nullable): a summary
 */
void
tck_tap_summary_free(TckTapSummary *summary)
{
    if (!summary)
        return;
    g_free(summary->skip_all_reason);
    g_free(summary->bail_out_reason);
    g_ptr_array_unref(summary->checks);
    g_string_free(summary->diagnostics, TRUE);
    g_ptr_array_unref(summary->problems);
    g_free(summary);
}
