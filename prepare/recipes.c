/* recipes.c — how each asset is made: one table row per kind, {kind,
 * inputs, build}, run in dependency order.  A row's inputs (host files by
 * hash, earlier assets, its recipe version) key the cached entry; an entry
 * made from the same inputs is reused, anything else is rebuilt. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "prepare.h"
#include <tck/error.h>

/* What a row's build made: a finished file to store as blobs/<sha256>, or
 * a file already in place in the cache. */
typedef struct {
    char *tmp;                  /* stored as a blob (sha256 computed when NULL) */
    char *file;                 /* or: relative path already in the cache */
    char *sha256;
    guint64 size;               /* for a directory (a tree): its tarball's */
    char *source;               /* overrides the row's source */
} TckBuilt;

static void
tck_built_clear(TckBuilt *b)
{
    g_free(b->tmp);
    g_free(b->file);
    g_free(b->sha256);
    g_free(b->source);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TckBuilt, tck_built_clear)

typedef struct _TckRecipe TckRecipe;
struct _TckRecipe {
    TckAssetKind kind;
    const char *arch;           /* "*": any; NULL: the run's arch */
    const char *os_type;        /* "*", "exe"; NULL: the kernel OS type */
    const char *recipe;         /* versioned name, hashed with the inputs */
    const char *source;         /* the entry's source, unless the build names one */
    /* non-NULL when the asset is downloaded instead of built */
    const TckAssetSource *(*download)(TckPrepare *p);
    /* appends "label=value" lines naming everything the build reads */
    gboolean (*inputs)(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error);
    gboolean (*build)(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error);
};

/* ---------------------------------------------------------------- helpers */

static const char *
row_arch(TckPrepare *p, const TckRecipe *r)
{
    return r->arch ? r->arch : p->arch;
}

static const char *
row_os(TckPrepare *p, const TckRecipe *r)
{
    return r->os_type ? r->os_type : p->kos;
}

static gboolean
save(TckPrepare *p, GError **error)
{
    return !tck_asset_cache_is_dirty(p->cache) || tck_asset_cache_save(p->cache, error);
}

static void
say_done(TckPrepare *p, const TckAssetEntry *e, gint64 t0)
{
    g_autofree char *size = g_format_size_full(e->size, G_FORMAT_SIZE_IEC_UNITS);

    p->built++;
    tck_progress_say(p->pr, "%-10s built   %9s  %.2f s  %s", tck_asset_kind_to_string(e->kind), size,
                     (g_get_monotonic_time() - t0) / 1e6, e->file);
}

static void
say_cached(TckPrepare *p, const TckAssetEntry *e)
{
    p->reused++;
    tck_progress_say(p->pr, "%-10s cached  %s", tck_asset_kind_to_string(e->kind), e->file);
}

static TckAssetEntry *
entry_new(TckAssetKind kind, const char *arch, const char *os, const char *source)
{
    TckAssetEntry *e = g_new0(TckAssetEntry, 1);

    e->kind = kind;
    e->arch = g_strdup(arch);
    e->os_type = g_strdup(os);
    e->source = g_strdup(source);
    e->verified = TRUE;
    return e;
}

/* Hash of a recipe and its inputs: what a built asset is keyed by. */
static char *
inputs_hash(const char *recipe, GPtrArray *parts)
{
    g_autoptr(GString) s = g_string_new(recipe);

    for (guint i = 0; i < parts->len; i++)
        g_string_append_printf(s, "\n%s", (char *)g_ptr_array_index(parts, i));
    return g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, s->len);
}

static gboolean
add_input_file(TckPrepare *p, GPtrArray *parts, const char *label, const char *path, GError **error)
{
    g_autofree char *sha = tck_asset_cache_input_sha256(p->cache, path, error);

    if (!sha)
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("%s=%s", label, sha));
    return TRUE;
}

/* An asset another recipe needs, or TCK_ERROR_ASSET_MISSING naming both. */
static TckAssetEntry *
need_asset(TckPrepare *p, const TckRecipe *r, TckAssetKind kind, const char *os, GError **error)
{
    TckAssetEntry *e = tck_asset_cache_find(p->cache, kind, p->arch, os);

    if (!e)
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "the %s for %s/%s needs the %s: prepare it too (drop --only)",
                    tck_asset_kind_to_string(r->kind), p->arch, os, tck_asset_kind_to_string(kind));
    return e;
}

