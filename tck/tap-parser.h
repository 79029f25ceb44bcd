/*
 * tap-parser.h — a streaming TAP (version 12/13) reader.  It turns a
 * test's stdout into a summary: plan, checks with directives and
 * diagnostics, bail-out, and the problems found (missing or mismatched
 * plan, out-of-sequence numbers, junk).  Nothing here knows how tests are
 * run or reported.
 *
 * It is built for hostile input: bytes can arrive in any split, lines can
 * be megabytes long or hold NUL bytes, numbers can overflow.  Memory use
 * is bounded whatever the stream: the first TCK_TAP_MAX_CHECKS checks are
 * kept, every check is counted (n_checks, n_failed, n_skipped), and the
 * rest is read and dropped.
 *
 * Behaviour on odd input (the unit tests in tests/test-tap-parser.c pin
 * every point down):
 *  - Lines end at "\n"; one trailing "\r" is dropped (CRLF streams).  A
 *    last line without a newline is parsed at finish.
 *  - A line longer than TCK_TAP_TEXT_MAX bytes keeps only its first
 *    TCK_TAP_TEXT_MAX bytes; the text field it ends in (description,
 *    reason, diagnostic, YAML line, bail-out reason) gets " [truncated]"
 *    appended.  A directive beyond the cut is lost.  Per-check
 *    diagnostics, YAML blocks and the leading diagnostics are each capped
 *    at about TCK_TAP_TEXT_MAX bytes, ending with a "[truncated]" line.
 *  - NUL bytes and invalid UTF-8 are data: each is replaced by U+FFFD and
 *    the line is parsed as usual, so every string in a summary is valid
 *    UTF-8 without embedded NULs.
 *  - Numbers that do not fit (a plan above G_MAXINT64, a check number
 *    above G_MAXUINT64) are problems, never wrapped.  "ok -1" has no
 *    number: its description is "-1".  "1..-1" is junk.
 *  - A YAML block must start on the line right after its check.
 *  - Indented lines that are not part of a YAML block (subtests, as Perl's
 *    Test::More prints them, and their comments) are ignored: neither
 *    TAP nor junk.  The parent's own "ok N" line carries their result.
 *  - Blank lines and "pragma ..." lines are ignored.
 *  - After "Bail out!" every further line is ignored.
 *  - A "1..0" plan marks skip_all only when no check ran.
 *  - Past TCK_TAP_MAX_CHECKS checks, a check is counted and dropped with
 *    its diagnostics and YAML block; numbers are checked for sequence,
 *    for reuse of the numbers of the kept checks, and against the plan
 *    (the highest dropped number beyond it is named once).
 *  - Problems of one kind that can repeat per line (sequence, duplicate
 *    numbers, beyond the plan, ...) are listed at most
 *    TCK_TAP_PROBLEMS_PER_KIND times, then summed up in one more line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text kept from one line, and the cap on accumulated text. */
#define TCK_TAP_TEXT_MAX (64 * 1024)
/* Checks kept in a summary; the rest are counted. */
#define TCK_TAP_MAX_CHECKS 100000
/* How many problems of one repeating kind are spelled out. */
#define TCK_TAP_PROBLEMS_PER_KIND 5

typedef enum {
    TCK_TAP_DIRECTIVE_NONE,
    TCK_TAP_DIRECTIVE_SKIP,
    TCK_TAP_DIRECTIVE_TODO,
} TckTapDirective;

typedef struct {
    guint64 number;            /* as written, or implied by position */
    gboolean ok;
    char *description;         /* without the leading "- ", may be "" */
    TckTapDirective directive;
    char *reason;              /* directive text, or NULL */
    GString *diagnostics;      /* "# ..." lines after it (without "# "), or NULL */
    char *yaml;                /* a "---"..."..." block after it, or NULL:
                                  the lines between the markers, with the
                                  block's indentation removed */
} TckTapCheck;

typedef struct {
    int version;               /* 12 when no "TAP version" line */
    gint64 planned;            /* -1: no plan seen */
    gboolean plan_at_end;
    gboolean skip_all;         /* "1..0 # SKIP ..." */
    char *skip_all_reason;
    gboolean bailed_out;
    char *bail_out_reason;
    GPtrArray *checks;         /* TckTapCheck*: the first TCK_TAP_MAX_CHECKS */
    guint64 n_checks;          /* every check seen, kept or not */
    guint64 n_failed;          /* of those: "not ok" without TODO */
    guint64 n_skipped;         /* of those: "ok" with SKIP */
    GString *diagnostics;      /* "#" lines before the first check; never NULL */
    guint n_junk;              /* lines that are not TAP */
    GPtrArray *problems;       /* char*: human-readable protocol problems */
    gboolean plan_valid;       /* exactly one plan, at the start or the end,
                                  with a number that fits */
} TckTapSummary;

typedef struct _TckTapParser TckTapParser;

TckTapParser *tck_tap_parser_new(void);
/* Feed any number of bytes; lines may be split across calls. */
void tck_tap_parser_feed(TckTapParser *parser, const char *data, gsize len);
/*
 * End of stream: flushes a last unterminated line, checks the plan
 * against the checks seen, and returns the summary (transfer full).
 * The parser must not be fed afterwards.
 */
TckTapSummary *tck_tap_parser_finish(TckTapParser *parser);
void tck_tap_parser_free(TckTapParser *parser);

/* Parse a whole buffer at once. */
TckTapSummary *tck_tap_parse(const char *data, gsize len);

/* Counts over a summary. */
guint64 tck_tap_summary_n_failed(const TckTapSummary *summary); /* not ok, not TODO */
/* plan_valid and the number of checks run equals the plan. */
gboolean tck_tap_summary_plan_ok(const TckTapSummary *summary);

void tck_tap_summary_free(TckTapSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTapParser, tck_tap_parser_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTapSummary, tck_tap_summary_free)

G_END_DECLS
