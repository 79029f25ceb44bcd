/*
 * fleet.h — a fleet run: the selected tests against several hosts at once
 * (libvirt-tck --uri A --uri B, the config's hosts: list, --sandbox
 * --hosts N).  Each host is run by a libvirt-tck process of its own, so
 * that each has its own run id, ledger, cleanup and results model; a
 * bounded number of hosts run at a time.  A host whose harness cannot
 * reach it, dies, or prints nothing for too long is said with why, and the
 * others finish.  The reports over a fleet are in fleet-report.c and the
 * formatters' fleet rows.
 */
#pragma once

#include <signal.h>
#include <stdio.h>
#include <glib.h>

#include "results.h"

G_BEGIN_DECLS

typedef struct {
    guint index;            /* 1-based, in the order the hosts were given */
    char *uri;              /* as given; reports show masked_uri */
    char *masked_uri;
    char *run_id;           /* this host's own run id */
    char *driver;           /* from the probe before the run, or NULL when it did not answer */
    char *hostname;         /* the daemon's host name, else the URI's host, else the URI */
    char *other_uri;        /* its otheruri in a sandbox fleet (the next host), or NULL */
    char *dir;              /* its scratch directory: report.xml, harness.log */
    char *harness_log;      /* what its harness printed (header, progress, closing line) */
    TckRun *run;            /* its results; never NULL once tck_fleet_run() returned */
    char *failure;          /* why its run is incomplete or never started, or NULL */
    int exit_status;        /* its harness's exit status; -1 when it never ran or was killed */
} TckFleetHost;

typedef struct _TckFleet TckFleet;
struct _TckFleet {
    char *id;               /* names the fleet archive's top directory */
    GPtrArray *hosts;       /* TckFleetHost* */
    gint64 start_us;
    gint64 end_us;
    gboolean interrupted;
};

typedef struct {
    const char *const *child_args;  /* options every host's harness gets (not --uri, --format, -a) */
    const char *const *tests;       /* the TEST arguments, may be NULL */
    guint parallel;                 /* at most this many hosts at once */
    guint host_timeout_s;           /* a harness that prints nothing this long: the host hangs */
    const char *scratch_dir;        /* each host gets a directory in it */
    FILE *human;                    /* header, relayed progress, host failures */
    volatile sig_atomic_t *interrupted;
} TckFleetOptions;

/* The most hosts of one fleet run. */
#define TCK_FLEET_MAX_HOSTS 64

/*
 * tck_fleet_new:
 * @uris: the hosts' URIs, at least one, none twice
 * @error: TCK_ERROR_USAGE for a URI given twice or too many hosts
 *
 * Returns: (transfer full): the fleet, each host with its own run id.
 */
TckFleet *tck_fleet_new(const char *const *uris, GError **error);

/*
 * tck_fleet_run:
 * Probes every host (driver, host name), prints the header naming each
 * host's URI, driver and run id, then runs each host's harness, at most
 * @opts->parallel at once, relaying its progress lines prefixed by the
 * host.  Fills each host's run, exit status and, where its run is
 * incomplete, its failure, which is also printed as one line naming the
 * host.  A host's failure is never the fleet's: the others go on.
 */
void tck_fleet_run(TckFleet *fleet, const TckFleetOptions *opts);

/* Tests counted as passed, failed and skipped over every host. */
void tck_fleet_totals(const TckFleet *fleet, guint *passed, guint *failed, guint *skipped);

/* Hosts whose run is incomplete (a failure is set). */
guint tck_fleet_failed_hosts(const TckFleet *fleet);

/* The text report's closing lines and fleet.txt: one line per host (transfer full). */
char *tck_fleet_host_line(const TckFleetHost *host);

/* fleet.txt: a line per host and the directory that holds it in the archive (fleet-report.c). */
char *tck_fleet_index_text(const TckFleet *fleet);

/* The fleet archive: every host's members (layout in report-archive.h) (fleet-report.c). */
gboolean tck_fleet_archive_write(const TckFleet *fleet, const char *path, GError **error);

void tck_fleet_free(TckFleet *fleet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckFleet, tck_fleet_free)

G_END_DECLS
