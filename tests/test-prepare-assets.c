/*
 * test-prepare-assets — the library side of the asset cache: kind names,
 * the default cache dir, the manifest round trip through store/save/
 * lookup, a changed file refused by lookup and marked bad by verify, the
 * writer lock, purge, module dependency order from a modules.dep fixture
 * (built-in and absent modules left out), and the catalog data file.
 */
#include <config.h>
#include "fs-util.h"

#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <tck/asset-cache.h>
#include <tck/asset-sources.h>
#include <tck/assets.h>
#include <tck/error.h>

static char *
fixture(const char *name)
{
    const char *src = g_getenv("top_srcdir");
    return g_build_filename(src ? src : ABS_TOP_SRCDIR, "tests", "prepare", name, NULL);
}

static char *
make_tmpdir(void)
{
    g_autoptr(GError) error = NULL;
    char *d = g_dir_make_tmp("tck-assets-XXXXXX", &error);
    g_assert_no_error(error);
    return d;
}

static void
test_kind_names(void)
{
    for (int k = 0; k < TCK_ASSET_LAST; k++)
        g_assert_cmpint(tck_asset_kind_from_string(tck_asset_kind_to_string(k)), ==, k);
    g_assert_cmpstr(tck_asset_kind_to_string(TCK_ASSET_DISK_QCOW2), ==, "disk-qcow2");
    g_assert_cmpint(tck_asset_kind_from_string("floppy"), ==, TCK_ASSET_LAST);
    g_assert_null(tck_asset_kind_to_string(TCK_ASSET_LAST));
}

static void
test_default_dir(void)
{
    g_autofree char *scratch = tck_assets_default_cache_dir("/srv/tck");
    g_autofree char *dflt = tck_assets_default_cache_dir(NULL);

    g_assert_cmpstr(scratch, ==, "/srv/tck");
    if (geteuid() == 0)
        g_assert_cmpstr(dflt, ==, "/var/cache/libvirt-tck");
    else
        g_assert_true(g_str_has_suffix(dflt, "/libvirt-tck"));
}

static void
test_lookup_missing(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autoptr(GError) error = NULL;
    g_autofree char *path = tck_assets_lookup(dir, "x86_64", "hvm", TCK_ASSET_INITRD, &error);
    g_autofree char *cmd = g_strdup_printf("run: libvirt-tck-prepare --cache %s --arch x86_64 --os-type hvm", dir);

    g_assert_null(path);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING);
    g_assert_nonnull(strstr(error->message, cmd));
    tck_fs_remove_tree(dir);
}

/* Stores a small file as the x86_64/hvm initrd. */
static void
store_one(TckAssetCache *c, const char *content)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *tmp = tck_asset_cache_tmp_path(c, "t");
    g_autofree char *sha = g_compute_checksum_for_string(G_CHECKSUM_SHA256, content, -1);
    TckAssetEntry *e = g_new0(TckAssetEntry, 1);

    g_assert_true(g_file_set_contents(tmp, content, -1, NULL));
    e->kind = TCK_ASSET_INITRD;
    e->arch = g_strdup("x86_64");
    e->os_type = g_strdup("hvm");
    e->verified = TRUE;
    e->source = g_strdup("test");
    g_assert_true(tck_asset_cache_store(c, tmp, sha, e, &error));
    g_assert_no_error(error);
    g_assert_true(tck_asset_cache_save(c, &error));
    g_assert_no_error(error);
}

