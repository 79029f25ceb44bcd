/*
 * results.h — the one in-memory model of a run: its metadata and, for
 * each test, its checks, statuses, diagnostics, logs, times, exit and
 * signal.  The runner fills it; known-broken rewrites statuses in it;
 * every output format is a formatter over it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    TCK_STATUS_PASS,
    TCK_STATUS_FAIL,
    TCK_STATUS_SKIP,
    TCK_STATUS_ERROR,    /* crash, timeout, bad plan, bail-out */
    TCK_STATUS_XFAIL,    /* known-broken and failed */
    TCK_STATUS_XPASS,    /* known-broken and passed */
    TCK_STATUS_TODO,
    TCK_STATUS_LAST
} TckStatus;

/* How a status counts in a run's closing count. */
typedef enum {
    TCK_COUNT_PASSED,
    TCK_COUNT_FAILED,
    TCK_COUNT_SKIPPED,
} TckStatusCount;

/*
 * What a status means, decided once (results.c) and read by every
 * formatter, known-broken and compare.  TODO counts as passed, as in TAP
 * and prove: a "not ok # TODO" is an expected failure that does not fail
 * the run; JUnit, which has no such thing, shows it as skipped.
 */
typedef struct {
    const char *name;          /* in the XML report, known-broken files, compare, HTML */
    const char *label;         /* in the text format */
    gboolean failure;          /* unexpected: fails the run, "not ok" in TAP */
    TckStatusCount counts_as;  /* in the closing count */
    const char *junit;         /* the JUnit testcase's child element, NULL for a plain pass */
    const char *junit_prefix;  /* what its message starts with */
} TckStatusInfo;

/* The row of @status (a row for "unknown" past the table). */
const TckStatusInfo *tck_status_info(TckStatus status);
const char *tck_status_to_string(TckStatus status);
int tck_status_from_string(const char *str);

typedef struct {
    guint number;
    TckStatus status;
    char *description;
    char *directive_reason;  /* SKIP/TODO reason, or NULL */
    char *diagnostics;       /* "#" lines that followed the check, joined, or NULL */
    char *known_broken;      /* the known-broken entry's bug URL/reason, or NULL */
} TckCheckResult;

typedef struct {
    char *name;              /* "domain/050-transient-lifecycle" */
    char *area;              /* "domain" */
    char *path;              /* the executable that ran */
    TckStatus status;
    char *reason;            /* why: "timed out after 2 s", "killed by signal 11 (SIGSEGV)", ... */
    GPtrArray *checks;       /* TckCheckResult* */
    gint64 planned;          /* -1 when no plan was seen */
    char *tap;               /* raw stdout */
    char *log;               /* raw stderr */
    gint64 start_us;         /* wall clock, microseconds since the epoch */
    gint64 duration_us;
    int exit_status;         /* -1 when killed by a signal */
    int term_signal;         /* 0 when it exited */
    gboolean timed_out;
    char *cleanup_log;       /* what the harness removed after it, or NULL */
    char *known_broken;      /* the known-broken entry that covers the whole test, or NULL */
} TckTestResult;

typedef struct {
    char *uri;
    char *driver;
    char *libvirt_version;      /* library */
    char *daemon_version;
    char *hypervisor_version;
    char *host_kernel;
    char *host_arch;
    char *host_distro;
    char *capabilities_xml;
    char *guest_plan;           /* key=value text */
    char *config_hash;
    char *config_masked;        /* the config with secrets masked */
    char *run_id;
    char *sandbox_log;          /* NULL unless sandboxed */
    gint64 start_us;
    gint64 end_us;
    gboolean interrupted;
} TckRunMeta;

typedef struct {
    TckRunMeta meta;
    GPtrArray *tests;          /* TckTestResult* */
    GPtrArray *known_broken_stale; /* char*: known-broken entries that matched nothing, or NULL */
    char *api_coverage;        /* "TEST\tFUNCTION" lines (tck/coverage.h), or NULL */
} TckRun;

TckRun *tck_run_new(void);
void tck_run_free(TckRun *run);
TckTestResult *tck_test_result_new(const char *name);
void tck_test_result_free(TckTestResult *result);
TckCheckResult *tck_check_result_new(void);
void tck_check_result_free(TckCheckResult *check);

/* Counts of tests by status. */
void tck_run_count(const TckRun *run, guint counts[TCK_STATUS_LAST]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckRun, tck_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTestResult, tck_test_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckCheckResult, tck_check_result_free)

G_END_DECLS
