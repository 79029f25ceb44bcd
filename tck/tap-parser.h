/*
 * tap-parser.h — a streaming TAP (version 12/13) reader.  It turns a
 * test's stdout into a summary: plan, checks with directives and
 * diagnostics, bail-out, and the problems found (missing or mismatched
 * plan, out-of-sequence numbers, junk).  Nothing here knows how tests are
 * run or reported.
 *
 * It is built for hostile input: bytes can arrive in any split, lines can
 * be megabytes long or hold NUL bytes, numbers can overflow.  Memory use
 * is bounded by the checks actually seen, never by what a plan claims.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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
    char *yaml;                /* a "---"..."..." block after it, or NULL */
} TckTapCheck;

typedef struct {
    int version;               /* 12 when no "TAP version" line */
    gint64 planned;            /* -1: no plan seen */
    gboolean plan_at_end;
    gboolean skip_all;         /* "1..0 # SKIP ..." */
    char *skip_all_reason;
    gboolean bailed_out;
    char *bail_out_reason;
    GPtrArray *checks;         /* TckTapCheck* */
    GString *diagnostics;      /* "#" lines before the first check */
    guint n_junk;              /* lines that are not TAP */
    GPtrArray *problems;       /* char*: human-readable protocol problems */
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
guint tck_tap_summary_n_failed(const TckTapSummary *summary); /* not ok, not TODO */
gboolean tck_tap_summary_plan_ok(const TckTapSummary *summary);

void tck_tap_summary_free(TckTapSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTapParser, tck_tap_parser_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTapSummary, tck_tap_summary_free)

G_END_DECLS
