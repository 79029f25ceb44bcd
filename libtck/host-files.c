/*
 * host-files.c — files of a test on the host libvirt runs on.
 *
 * A save image, a core dump or a block copy's destination is written by
 * libvirt on its own host, at a path the test names.  For a local URI that
 * is the test's scratch dir.  A remote host cannot see that dir: there the
 * files are volumes of this run in the host's tck-assets pool, named and
 * recorded in the ledger before libvirt makes them, and read or written
 * through the storage API (never a local path that only looks the same).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libvirt/virterror.h>

#include <tck/builders.h>
#include <tck/error.h>
#include <tck/ledger.h>
#include <tck/remote-assets.h>
#include <tck/storage.h>
#include "test-private.h"
#include "fs-util.h"
#include "virt-util.h"

/* How long a refresh of the shared pool waits out other runs' uploads. */
#define REFRESH_TRIES 50
#define REFRESH_PAUSE_MS 200

static gboolean
host_files_remote(TckTest *t)
{
    return tck_virt_uri_is_remote(tck_test_uri(t));
}

const char *
tck_host_dir(TckTest *t)
{
    const char *target = NULL;

    if (!host_files_remote(t))
        return tck_test_scratch_dir(t);
    tck_test_asset_pool(t, &target);
    return target;
}

char *
tck_host_file(TckTest *t, const char *suffix)
{
    const char *name;

    if (!host_files_remote(t))
        return g_build_filename(tck_test_scratch_dir(t), tck_name(t, suffix), NULL);
    name = tck_own(t, TCK_OBJECT_VOLUME, suffix, TCK_ASSET_POOL);
    return g_build_filename(tck_host_dir(t), name, NULL);
}

/*
 * The pool learns of files libvirt made only when refreshed.  A refresh is
 * refused while another run uploads into the shared pool: wait that out.
 */
static gboolean
host_pool_refresh(virStoragePoolPtr pool, GError **error)
{
    for (guint i = 0; i < REFRESH_TRIES; i++) {
        if (virStoragePoolRefresh(pool, 0) == 0)
            return TRUE;
        if (i + 1 < REFRESH_TRIES)
            g_usleep(REFRESH_PAUSE_MS * 1000);
    }
    g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot refresh pool %s: %s",
                virStoragePoolGetName(pool), virGetLastErrorMessage());
    return FALSE;
}

/* The volume at @path on the remote host, NULL when there is no such file (or with @error set). */
static virStorageVolPtr
host_volume(TckTest *t, const char *path, GError **error)
{
    virStorageVolPtr vol;

    if (!host_pool_refresh(tck_test_asset_pool(t, NULL), error))
        return NULL;
    if (!(vol = virStorageVolLookupByPath(tck_test_connect(t), path)) &&
        virGetLastErrorCode() != VIR_ERR_NO_STORAGE_VOL)
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot look up %s: %s", path,
                    virGetLastErrorMessage());
    return vol;
}

gint64
tck_host_file_size(TckTest *t, const char *path)
{
    g_autoptr(GError) error = NULL;
    virStorageVolInfo info;
    virStorageVolPtr vol;
    GStatBuf st;
    int rc;

    if (!host_files_remote(t))
        return g_stat(path, &st) == 0 ? (gint64) st.st_size : -1;
    if (!(vol = host_volume(t, path, &error))) {
        if (error)
            tck_bail_out(t, "cannot tell whether %s exists on the host: %s", path, error->message);
        return -1;
    }
    rc = virStorageVolGetInfo(vol, &info);
    virStorageVolFree(vol);
    if (rc < 0)
        tck_bail_out(t, "cannot read the size of %s on the host: %s", path, virGetLastErrorMessage());
    return (gint64) info.capacity;
}

static gboolean
host_write_local(const char *path, guint64 offset, const void *data, gsize len, GError **error)
{
    int fd = g_open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    gboolean ok;

    if (fd < 0)
        return tck_error_set_errno(error, errno, "cannot open %s", path);
    if (lseek(fd, (off_t) offset, SEEK_SET) < 0) {
        int err = errno;

        close(fd);
        return tck_error_set_errno(error, err, "cannot seek in %s", path);
    }
    ok = tck_fs_write_all(fd, data, len, path, error);
    close(fd);
    return ok;
}

/* Sends @len bytes of @data into @vol at @offset. */
static gboolean
host_upload(virStorageVolPtr vol, const char *path, guint64 offset, const void *data, gsize len,
            GError **error)
{
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    gsize sent = 0;

    if (!st || virStorageVolUpload(vol, st, offset, len, 0) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot upload to %s: %s", path,
                    virGetLastErrorMessage());
        if (st)
            virStreamFree(st);
        return FALSE;
    }
    while (sent < len) {
        int n = virStreamSend(st, (const char *) data + sent, MIN(len - sent, (gsize) 256 * 1024));

        if (n < 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot upload to %s: %s", path,
                        virGetLastErrorMessage());
            virStreamAbort(st);
            virStreamFree(st);
            return FALSE;
        }
        sent += (gsize) n;
    }
    if (virStreamFinish(st) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot finish the upload to %s: %s", path,
                    virGetLastErrorMessage());
        virStreamFree(st);
        return FALSE;
    }
    virStreamFree(st);
    return TRUE;
}

/* Makes the volume tck_host_file() named (and put in the ledger) at @path, @capacity bytes, sparse. */
static virStorageVolPtr
host_volume_create(TckTest *t, const char *path, guint64 capacity, GError **error)
{
    g_autofree char *base = g_path_get_basename(path);
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new(base);
    g_autofree char *xml = NULL;
    virStorageVolPtr vol;

    tck_volume_builder_set_capacity(b, capacity);
    tck_volume_builder_set_allocation(b, 0);
    tck_volume_builder_set_format(b, "raw");
    if (!(xml = tck_volume_builder_to_xml(b, error)))
        return NULL;
    if (!(vol = virStorageVolCreateXML(tck_test_asset_pool(t, NULL), xml, 0)))
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot create %s on the host: %s", path,
                    virGetLastErrorMessage());
    return vol;
}

gboolean
tck_host_file_make(TckTest *t, const char *path, guint64 bytes, GError **error)
{
    virStorageVolPtr vol;

    if (!host_files_remote(t))
        return tck_fs_make_sparse(path, bytes, 0, 0644, error);
    if (!(vol = host_volume_create(t, path, bytes, error)))
        return FALSE;
    virStorageVolFree(vol);
    return TRUE;
}

gboolean
tck_host_file_write(TckTest *t, const char *path, guint64 offset, const void *data, gsize len,
                    GError **error)
{
    g_autoptr(GError) local = NULL;
    virStorageVolPtr vol;
    gboolean ok;

    if (!host_files_remote(t))
        return host_write_local(path, offset, data, len, error);
    if (!(vol = host_volume(t, path, &local))) {
        if (local) {
            g_propagate_error(error, g_steal_pointer(&local));
            return FALSE;
        }
        if (!(vol = host_volume_create(t, path, offset + len, error)))
            return FALSE;
    }
    ok = host_upload(vol, path, offset, data, len, error);
    virStorageVolFree(vol);
    return ok;
}
