/*
 * storage.h — the test's own storage: pools whose target is a fresh
 * directory in the test's scratch dir (never a host path, never the
 * host's "default" pool), and volumes in them, each recorded in the
 * ledger before it is created.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/test.h>
#include <tck/checks.h>

G_BEGIN_DECLS

/**
 * tck_pool_xml:
 * @t: the test
 * @type: "dir" or "fs"
 * @suffix: what the pool is for; its name is tck_name(t, suffix)
 * @device: (nullable): "fs" only: the source device (an image file the
 *   test made with tck_scratch_image()); the format is ext4
 *
 * Records the pool in the ledger and makes its target, the new directory
 * <scratch>/<suffix>.  Bails out when the XML cannot be built.
 *
 * Returns: (transfer full): the pool XML.
 */
char *tck_pool_xml(TckTest *t, const char *type, const char *suffix, const char *device);

/**
 * tck_pool_create_dir:
 * @t: the test
 * @suffix: what the pool is for
 *
 * A started transient dir pool from tck_pool_xml(), for scenarios about
 * volumes.  Bails out, with libvirt's message, when it cannot be created.
 *
 * Returns: (transfer full): the pool; free with virStoragePoolFree().
 */
virStoragePoolPtr tck_pool_create_dir(TckTest *t, const char *suffix);

/**
 * tck_volume_xml:
 * @t: the test
 * @pool: the pool the volume will be created in
 * @suffix: what the volume is for; its name is tck_name(t, suffix)
 * @format: (nullable): "raw", "qcow2" (compat 1.1), ...; NULL leaves it out
 * @capacity: bytes
 * @allocation: bytes
 *
 * Records the volume (in @pool) in the ledger.  Bails out when the XML
 * cannot be built.
 *
 * Returns: (transfer full): the volume XML.
 */
char *tck_volume_xml(TckTest *t, virStoragePoolPtr pool, const char *suffix, const char *format,
                     guint64 capacity, guint64 allocation);

/**
 * tck_scratch_image:
 * @t: the test
 * @file: the file name, inside the scratch dir
 * @bytes: its size (sparse)
 *
 * Returns: (transfer full): the path of a new, sparse, all-zero file in
 * the test's scratch dir; bails out when it cannot be made.
 */
char *tck_scratch_image(TckTest *t, const char *file, guint64 bytes);

/**
 * tck_path_is_mountpoint:
 * @path: a directory
 *
 * Returns: TRUE when @path is a mount point in this process's view
 * (/proc/self/mountinfo).
 */
gboolean tck_path_is_mountpoint(const char *path);

/* The target directory tck_pool_xml() gives the pool @suffix (transfer full). */
char *tck_pool_target(TckTest *t, const char *suffix);

/**
 * tck_pool_is_local:
 * @pool: an active pool whose target is @target
 * @target: its target directory
 *
 * Whether the driver really keeps @pool in @target on this host: the
 * capacity it reports is that of the filesystem holding @target.  Checks
 * of files on the host apply only then (not on the test driver, nor on a
 * remote host).
 */
gboolean tck_pool_is_local(virStoragePoolPtr pool, const char *target);

/*
 * tck_unmount_leftover: if @target (the test's own pool target) is still
 * a mount point, say so and detach it, so that nothing of the test stays
 * mounted on the host when the driver failed to unmount it.
 */
void tck_unmount_leftover(TckTest *t, const char *target);

/**
 * tck_volume_upload_pattern:
 * @conn: the volume's connection
 * @vol: the volume
 * @bytes: how much to write from offset 0
 * @seed: which pseudo-random pattern (the same seed, the same bytes)
 * @sha256: (out): the SHA-256 of what was sent, hex
 *
 * Streams @bytes of a pattern into @vol (virStorageVolUpload), 1 MiB at
 * a time, never holding more than that in memory.
 *
 * Returns: the outcome: failed with libvirt's code and message
 * (VIR_ERR_NO_SUPPORT where the driver has no volume streams); check it
 * with tck_ok_outcome().
 */
TckCallOutcome tck_volume_upload_pattern(virConnectPtr conn, virStorageVolPtr vol, guint64 bytes,
                                         guint32 seed, char **sha256);

/**
 * tck_volume_download_sha256:
 * @conn, @vol: the volume
 * @bytes: how much to read from offset 0
 * @sha256: (out): the SHA-256 of what came back, hex
 * @all_zero: (out) (optional): whether every byte was zero
 *
 * Returns: the outcome, as for tck_volume_upload_pattern(); a short
 * stream fails too (code VIR_ERR_OK, the message saying how short).
 */
TckCallOutcome tck_volume_download_sha256(virConnectPtr conn, virStorageVolPtr vol, guint64 bytes,
                                          char **sha256, gboolean *all_zero);

/**
 * tck_host_block_device:
 * @t: the test
 *
 * The first whole block device of the config's host_block_devices
 * allow-list (a path, or a map's "path"), whose data the test may
 * destroy.  Without one the test skips, naming the key; a device that is
 * not a block device, or whose size differs from the entry's "size" (in
 * KiB), bails out rather than touch it.
 *
 * Returns: (transfer none): the device path.
 */
const char *tck_host_block_device(TckTest *t);

/**
 * tck_storage_server:
 * @t: the test
 * @key: "nfs_server" or "iscsi_server"
 * @field: the map field naming what to use there ("path" or "target")
 * @what: (out): that field's value
 *
 * The storage server the config names under @key: a host name, or a map
 * with "host" and @field.  Without @key, or without @field, the test
 * skips, naming what is missing.
 *
 * Returns: (transfer none): the host.
 */
const char *tck_storage_server(TckTest *t, const char *key, const char *field, const char **what);

/*
 * Files of the test on the host libvirt runs on, for what libvirt itself
 * writes or reads by path: save images, core dumps, block copies.  For a
 * local URI they are in the scratch dir.  A remote host cannot see that
 * dir, so there they are volumes of this run in the host's tck-assets pool,
 * recorded in the ledger before libvirt makes them, and looked at through
 * the storage API.
 */

/* The directory for such files on libvirt's host.  Returns: (transfer none). */
const char *tck_host_dir(TckTest *t);

/**
 * tck_host_file:
 * @t: the test
 * @suffix: what the file is for; it is named tck_name(t, suffix)
 *
 * Returns: (transfer full): a path on libvirt's host for a file of this
 * test (not created: libvirt or tck_host_file_write() makes it).
 */
char *tck_host_file(TckTest *t, const char *suffix);

/* The size of the file @path on libvirt's host, -1 when there is none.
 * Bails out when that cannot be told. */
gint64 tck_host_file_size(TckTest *t, const char *path);

/* Makes the file @path (of tck_host_file()) on libvirt's host: @bytes long, sparse. */
gboolean tck_host_file_make(TckTest *t, const char *path, guint64 bytes, GError **error);

/**
 * tck_host_file_write:
 * @t: the test
 * @path: a file of tck_host_file(), existing or not
 * @offset: where the bytes go (the rest of an existing file stays)
 * @data: (array length=len): the bytes
 * @len: how many
 * @error: return location
 *
 * Writes into the file on libvirt's host, making it when there is none
 * (through virStorageVolUpload() on a remote host).
 */
gboolean tck_host_file_write(TckTest *t, const char *path, guint64 offset, const void *data, gsize len,
                             GError **error);

G_END_DECLS