static GStrv
applets(TckPrepare *p, GError **error)
{
    if (!p->applets)
        p->applets = tck_busybox_applets(p->bb, error);
    return p->applets;
}

/* Copies @src into a temporary file while hashing it. */
static char *
copy_hashing(TckPrepare *p, const char *src, char **sha_out, GError **error)
{
    g_autofree char *tmp = tck_asset_cache_tmp_path(p->cache, "copy");
    g_autoptr(TckSha256) sha = tck_sha256_new();
    g_autofree guint8 *buf = g_malloc(1 << 20);
    int in = open(src, O_RDONLY | O_CLOEXEC), out;
    ssize_t n;

    if (in < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot read %s: %s", src, g_strerror(errno));
        return NULL;
    }
    out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        tck_asset_set_errno(error, errno, "create", tmp);
        close(in);
        return NULL;
    }
    while ((n = read(in, buf, 1 << 20)) > 0) {
        for (ssize_t done = 0, w; done < n; done += w) {
            /* a short write is followed by one that says why */
            if ((w = write(out, buf + done, n - done)) < 0) {
                int err = errno;
                if (err == EINTR) {
                    w = 0;
                    continue;
                }
                tck_asset_set_errno(error, err, "write", tmp);
                close(in);
                close(out);
                return NULL;
            }
        }
        tck_sha256_update(sha, buf, n);
    }
    close(in);
    if (n < 0 || fsync(out) < 0 || close(out) < 0) {
        tck_asset_set_errno(error, errno, n < 0 ? "read" : "write", n < 0 ? src : tmp);
        return NULL;
    }
    *sha_out = tck_sha256_finish(sha);
    return g_steal_pointer(&tmp);
}

/* ---------------------------------------------------------------- downloads */

static const TckAssetSource *
kernel_download(TckPrepare *p)
{
    return p->kernel_dl.url ? &p->kernel_dl : NULL;
}

static const TckAssetSource *
initrd_download(TckPrepare *p)
{
    return p->initrd_dl.url ? &p->initrd_dl : NULL;
}

/* A downloaded asset: reused while its URL and hash match, re-checked
 * (If-None-Match / If-Modified-Since) with --refresh. */
static gboolean
fetch(TckPrepare *p, const TckRecipe *r, const TckAssetSource *dl, GError **error)
{
    TckAssetKind kind = r->kind;
    const char *os = row_os(p, r);
    TckAssetEntry *e = tck_asset_cache_find(p->cache, kind, p->arch, os);
    /* credentials in the URL go to libcurl only: never the manifest, --list or a message */
    g_autofree char *display = tck_config_mask_credentials(dl->url);
    gboolean have = e && !e->bad && g_strcmp0(e->url, display) == 0 &&
                    (!dl->sha256 || g_strcmp0(e->sha256, dl->sha256) == 0) &&
                    tck_asset_cache_entry_ok(p->cache, e);
    TckDownloadRequest req = { .url = dl->url, .display = display, .sha256 = dl->sha256, .size = dl->size };
    g_auto(TckDownloadResult) res = { 0 };
    g_autofree char *source = g_strdup_printf("url:%s", display);
    gint64 t0 = g_get_monotonic_time();
    TckAssetEntry *ne;

    if (have && (!p->opt->refresh || p->opt->offline)) {
        say_cached(p, e);
        return TRUE;
    }
    if (p->opt->offline) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING,
                    "--offline: %s for %s/%s (%s) is not in cache %s", tck_asset_kind_to_string(kind),
                    p->arch, os, display, tck_asset_cache_dir(p->cache));
        return FALSE;
    }
    if (have) {
        req.etag = e->etag;
        req.last_modified = e->last_modified;
    }
    if (!tck_download_fetch(p->cache, &p->opt->limits, p->pr, &req, &res, error))
        return FALSE;
    if (res.not_modified && !have) {
        /* download.c refuses a 304 to an unconditional request; never count an empty slot as cached */
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD, "cannot download %s: answered 304 Not Modified, but nothing is cached",
                    display);
        return FALSE;
    }
    if (res.not_modified) {
        tck_progress_say(p->pr, "%-10s not modified  %s", tck_asset_kind_to_string(kind), display);
        p->reused++;
        return TRUE;
    }
    ne = entry_new(kind, p->arch, os, source);
    ne->url = g_steal_pointer(&display);
    ne->etag = g_steal_pointer(&res.etag);
    ne->last_modified = g_steal_pointer(&res.last_modified);
    ne->verified = dl->sha256 != NULL;
    ne->inputs = g_strdup(res.sha256);
    if (!tck_asset_cache_store(p->cache, res.path, res.sha256, ne, error))
        return FALSE;
    say_done(p, tck_asset_cache_find(p->cache, kind, p->arch, os), t0);
    return save(p, error);
}

