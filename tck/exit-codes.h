/*
 * exit-codes.h — libvirt-tck's exit statuses and the one table that maps
 * error codes to them and to what the user sees.
 */
#pragma once

#include <glib.h>

typedef enum {
    TCK_EXIT_OK = 0,          /* every test passed or skipped */
    TCK_EXIT_TEST_FAILED = 1, /* at least one unexpected failure or error */
    TCK_EXIT_USAGE = 2,       /* bad usage, config, URI syntax or test name */
    TCK_EXIT_SETUP = 3,       /* cannot connect or set up */
} TckExitStatus;

/* The exit status for @error (a TCK_ERROR or any other domain). */
TckExitStatus tck_exit_status_for(const GError *error);

/*
 * Prints "libvirt-tck: <what>: <message>" on stderr, one line, and
 * returns the exit status for @error.
 */
TckExitStatus tck_exit_report(const GError *error);
