/*
 * test-prepare-archives — what libvirt-tck-prepare builds holds what the
 * guests need.  Prepares a cache offline, then reads the assets back with
 * libarchive: the OpenVZ template (= rootfs tarball) and its extraction,
 * and the extracted rootfs tree in the cache, have the right modes,
 * owners, applet links and device nodes, /sbin/init and an empty
 * /tck-out; the initrd's cpio has /init, /dev/console, busybox and the
 * virtio modules in dependency order; the ISO has isolinux, a boot
 * catalog, the kernel and the initrd.
 */
#include <config.h>

#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include <tck/assets.h>
#include <tck/error.h>

static char *cache;

static char *
asset(TckAssetKind kind)
{
    g_autoptr(GError) error = NULL;
    char *p = tck_assets_lookup(cache, NULL, NULL, kind, &error);
    g_assert_no_error(error);
    return p;
}

/* path → (mode, symlink target or NULL, rdev, size) for every entry */
typedef struct {
    mode_t mode;
    char *link;
    unsigned maj, min;
    la_int64_t size;
    la_int64_t uid, gid;
    time_t mtime;
    GBytes *data;
} Entry;

static void
entry_free(gpointer p)
{
    Entry *e = p;
    g_free(e->link);
    if (e->data)
        g_bytes_unref(e->data);
    g_free(e);
}

static GHashTable *
read_archive(const char *path, gboolean keep_data)
{
    GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entry_free);
    struct archive *a = archive_read_new();
    struct archive_entry *ae;

    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    g_assert_cmpint(archive_read_open_filename(a, path, 65536), ==, ARCHIVE_OK);
    while (archive_read_next_header(a, &ae) == ARCHIVE_OK) {
        Entry *e = g_new0(Entry, 1);
        const char *name = archive_entry_pathname(ae);
        e->mode = archive_entry_mode(ae);
        e->link = g_strdup(archive_entry_symlink(ae));
        e->maj = archive_entry_rdevmajor(ae);
        e->min = archive_entry_rdevminor(ae);
        e->size = archive_entry_size(ae);
        e->uid = archive_entry_uid(ae);
        e->gid = archive_entry_gid(ae);
        e->mtime = archive_entry_mtime(ae);
        if (keep_data && S_ISREG(e->mode) && e->size < (16 << 20)) {
            g_autofree char *buf = g_malloc(e->size + 1);
            g_assert_cmpint(archive_read_data(a, buf, e->size), ==, e->size);
            e->data = g_bytes_new(buf, e->size);
        }
        /* "./bin/sh" and "bin/sh" alike, "tmp/" as "tmp" */
        {
            char *key = g_strdup(g_str_has_prefix(name, "./") ? name + 2 : name);
            gsize n = strlen(key);
            if (n > 1 && key[n - 1] == '/')
                key[n - 1] = '\0';
            g_hash_table_insert(h, key, e);
        }
    }
    archive_read_free(a);
    return h;
}

static void
assert_entry(GHashTable *h, const char *name, mode_t mode)
{
    Entry *e = g_hash_table_lookup(h, name);
    if (!e)
        g_error("%s is missing", name);
    g_assert_cmpuint(e->mode, ==, mode);
    g_assert_cmpint(e->uid, ==, 0);
    g_assert_cmpint(e->gid, ==, 0);
}

static void
assert_chardev(GHashTable *h, const char *name, mode_t perm, unsigned maj, unsigned min)
{
    Entry *e = g_hash_table_lookup(h, name);
    assert_entry(h, name, S_IFCHR | perm);
    g_assert_cmpuint(e->maj, ==, maj);
    g_assert_cmpuint(e->min, ==, min);
}

static void
check_rootfs_archive(GHashTable *h)
{
    Entry *sh = g_hash_table_lookup(h, "bin/sh");
    Entry *init = g_hash_table_lookup(h, "sbin/init");
    Entry *passwd = g_hash_table_lookup(h, "etc/passwd");

    assert_entry(h, "bin/busybox", S_IFREG | 0755);
    assert_entry(h, "sbin/init", S_IFREG | 0755);
    assert_entry(h, "tck-out", S_IFDIR | 0755);
    assert_entry(h, "tmp", S_IFDIR | 01777);
    assert_entry(h, "root", S_IFDIR | 0700);
    assert_entry(h, "etc/group", S_IFREG | 0644);
    assert_chardev(h, "dev/console", 0600, 5, 1);
    assert_chardev(h, "dev/null", 0666, 1, 3);
    assert_chardev(h, "dev/urandom", 0666, 1, 9);
    g_assert_true(S_ISLNK(sh->mode));
    g_assert_cmpstr(sh->link, ==, "../bin/busybox");
    g_assert_cmpstr(((Entry *)g_hash_table_lookup(h, "usr/bin/env"))->link, ==, "../../bin/busybox");
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "token=${TCK_TOKEN"));
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "TCK-GUEST-READY $token"));
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "TCK-GUEST-DOWN $token reboot boot=$boot"));
    g_assert_nonnull(strstr(g_bytes_get_data(passwd->data, NULL), "root:x:0:0:"));
    g_assert_cmpint(init->mtime, ==, 946684800);
    /* nothing inside /tck-out */
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, h);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_assert_false(g_str_has_prefix(key, "tck-out/"));
}