/* ---------------------------------------------------------------- kernel */

static gboolean
kernel_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    return add_input_file(p, parts, "kernel", p->hk.kernel, error);
}

/* A copy, never the file in /boot: a kernel update must not change it. */
static gboolean
kernel_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    if (!(out->tmp = copy_hashing(p, p->hk.kernel, &out->sha256, error)))
        return FALSE;
    out->source = g_strdup_printf("host:%s", p->hk.kernel);
    return TRUE;
}

/* ---------------------------------------------------------------- vmlinux */

static gboolean
vmlinux_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    TckAssetEntry *k = need_asset(p, r, TCK_ASSET_KERNEL, p->kos, error);

    if (!k)
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("kernel=%s", k->sha256));
    return TRUE;
}

/* The PVH vmlinux out of the kernel; the kernel itself when it has none. */
static gboolean
vmlinux_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    TckAssetEntry *k = tck_asset_cache_find(p->cache, TCK_ASSET_KERNEL, p->arch, p->kos);
    g_autofree char *kpath = tck_asset_cache_path(p->cache, k);
    g_autofree char *tmp = tck_asset_cache_tmp_path(p->cache, "vmlinux");
    g_autofree char *why = NULL;

    if (!tck_vmlinux_extract(kpath, tmp, &why, error))
        return FALSE;
    if (why) {
        g_unlink(tmp);
        tck_progress_say(p->pr, "%-10s kept the compressed kernel: %s", "vmlinux", why);
        out->file = g_strdup(k->file);
        out->sha256 = g_strdup(k->sha256);
        out->source = g_strdup_printf("kept:compressed kernel, %s", why);
        return TRUE;
    }
    out->tmp = g_steal_pointer(&tmp);
    return TRUE;
}

/* ---------------------------------------------------------------- initrd */

/* An initrd's @names_wanted modules in load order; memoised by the stat
 * of modules.dep and modules.builtin, since parsing them is most of a warm
 * prepare. */
static GPtrArray *
resolve_modules(TckPrepare *p, const char *const *names_wanted, GError **error)
{
    g_autofree char *dep = g_build_filename(p->hk.modules_dir, "modules.dep", NULL);
    g_autofree char *builtin = g_build_filename(p->hk.modules_dir, "modules.builtin", NULL);
    g_autofree char *wanted = g_strjoinv(",", (char **)names_wanted);
    g_autofree char *s_dep = tck_asset_stat_stamp(dep);
    g_autofree char *s_builtin = tck_asset_stat_stamp(builtin);
    g_autofree char *stamp = g_strdup_printf("%s %s %s", s_dep, s_builtin, wanted);
    g_autofree char *key = g_strdup_printf("modules %s %s", p->hk.modules_dir, wanted);
    g_autofree char *memo = tck_asset_cache_memo_get(p->cache, key, stamp);
    GPtrArray *list;

    if (memo) {
        g_auto(GStrv) names = g_strsplit(memo, " ", -1);
        list = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; names[i]; i++)
            if (*names[i])
                g_ptr_array_add(list, g_strdup(names[i]));
        return list;
    }
    if (!(list = tck_host_modules_resolve(p->hk.modules_dir, names_wanted, error)))
        return NULL;
    {
        g_autoptr(GString) value = g_string_new(NULL);
        for (guint i = 0; i < list->len; i++)
            g_string_append_printf(value, "%s%s", i ? " " : "", (char *)g_ptr_array_index(list, i));
        tck_asset_cache_memo_set(p->cache, key, stamp, value->str);
    }
    return list;
}

