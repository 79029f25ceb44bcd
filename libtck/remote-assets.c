/*
 * remote-assets.c — the "tck-assets" pool on a remote host: create it,
 * upload each asset once as a volume named by its SHA-256, verify it,
 * reuse it, list and purge it (see tck/remote-assets.h for the design).
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <libvirt/virterror.h>
#include <glib/gstdio.h>

#include <tck/builders.h>
#include <tck/error.h>
#include <tck/remote-assets.h>
#include <tck/storage.h>
#include "xpath.h"

#define CHUNK (1 << 20)
/* How often a waiting run looks at another run's upload. */
#define POLL_MS 250
/* Claims a run makes before it gives up (each lost one means another run
 * deleted a dead upload or a bad volume in between). */
#define MAX_CLAIMS 4

/* A TCK_ERROR_LIBVIRT error: "@what: libvirt's message". */
static gboolean G_GNUC_PRINTF(2, 3)
set_libvirt_error(GError **error, const char *fmt, ...)
{
    g_autofree char *what = NULL;
    va_list ap;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "%s: %s", what, virGetLastErrorMessage());
    return FALSE;
}

static int
last_code(void)
{
    virErrorPtr e = virGetLastError();

    return e ? e->code : VIR_ERR_OK;
}

gboolean
tck_asset_volume_name_ok(const char *name)
{
    if (!name || strlen(name) != 64)
        return FALSE;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isxdigit(*p) || g_ascii_isupper(*p))
            return FALSE;
    return TRUE;
}

/* The pool's <target><path>, or NULL with @error set. */
static char *
pool_target(virStoragePoolPtr pool, GError **error)
{
    g_autofree char *xml = virStoragePoolGetXMLDesc(pool, 0);
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    char *path;

    if (!xml) {
        set_libvirt_error(error, "cannot read the XML of pool " TCK_ASSET_POOL);
        return NULL;
    }
    if (!(doc = tck_xml_parse(xml, -1, "pool " TCK_ASSET_POOL, "pool", TCK_ERROR_XML, error)))
        return NULL;
    ctxt = tck_xpath_new(doc);
    if (!(path = tck_xpath_string(ctxt, NULL, "string(/pool/target/path)")))
        g_set_error(error, TCK_ERROR, TCK_ERROR_XML, "pool %s has no target path", TCK_ASSET_POOL);
    return path;
}

/* Defines and builds the pool; a run that lost the race to another one takes the other's. */
static virStoragePoolPtr
pool_define(virConnectPtr conn, GError **error)
{
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("dir", TCK_ASSET_POOL);
    g_autofree char *xml = NULL;
    virStoragePoolPtr pool;

    tck_pool_builder_set_target(b, TCK_ASSET_POOL_TARGET);
    if (!(xml = tck_pool_builder_to_xml(b, error)))
        return NULL;
    if (!(pool = virStoragePoolDefineXML(conn, xml, 0))) {
        if ((pool = virStoragePoolLookupByName(conn, TCK_ASSET_POOL)))
            return pool;
        set_libvirt_error(error, "cannot define pool " TCK_ASSET_POOL " (target " TCK_ASSET_POOL_TARGET ")");
        return NULL;
    }
    /* Build makes the directory; an existing one is fine. */
    if (virStoragePoolBuild(pool, 0) < 0)
        virResetLastError();
    return pool;
}

virStoragePoolPtr
tck_asset_pool_ensure(virConnectPtr conn, char **target, GError **error)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, TCK_ASSET_POOL);

    if (!pool && last_code() != VIR_ERR_NO_STORAGE_POOL) {
        set_libvirt_error(error, "cannot look up pool " TCK_ASSET_POOL);
        return NULL;
    }
    if (!pool && !(pool = pool_define(conn, error)))
        return NULL;
    if (virStoragePoolIsActive(pool) != 1 && virStoragePoolCreate(pool, 0) < 0 &&
        virStoragePoolIsActive(pool) != 1) {
        set_libvirt_error(error, "cannot start pool " TCK_ASSET_POOL);
        virStoragePoolFree(pool);
        return NULL;
    }
    virResetLastError();
    if (target && !(*target = pool_target(pool, error))) {
        virStoragePoolFree(pool);
        return NULL;
    }
    return pool;
}

