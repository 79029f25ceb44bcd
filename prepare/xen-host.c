/* xen-host.c — the emulated Xen host's boot files (libvirt-tck-sandbox
 * --xen): the hypervisor, gunzipped since QEMU's multiboot loader takes a
 * plain ELF, and dom0's initrd, which mounts the host's own root over
 * virtio-9p (see assets/xen-dom0-init.sh). */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include "prepare.h"
#include <tck/error.h>

/* What dom0's /init loads before it can mount the host's root. */
const char *const tck_xen_dom0_modules[] = {
    "virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio_pci",
    "netfs", "fscache", "9pnet", "9pnet_virtio", "9p", "overlay", NULL,
};

char *
tck_xen_hypervisor_find(const char *boot_dir, GError **error)
{
    const char *dir = boot_dir ? boot_dir : "/boot";
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_autofree char *best = NULL;
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        /* xen-4.17-amd64.gz; not the .efi or .config beside it */
        if (g_str_has_prefix(name, "xen-") && g_str_has_suffix(name, ".gz") &&
            (!best || g_strcmp0(name, best) > 0)) {
            g_free(best);
            best = g_strdup(name);
        }
    }
    if (!best) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT,
                    "no Xen hypervisor (xen-*.gz) in %s; install xen-hypervisor-4.17-amd64", dir);
        return NULL;
    }
    return g_build_filename(dir, best, NULL);
}

gboolean
tck_xen_hypervisor_unpack(const char *src, const char *out, GError **error)
{
    struct archive *a = archive_read_new();
    struct archive_entry *e;
    char buf[65536];
    la_ssize_t n = 0;
    int fd = -1;
    gboolean ok = FALSE;

    archive_read_support_filter_all(a);
    archive_read_support_format_raw(a);
    if (archive_read_open_filename(a, src, sizeof(buf)) != ARCHIVE_OK ||
        archive_read_next_header(a, &e) != ARCHIVE_OK) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot decompress %s: %s", src,
                    archive_error_string(a));
        goto out;
    }
    if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", out, g_strerror(errno));
        goto out;
    }
    while ((n = archive_read_data(a, buf, sizeof(buf))) > 0) {
        if (write(fd, buf, (size_t) n) != n) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot write %s: %s", out, g_strerror(errno));
            goto out;
        }
    }
    if (n < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot decompress %s: %s", src,
                    archive_error_string(a));
        goto out;
    }
    ok = TRUE;
out:
    if (fd >= 0 && close(fd) < 0 && ok) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot write %s: %s", out, g_strerror(errno));
        ok = FALSE;
    }
    archive_read_free(a);
    return ok;
}