/* A busybox initrd's inputs: busybox, its /init script and @modules. */
static gboolean
busybox_initrd_inputs(TckPrepare *p, const char *init_name, GPtrArray *modules, GPtrArray *parts,
                      GError **error)
{
    g_autofree char *init = tck_assets_data_path(init_name);

    if (!add_input_file(p, parts, "busybox", p->bb, error) ||
        !add_input_file(p, parts, "init", init, error))
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("release=%s", p->hk.release ? p->hk.release : "-"));
    for (guint i = 0; modules && i < modules->len; i++) {
        const char *m = g_ptr_array_index(modules, i);
        g_autofree char *path = g_build_filename(p->hk.modules_dir, m, NULL);
        if (!add_input_file(p, parts, m, path, error))
            return FALSE;
    }
    return TRUE;
}

static gboolean
busybox_initrd_build(TckPrepare *p, const char *init_name, GPtrArray *modules, TckBuilt *out,
                     GError **error)
{
    g_autofree char *init = tck_assets_data_path(init_name);

    out->tmp = tck_asset_cache_tmp_path(p->cache, init_name);
    return applets(p, error) &&
           tck_initrd_build(out->tmp, p->bb, p->applets, init, p->hk.modules_dir, modules, error);
}

static gboolean
initrd_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    if (p->hk.modules_dir && !p->modules && !(p->modules = resolve_modules(p, tck_initrd_modules, error)))
        return FALSE;
    return busybox_initrd_inputs(p, "init.sh", p->modules, parts, error);
}

static gboolean
initrd_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    return busybox_initrd_build(p, "init.sh", p->modules, out, error);
}

/* ---------------------------------------------------------------- ISO */

static gboolean
iso_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    g_autofree char *cfg = tck_assets_data_path("isolinux.cfg");
    TckAssetEntry *k, *i;

    if (!(k = need_asset(p, r, TCK_ASSET_KERNEL, p->kos, error)) ||
        !(i = need_asset(p, r, TCK_ASSET_INITRD, p->kos, error)))
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("kernel=%s", k->sha256));
    g_ptr_array_add(parts, g_strdup_printf("initrd=%s", i->sha256));
    return add_input_file(p, parts, "isolinux.bin", p->isolinux_bin, error) &&
           add_input_file(p, parts, "ldlinux.c32", p->ldlinux_c32, error) &&
           add_input_file(p, parts, "isolinux.cfg", cfg, error);
}

static gboolean
iso_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    g_autofree char *cfg = tck_assets_data_path("isolinux.cfg");
    g_autofree char *kpath = tck_asset_cache_path(p->cache,
        tck_asset_cache_find(p->cache, TCK_ASSET_KERNEL, p->arch, p->kos));
    g_autofree char *ipath = tck_asset_cache_path(p->cache,
        tck_asset_cache_find(p->cache, TCK_ASSET_INITRD, p->arch, p->kos));

    out->tmp = tck_asset_cache_tmp_path(p->cache, "iso");
    return tck_iso_build(out->tmp, kpath, ipath, p->isolinux_bin, p->ldlinux_c32, cfg, error);
}

/* ---------------------------------------------------------------- rootfs, template */

static gboolean
rootfs_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    g_autofree char *init = tck_assets_data_path("container-init.sh");

    return add_input_file(p, parts, "busybox", p->bb, error) &&
           add_input_file(p, parts, "init", init, error);
}

/* The rootfs tarball blob and its extracted tree trees/<sha>. */
static gboolean
rootfs_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    g_autofree char *init = tck_assets_data_path("container-init.sh");
    g_autofree char *tmp = tck_asset_cache_tmp_path(p->cache, "rootfs.tar.gz");
    g_autofree char *blob_rel = NULL;
    g_autofree char *blob = NULL;
    g_autofree char *tree = NULL;
    struct stat st;

    if (!applets(p, error) || !tck_rootfs_build(tmp, p->bb, p->applets, init, error) ||
        !(out->sha256 = tck_sha256_file(tmp, error)) ||
        !tck_asset_cache_put_blob(p->cache, tmp, out->sha256, &blob_rel, error))
        return FALSE;
    blob = tck_asset_cache_abs(p->cache, blob_rel);
    out->file = tck_asset_cache_tree_rel(out->sha256);
    tree = tck_asset_cache_abs(p->cache, out->file);
    if (!g_file_test(tree, G_FILE_TEST_IS_DIR)) {
        /* extract aside, then rename: a tree is either complete or absent */
        g_autofree char *tree_tmp = tck_asset_cache_tmp_path(p->cache, "tree");
        if (!tck_rootfs_extract(blob, tree_tmp, error))
            return FALSE;
        if (g_rename(tree_tmp, tree) < 0) {
            tck_asset_set_errno(error, errno, "store", tree);
            return FALSE;
        }
    }
    if (stat(blob, &st) < 0) {
        tck_asset_set_errno(error, errno, "stat", blob);
        return FALSE;
    }
    out->size = st.st_size;
    return TRUE;
}