static void
check_tree(const char *root)
{
    static const struct { const char *path; mode_t mode; unsigned maj, min; } expect[] = {
        { "bin/busybox", S_IFREG | 0755, 0, 0 }, { "sbin/init", S_IFREG | 0755, 0, 0 },
        { "tck-out", S_IFDIR | 0755, 0, 0 }, { "tmp", S_IFDIR | 01777, 0, 0 },
        { "dev/console", S_IFCHR | 0600, 5, 1 }, { "dev/null", S_IFCHR | 0666, 1, 3 },
        { "dev/zero", S_IFCHR | 0666, 1, 5 }, { "bin/sh", S_IFLNK | 0777, 0, 0 },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(expect); i++) {
        g_autofree char *p = g_build_filename(root, expect[i].path, NULL);
        struct stat st;
        if (S_ISCHR(expect[i].mode) && geteuid() != 0)
            continue;   /* a user's tree has no device nodes */
        g_assert_cmpint(lstat(p, &st), ==, 0);
        g_assert_cmpuint(st.st_mode, ==, expect[i].mode);
        if (S_ISCHR(expect[i].mode)) {
            g_assert_cmpuint(major(st.st_rdev), ==, expect[i].maj);
            g_assert_cmpuint(minor(st.st_rdev), ==, expect[i].min);
        }
        if (geteuid() == 0)
            g_assert_cmpuint(st.st_uid, ==, 0);
    }
    {
        /* the applet link resolves to busybox inside the tree */
        g_autofree char *sh = g_build_filename(root, "bin/sh", NULL);
        g_autofree char *bb = g_build_filename(root, "bin/busybox", NULL);
        struct stat a, b;
        g_assert_cmpint(stat(sh, &a), ==, 0);
        g_assert_cmpint(stat(bb, &b), ==, 0);
        g_assert_cmpuint(a.st_ino, ==, b.st_ino);
    }
}

static void
test_template(void)
{
    g_autofree char *tpl = asset(TCK_ASSET_TEMPLATE);
    g_autofree char *base = g_path_get_basename(tpl);
    g_autoptr(GHashTable) h = read_archive(tpl, TRUE);

    g_assert_cmpstr(base, ==, "tck-busybox-x86_64.tar.gz");
    check_rootfs_archive(h);
}

