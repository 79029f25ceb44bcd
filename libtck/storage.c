/*
 * storage.c — the test's own pools and volumes (see tck/storage.h).
 */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <tck/builders.h>
#include <tck/storage.h>
#include "fs-util.h"
#include "test-private.h"

char *
tck_pool_xml(TckTest *t, const char *type, const char *suffix, const char *device)
{
    const char *name = tck_own(t, TCK_OBJECT_POOL, suffix, NULL);
    g_autofree char *target = tck_pool_target(t, suffix);
    g_autoptr(TckPoolBuilder) b = tck_pool_builder_new(type, name);
    g_autoptr(GError) error = NULL;
    char *xml;

    if (g_mkdir_with_parents(target, 0755) < 0)
        tck_bail_out(t, "cannot create the pool target %s: %s", target, g_strerror(errno));
    tck_pool_builder_set_target(b, target);
    if (device) {
        tck_pool_builder_add_source_device(b, device);
        tck_pool_builder_set_source_format(b, "ext4");
    }
    if (!(xml = tck_pool_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the %s pool '%s': %s", type, name, error->message);
    return xml;
}

virStoragePoolPtr
tck_pool_create_dir(TckTest *t, const char *suffix)
{
    g_autofree char *xml = tck_pool_xml(t, "dir", suffix, NULL);
    virStoragePoolPtr pool = virStoragePoolCreateXML(tck_test_connect(t), xml, 0);

    if (!pool)
        tck_bail_out(t, "cannot create the dir pool '%s': %s", tck_name(t, suffix),
                     virGetLastErrorMessage());
    return pool;
}

char *
tck_volume_xml(TckTest *t, virStoragePoolPtr pool, const char *suffix, const char *format,
               guint64 capacity, guint64 allocation)
{
    const char *name = tck_own(t, TCK_OBJECT_VOLUME, suffix, virStoragePoolGetName(pool));
    g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new(name);
    g_autoptr(GError) error = NULL;
    char *xml;

    tck_volume_builder_set_capacity(b, capacity);
    tck_volume_builder_set_allocation(b, allocation);
    if (format) {
        tck_volume_builder_set_format(b, format);
        if (g_str_equal(format, "qcow2"))
            tck_volume_builder_set_compat(b, "1.1");
    }
    if (!(xml = tck_volume_builder_to_xml(b, &error)))
        tck_bail_out(t, "cannot build the volume '%s': %s", name, error->message);
    return xml;
}

char *
tck_scratch_image(TckTest *t, const char *file, guint64 bytes)
{
    char *path = g_build_filename(tck_test_scratch_dir(t), file, NULL);
    g_autoptr(GError) error = NULL;

    if (!tck_fs_make_sparse(path, bytes, O_EXCL | O_NOFOLLOW, 0644, &error))
        tck_bail_out(t, "cannot make the image: %s", error->message);
    return path;
}

gboolean
tck_path_is_mountpoint(const char *path)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autofree char *real = realpath(path, NULL);

    if (!real || !g_file_get_contents("/proc/self/mountinfo", &text, NULL, NULL))
        return FALSE;
    lines = g_strsplit(text, "\n", -1);
    for (gsize i = 0; lines[i]; i++) {
        /* "id parent major:minor root mountpoint ..."; octal escapes in the path. */
        g_auto(GStrv) f = g_strsplit(lines[i], " ", 6);
        g_autofree char *mnt = NULL;
        if (g_strv_length(f) < 5)
            continue;
        mnt = g_strcompress(f[4]);
        if (g_str_equal(mnt, real))
            return TRUE;
    }
    return FALSE;
}

char *
tck_pool_target(TckTest *t, const char *suffix)
{
    return g_build_filename(tck_test_scratch_dir(t), suffix, NULL);
}

gboolean
tck_pool_is_local(virStoragePoolPtr pool, const char *target)
{
    virStoragePoolInfo info;
    struct statvfs sv;

    if (virStoragePoolGetInfo(pool, &info) < 0 || statvfs(target, &sv) < 0)
        return FALSE;
    return info.capacity == (unsigned long long)sv.f_blocks * sv.f_frsize;
}

void
tck_unmount_leftover(TckTest *t, const char *target)
{
    if (!tck_path_is_mountpoint(target))
        return;
    tck_diag(t, "%s is still mounted; detaching it", target);
    if (umount2(target, MNT_DETACH) < 0)
        tck_diag(t, "cannot detach %s: %s", target, g_strerror(errno));
}

#define CHUNK (1 << 20)

/* Drop @st, keeping the error that made us give up (virStream* calls reset it). */
static TckCallOutcome
stream_fail(virStreamPtr st, gboolean abort)
{
    TckCallOutcome o = tck_outcome_int(-1);

    if (abort)
        virStreamAbort(st);
    virStreamFree(st);
    return o;
}

/* xorshift32: cheap, deterministic bytes for a seed. */
static void
fill_pattern(guint32 *state, guchar *buf, gsize len)
{
    for (gsize i = 0; i + 4 <= len; i += 4) {
        guint32 x = *state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *state = x;
        memcpy(buf + i, &x, 4);
    }
}

TckCallOutcome
tck_volume_upload_pattern(virConnectPtr conn, virStorageVolPtr vol, guint64 bytes, guint32 seed,
                          char **sha256)
{
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree guchar *buf = g_malloc(CHUNK);
    virStreamPtr st = virStreamNew(conn, 0);
    guint32 state = seed ? seed : 1;
    guint64 left = bytes;

    if (!st)
        return tck_outcome_int(-1);
    if (virStorageVolUpload(vol, st, 0, bytes, 0) < 0)
        return stream_fail(st, FALSE);
    while (left > 0) {
        gsize len = left < CHUNK ? left : CHUNK;
        gsize off = 0;
        fill_pattern(&state, buf, len);
        g_checksum_update(sum, buf, len);
        while (off < len) {
            int n = virStreamSend(st, (const char *)buf + off, len - off);
            if (n < 0)
                return stream_fail(st, TRUE);
            off += n;
        }
        left -= len;
    }
    if (virStreamFinish(st) < 0)
        return stream_fail(st, FALSE);
    virStreamFree(st);
    *sha256 = g_strdup(g_checksum_get_string(sum));
    return (TckCallOutcome){ .failed = FALSE };
}

TckCallOutcome
tck_volume_download_sha256(virConnectPtr conn, virStorageVolPtr vol, guint64 bytes, char **sha256,
                           gboolean *all_zero)
{
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree char *buf = g_malloc(CHUNK);
    virStreamPtr st = virStreamNew(conn, 0);
    guint64 got = 0;
    gboolean zero = TRUE;

    if (!st)
        return tck_outcome_int(-1);
    if (virStorageVolDownload(vol, st, 0, bytes, 0) < 0)
        return stream_fail(st, FALSE);
    for (;;) {
        int n = virStreamRecv(st, buf, CHUNK);
        if (n < 0)
            return stream_fail(st, TRUE);
        if (n == 0)
            break;
        g_checksum_update(sum, (const guchar *)buf, n);
        for (int i = 0; zero && i < n; i++)
            zero = buf[i] == 0;
        got += n;
    }
    if (virStreamFinish(st) < 0)
        return stream_fail(st, FALSE);
    virStreamFree(st);
    if (got != bytes) {
        return (TckCallOutcome){ .failed = TRUE, .code = VIR_ERR_OK,
                                 .message = g_strdup_printf("the stream ended after %" G_GUINT64_FORMAT
                                                            " of %" G_GUINT64_FORMAT " bytes", got, bytes) };
    }
    *sha256 = g_strdup(g_checksum_get_string(sum));
    if (all_zero)
        *all_zero = zero;
    return (TckCallOutcome){ .failed = FALSE };
}

const char *
tck_host_block_device(TckTest *t)
{
    const TckConfigNode *list = tck_config_lookup(tck_test_config(t), "host_block_devices");
    const TckConfigNode *entry, *size_node;
    const char *path, *size;
    g_autofree char *sys = NULL, *sectors = NULL;
    struct stat st;

    if (!list || tck_config_node_type(list) != TCK_CONFIG_LIST || tck_config_node_n_children(list) == 0)
        tck_skip_all(t, "the config names no host_block_devices");
    entry = tck_config_node_child(list, 0);
    if (tck_config_node_type(entry) == TCK_CONFIG_MAP) {
        path = tck_config_node_scalar(tck_config_node_get(entry, "path"));
        size_node = tck_config_node_get(entry, "size");
        size = size_node ? tck_config_node_scalar(size_node) : NULL;
    } else {
        path = tck_config_node_scalar(entry);
        size = NULL;
    }
    if (!path || !*path)
        tck_skip_all(t, "the first host_block_devices entry names no path");
    if (stat(path, &st) < 0 || !S_ISBLK(st.st_mode))
        tck_bail_out(t, "host_block_devices: %s is not a block device", path);
    if (size) {
        g_autofree char *real = realpath(path, NULL);
        g_autofree char *base = real ? g_path_get_basename(real) : NULL;
        sys = base ? g_strdup_printf("/sys/class/block/%s/size", base) : NULL;
        if (!sys || !g_file_get_contents(sys, &sectors, NULL, NULL) ||
            g_ascii_strtoull(sectors, NULL, 10) / 2 != g_ascii_strtoull(size, NULL, 10))
            tck_bail_out(t, "host_block_devices: %s is not %s KiB large; not touching it", path, size);
    }
    return path;
}

const char *
tck_storage_server(TckTest *t, const char *key, const char *field, const char **what)
{
    const TckConfigNode *node = tck_config_lookup(tck_test_config(t), key);
    const char *host = NULL;

    *what = NULL;
    if (!node)
        tck_skip_all(t, "the config names no %s", key);
    if (tck_config_node_type(node) == TCK_CONFIG_MAP) {
        const TckConfigNode *h = tck_config_node_get(node, "host");
        const TckConfigNode *f = tck_config_node_get(node, field);
        host = h ? tck_config_node_scalar(h) : NULL;
        *what = f ? tck_config_node_scalar(f) : NULL;
    } else {
        host = tck_config_node_scalar(node);
    }
    if (!host || !*host)
        tck_skip_all(t, "the config's %s names no host", key);
    if (!*what || !**what)
        tck_skip_all(t, "the config's %s names no %s", key, field);
    return host;
}
