/*
 * runner.h — runs test programs, each in its own process group with a
 * timeout, up to N at once, never two that share an exclusive resource;
 * reads their TAP and, after each one, removes what its ledger lists.
 */
#pragma once

#include <signal.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include "registry.h"
#include "results.h"

typedef void (*TckRunnerDoneFunc)(const TckTestResult *result, gpointer data);
/* A test was started (@name), or, with @name NULL, the runner woke up (about once a second). */
typedef void (*TckRunnerProgressFunc)(const char *name, gpointer data);

typedef struct {
    guint jobs;                  /* tests at once, >= 1 */
    guint timeout_s;             /* per test */
    const char *run_id;
    const char *run_dir;         /* holds one directory per test: ledger + scratch */
    const char *config_path;     /* passed as LIBVIRT_TCK_CONFIG, may be NULL */
    const char *uri;             /* passed as TCK_URI */
    GStrv extra_env;             /* more "KEY=VALUE" for the tests, may be NULL */
    virConnectPtr conn;          /* for cleanup after each test, may be NULL */
    TckRunnerDoneFunc on_done;   /* called as each test ends, may be NULL */
    gpointer on_done_data;
    TckRunnerProgressFunc on_progress;   /* may be NULL; gets on_done_data */
    volatile sig_atomic_t *interrupted;  /* set by a signal handler: stop now */
} TckRunnerOptions;

/**
 * tck_runner_run:
 * @opts: how to run
 * @tests: (element-type TckTestEntry): what to run, in order
 * @run: the model to append a TckTestResult to for each test that ran
 *
 * A test that crashes, hangs, bails out or breaks the protocol fails
 * with its reason; the run goes on.  On interruption, running tests are
 * killed and recorded as errors, the rest are not started, and
 * run->meta.interrupted is set.
 *
 * Returns: FALSE only if the runner itself could not work (with @error).
 */
gboolean tck_runner_run(const TckRunnerOptions *opts, GPtrArray *tests, TckRun *run, GError **error);
