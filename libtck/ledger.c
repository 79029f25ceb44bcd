/*
 * ledger.c — the per-test record of objects a run created, and the
 * cleanup that removes exactly those (and nothing without the run's prefix).
 */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <libvirt/virterror.h>
#include <tck/ledger.h>
#include <tck/error.h>
#include <tck/protocol.h>
#include "fs-util.h"

/* A run records a few objects per test; more than this is not a ledger. */
#define TCK_LEDGER_MAX_BYTES (16 * 1024 * 1024)

struct _TckLedger {
    char *path;
    char *prefix;
    int fd;
};

static const char *const kind_names[TCK_OBJECT_LAST] = {
    [TCK_OBJECT_DOMAIN] = "domain",
    [TCK_OBJECT_NETWORK] = "network",
    [TCK_OBJECT_POOL] = "pool",
    [TCK_OBJECT_VOLUME] = "volume",
    [TCK_OBJECT_NWFILTER] = "nwfilter",
    [TCK_OBJECT_SECRET] = "secret",
    [TCK_OBJECT_INTERFACE] = "interface",
};

const char *
tck_object_kind_to_string(TckObjectKind kind)
{
    return kind < TCK_OBJECT_LAST ? kind_names[kind] : NULL;
}

int
tck_object_kind_from_string(const char *str)
{
    for (int i = 0; i < TCK_OBJECT_LAST; i++)
        if (g_strcmp0(kind_names[i], str) == 0)
            return i;
    return -1;
}

char *
tck_ledger_prefix(const char *run_id)
{
    return tck_run_id_prefix(run_id);
}

gboolean
tck_name_is_tck(const char *name)
{
    g_autofree char *run_id = tck_run_id_from_name(name);

    return run_id != NULL;
}

/* A name is safe to store in the line-based file. */
static gboolean
field_ok(const char *s)
{
    return s && *s && !strpbrk(s, "\t\n\r");
}

TckLedger *
tck_ledger_open(const char *path, const char *run_id, GError **error)
{
    g_autoptr(TckLedger) ledger = g_new0(TckLedger, 1);

    ledger->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (ledger->fd < 0) {
        int err = errno;
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "cannot open ledger %s: %s", path, g_strerror(err));
        return NULL;
    }
    ledger->path = g_strdup(path);
    ledger->prefix = tck_ledger_prefix(run_id);
    return g_steal_pointer(&ledger);
}

gboolean
tck_ledger_record(TckLedger *ledger, TckObjectKind kind, const char *name,
                  const char *parent, GError **error)
{
    g_autofree char *line = NULL;
    gsize len;

    if (kind >= TCK_OBJECT_LAST || !field_ok(name) || (parent && !field_ok(parent))) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "refusing to record malformed object name '%s'", name ? name : "(null)");
        return FALSE;
    }
    if (!g_str_has_prefix(name, ledger->prefix)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "refusing to record '%s': it lacks this run's prefix %s",
                    name, ledger->prefix);
        return FALSE;
    }
    line = parent ? g_strdup_printf("%s\t%s\t%s\n", kind_names[kind], name, parent)
                  : g_strdup_printf("%s\t%s\n", kind_names[kind], name);
    len = strlen(line);
    /* One write per line with O_APPEND: a crash never leaves half a line
     * in the middle of the file, and readers skip a torn last line. */
    return tck_fs_write_all(ledger->fd, line, len, ledger->path, error);
}

void
tck_ledger_entry_free(TckLedgerEntry *entry)
{
    if (!entry)
        return;
    g_free(entry->name);
    g_free(entry->parent);
    g_free(entry);
}

/*
 * The ledger's bytes, or NULL: when there is none (nothing recorded, no
 * @error) or it cannot be read (@error).  A test owns the file and may have
 * replaced it: a FIFO, a device or a symlink must not block or flood the
 * reader, so it is opened without blocking or following links, and only a
 * regular file of sane size is read.
 */