/* Streams @path into @vol from offset 0, hashing what is sent. */
static gboolean
volume_upload(virStorageVolPtr vol, const char *path, guint64 size, char **sent_sha256, GError **error)
{
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree char *buf = g_malloc(CHUNK);
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    int fd = g_open(path, O_RDONLY | O_CLOEXEC, 0);
    guint64 sent = 0;
    gboolean ok = FALSE;

    if (fd < 0) {
        tck_error_set_errno(error, errno, "cannot open the asset %s", path);
        goto out;
    }
    if (!st || virStorageVolUpload(vol, st, 0, size, 0) < 0) {
        set_libvirt_error(error, "cannot start the upload of %s", path);
        goto out;
    }
    while (sent < size) {
        ssize_t n = read(fd, buf, MIN((guint64)CHUNK, size - sent));

        if (n <= 0) {
            if (n < 0)
                tck_error_set_errno(error, errno, "cannot read the asset %s", path);
            else
                g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "the asset %s ended after %" G_GUINT64_FORMAT
                            " of %" G_GUINT64_FORMAT " bytes", path, sent, size);
            virStreamAbort(st);
            goto out;
        }
        g_checksum_update(sum, (const guchar *)buf, n);
        for (ssize_t off = 0; off < n;) {
            int w = virStreamSend(st, buf + off, n - off);

            if (w < 0) {
                set_libvirt_error(error, "the upload of %s failed", path);
                virStreamAbort(st);
                goto out;
            }
            off += w;
        }
        sent += n;
    }
    if (virStreamFinish(st) < 0) {
        set_libvirt_error(error, "the upload of %s did not finish", path);
        goto out;
    }
    *sent_sha256 = g_strdup(g_checksum_get_string(sum));
    ok = TRUE;
out:
    if (fd >= 0)
        close(fd);
    if (st)
        virStreamFree(st);
    return ok;
}

/* The volume's capacity and allocation now (refreshed by libvirt), or FALSE. */
static gboolean
volume_info(virStorageVolPtr vol, guint64 *capacity, guint64 *allocation)
{
    virStorageVolInfo info;

    if (virStorageVolGetInfo(vol, &info) < 0)
        return FALSE;
    *capacity = info.capacity;
    if (allocation)
        *allocation = info.allocation;
    return TRUE;
}

/* Deletes @vol we gave up on (the reason is already in a GError). */
static void
volume_drop(virStorageVolPtr vol)
{
    if (virStorageVolDelete(vol, 0) < 0)
        virResetLastError();
}

/*
 * The claim: create the volume one byte short, upload, check it grew to
 * @size, download it back and hash it.  FALSE without @error means the
 * claim was lost (another run created it first, or deleted it under us):
 * look again.
 */
static gboolean
volume_claim_upload(virStoragePoolPtr pool, const char *path, const char *sha256, guint64 size,
                    GError **error)
{
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new(sha256);
    g_autofree char *xml = NULL, *sent = NULL, *back = NULL;
    virStorageVolPtr vol;
    TckCallOutcome got;
    guint64 capacity = 0;
    gboolean ok = FALSE;

    tck_volume_builder_set_capacity(b, size - 1);
    tck_volume_builder_set_allocation(b, 0);
    tck_volume_builder_set_format(b, "raw");
    if (!(xml = tck_volume_builder_to_xml(b, error)))
        return FALSE;
    if (!(vol = virStorageVolCreateXML(pool, xml, 0))) {
        if (last_code() == VIR_ERR_STORAGE_VOL_EXIST)
            return FALSE;
        return set_libvirt_error(error, "cannot create volume %s/%s", TCK_ASSET_POOL, sha256);
    }
    if (!volume_upload(vol, path, size, &sent, error)) {
        if (last_code() == VIR_ERR_NO_STORAGE_VOL)
            g_clear_error(error);   /* a waiting run took it for dead: claim again */
        volume_drop(vol);
        goto out;
    }
    if (!g_str_equal(sent, sha256)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                    "the asset %s hashes to %s, not to the %s its cache recorded", path, sent, sha256);
        volume_drop(vol);
        goto out;
    }
    if (!volume_info(vol, &capacity, NULL) || capacity != size) {
        if (!capacity && last_code() == VIR_ERR_NO_STORAGE_VOL)
            goto out;
        g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                    "volume %s/%s is %" G_GUINT64_FORMAT " bytes after the upload, not %" G_GUINT64_FORMAT,
                    TCK_ASSET_POOL, sha256, capacity, size);
        volume_drop(vol);
        goto out;
    }
    got = tck_volume_download_sha256(virStoragePoolGetConnect(pool), vol, size, &back, NULL);
    if (got.failed || !g_str_equal(back, sha256)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                    "volume %s/%s does not hold what was uploaded: %s", TCK_ASSET_POOL, sha256,
                    got.failed ? got.message : back);
        volume_drop(vol);
        g_free(got.message);
        goto out;
    }
    ok = TRUE;
