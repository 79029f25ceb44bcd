/*
 * error.h — the one error domain and code enum shared by every layer of
 * libtck (capabilities, assets, builders, core) and by both programs.
 *
 * Each program maps these codes to its exit codes and user-facing message
 * in one table (see tck/exit-codes.c, prepare/exit-codes.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TCK_ERROR (tck_error_quark())
GQuark tck_error_quark(void);

/*
 * Codes are grouped by area, with explicit numbers so that areas can grow
 * independently.  Append inside your block only.
 */
typedef enum {
    /* general, 0..99 */
    TCK_ERROR_FAILED = 0,        /* anything without a better code */
    TCK_ERROR_USAGE = 1,         /* bad command line */
    TCK_ERROR_CONFIG = 2,        /* config file missing, unreadable or malformed */
    TCK_ERROR_CONNECT = 3,       /* cannot open the libvirt connection */
    TCK_ERROR_SETUP = 4,         /* cannot set up a test (scratch dir, ledger, ...) */
    TCK_ERROR_IO = 5,            /* read/write failure on a named file */
    TCK_ERROR_NO_SPACE = 6,      /* ENOSPC / EDQUOT */
    TCK_ERROR_PERMISSION = 7,    /* EACCES / EPERM / EROFS */
    TCK_ERROR_NOT_FOUND = 8,     /* a named file, test or object does not exist */
    TCK_ERROR_LIBVIRT = 9,       /* a libvirt call failed unexpectedly */

    /* capabilities and builders, 100..199 */
    TCK_ERROR_CAPS_PARSE = 100,  /* capabilities XML is not usable */
    TCK_ERROR_CAPS_NO_GUEST = 101, /* the host offers no guest at all */
    TCK_ERROR_PLAN = 102,        /* no plan fits (e.g. a forced impossible plan) */
    TCK_ERROR_BUILDER = 103,     /* a builder refused an impossible combination */
    TCK_ERROR_XML = 104,         /* other XML read/write failure */

    /* assets and prepare, 200..299 */
    TCK_ERROR_ASSET_MISSING = 200, /* an asset is not in the cache */
    TCK_ERROR_CHECKSUM = 201,    /* SHA-256 mismatch */
    TCK_ERROR_DOWNLOAD = 202,    /* transfer failed (HTTP error, timeout, ...) */
    TCK_ERROR_LOCK = 203,        /* cache lock could not be taken */
    TCK_ERROR_CACHE = 204,       /* cache manifest corrupt or unusable */
    TCK_ERROR_BUILD = 205,       /* building an initrd/ISO/rootfs/disk failed */
    TCK_ERROR_UNKNOWN_ARCH = 206, /* no source for this arch / os type */
    TCK_ERROR_HOST_INPUT = 207,  /* host input missing (busybox, /boot kernel) */

    /* harness and reports, 300..399 */
    TCK_ERROR_TAP = 300,         /* TAP stream unusable */
    TCK_ERROR_TEST = 301,        /* a test program cannot be run */
    TCK_ERROR_REPORT = 302,      /* a stored report/archive cannot be read */
    TCK_ERROR_KNOWN_BROKEN = 303, /* a known-broken file is invalid */

    /* sandbox, 400..499 */
    TCK_ERROR_SANDBOX = 400,     /* the private daemon could not start or died */
} TckErrorCode;

/**
 * tck_error_from_errno:
 * @err: an errno value
 *
 * Returns: the TckErrorCode that best describes @err (NO_SPACE for
 * ENOSPC, PERMISSION for EACCES/EPERM/EROFS, NOT_FOUND for ENOENT,
 * IO otherwise).
 */
TckErrorCode tck_error_from_errno(int err);

/**
 * tck_error_set_errno:
 * @error: (nullable): return location
 * @err: the errno value of the failed call
 * @fmt: what failed, naming the file or object ("cannot write %s")
 *
 * Sets @error to "@fmt: strerror(@err)" with the code
 * tck_error_from_errno(@err) gives, as libvirt's virReportSystemError does.
 * Returns FALSE, so that a failing path can `return tck_error_set_errno(...)`.
 */
gboolean tck_error_set_errno(GError **error, int err, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/**
 * tck_error_retag:
 * @error: (nullable): an error location, maybe holding an error
 * @code: the code the error should carry
 *
 * Replaces *@error (when there is one) by a TCK_ERROR error with @code
 * and the same message.  The only way to change an error's code: nothing
 * writes a GError's fields.
 */
void tck_error_retag(GError **error, TckErrorCode code);

/**
 * tck_error_propagate_prefixed:
 * @dest: (nullable): return location
 * @src: (transfer full): the error to pass on
 * @code: the TCK_ERROR code @dest gets
 * @fmt: the prefix, printf-style
 *
 * Moves @src into @dest as a TCK_ERROR error with @code and the message
 * "prefix + @src's message" (g_propagate_prefixed_error with a new code).
 */
void tck_error_propagate_prefixed(GError **dest, GError *src, TckErrorCode code,
                                  const char *fmt, ...) G_GNUC_PRINTF(4, 5);

G_END_DECLS