static void
test_template_extract(void)
{
    g_autofree char *tpl = asset(TCK_ASSET_TEMPLATE);
    g_autofree char *dest = g_dir_make_tmp("tck-extract-XXXXXX", NULL);
    g_autofree char *cwd = g_get_current_dir();
    struct archive *in = archive_read_new(), *out = archive_write_disk_new();
    struct archive_entry *ae;
    int r;

    g_assert_cmpint(chdir(dest), ==, 0);
    archive_read_support_filter_all(in);
    archive_read_support_format_all(in);
    archive_write_disk_set_options(out, ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_OWNER |
                                            ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                            ARCHIVE_EXTRACT_SECURE_SYMLINKS);
    g_assert_cmpint(archive_read_open_filename(in, tpl, 65536), ==, ARCHIVE_OK);
    while ((r = archive_read_next_header(in, &ae)) == ARCHIVE_OK) {
        const void *buf;
        size_t len;
        la_int64_t off;
        if (geteuid() != 0 && archive_entry_filetype(ae) == AE_IFCHR)
            continue;
        g_assert_cmpint(archive_write_header(out, ae), >=, ARCHIVE_WARN);
        while (archive_read_data_block(in, &buf, &len, &off) == ARCHIVE_OK)
            g_assert_cmpint(archive_write_data_block(out, buf, len, off), >=, ARCHIVE_WARN);
    }
    g_assert_cmpint(r, ==, ARCHIVE_EOF);
    g_assert_cmpint(archive_write_close(out), ==, ARCHIVE_OK);
    archive_read_free(in);
    archive_write_free(out);
    g_assert_cmpint(chdir(cwd), ==, 0);
    check_tree(dest);
    {
        const char *argv[] = { "rm", "-rf", dest, NULL };
        g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
}

static void
test_rootfs_tree(void)
{
    g_autofree char *tree = asset(TCK_ASSET_ROOTFS);

    g_assert_true(g_file_test(tree, G_FILE_TEST_IS_DIR));
    check_tree(tree);
}

static void
test_initrd(void)
{
    g_autofree char *initrd = asset(TCK_ASSET_INITRD);
    g_autoptr(GHashTable) h = read_archive(initrd, TRUE);
    Entry *mods = g_hash_table_lookup(h, "etc/tck-modules");
    Entry *init = g_hash_table_lookup(h, "init");
    g_autofree char *order = NULL;
    const char *blk, *virtio;

    assert_entry(h, "init", S_IFREG | 0755);
    assert_entry(h, "bin/busybox", S_IFREG | 0755);
    assert_chardev(h, "dev/console", 0600, 5, 1);
    g_assert_nonnull(init);
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "TCK-GUEST-READY"));
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "acpid -f -c /etc/acpi"));
    g_assert_nonnull(strstr(g_bytes_get_data(init->data, NULL), "TCK-GUEST-POWERBUTTON"));
    g_assert_nonnull(mods);
    order = g_strndup(g_bytes_get_data(mods->data, NULL), mods->size);
    if (!g_file_test("/lib/modules", G_FILE_TEST_IS_DIR) || !*order) {
        g_test_skip("the host kernel has no loadable virtio modules");
        return;
    }
    /* every listed module is in the archive; dependencies come first */
    {
        g_auto(GStrv) names = g_strsplit(g_strstrip(order), "\n", -1);
        for (guint i = 0; names[i]; i++) {
            g_autofree char *p = g_build_filename("lib/modules", names[i], NULL);
            Entry *m = g_hash_table_lookup(h, p);
            g_assert_nonnull(m);
            g_assert_cmpmem(g_bytes_get_data(m->data, NULL), 4, "\177ELF", 4);
        }
    }
    blk = strstr(order, "virtio_blk.ko");
    virtio = strstr(order, "virtio.ko");
    if (blk) {
        g_assert_nonnull(virtio);
        g_assert_true(virtio < blk);
    }
}

static void
test_iso(void)
{
    g_autofree char *iso = asset(TCK_ASSET_ISO);
    g_autoptr(GHashTable) h = read_archive(iso, TRUE);
    Entry *cfg = g_hash_table_lookup(h, "isolinux/isolinux.cfg");

    g_assert_nonnull(g_hash_table_lookup(h, "isolinux/isolinux.bin"));
    g_assert_nonnull(g_hash_table_lookup(h, "isolinux/ldlinux.c32"));
    g_assert_nonnull(g_hash_table_lookup(h, "isolinux/boot.cat"));
    g_assert_nonnull(g_hash_table_lookup(h, "boot/vmlinuz"));
    g_assert_nonnull(g_hash_table_lookup(h, "boot/initrd.img"));
    g_assert_nonnull(cfg);
    g_assert_true(g_str_has_prefix(g_bytes_get_data(cfg->data, NULL), "SERIAL 0 115200"));
}

int
main(int argc, char **argv)
{
    g_autofree char *prepare = NULL;
    const char *builddir = g_getenv("top_builddir");
    const char *srcdir = g_getenv("top_srcdir");
    g_autofree char *data = g_build_filename(srcdir ? srcdir : ABS_TOP_SRCDIR, "assets", NULL);
    g_autoptr(GError) error = NULL;
    int status = 0, rc;

    g_test_init(&argc, &argv, NULL);
    cache = g_dir_make_tmp("tck-archives-XXXXXX", NULL);
    prepare = g_build_filename(builddir ? builddir : ABS_TOP_BUILDDIR, "prepare",
                               "libvirt-tck-prepare", NULL);
    {
        const char *pargv[] = { prepare, "-q", "--offline", "--cache", cache, "--only",
                                "kernel,initrd,iso,rootfs,template", NULL };
        g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "TCK_DATA_DIR", data, TRUE);
        if (!g_spawn_sync(NULL, (char **)pargv, env, 0, NULL, NULL, NULL, NULL, &status, &error) ||
            !g_spawn_check_wait_status(status, &error))
            g_error("%s failed: %s", prepare, error->message);
    }
    g_test_add_func("/archives/template", test_template);
    g_test_add_func("/archives/template-extract", test_template_extract);
    g_test_add_func("/archives/rootfs-tree", test_rootfs_tree);
    g_test_add_func("/archives/initrd", test_initrd);
    g_test_add_func("/archives/iso", test_iso);
    rc = g_test_run();
    {
        const char *argv2[] = { "rm", "-rf", cache, NULL };
        g_spawn_sync(NULL, (char **)argv2, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
    g_free(cache);
    return rc;
}