static void
test_store_lookup_verify(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckAssetCache) c = tck_asset_cache_open(dir, TRUE, &error);
    g_autofree char *path = NULL;
    g_autofree char *sha = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "hello initrd", -1);
    g_autofree char *blob = NULL;
    g_autofree char *other = NULL;
    struct stat st;

    g_assert_no_error(error);
    g_assert_true(tck_asset_cache_lock(c, 5, NULL, NULL, &error));
    store_one(c, "hello initrd");

    path = tck_assets_lookup(dir, "x86_64", "hvm", TCK_ASSET_INITRD, &error);
    g_assert_no_error(error);
    blob = g_build_filename(dir, "blobs", sha, NULL);
    g_assert_cmpstr(path, ==, blob);
    /* os_type NULL matches any; another arch does not */
    g_free(path);
    path = tck_assets_lookup(dir, "x86_64", NULL, TCK_ASSET_INITRD, &error);
    g_assert_cmpstr(path, ==, blob);
    other = tck_assets_lookup(dir, "aarch64", "hvm", TCK_ASSET_INITRD, &error);
    g_assert_null(other);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_ASSET_MISSING);
    g_clear_error(&error);
    g_assert_cmpint(stat(blob, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 0777, ==, 0644);

    /* a changed file: lookup refuses it, verify marks it bad */
    g_assert_true(g_file_set_contents(blob, "hello INITRD", -1, NULL));
    g_free(path);
    path = tck_assets_lookup(dir, "x86_64", "hvm", TCK_ASSET_INITRD, &error);
    g_assert_null(path);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM);
    g_clear_error(&error);
    g_assert_cmpint(tck_asset_cache_verify(c, TRUE, NULL, &error), ==, 1);
    g_assert_no_error(error);
    g_assert_true(tck_asset_cache_find(c, TCK_ASSET_INITRD, "x86_64", "hvm")->bad);

    /* restoring the content and verifying again clears it */
    g_assert_true(g_file_set_contents(blob, "hello initrd", -1, NULL));
    g_assert_cmpint(tck_asset_cache_verify(c, TRUE, NULL, &error), ==, 0);
    path = (g_free(path), tck_assets_lookup(dir, "x86_64", "hvm", TCK_ASSET_INITRD, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(path, ==, blob);

    /* purge removes the entry and, through gc, the blob */
    g_assert_cmpuint(tck_asset_cache_purge(c, 0, &error), ==, 1);
    g_assert_no_error(error);
    g_assert_false(g_file_test(blob, G_FILE_TEST_EXISTS));
    tck_fs_remove_tree(dir);
}

static void
test_lock(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckAssetCache) a = tck_asset_cache_open(dir, TRUE, &error);
    g_autoptr(TckAssetCache) b = tck_asset_cache_open(dir, TRUE, &error);

    g_assert_true(tck_asset_cache_lock(a, 0, NULL, NULL, &error));
    g_assert_false(tck_asset_cache_lock(b, 0, NULL, NULL, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_LOCK);
    g_clear_error(&error);
    tck_asset_cache_unlock(a);
    g_assert_true(tck_asset_cache_lock(b, 0, NULL, NULL, &error));
    g_assert_no_error(error);
    tck_fs_remove_tree(dir);
}

static void
test_input_memo(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *input = g_build_filename(dir, "input", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckAssetCache) c = tck_asset_cache_open(dir, TRUE, &error);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autofree char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "one", -1);

    g_assert_true(g_file_set_contents(input, "one", -1, NULL));
    a = tck_asset_cache_input_sha256(c, input, &error);
    g_assert_cmpstr(a, ==, want);
    g_assert_true(g_file_set_contents(input, "two!", -1, NULL));
    b = tck_asset_cache_input_sha256(c, input, &error);
    g_assert_cmpstr(a, !=, b);
    g_unlink(input);
    g_assert_null(tck_asset_cache_input_sha256(c, input, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT);
    tck_fs_remove_tree(dir);
}

static void
test_modules_order(void)
{
    static const char *const wanted[] = { "virtio_ring", "virtio", "virtio_pci", "virtio_mmio",
                                          "virtio_blk", "not_there", NULL };
    g_autofree char *dir = fixture("modules");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) order = tck_host_modules_resolve(dir, wanted, &error);
    const char *expect[] = {
        "kernel/drivers/virtio/virtio_ring.ko.xz", "kernel/drivers/virtio/virtio.ko.xz",
        "kernel/drivers/virtio/virtio_pci_modern_dev.ko.xz",
        "kernel/drivers/virtio/virtio_pci_legacy_dev.ko.xz",
        "kernel/drivers/virtio/virtio_pci.ko.xz", "kernel/drivers/block/virtio_blk.ko.xz",
    };

    g_assert_no_error(error);
    g_assert_cmpuint(order->len, ==, G_N_ELEMENTS(expect));
    for (guint i = 0; i < order->len; i++)
        g_assert_cmpstr(g_ptr_array_index(order, i), ==, expect[i]);
}

static void
test_catalog(void)
{
    g_autofree char *cat = fixture("catalog.conf");
    g_autoptr(GError) error = NULL;
    g_auto(TckAssetSource) k = { 0 };
    g_auto(TckAssetSource) none = { 0 };
    g_auto(TckAssetSource) bad = { 0 };

    g_assert_true(tck_catalog_lookup(cat, "aarch64", "hvm", TCK_ASSET_KERNEL, &k, &error));
    g_assert_cmpstr(k.url, ==, "http://127.0.0.1:1/aarch64/vmlinuz");
    g_assert_cmpuint(k.size, ==, 3000000);
    g_assert_cmpuint(strlen(k.sha256), ==, 64);
    g_assert_false(tck_catalog_lookup(cat, "riscv64", "hvm", TCK_ASSET_KERNEL, &none, &error));
    g_assert_no_error(error);
    /* an entry without a valid SHA-256 is an error, never used unverified */
    g_assert_false(tck_catalog_lookup(cat, "s390x", "hvm", TCK_ASSET_KERNEL, &bad, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CONFIG);
    g_clear_error(&error);
    /* the initrd entry of aarch64 has no sha256 either */
    g_assert_false(tck_catalog_lookup(cat, "aarch64", "hvm", TCK_ASSET_INITRD, &bad, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CONFIG);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/assets/kind-names", test_kind_names);
    g_test_add_func("/assets/default-dir", test_default_dir);
    g_test_add_func("/assets/lookup-missing", test_lookup_missing);
    g_test_add_func("/assets/store-lookup-verify", test_store_lookup_verify);
    g_test_add_func("/assets/lock", test_lock);
    g_test_add_func("/assets/input-memo", test_input_memo);
    g_test_add_func("/assets/modules-order", test_modules_order);
    g_test_add_func("/assets/catalog", test_catalog);
    return g_test_run();
}
