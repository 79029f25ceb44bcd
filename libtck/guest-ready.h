/*
 * guest-ready.h — private: the wait for a guest's readiness marker, apart
 * from TckTest so that it can be unit-tested against test:///default.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

G_BEGIN_DECLS

/* The namespace of the <tck:guest> element in a domain's <metadata>. */
#define TCK_GUEST_METADATA_NS "https://libvirt.org/schemas/tck/guest/1"

/**
 * tck_guest_ready_wait:
 * @dom: a running domain whose <metadata> carries <tck:guest>
 * @timeout_ms: how long to wait
 * @diag: receives lines saying what was seen (always on failure, one
 *        line with the time taken on success)
 * @error: return location
 *
 * Polls the log named in the metadata for "TCK-GUEST-READY <token>" as a
 * whole line.  Stops early when the domain is no longer running.
 *
 * Returns: TRUE when the marker appeared in time; FALSE with @error set
 * (TCK_ERROR_SETUP for missing or malformed metadata, TCK_ERROR_FAILED for
 * a timeout or a guest that stopped), and @diag filled.
 */
gboolean tck_guest_ready_wait(virDomainPtr dom, guint timeout_ms, GString *diag, GError **error);

/* Where the marker is read from. */
typedef enum {
    TCK_GUEST_SOURCE_LOG,       /* the local log file named in <tck:guest> */
    TCK_GUEST_SOURCE_CONSOLE,   /* the guest's console, through the connection */
} TckGuestSource;

/**
 * tck_guest_ready_wait_from:
 * Like tck_guest_ready_wait(), reading from @source.  The console is
 * opened with virDomainOpenConsole() on a stream, so it works over any
 * URI, remote ones included; only what the guest prints after it opened
 * is seen, so open it right after the guest starts.
 */
gboolean tck_guest_ready_wait_from(virDomainPtr dom, TckGuestSource source, guint timeout_ms,
                                   GString *diag, GError **error);

/* The same wait for a "TCK-GUEST-DISKS ..." line of the guest's /init that lists @disk. */
gboolean tck_guest_disk_wait_from(virDomainPtr dom, TckGuestSource source, const char *disk, guint timeout_ms,
                                  GString *diag, GError **error);

/*
 * The RESTs of the "@word <token> REST" lines in @data, in order ("" for a
 * line with nothing after the token); a marker may follow other output on
 * its line (a console glues them).
 */
GStrv tck_guest_marker_rests(const char *data, gsize len, const char *word, const char *token);

/* Appends what one console stream printed to @past, ending a cut line so
 * that it does not glue to what the next stream prints. */
void tck_guest_text_append_stream(GString *past, const char *data, gsize len);

G_END_DECLS
