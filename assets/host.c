/* host.c — the host's own inputs: its kernel in /boot, the modules the
 * guest needs from /lib/modules, its static busybox, isolinux, and the
 * data files libvirt-tck ships. */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <tck/asset-sources.h>
#include <tck/error.h>

void
tck_host_kernel_clear(TckHostKernel *k)
{
    g_clear_pointer(&k->kernel, g_free);
    g_clear_pointer(&k->release, g_free);
    g_clear_pointer(&k->modules_dir, g_free);
}

static gboolean
running_from_build_tree(void)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    return exe && g_str_has_prefix(exe, ABS_TOP_BUILDDIR "/");
}

char *
tck_assets_data_path(const char *name)
{
    const char *env = g_getenv("TCK_DATA_DIR");

    if (env && *env)
        return g_build_filename(env, name, NULL);
    if (running_from_build_tree())
        return g_build_filename(ABS_TOP_SRCDIR, "assets", name, NULL);
    return g_build_filename(PKGDATADIR, name, NULL);
}

static gboolean
readable_file(const char *path, const char *what, GError **error)
{
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "%s %s does not exist", what, path);
        return FALSE;
    }
    if (access(path, R_OK) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "%s %s is not readable: %s", what,
                    path, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

static int
compare_versions(gconstpointer a, gconstpointer b)
{
    return strverscmp(*(const char *const *)a, *(const char *const *)b);
}

gboolean
tck_host_kernel_find(const char *kernel, const char *boot_dir, const char *modules_root,
                     TckHostKernel *out, GError **error)
{
    g_autofree char *image = NULL;
    g_autofree char *base = NULL;
    g_autofree char *moddir = NULL;

    if (!boot_dir)
        boot_dir = "/boot";
    if (!modules_root)
        modules_root = "/lib/modules";

    if (kernel) {
        image = g_strdup(kernel);
    } else {
        struct utsname u;
        g_autoptr(GDir) d = NULL;
        g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
        const char *name;

        if (uname(&u) == 0) {
            g_autofree char *running = g_strdup_printf("%s/vmlinuz-%s", boot_dir, u.release);
            if (g_file_test(running, G_FILE_TEST_IS_REGULAR))
                image = g_steal_pointer(&running);
        }
        if (!image) {
            d = g_dir_open(boot_dir, 0, NULL);
            while (d && (name = g_dir_read_name(d)))
                if (g_str_has_prefix(name, "vmlinuz-"))
                    g_ptr_array_add(found, g_strdup(name));
            if (found->len == 0) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                            "no kernel image %s/vmlinuz-* on this host; install a kernel package or give --kernel PATH",
                            boot_dir);
                return FALSE;
            }
            g_ptr_array_sort(found, compare_versions);
            image = g_build_filename(boot_dir, g_ptr_array_index(found, found->len - 1), NULL);
        }
    }
    if (!readable_file(image, "kernel image", error))
        return FALSE;

    base = g_path_get_basename(image);
    out->release = g_strdup(g_str_has_prefix(base, "vmlinuz-") ? base + strlen("vmlinuz-") : base);
    moddir = g_build_filename(modules_root, out->release, NULL);
    if (g_file_test(moddir, G_FILE_TEST_IS_DIR))
        out->modules_dir = g_steal_pointer(&moddir);
    out->kernel = g_steal_pointer(&image);
    return TRUE;
}

/* "kernel/drivers/virtio/virtio_pci.ko.xz" → "virtio_pci" */
static char *
module_name(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);
    char *dot = strstr(base, ".ko");

    if (dot)
        *dot = '\0';
    g_strdelimit(base, "-", '_');
    return g_steal_pointer(&base);
}

typedef struct {
    GHashTable *path;      /* name → relative path */
    GHashTable *deps;      /* name → GStrv of dependency paths */
    GHashTable *builtin;   /* name → "" */
    GHashTable *done;
    GPtrArray *order;
} ModuleGraph;

static void
module_add(ModuleGraph *g, const char *name)
{
    const char *path = g_hash_table_lookup(g->path, name);
    GStrv deps = g_hash_table_lookup(g->deps, name);

    if (!path || g_hash_table_contains(g->done, name))
        return;
    g_hash_table_add(g->done, g_strdup(name));
    /* modules.dep lists every dependency; later ones are the deeper ones */
    for (gint i = deps ? (gint)g_strv_length(deps) - 1 : -1; i >= 0; i--) {
        g_autofree char *dep = module_name(deps[i]);
        module_add(g, dep);
    }
    g_ptr_array_add(g->order, g_strdup(path));
}