out:
    virStorageVolFree(vol);
    return ok;
}

/*
 * Another run's volume @vol, short of @size: waits for it to complete.
 * TRUE when it did; FALSE without @error when it went away (or we deleted
 * it as a dead upload): claim again.
 */
static gboolean
volume_wait(virStorageVolPtr vol, const char *sha256, guint64 size, GError **error)
{
    /* Our own tests shorten the stale time so as to show a dead upload's recovery. */
    const char *stale_env = g_getenv("TCK_ASSET_STALE_S");
    gint64 stale_s = stale_env && *stale_env ? g_ascii_strtoll(stale_env, NULL, 10) : TCK_ASSET_STALE_S;
    gint64 deadline = g_get_monotonic_time() + (gint64)TCK_ASSET_WAIT_S * G_USEC_PER_SEC;
    gint64 changed = g_get_monotonic_time();
    guint64 last_alloc = G_MAXUINT64, last_cap = G_MAXUINT64;

    while (g_get_monotonic_time() < deadline) {
        guint64 capacity, allocation;

        if (!volume_info(vol, &capacity, &allocation))
            return last_code() == VIR_ERR_NO_STORAGE_VOL ? FALSE : set_libvirt_error(error, "cannot read volume %s/%s", TCK_ASSET_POOL, sha256);
        if (capacity == size)
            return TRUE;
        if (capacity > size) {
            /* Never a complete upload of this asset: a broken volume. */
            if (virStorageVolDelete(vol, 0) == 0)
                return FALSE;
        } else if (capacity != last_cap || allocation != last_alloc) {
            last_cap = capacity;
            last_alloc = allocation;
            changed = g_get_monotonic_time();
        } else if (g_get_monotonic_time() - changed > stale_s * G_USEC_PER_SEC) {
            /* Refused while an upload stream is open: then it is alive after all. */
            if (virStorageVolDelete(vol, 0) == 0)
                return FALSE;
            changed = g_get_monotonic_time();
        }
        g_usleep(POLL_MS * 1000);
    }
    g_set_error(error, TCK_ERROR, TCK_ERROR_LOCK,
                "volume %s/%s (another run's upload) stayed short of %" G_GUINT64_FORMAT " bytes for %d s",
                TCK_ASSET_POOL, sha256, size, TCK_ASSET_WAIT_S);
    return FALSE;
}