static char *
read_ledger_file(const char *path, GError **error)
{
    g_autoptr(GString) data = g_string_new(NULL);
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    char buf[65536];

    if (fd < 0) {
        int err = errno;
        if (err == ENOENT)
            return NULL;
        g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot read ledger %s: %s",
                    path, err == ELOOP ? "it is a symbolic link" : g_strerror(err));
        return NULL;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > TCK_LEDGER_MAX_BYTES) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot read ledger %s: %s", path,
                    !S_ISREG(st.st_mode) ? "not a regular file" : "larger than the ledger limit");
        close(fd);
        return NULL;
    }
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "cannot read ledger %s: %s",
                        path, g_strerror(err));
            close(fd);
            return NULL;
        }
        if (n == 0)
            break;
        if (data->len + n > TCK_LEDGER_MAX_BYTES) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot read ledger %s: larger than the ledger limit", path);
            close(fd);
            return NULL;
        }
        g_string_append_len(data, buf, n);
    }
    close(fd);
    return g_string_free(g_steal_pointer(&data), FALSE);
}

GPtrArray *
tck_ledger_read(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    g_autoptr(GError) local = NULL;
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func((GDestroyNotify)tck_ledger_entry_free);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) lines = NULL;

    if (!(data = read_ledger_file(path, &local))) {
        if (!local)
            return g_steal_pointer(&entries);   /* nothing recorded */
        g_propagate_error(error, g_steal_pointer(&local));
        return NULL;
    }
    lines = g_strsplit(data, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        g_auto(GStrv) f = NULL;
        int kind;
        TckLedgerEntry *e;

        if (!lines[i + 1])
            break;          /* the last piece has no newline: torn or empty */
        f = g_strsplit(lines[i], "\t", 4);
        if (g_strv_length(f) < 2 || g_strv_length(f) > 3)
            continue;
        kind = tck_object_kind_from_string(f[0]);
        if (kind < 0 || !field_ok(f[1]))
            continue;
        if (g_hash_table_contains(seen, lines[i]))
            continue;
        g_hash_table_add(seen, g_strdup(lines[i]));
        e = g_new0(TckLedgerEntry, 1);
        e->kind = kind;
        e->name = g_strdup(f[1]);
        e->parent = f[2] ? g_strdup(f[2]) : NULL;
        g_ptr_array_add(entries, e);
    }
    return g_steal_pointer(&entries);
}

void
tck_ledger_free(TckLedger *ledger)
{
    if (!ledger)
        return;
    if (ledger->fd >= 0)
        close(ledger->fd);
    g_free(ledger->path);
    g_free(ledger->prefix);
    g_free(ledger);
}

/* ---- cleanup ------------------------------------------------------- */

static gboolean
is_gone(void)
{
    virErrorPtr err = virGetLastError();
    if (!err)
        return FALSE;
    switch (err->code) {
    case VIR_ERR_NO_DOMAIN:
    case VIR_ERR_NO_NETWORK:
    case VIR_ERR_NO_STORAGE_POOL:
    case VIR_ERR_NO_STORAGE_VOL:
    case VIR_ERR_NO_NWFILTER:
    case VIR_ERR_NO_SECRET:
    case VIR_ERR_NO_INTERFACE:
        return TRUE;
    default:
        return FALSE;
    }
}

static void
log_line(GString *log, const TckLedgerEntry *e, const char *what)
{
    virErrorPtr err;

    if (!log)
        return;
    err = virGetLastError();
    g_string_append_printf(log, "%s %s %s%s%s\n", what, kind_names[e->kind], e->name,
                           err && g_str_has_prefix(what, "failed") ? ": " : "",
                           err && g_str_has_prefix(what, "failed") ? err->message : "");
}

/* What a domain's undefine removes with it, from everything to the least. */
static const unsigned int undefine_flags[] = {
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
        VIR_DOMAIN_UNDEFINE_NVRAM | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA,
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
        VIR_DOMAIN_UNDEFINE_NVRAM,
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA,
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE,
};

