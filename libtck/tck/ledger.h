/*
 * ledger.h — the run's record of every object it created, and the
 * cleanup that removes exactly those.
 *
 * A test records an object *before* it asks libvirt to create it (an
 * intent), so that a crash between the creation and the record cannot
 * leak it.  The ledger is an append-only text file per test, one line per
 * object: "<kind>\t<name>[\t<parent>]".  Cleanup only ever acts on names
 * carrying the run's prefix "tck-<runid>-", so a corrupt or hostile
 * ledger can never make it touch anyone else's object.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

G_BEGIN_DECLS

typedef enum {
    TCK_OBJECT_DOMAIN,
    TCK_OBJECT_NETWORK,
    TCK_OBJECT_POOL,
    TCK_OBJECT_VOLUME,     /* parent = pool name */
    TCK_OBJECT_NWFILTER,
    TCK_OBJECT_SECRET,     /* name = usage id */
    TCK_OBJECT_INTERFACE,
    TCK_OBJECT_LAST
} TckObjectKind;

/* "domain", "network", ... and back; -1 for an unknown name. */
const char *tck_object_kind_to_string(TckObjectKind kind);
int tck_object_kind_from_string(const char *str);

typedef struct {
    TckObjectKind kind;
    char *name;
    char *parent;          /* NULL unless kind is VOLUME */
} TckLedgerEntry;

typedef struct _TckLedger TckLedger;

/**
 * tck_ledger_open:
 * @path: the ledger file (created if missing, appended to otherwise)
 * @run_id: the run whose prefix every recorded name must carry
 * @error: return location
 *
 * Returns: (transfer full): the ledger, or NULL with @error set.
 */
TckLedger *tck_ledger_open(const char *path, const char *run_id, GError **error);

/**
 * tck_ledger_record:
 * Appends one entry and flushes it to disk.  Refuses (TCK_ERROR_SETUP) a
 * name that does not carry the run's prefix.
 */
gboolean tck_ledger_record(TckLedger *ledger, TckObjectKind kind, const char *name,
                           const char *parent, GError **error);

/**
 * tck_ledger_read:
 * @path: a ledger file
 * @error: return location
 *
 * Returns: (transfer full) (element-type TckLedgerEntry): the entries,
 * de-duplicated, in recording order (none when there is no file).
 * Malformed lines are skipped.  NULL with @error when the ledger cannot be
 * read: it is not a regular file (a FIFO or device is never opened for a
 * blocking read, a symbolic link never followed), too large, or unreadable.
 */
GPtrArray *tck_ledger_read(const char *path, GError **error);

/* The run's prefix: "tck-<run_id>-" (newly allocated). */
char *tck_ledger_prefix(const char *run_id);

/* TRUE when @name is a well-formed TCK object name of any run. */
gboolean tck_name_is_tck(const char *name);

/**
 * tck_ledger_cleanup:
 * @conn: the connection to clean up on
 * @entries: (element-type TckLedgerEntry): what to remove
 * @run_id: only names with this run's prefix are touched
 * @log: (nullable): receives one line per action, for diagnostics
 *
 * Destroys and undefines (or deletes) each recorded object that still
 * exists, in reverse order of recording: domains before volumes before
 * pools, networks, filters and secrets.  Objects that are already gone
 * are fine.
 *
 * Returns: the number of objects that could not be removed.
 */
guint tck_ledger_cleanup(virConnectPtr conn, GPtrArray *entries, const char *run_id, GString *log);

void tck_ledger_free(TckLedger *ledger);
void tck_ledger_entry_free(TckLedgerEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckLedger, tck_ledger_free)

G_END_DECLS