char *
tck_asset_pool_provision(virStoragePoolPtr pool, const char *path, const char *sha256,
                         guint64 size, TckAssetVolumeFate *fate, GError **error)
{
    if (!tck_asset_volume_name_ok(sha256) || size == 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CACHE,
                    "the asset %s has no usable SHA-256 or size (%s, %" G_GUINT64_FORMAT " bytes)",
                    path, sha256 ? sha256 : "none", size);
        return NULL;
    }
    for (guint claim = 0; claim < MAX_CLAIMS; claim++) {
        virStorageVolPtr vol = virStorageVolLookupByName(pool, sha256);
        g_autoptr(GError) local = NULL;
        gboolean complete;
        char *vol_path;

        if (!vol && last_code() != VIR_ERR_NO_STORAGE_VOL) {
            set_libvirt_error(error, "cannot look up volume %s/%s", TCK_ASSET_POOL, sha256);
            return NULL;
        }
        if (vol) {
            complete = volume_wait(vol, sha256, size, &local);
            if (complete && fate)
                *fate = TCK_ASSET_VOLUME_REUSED;
        } else {
            complete = volume_claim_upload(pool, path, sha256, size, &local);
            if (complete && fate)
                *fate = TCK_ASSET_VOLUME_UPLOADED;
            vol = complete ? virStorageVolLookupByName(pool, sha256) : NULL;
        }
        if (local || !complete || !vol) {
            if (vol)
                virStorageVolFree(vol);
            if (local) {
                g_propagate_error(error, g_steal_pointer(&local));
                return NULL;
            }
            continue;   /* the claim was lost, or the volume went away: look again */
        }
        vol_path = virStorageVolGetPath(vol);
        virStorageVolFree(vol);
        if (!vol_path)
            set_libvirt_error(error, "cannot read the path of volume %s/%s", TCK_ASSET_POOL, sha256);
        return vol_path;
    }
    g_set_error(error, TCK_ERROR, TCK_ERROR_LOCK,
                "volume %s/%s: %d claims in a row were lost to other runs", TCK_ASSET_POOL, sha256, MAX_CLAIMS);
    return NULL;
}

void
tck_asset_volume_free(TckAssetVolume *v)
{
    if (!v)
        return;
    g_free(v->name);
    g_free(v->path);
    g_free(v);
}

static gint
volume_cmp(gconstpointer a, gconstpointer b)
{
    const TckAssetVolume *va = *(TckAssetVolume *const *)a, *vb = *(TckAssetVolume *const *)b;

    return g_strcmp0(va->name, vb->name);
}

/* The existing pool, refreshed; NULL without @error when there is none. */
static virStoragePoolPtr
pool_lookup_refreshed(virConnectPtr conn, GError **error)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, TCK_ASSET_POOL);

    if (!pool) {
        if (last_code() != VIR_ERR_NO_STORAGE_POOL)
            set_libvirt_error(error, "cannot look up pool " TCK_ASSET_POOL);
        virResetLastError();
        return NULL;
    }
    if (virStoragePoolIsActive(pool) == 1 && virStoragePoolRefresh(pool, 0) < 0)
        virResetLastError();
    return pool;
}

