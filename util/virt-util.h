/*
 * virt-util.h — the libvirt connection helpers every program uses: open
 * a URI with one error shape, and keep libvirt's default error printer
 * quiet (errors reach the user through our own messages).  Not installed.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

G_BEGIN_DECLS

typedef enum {
    TCK_VIRT_OPEN_DEFAULT = 0,
    /* read-write when allowed, else read-only (a reader of capabilities) */
    TCK_VIRT_OPEN_READ_ONLY_FALLBACK = 1 << 0,
    /* read-only only */
    TCK_VIRT_OPEN_READ_ONLY = 1 << 1,
} TckVirtOpenFlags;

/**
 * tck_virt_open:
 * @uri: the libvirt URI
 * @flags: TckVirtOpenFlags
 * @error: (nullable): return location
 *
 * Opens @uri.  On failure @error is TCK_ERROR_CONNECT,
 * "cannot connect to '@uri': libvirt's message" (the message of the
 * read-write attempt when a read-only fallback failed too); libvirt's last
 * error stays set for callers that look at its code.
 *
 * Returns: (transfer full): the connection, or NULL.
 */
virConnectPtr tck_virt_open(const char *uri, TckVirtOpenFlags flags, GError **error);

/* Installs a libvirt error handler that prints nothing (process-wide). */
void tck_virt_quiet_errors(void);

/* libvirt's last error message, or "unknown error" (never NULL). */
const char *tck_virt_last_error(void);

G_END_DECLS
