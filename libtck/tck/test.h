/*
 * test.h — the life of one test program: metadata, setup, the TAP
 * writer, names for created objects, and the end of the run.
 */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/config.h>
#include <tck/ledger.h>

G_BEGIN_DECLS

/*
 * TckTestInfo: what `--describe` prints, so that the harness can plan,
 * skip and schedule without running the test.
 *  @summary:   one line saying what the test validates.
 *  @plan:      number of checks; 0 means the test plans at run time.
 *  @needs:     NULL-terminated list of features or config resources
 *              ("domain", "network", "host_network_devices", ...), or NULL.
 *  @exclusive: NULL-terminated list of resources the test must hold alone
 *              (tests sharing one never run at the same time), or NULL.
 */
typedef struct {
    const char *summary;
    int plan;
    const char *const *needs;
    const char *const *exclusive;
} TckTestInfo;

typedef struct _TckTest TckTest;

/**
 * tck_test_begin:
 * @info: the test's metadata
 * @argc, @argv: main()'s arguments
 *
 * Handles `--describe` and `--help` (printing and exiting), reads the
 * config, opens the run's ledger and prints the TAP header and plan.  It
 * does not connect: call tck_test_connect() for that.  A config that
 * cannot be read ends the program with "Bail out!".
 *
 * Returns: (transfer full): the test; free with tck_test_end().
 */
TckTest *tck_test_begin(const TckTestInfo *info, int argc, char **argv);

/**
 * tck_test_connect:
 * @t: the test
 *
 * Opens (once) the connection to the run's URI.  On failure the test
 * bails out, naming the URI and libvirt's message.
 *
 * Returns: (transfer none): the connection, owned by @t.
 */
virConnectPtr tck_test_connect(TckTest *t);

/**
 * tck_test_end:
 * @t: the test
 *
 * Cleans up every object this test recorded in its ledger (destroy, then
 * undefine/delete) and checks the plan.  @t is freed by its g_autoptr
 * (or tck_test_free()).
 *
 * Returns: the process exit status: 0 when every check passed and the
 * plan was kept, 1 otherwise.
 */
int tck_test_end(TckTest *t);

/* Used by g_autoptr(TckTest): cleans up (unless tck_test_end() did) and frees. */
void tck_test_free(TckTest *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTest, tck_test_free)

/**
 * tck_name:
 * @t: the test
 * @suffix: what the object is for ("transient", "clash", ...)
 *
 * Returns: (transfer none): "tck-<runid>-<suffix>", owned by @t.  Every
 * object a test creates carries such a name, so that nothing of anyone
 * else's can be mistaken for it.
 */
const char *tck_name(TckTest *t, const char *suffix);

/**
 * tck_own:
 * @t: the test
 * @kind: what kind of object will be created under this name
 * @suffix: what the object is for
 * @parent: (nullable): the pool name for a volume, else NULL
 *
 * Like tck_name(), and records the object in the run's ledger *before*
 * the test creates it, so that cleanup removes it even if the test
 * crashes right after creating it.  Bails out if the ledger cannot be
 * written.
 *
 * Returns: (transfer none): the object's name, owned by @t.
 */
const char *tck_own(TckTest *t, TckObjectKind kind, const char *suffix, const char *parent);

/* Accessors. */
const char *tck_test_run_id(TckTest *t);
const char *tck_test_uri(TckTest *t);
const char *tck_test_name(TckTest *t);
TckConfig *tck_test_config(TckTest *t);
/* The per-test scratch directory (created on first use), owned by @t. */
const char *tck_test_scratch_dir(TckTest *t);
/* The driver name of the connection ("test", "QEMU", "LXC", ...). */
const char *tck_test_driver(TckTest *t);

/* ---- The TAP writer ------------------------------------------------ */

/* Print "# ..." diagnostics on stdout (shown with -v and on failure). */
void tck_diag(TckTest *t, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Skip the next @count checks, each "ok N # SKIP reason". */
void tck_skip(TckTest *t, int count, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/*
 * Skip the next check, keeping its name: "ok N - description # SKIP
 * reason".  Reports then know it as the same check that ran on another
 * driver (report matrix lines checks up by name).
 */
void tck_skip_check(TckTest *t, const char *description, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* Mark checks up to tck_todo_end() as TODO (expected to fail). */
void tck_todo_start(TckTest *t, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void tck_todo_end(TckTest *t);

/* Skip the whole test ("1..0 # SKIP reason" or the remaining checks), clean up, exit 0. */
G_NORETURN void tck_skip_all(TckTest *t, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* "Bail out! reason", clean up, exit 255. */
G_NORETURN void tck_bail_out(TckTest *t, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

G_END_DECLS
