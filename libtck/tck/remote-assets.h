/*
 * remote-assets.h — the guest's files on a remote host, provisioned
 * through libvirt's storage API: the one object a run keeps on purpose.
 *
 * A remote host (tck_virt_uri_is_remote()) sees none of this machine's
 * files, so the kernel, initrd and ISO of the generic guest reach it as
 * volumes of a dir pool named "tck-assets" (TCK_ASSET_POOL), made when
 * missing with its target TCK_ASSET_POOL_TARGET on that host (a pool of
 * that name the user defined is used wherever its target is).  Each
 * asset is one raw volume named by its SHA-256, uploaded once
 * (virStorageVolUpload), verified, and reused by every later run; the
 * guest's XML names the volume's path (virStorageVolGetPath).
 *
 * Two runs at once (libvirt has no rename, so no "upload to a temporary
 * name, then publish"): creating the volume is the claim, since
 * virStorageVolCreateXML of an existing name fails in the daemon
 * (VIR_ERR_STORAGE_VOL_EXIST) for every run but one.  The claimant makes
 * the volume one byte short of the asset and uploads the whole asset
 * into it from offset 0, so the volume reaches the asset's size only when
 * its last byte is written: a volume of the right size is a complete one,
 * and one byte short is an upload in progress or a dead one.  A run that
 * finds it short waits for it to grow; one that stays short and unchanged
 * for TCK_ASSET_STALE_S is deleted (libvirt refuses to delete a volume
 * whose upload stream is open, so a live upload is never cut) and claimed
 * anew.  After its upload the claimant downloads the volume back and
 * hashes it: the hash of what the host stores, not only of what was sent,
 * catches a short or rewritten file once per host and asset; a mismatch
 * deletes the volume.  Later runs trust name and size, so they cost a
 * lookup, not a transfer.
 *
 * `libvirt-tck-prepare --list --uri URI` lists the pool,
 * `--purge --uri URI` removes it (only volumes named by a SHA-256).
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>

G_BEGIN_DECLS

/* The pool's name, and the target it gets when a run creates it. */
#define TCK_ASSET_POOL "tck-assets"
#define TCK_ASSET_POOL_TARGET "/var/lib/libvirt/tck-assets"

/* Seconds an upload may stay short and unchanged before it counts as dead
 * ($TCK_ASSET_STALE_S overrides it, for our own tests). */
#define TCK_ASSET_STALE_S 20
/* Seconds a run waits for another run's upload of the same asset. */
#define TCK_ASSET_WAIT_S 300

/**
 * tck_asset_pool_ensure:
 * @conn: a connection to the remote host
 * @target: (out) (optional) (transfer full): the pool's target path there
 * @error: return location
 *
 * Looks up the pool "tck-assets", defining, building and starting it
 * when missing (a run racing with another one takes the pool the other
 * made), and starting it when inactive.  No other pool is ever looked at.
 *
 * Returns: (transfer full): the active pool, or NULL with @error set
 * (TCK_ERROR_LIBVIRT with libvirt's message).
 */
virStoragePoolPtr tck_asset_pool_ensure(virConnectPtr conn, char **target, GError **error);

/* What tck_asset_pool_provision() did. */
typedef enum {
    TCK_ASSET_VOLUME_REUSED,   /* a complete volume was there */
    TCK_ASSET_VOLUME_UPLOADED, /* this call uploaded and verified it */
} TckAssetVolumeFate;

/**
 * tck_asset_pool_provision:
 * @pool: the pool from tck_asset_pool_ensure()
 * @path: the local file (a verified asset of the cache)
 * @sha256: its SHA-256 (lowercase hex): the volume's name
 * @size: its size in bytes (> 0)
 * @fate: (out) (optional): whether it was uploaded or reused
 * @error: return location
 *
 * Makes sure the volume @sha256 of @size bytes holding @path is complete
 * in @pool, uploading and verifying it when missing (see the file
 * comment for how concurrent runs share the work).  Errors:
 * TCK_ERROR_CHECKSUM when what was sent or what came back does not hash
 * to @sha256, TCK_ERROR_IO for @path, TCK_ERROR_LIBVIRT for the storage
 * calls, TCK_ERROR_LOCK when another run's upload never completed.
 *
 * Returns: (transfer full): the volume's path on the host, or NULL.
 */
char *tck_asset_pool_provision(virStoragePoolPtr pool, const char *path, const char *sha256,
                               guint64 size, TckAssetVolumeFate *fate, GError **error);

/* TRUE when @name is 64 lowercase hex digits: an asset volume's name. */
gboolean tck_asset_volume_name_ok(const char *name);

/* One volume of the pool, for --list and --purge. */
typedef struct {
    char *name;
    char *path;
    guint64 capacity;
    gboolean is_asset;         /* named by a SHA-256 */
} TckAssetVolume;

void tck_asset_volume_free(TckAssetVolume *v);

/**
 * tck_asset_pool_list:
 * @conn: the connection
 * @target: (out) (optional) (transfer full): the pool's target path
 * @error: return location
 *
 * Refreshes the pool "tck-assets" (so that files put into its directory
 * by hand show too) and lists its volumes, sorted by name.
 *
 * Returns: (transfer full) (element-type TckAssetVolume): the volumes;
 * NULL without @error when there is no such pool, NULL with @error when
 * libvirt failed.
 */
GPtrArray *tck_asset_pool_list(virConnectPtr conn, char **target, GError **error);

/**
 * tck_asset_pool_purge:
 * @conn: the connection
 * @log: receives one line per volume deleted or left, and for the pool
 * @left: (out): how many volumes were left (not named by a SHA-256, or
 *   refused by libvirt)
 * @error: return location
 *
 * Deletes the volumes of "tck-assets" named by a SHA-256, then stops and
 * undefines the pool; its directory is removed only when nothing else
 * was in it.  Anything else in the pool stays, named in @log.  No other
 * pool is touched.
 *
 * Returns: TRUE when the pool is gone (or was never there).
 */
gboolean tck_asset_pool_purge(virConnectPtr conn, GString *log, guint *left, GError **error);

/**
 * tck_remote_xml_check:
 * @xml: a domain XML meant for a remote host
 * @volumes_dir: the asset pool's target path on that host
 * @error: return location
 *
 * The guard that a local-only path never reaches a remote guest: every
 * file the host must read for the guest (<kernel>, <initrd>, a disk's or
 * filesystem's source file or dir) must lie in @volumes_dir.  Paths the
 * host writes (a serial log) are not inputs and are not checked.
 *
 * Returns: TRUE when it holds; FALSE with TCK_ERROR_BUILDER naming the
 * element and the path otherwise (TCK_ERROR_XML for unreadable XML).
 */
gboolean tck_remote_xml_check(const char *xml, const char *volumes_dir, GError **error);

G_END_DECLS
