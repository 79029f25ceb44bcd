/* initrd.c — the guest initrd: an uncompressed cpio "newc" archive written from
 * memory, holding static busybox and its applet links, /dev/console, the
 * virtio modules the kernel needs (decompressed) and /init. */
#include <config.h>

#include <string.h>
#include <archive_entry.h>

#include "prepare.h"
#include <tck/error.h>

/*
 * What /init loads: the modules the generic guest's devices need, in this
 * order after dependency resolution (modules.dep); modules built into the
 * kernel or absent from it are left out.  Its console is the 8250 serial
 * port, built in.  evdev and button give acpid the ACPI power button as an
 * input device.  A Xen PV guest sees its disks and NICs through the Xen
 * frontends.
 */
const char *const tck_initrd_modules[] = {
    /* virtio devices on PCI (QEMU's pc and q35 machines) */
    "virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio_pci",
    /* the disk, vda */
    "virtio_blk",
    /* a NIC, for the network and nwfilter suites' guests */
    "virtio_net",
    /* the ACPI power button, for acpid */
    "evdev", "button",
    /* Xen PV guests' disk (xvda) and NIC; elsewhere their init fails at once (no Xen) */
    "xen_blkfront", "xen_netfront",
    NULL,
};

static const struct {
    const char *path;
    mode_t perm;
} initrd_dirs[] = {
    { "bin", 0755 }, { "dev", 0755 }, { "etc", 0755 }, { "lib", 0755 }, { "lib/modules", 0755 },
    { "proc", 0555 }, { "root", 0700 }, { "run", 0755 }, { "sbin", 0755 }, { "sys", 0555 },
    { "tmp", 01777 }, { "usr", 0755 }, { "usr/bin", 0755 }, { "usr/sbin", 0755 },
};

/* Reads a module, decompressing .ko.xz/.ko.zst/.ko.gz with libarchive's raw
 * reader, since busybox insmod takes plain ELF. */
static GBytes *
module_read(const char *path, GError **error)
{
    struct archive *a;
    struct archive_entry *e;
    g_autoptr(GByteArray) data = g_byte_array_new();
    char buf[65536];
    la_ssize_t n;

    if (g_str_has_suffix(path, ".ko")) {
        char *contents;
        gsize len;
        if (!g_file_get_contents(path, &contents, &len, NULL)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot read module %s", path);
            return NULL;
        }
        return g_bytes_new_take(contents, len);
    }
    a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_raw(a);
    if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK ||
        archive_read_next_header(a, &e) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot decompress module %s: %s",
                    path, archive_error_string(a));
        archive_read_free(a);
        return NULL;
    }
    while ((n = archive_read_data(a, buf, sizeof(buf))) > 0)
        g_byte_array_append(data, (guint8 *)buf, n);
    archive_read_free(a);
    if (n < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot decompress module %s", path);
        return NULL;
    }
    return g_byte_array_free_to_bytes(g_steal_pointer(&data));
}

/* "kernel/drivers/virtio/virtio.ko.xz" → "virtio.ko" (flat in the initrd) */
static char *
module_target(const char *rel)
{
    g_autofree char *base = g_path_get_basename(rel);
    char *dot = strstr(base, ".ko");

    if (dot)
        dot[3] = '\0';
    return g_steal_pointer(&base);
}

static gboolean
write_entries(TckArchiveWriter *w, const char *busybox, GStrv applets, const char *init_script,
              const char *modules_dir, GPtrArray *modules, GError **error)
{
    static const char *const skip[] = { "init", "linuxrc", NULL };
    g_autoptr(GString) order = g_string_new(NULL);

    for (gsize i = 0; i < G_N_ELEMENTS(initrd_dirs); i++)
        if (!tck_archive_add_dir(w, initrd_dirs[i].path, initrd_dirs[i].perm, error))
            return FALSE;
    if (!tck_archive_add_chardev(w, "dev/console", 0600, 5, 1, error) ||
        !tck_archive_add_busybox(w, busybox, applets, skip, error) ||
        !tck_archive_add_file(w, "init", 0755, init_script, error))
        return FALSE;
    for (guint i = 0; modules && i < modules->len; i++) {
        const char *rel = g_ptr_array_index(modules, i);
        g_autofree char *src = g_build_filename(modules_dir, rel, NULL);
        g_autofree char *name = module_target(rel);
        g_autofree char *dst = g_build_filename("lib/modules", name, NULL);
        g_autoptr(GBytes) data = module_read(src, error);
        gsize len;
        const void *p;

        if (!data)
            return FALSE;
        p = g_bytes_get_data(data, &len);
        if (!tck_archive_add_data(w, dst, 0644, p, len, error))
            return FALSE;
        g_string_append_printf(order, "%s\n", name);
    }
    return tck_archive_add_data(w, "etc/tck-modules", 0644, order->str, order->len, error);
}

gboolean
tck_initrd_build(const char *out, const char *busybox, GStrv applets, const char *init_script,
                 const char *modules_dir, GPtrArray *modules, GError **error)
{
    TckArchiveWriter w = { .a = archive_write_new(), .out = out };
    gboolean ok;

    /* Uncompressed: under TCG the kernel's gunzip of it costs more (0.17 s
     * of CPU, bench/boot-trim.sh) than the extra 2 MB cost anyone. */
    ok = tck_archive_check(&w, archive_write_set_format_cpio_newc(w.a), "cpio format", error) &&
         tck_archive_check(&w, archive_write_set_bytes_in_last_block(w.a, 1), "block", error) &&
         tck_archive_check(&w, archive_write_open_filename(w.a, out), "open", error) &&
         write_entries(&w, busybox, applets, init_script, modules_dir, modules, error);
    if (ok)
        ok = tck_archive_check(&w, archive_write_close(w.a), "close", error);
    archive_write_free(w.a);
    return ok;
}