static gboolean
template_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    TckAssetEntry *rootfs = need_asset(p, r, TCK_ASSET_ROOTFS, "exe", error);
    g_autofree char *name = tck_template_name(p->arch);

    if (!rootfs)
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("name=%s", name));
    g_ptr_array_add(parts, g_strdup_printf("rootfs=%s", rootfs->sha256));
    return TRUE;
}

static gboolean
template_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    TckAssetEntry *rootfs = tck_asset_cache_find(p->cache, TCK_ASSET_ROOTFS, p->arch, "exe");
    g_autofree char *blob_rel = tck_asset_cache_blob_rel(rootfs->sha256);
    g_autofree char *blob = tck_asset_cache_abs(p->cache, blob_rel);

    out->sha256 = g_strdup(rootfs->sha256);
    return (out->file = tck_template_install(p->cache, blob, p->arch, error)) != NULL;
}

/* ---------------------------------------------------------------- disks */

static const char *
disk_format(const TckRecipe *r)
{
    return r->kind == TCK_ASSET_DISK_QCOW2 ? "qcow2" : "raw";
}

static gboolean
disk_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    g_ptr_array_add(parts, g_strdup_printf("format=%s", disk_format(r)));
    g_ptr_array_add(parts, g_strdup_printf("size=%" G_GUINT64_FORMAT, p->disk_size));
    return TRUE;
}

static gboolean
disk_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    out->tmp = tck_asset_cache_tmp_path(p->cache, disk_format(r));
    out->source = g_strdup_printf("built:empty %s", disk_format(r));
    return tck_disk_create(out->tmp, disk_format(r), p->disk_size, error);
}

static gboolean
fs_disk_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    TckAssetEntry *rootfs = need_asset(p, r, TCK_ASSET_ROOTFS, "exe", error);

    if (!rootfs)
        return FALSE;
    g_ptr_array_add(parts, g_strdup_printf("rootfs=%s", rootfs->sha256));
    return disk_inputs(p, r, parts, error);
}

static gboolean
fs_disk_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    TckAssetEntry *rootfs = tck_asset_cache_find(p->cache, TCK_ASSET_ROOTFS, p->arch, "exe");
    g_autofree char *blob_rel = tck_asset_cache_blob_rel(rootfs->sha256);
    g_autofree char *blob = tck_asset_cache_abs(p->cache, blob_rel);

    tck_progress_say(p->pr, "fs-disk    launching a libguestfs appliance (slow without KVM)");
    out->tmp = tck_asset_cache_tmp_path(p->cache, "fs-disk");
    return tck_fs_disk_build(out->tmp, blob, p->disk_size, error);
}

/* ---------------------------------------------------------------- the Xen host */

static gboolean
xen_hypervisor_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    return add_input_file(p, parts, "xen", p->xen_gz, error);
}

/* Gunzipped: QEMU's multiboot loader takes a plain ELF. */
static gboolean
xen_hypervisor_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    out->tmp = tck_asset_cache_tmp_path(p->cache, "xen");
    out->source = g_strdup_printf("host:%s", p->xen_gz);
    return tck_xen_hypervisor_unpack(p->xen_gz, out->tmp, error);
}

/* dom0's initrd: busybox, the 9p/overlay modules and assets/xen-dom0-init.sh. */
static gboolean
xen_host_inputs(TckPrepare *p, const TckRecipe *r, GPtrArray *parts, GError **error)
{
    if (!p->dom0_modules && !(p->dom0_modules = resolve_modules(p, tck_xen_dom0_modules, error)))
        return FALSE;
    return busybox_initrd_inputs(p, "xen-dom0-init.sh", p->dom0_modules, parts, error);
}

static gboolean
xen_host_build(TckPrepare *p, const TckRecipe *r, TckBuilt *out, GError **error)
{
    return busybox_initrd_build(p, "xen-dom0-init.sh", p->dom0_modules, out, error);
}

/* ---------------------------------------------------------------- the table */