GPtrArray *
tck_asset_pool_list(virConnectPtr conn, char **target, GError **error)
{
    virStoragePoolPtr pool = pool_lookup_refreshed(conn, error);
    virStorageVolPtr *vols = NULL;
    GPtrArray *out;
    int n;

    if (!pool)
        return NULL;
    if (target && !(*target = pool_target(pool, error))) {
        virStoragePoolFree(pool);
        return NULL;
    }
    out = g_ptr_array_new_with_free_func((GDestroyNotify)tck_asset_volume_free);
    /* An inactive pool lists nothing; its volumes show once it runs. */
    n = virStoragePoolIsActive(pool) == 1 ? virStoragePoolListAllVolumes(pool, &vols, 0) : 0;
    if (n < 0) {
        set_libvirt_error(error, "cannot list the volumes of pool " TCK_ASSET_POOL);
        g_clear_pointer(&out, g_ptr_array_unref);
    }
    for (int i = 0; i < n; i++) {
        TckAssetVolume *v = g_new0(TckAssetVolume, 1);
        guint64 capacity = 0;

        v->name = g_strdup(virStorageVolGetName(vols[i]));
        v->path = virStorageVolGetPath(vols[i]);
        if (volume_info(vols[i], &capacity, NULL))
            v->capacity = capacity;
        v->is_asset = tck_asset_volume_name_ok(v->name);
        if (out)
            g_ptr_array_add(out, v);
        else
            tck_asset_volume_free(v);
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    virStoragePoolFree(pool);
    virResetLastError();
    if (out)
        g_ptr_array_sort(out, volume_cmp);
    return out;
}

gboolean
tck_asset_pool_purge(virConnectPtr conn, GString *log, guint *left, GError **error)
{
    virStoragePoolPtr pool = pool_lookup_refreshed(conn, error);
    virStorageVolPtr *vols = NULL;
    gboolean ok = TRUE;
    int n;

    *left = 0;
    if (!pool) {
        if (!(error && *error))
            g_string_append_printf(log, "no pool %s: nothing to purge\n", TCK_ASSET_POOL);
        return !(error && *error);
    }
    n = virStoragePoolIsActive(pool) == 1 ? virStoragePoolListAllVolumes(pool, &vols, 0) : 0;
    if (n < 0) {
        virStoragePoolFree(pool);
        return set_libvirt_error(error, "cannot list the volumes of pool " TCK_ASSET_POOL);
    }
    for (int i = 0; i < n; i++) {
        const char *name = virStorageVolGetName(vols[i]);

        if (!tck_asset_volume_name_ok(name)) {
            g_string_append_printf(log, "left %s in pool %s: not an asset volume\n", name, TCK_ASSET_POOL);
            (*left)++;
        } else if (virStorageVolDelete(vols[i], 0) < 0) {
            g_string_append_printf(log, "left %s in pool %s: %s\n", name, TCK_ASSET_POOL,
                                   virGetLastErrorMessage());
            (*left)++;
        } else {
            g_string_append_printf(log, "deleted volume %s/%s\n", TCK_ASSET_POOL, name);
        }
        virStorageVolFree(vols[i]);
    }
    g_free(vols);
    /* The directory goes only when it is empty (rmdir); what we left stays in it. */
    if (*left == 0 && virStoragePoolIsActive(pool) == 1 && virStoragePoolDestroy(pool) == 0 &&
        virStoragePoolDelete(pool, 0) < 0)
        g_string_append_printf(log, "left the directory of pool %s: %s\n", TCK_ASSET_POOL,
                               virGetLastErrorMessage());
    if (virStoragePoolIsActive(pool) == 1 && virStoragePoolDestroy(pool) < 0)
        ok = set_libvirt_error(error, "cannot stop pool " TCK_ASSET_POOL);
    else if (virStoragePoolIsPersistent(pool) == 1 && virStoragePoolUndefine(pool) < 0)
        ok = set_libvirt_error(error, "cannot undefine pool " TCK_ASSET_POOL);
    else
        g_string_append_printf(log, "removed pool %s\n", TCK_ASSET_POOL);
    virStoragePoolFree(pool);
    virResetLastError();
    return ok;
}

/* The inputs of a guest: what the host must read (element, attribute or text). */
static const char *const remote_input_paths[] = {
    "/domain/os/kernel",
    "/domain/os/initrd",
    "/domain/devices/disk/source/@file",
    "/domain/devices/filesystem/source/@dir",
    "/domain/devices/filesystem/source/@file",
};

gboolean
tck_remote_xml_check(const char *xml, const char *volumes_dir, GError **error)
{
    g_autoptr(xmlDoc) doc = tck_xml_parse(xml, -1, "remote guest XML", "domain", TCK_ERROR_XML, error);
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *dir = NULL;

    if (!doc)
        return FALSE;
    ctxt = tck_xpath_new(doc);
    dir = g_str_has_suffix(volumes_dir, "/") ? g_strdup(volumes_dir) : g_strconcat(volumes_dir, "/", NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(remote_input_paths); i++) {
        g_auto(GStrv) paths = tck_xpath_strv(ctxt, NULL, remote_input_paths[i]);

        for (gsize j = 0; paths[j]; j++) {
            g_autofree char *canon = g_canonicalize_filename(paths[j], "/");

            if (!g_str_has_prefix(canon, dir) || strchr(canon + strlen(dir), '/')) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER,
                            "%s of a remote guest is %s, a path outside the host's asset pool %s",
                            remote_input_paths[i], paths[j], volumes_dir);
                return FALSE;
            }
        }
    }
    return TRUE;
}
