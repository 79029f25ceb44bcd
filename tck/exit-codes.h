/*
 * exit-codes.h — libvirt-tck's exit statuses and the one table that maps
 * error codes to them and to what the user sees.
 */
#pragma once

#include <glib.h>

typedef enum {
    TCK_EXIT_OK = 0,              /* every test passed (some may have skipped) */
    TCK_EXIT_TEST_FAILED = 1,     /* at least one unexpected failure or error */
    TCK_EXIT_USAGE = 2,           /* bad usage, config, URI syntax or test name */
    TCK_EXIT_SETUP = 3,           /* cannot connect or set up */
    TCK_EXIT_NOTHING_TESTED = 4,  /* no test ran, or every test skipped */
    TCK_EXIT_INTERRUPTED = 130,   /* SIGINT/SIGTERM; the report is still written */
} TckExitStatus;

/* One row of a command's exit table: what its --help says a status means. */
typedef struct {
    int status;
    const char *meaning;
} TckExitDoc;

/*
 * The "Exit status:" section of a command's --help, from its own table
 * (@n rows of @rows), so that the help and the code cannot disagree.
 * Transfer full.
 */
char *tck_exit_help(const TckExitDoc *rows, gsize n);

/* The exit status for @error (a TCK_ERROR or any other domain). */
TckExitStatus tck_exit_status_for(const GError *error);

/*
 * Prints "libvirt-tck: <what>: <message>" on stderr, one line, and
 * returns the exit status for @error.
 */
TckExitStatus tck_exit_report(const GError *error);