/* In dependency order: the fast kernel and the ISO need the kernel (and
 * initrd), the template and the fs disk the rootfs. */
static const TckRecipe recipes[] = {
    { TCK_ASSET_KERNEL, NULL, NULL, "kernel-1", "host", kernel_download, kernel_inputs, kernel_build },
    { TCK_ASSET_VMLINUX, NULL, NULL, TCK_VMLINUX_RECIPE, "built:PVH vmlinux from the kernel",
      NULL, vmlinux_inputs, vmlinux_build },
    { TCK_ASSET_INITRD, NULL, NULL, TCK_INITRD_RECIPE, "built:busybox initrd", initrd_download,
      initrd_inputs, initrd_build },
    { TCK_ASSET_ISO, NULL, NULL, TCK_ISO_RECIPE, "built:isolinux ISO", NULL, iso_inputs, iso_build },
    { TCK_ASSET_ROOTFS, NULL, "exe", TCK_ROOTFS_RECIPE, "built:busybox rootfs", NULL, rootfs_inputs,
      rootfs_build },
    { TCK_ASSET_TEMPLATE, NULL, "exe", "template-1", "built:rootfs tarball", NULL, template_inputs,
      template_build },
    { TCK_ASSET_DISK_RAW, "*", "*", TCK_DISK_RECIPE, "built:empty raw", NULL, disk_inputs, disk_build },
    { TCK_ASSET_DISK_QCOW2, "*", "*", TCK_DISK_RECIPE, "built:empty qcow2", NULL, disk_inputs,
      disk_build },
    { TCK_ASSET_FS_DISK, NULL, "*", TCK_DISK_RECIPE "-ext4", "built:ext4 rootfs disk", NULL,
      fs_disk_inputs, fs_disk_build },
    { TCK_ASSET_XEN_HYPERVISOR, NULL, "xen", "xen-hypervisor-1", "host", NULL, xen_hypervisor_inputs,
      xen_hypervisor_build },
    { TCK_ASSET_XEN_HOST, NULL, "xen", TCK_XEN_HOST_RECIPE, "built:Xen dom0 initrd (host root over 9p)",
      NULL, xen_host_inputs, xen_host_build },
};
G_STATIC_ASSERT(G_N_ELEMENTS(recipes) == TCK_ASSET_LAST);

/* One row: fetched, reused from the cache, or built and stored. */
static gboolean
ensure(TckPrepare *p, const TckRecipe *r, GError **error)
{
    const char *arch = row_arch(p, r), *os = row_os(p, r);
    const TckAssetSource *dl = r->download ? r->download(p) : NULL;
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *inputs = NULL;
    g_auto(TckBuilt) b = { 0 };
    TckAssetEntry *e;
    gint64 t0 = g_get_monotonic_time();

    if (dl)
        return fetch(p, r, dl, error);
    if (!r->inputs(p, r, parts, error))
        return FALSE;
    inputs = inputs_hash(r->recipe, parts);
    e = tck_asset_cache_find(p->cache, r->kind, arch, os);
    if (e && !e->bad && g_strcmp0(e->inputs, inputs) == 0 && tck_asset_cache_entry_ok(p->cache, e)) {
        say_cached(p, e);
        return TRUE;
    }
    if (!r->build(p, r, &b, error))
        return FALSE;
    e = entry_new(r->kind, arch, os, b.source ? b.source : r->source);
    e->inputs = g_steal_pointer(&inputs);
    if (b.tmp) {
        if (!b.sha256 && !(b.sha256 = tck_sha256_file(b.tmp, error))) {
            tck_asset_entry_free(e);
            return FALSE;
        }
        if (!tck_asset_cache_store(p->cache, b.tmp, b.sha256, e, error))
            return FALSE;
    } else {
        e->file = g_steal_pointer(&b.file);
        e->sha256 = g_steal_pointer(&b.sha256);
        e->size = b.size;
        if (!tck_asset_cache_add(p->cache, e, error))
            return FALSE;
    }
    say_done(p, tck_asset_cache_find(p->cache, r->kind, arch, os), t0);
    return save(p, error);
}

gboolean
tck_prepare_build_all(TckPrepare *p, GError **error)
{
    for (gsize i = 0; i < G_N_ELEMENTS(recipes); i++)
        if (p->want[recipes[i].kind] && !ensure(p, &recipes[i], error))
            return FALSE;
    return TRUE;
}
