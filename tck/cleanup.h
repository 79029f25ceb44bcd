/*
 * cleanup.h — leftover TCK objects of other runs on a connection: listed
 * and left alone, or, with --force, removed.  Objects whose names are not
 * TCK names are never touched, whatever the flags.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

/**
 * tck_cleanup_leftovers:
 * @conn: the connection
 * @run_id: this run (its objects are not leftovers)
 * @force: remove them (else only report)
 * @report: receives one line per leftover (and what was done)
 *
 * Returns: the number of leftovers found.
 */
guint tck_cleanup_leftovers(virConnectPtr conn, const char *run_id, gboolean force, GString *report);