/* Returns 1 when it could not remove the object, 0 otherwise. */
static guint
remove_domain(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virDomainPtr dom = virDomainLookupByName(conn, e->name);
    int persistent;
    guint failed = 0;

    if (!dom)
        return is_gone() ? 0 : (log_line(log, e, "failed to look up"), 1);
    if (virDomainIsActive(dom) == 1) {
        if (virDomainDestroy(dom) < 0 && !is_gone()) {
            log_line(log, e, "failed to destroy");
            failed = 1;
        } else {
            log_line(log, e, "destroyed");
        }
    }
    persistent = virDomainIsPersistent(dom);
    if (!failed && persistent == 1) {
        gboolean undefined = FALSE;

        /* Drivers refuse flags they do not know (the test driver knows only
         * the first two): fewer flags each time, but never without the
         * managed save image, which would make a plain undefine fail. */
        for (gsize i = 0; i < G_N_ELEMENTS(undefine_flags) && !undefined; i++)
            undefined = virDomainUndefineFlags(dom, undefine_flags[i]) == 0;
        if (!undefined && virDomainUndefine(dom) < 0 && !is_gone()) {
            log_line(log, e, "failed to undefine");
            failed = 1;
        } else {
            log_line(log, e, "undefined");
        }
    }
    virDomainFree(dom);
    return failed;
}

static gboolean
pool_refreshed(virStoragePoolPtr pool)
{
    return virStoragePoolIsActive(pool) == 1 && virStoragePoolRefresh(pool, 0) == 0;
}

static guint
remove_volume(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    guint failed = 0;

    if (!e->parent)
        return 0;
    if (!(pool = virStoragePoolLookupByName(conn, e->parent)))
        return 0;   /* the pool is gone, and the volume with it */
    vol = virStorageVolLookupByName(pool, e->name);
    /* A file libvirt made in the pool (a save image, a dump) is a volume after a refresh. */
    if (!vol && pool_refreshed(pool))
        vol = virStorageVolLookupByName(pool, e->name);
    if (vol) {
        if (virStorageVolDelete(vol, 0) < 0 && !is_gone()) {
            log_line(log, e, "failed to delete");
            failed = 1;
        } else {
            log_line(log, e, "deleted");
        }
        virStorageVolFree(vol);
    }
    virStoragePoolFree(pool);
    return failed;
}

/*
 * A pool's volumes that are this run's go with it; anything else in it (a
 * foreign file, a volume of another run, what a symlinked target shares
 * with someone else's pool) stays.  Returns how many volumes were left.
 */
static guint
remove_own_volumes(virStoragePoolPtr pool, const char *prefix, GString *log)
{
    virStorageVolPtr *vols = NULL;
    int n = virStoragePoolListAllVolumes(pool, &vols, 0);
    guint left = 0;

    for (int i = 0; i < n; i++) {
        const char *name = virStorageVolGetName(vols[i]);

        if (name && g_str_has_prefix(name, prefix) && tck_name_is_tck(name)) {
            if (virStorageVolDelete(vols[i], 0) < 0 && !is_gone())
                left++;
            else if (log)
                g_string_append_printf(log, "deleted volume %s\n", name);
        } else {
            left++;
            if (log)
                g_string_append_printf(log, "left volume %s in pool %s alone: not ours\n",
                                       name ? name : "(unnamed)", virStoragePoolGetName(pool));
        }
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    return left;
}

/* Destroyed and undefined, never deleted: its target may hold what is not ours. */
static guint
remove_pool(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix, GString *log)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, e->name);
    guint failed = 0;

    if (!pool)
        return is_gone() ? 0 : (log_line(log, e, "failed to look up"), 1);
    if (virStoragePoolIsActive(pool) == 1) {
        remove_own_volumes(pool, prefix, log);
        if (virStoragePoolDestroy(pool) < 0 && !is_gone()) {
            log_line(log, e, "failed to destroy");
            failed = 1;
        } else {
            log_line(log, e, "destroyed");
        }
    }
    if (!failed && virStoragePoolIsPersistent(pool) == 1) {
        if (virStoragePoolUndefine(pool) < 0 && !is_gone()) {
            log_line(log, e, "failed to undefine");
            failed = 1;
        } else {
            log_line(log, e, "undefined");
        }
    }
    virStoragePoolFree(pool);
    return failed;
}