GPtrArray *
tck_host_modules_resolve(const char *modules_dir, const char *const *wanted, GError **error)
{
    g_autofree char *dep_path = g_build_filename(modules_dir, "modules.dep", NULL);
    g_autofree char *builtin_path = g_build_filename(modules_dir, "modules.builtin", NULL);
    g_autofree char *dep_text = NULL;
    g_autofree char *builtin_text = NULL;
    g_auto(GStrv) lines = NULL;
    ModuleGraph g = {
        .path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        .deps = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev),
        .builtin = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .order = g_ptr_array_new_with_free_func(g_free),
    };

    if (!g_file_get_contents(dep_path, &dep_text, NULL, NULL)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "%s is missing or unreadable; run depmod for that kernel", dep_path);
        g_clear_pointer(&g.order, g_ptr_array_unref);
        goto out;
    }
    lines = g_strsplit(dep_text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        char *colon = strchr(lines[i], ':');
        if (!colon)
            continue;
        *colon = '\0';
        char *name = module_name(lines[i]);
        g_hash_table_insert(g.path, g_strdup(name), g_strdup(lines[i]));
        g_hash_table_insert(g.deps, name, g_strsplit_set(g_strstrip(colon + 1), " ", -1));
    }
    if (g_file_get_contents(builtin_path, &builtin_text, NULL, NULL)) {
        g_auto(GStrv) blines = g_strsplit(builtin_text, "\n", -1);
        for (guint i = 0; blines[i]; i++)
            if (*blines[i])
                g_hash_table_add(g.builtin, module_name(blines[i]));
    }
    for (guint i = 0; wanted[i]; i++)
        if (!g_hash_table_contains(g.builtin, wanted[i]))
            module_add(&g, wanted[i]);

out:
    g_hash_table_unref(g.path);
    g_hash_table_unref(g.deps);
    g_hash_table_unref(g.builtin);
    g_hash_table_unref(g.done);
    return g.order;
}

char *
tck_host_busybox_find(const char *explicit, GError **error)
{
    const char *env = g_getenv("TCK_BUSYBOX");
    const char *path = explicit ? explicit
                       : env && *env ? env
                       : g_file_test(BUSYBOX_PATH, G_FILE_TEST_IS_EXECUTABLE) ? BUSYBOX_PATH
                       : "/bin/busybox";

    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) || access(path, R_OK | X_OK) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "busybox %s is missing or not executable; install busybox-static or give --busybox PATH",
                    path);
        return NULL;
    }
    return g_strdup(path);
}

static const char *const isolinux_dirs[] = { "/usr/lib/ISOLINUX", "/usr/lib/syslinux",
                                             "/usr/share/syslinux", "/usr/lib/syslinux/bios" };
static const char *const ldlinux_dirs[] = { "/usr/lib/syslinux/modules/bios", "/usr/lib/syslinux",
                                            "/usr/share/syslinux", "/usr/lib/syslinux/bios" };

static char *
find_in(const char *override, const char *const *dirs, gsize n, const char *name)
{
    if (override && *override) {
        g_autofree char *p = g_build_filename(override, name, NULL);
        return g_file_test(p, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer(&p) : NULL;
    }
    for (gsize i = 0; i < n; i++) {
        g_autofree char *p = g_build_filename(dirs[i], name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
            return g_steal_pointer(&p);
    }
    return NULL;
}

gboolean
tck_host_isolinux_find(char **isolinux_bin, char **ldlinux_c32, GError **error)
{
    const char *override = g_getenv("TCK_ISOLINUX_DIR");

    *isolinux_bin = find_in(override, isolinux_dirs, G_N_ELEMENTS(isolinux_dirs), "isolinux.bin");
    *ldlinux_c32 = find_in(override, ldlinux_dirs, G_N_ELEMENTS(ldlinux_dirs), "ldlinux.c32");
    if (!*isolinux_bin || !*ldlinux_c32) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "%s not found in %s; install the isolinux and syslinux-common packages",
                    !*isolinux_bin ? "isolinux.bin" : "ldlinux.c32",
                    override ? override : !*isolinux_bin ? isolinux_dirs[0] : ldlinux_dirs[0]);
        g_clear_pointer(isolinux_bin, g_free);
        g_clear_pointer(ldlinux_c32, g_free);
        return FALSE;
    }
    return TRUE;
}