static guint
remove_network(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virNetworkPtr net = virNetworkLookupByName(conn, e->name);
    guint failed = 0;

    if (!net)
        return is_gone() ? 0 : (log_line(log, e, "failed to look up"), 1);
    if (virNetworkIsActive(net) == 1) {
        if (virNetworkDestroy(net) < 0 && !is_gone()) {
            log_line(log, e, "failed to destroy");
            failed = 1;
        } else {
            log_line(log, e, "destroyed");
        }
    }
    if (!failed && virNetworkIsPersistent(net) == 1) {
        if (virNetworkUndefine(net) < 0 && !is_gone()) {
            log_line(log, e, "failed to undefine");
            failed = 1;
        } else {
            log_line(log, e, "undefined");
        }
    }
    virNetworkFree(net);
    return failed;
}

static guint
remove_nwfilter(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virNWFilterPtr f = virNWFilterLookupByName(conn, e->name);
    guint failed = 0;

    if (!f)
        return is_gone() ? 0 : (log_line(log, e, "failed to look up"), 1);
    if (virNWFilterUndefine(f) < 0 && !is_gone()) {
        log_line(log, e, "failed to undefine");
        failed = 1;
    } else {
        log_line(log, e, "undefined");
    }
    virNWFilterFree(f);
    return failed;
}

static guint
remove_secret(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virSecretPtr *secrets = NULL;
    int n = virConnectListAllSecrets(conn, &secrets, 0);
    guint failed = 0;

    /* A secret has no name; its usage id carries ours. */
    for (int i = 0; i < n; i++) {
        if (g_strcmp0(virSecretGetUsageID(secrets[i]), e->name) == 0) {
            if (virSecretUndefine(secrets[i]) < 0 && !is_gone()) {
                log_line(log, e, "failed to undefine");
                failed = 1;
            } else {
                log_line(log, e, "undefined");
            }
        }
        virSecretFree(secrets[i]);
    }
    g_free(secrets);
    return failed;
}

static guint
remove_interface(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix G_GNUC_UNUSED, GString *log)
{
    virInterfacePtr iface = virInterfaceLookupByName(conn, e->name);
    guint failed = 0;

    if (!iface)
        return is_gone() ? 0 : (log_line(log, e, "failed to look up"), 1);
    if (virInterfaceIsActive(iface) == 1)
        virInterfaceDestroy(iface, 0);
    if (virInterfaceUndefine(iface) < 0 && !is_gone()) {
        log_line(log, e, "failed to undefine");
        failed = 1;
    } else {
        log_line(log, e, "undefined");
    }
    virInterfaceFree(iface);
    return failed;
}

typedef guint (*RemoveFunc)(virConnectPtr conn, const TckLedgerEntry *e, const char *prefix, GString *log);

/* Removal order: what uses something goes before what it uses. */
static const struct {
    TckObjectKind kind;
    RemoveFunc remove;
} removal_order[] = {
    { TCK_OBJECT_DOMAIN, remove_domain },
    { TCK_OBJECT_VOLUME, remove_volume },
    { TCK_OBJECT_POOL, remove_pool },
    { TCK_OBJECT_NETWORK, remove_network },
    { TCK_OBJECT_INTERFACE, remove_interface },
    { TCK_OBJECT_NWFILTER, remove_nwfilter },
    { TCK_OBJECT_SECRET, remove_secret },
};

guint
tck_ledger_cleanup(virConnectPtr conn, GPtrArray *entries, const char *run_id, GString *log)
{
    g_autofree char *prefix = tck_ledger_prefix(run_id);
    guint failed = 0;

    if (!conn || !entries)
        return 0;
    for (gsize k = 0; k < G_N_ELEMENTS(removal_order); k++) {
        for (guint i = entries->len; i-- > 0;) {
            const TckLedgerEntry *e = g_ptr_array_index(entries, i);
            if (e->kind != removal_order[k].kind)
                continue;
            /* The one rule that keeps us off everyone else's objects. */
            if (!g_str_has_prefix(e->name, prefix))
                continue;
            failed += removal_order[k].remove(conn, e, prefix, log);
        }
    }
    virResetLastError();
    return failed;
}
