/*
 * generic-domain.c — the minimal guest that boots on a guest plan: a
 * kernel+initrd, an ISO, a container rootfs or an OpenVZ template, with
 * its console wired to where the readiness marker will appear.
 */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include <tck/builders.h>
#include <tck/error.h>

#define TCK_GENERIC_MEMORY_KIB (256 * 1024)

/*
 * Kernel command line words for the generic guest, each kept for a
 * measured reason (bench/boot-trim.sh: CPU seconds of a TCG boot to the
 * marker, 2.22 s without them):
 *  - cryptomgr.notests skips the crypto self-tests (-0.31 s);
 *  - on x86, no_timer_check (added below) costs nothing measurable, but without it a TCG guest
 *    whose vCPU thread is starved on a loaded host fails the IO-APIC
 *    timer check and panics ("IO-APIC + timer doesn't work!", seen here
 *    at a load of 22).
 * Tried and left out: acpi=off (-0.26 s, but the guest would lose ACPI,
 * which shutdown tests need), mitigations=off, apparmor=0 audit=0,
 * 8250.nr_uarts=1 i8042.noaux (each within the noise, under 0.1 s).
 */
#define TCK_GENERIC_CMDLINE_TRIM "cryptomgr.notests"

/* The x86 features every full-virt x86 guest gets; other arches get none. */
static const char *const tck_x86_arches[] = { "x86_64", "i686", NULL };

/* libvirt's schema names only these arches for Xen PV/PVH <type>; on others
 * (Arm) the arch is left out and the driver uses the host's. */
static const char *const tck_xen_pv_arches[] = { "i686", "x86_64", "ia64", NULL };

static gboolean
tck_need(const char *path, const char *what, const TckGuestPlan *plan, GError **error)
{
    if (path && *path)
        return TRUE;
    g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER,
                "the %s plan (%s/%s on %s) needs %s, and none was given",
                tck_boot_to_string(plan->boot), plan->arch, plan->os_type, plan->domain_type, what);
    return FALSE;
}

/* A UUID derived from the name (SHA-256, RFC 4122 version/variant bits), so
 * that the same guest always has the same identity: a test can create it,
 * then define the very same XML as its persistent config. */
static char *
tck_name_uuid(const char *name)
{
    g_autofree char *hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, name, -1);
    static const char variant[] = "89ab";

    hex[12] = '4';
    hex[16] = variant[g_ascii_xdigit_value(hex[16]) & 3];
    return g_strdup_printf("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

static char *
tck_target_name(const char *prefix, char letter)
{
    return g_strdup_printf("%s%c", prefix, letter);
}

/* Domain types whose serial ports can be a pty and log to a file at once. */
static const char *const tck_pty_log_domain_types[] = { "kvm", "qemu", NULL };

/*
 * The console: a serial log file, or the driver's own console device.
 * Where the driver can, the serial port is a pty that also logs to the
 * file: the marker is then read from the file locally and through
 * virDomainOpenConsole over remote URIs.
 */
static void
tck_generic_console(TckDomainBuilder *b, const TckGuestPlan *plan, const char *log_path)
{
    if (g_str_equal(plan->console_type, "file") &&
        g_strv_contains(tck_pty_log_domain_types, plan->domain_type)) {
        TckCharSpec serial = { .type = "pty", .log = log_path, .port = 0 };

        tck_domain_builder_add_serial(b, &serial);
    } else if (g_str_equal(plan->console_type, "file")) {
        TckCharSpec serial = { .type = "file", .path = log_path, .port = 0 };

        tck_domain_builder_add_serial(b, &serial);
    } else {
        TckCharSpec console = { .type = plan->console_type, .target_type = plan->console_target };

        tck_domain_builder_add_console(b, &console);
    }
}

/* Top-level directories a container needs as its own, not the shared rootfs's. */
static const char *const tck_container_own_dirs[] = { "dev", "proc", "sys", "run", "tmp", "tck-out", NULL };

gboolean
tck_generic_container_root(const char *rootfs, const char *root_dir, GError **error)
{
    g_autoptr(GError) local = NULL;
    g_autoptr(GDir) dir = g_dir_open(rootfs, 0, &local);
    const char *entry;

    if (!dir) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot read the rootfs %s: %s", rootfs,
                    local->message);
        return FALSE;
    }
    if (g_mkdir_with_parents(root_dir, 0755) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", root_dir,
                    g_strerror(errno));
        return FALSE;
    }
    for (gsize i = 0; tck_container_own_dirs[i]; i++) {
        g_autofree char *path = g_build_filename(root_dir, tck_container_own_dirs[i], NULL);

        if (g_mkdir_with_parents(path, 0755) < 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", path,
                        g_strerror(errno));
            return FALSE;
        }
    }
    while ((entry = g_dir_read_name(dir))) {
        g_autofree char *link = g_build_filename(root_dir, entry, NULL);
        g_autofree char *target = g_build_filename("/rootfs", entry, NULL);

        /* Hidden entries are no part of the guest: libvirt's LXC driver
         * makes "/.oldroot" in the guest's root, which must be a real
         * directory of ours, never a link into the shared rootfs. */
        if (entry[0] == '.' || g_strv_contains(tck_container_own_dirs, entry) ||
            g_file_test(link, G_FILE_TEST_IS_SYMLINK))
            continue;
        if (symlink(target, link) < 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create the symlink %s: %s", link,
                        g_strerror(errno));
            return FALSE;
        }
    }
    return TRUE;
}

void
tck_disk_spec_from_plan(const TckGuestPlan *plan, TckDiskSpec *disk)
{
    disk->bus = plan->disk_bus;
    if (plan->disk_driver) {
        disk->driver = plan->disk_driver;
        if (!disk->format)
            disk->format = "raw";
    }
}

char *
tck_generic_domain(const TckGuestPlan *plan, const TckGuestAssets *assets, const char *name,
                   const char *token, const char *log_path, GError **error)
{
    g_autoptr(TckDomainBuilder) b = NULL;
    g_autofree char *disk_target = NULL;
    g_autofree char *cdrom_target = NULL;
    g_autofree char *cmdline = NULL;
    gboolean qemu = g_str_equal(plan->domain_type, "kvm") || g_str_equal(plan->domain_type, "qemu");
    gboolean hvm = g_str_equal(plan->os_type, "hvm");
    const char *const guest_md[] = { "token", token, "log", log_path, NULL };

    if (!token || !*token || !log_path || !*log_path) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER,
                    "the generic guest %s needs a token and a log path", name ? name : "");
        return NULL;
    }

    b = tck_domain_builder_new(plan->domain_type, name);
    if (name) {
        g_autofree char *uuid = tck_name_uuid(name);

        tck_domain_builder_set_uuid(b, uuid);
    }
    tck_domain_builder_set_memory(b, TCK_GENERIC_MEMORY_KIB);
    tck_domain_builder_set_vcpus(b, 1);
    tck_domain_builder_add_metadata(b, TCK_GUEST_NS, "tck", "guest", guest_md);
    tck_domain_builder_set_os(b, plan->os_type,
                              g_str_equal(plan->domain_type, "xen") && !hvm &&
                              !g_strv_contains(tck_xen_pv_arches, plan->arch) ? NULL : plan->arch,
                              plan->machine);
    if (hvm && g_strv_contains(tck_x86_arches, plan->arch)) {
        tck_domain_builder_add_feature(b, "acpi");
        tck_domain_builder_add_feature(b, "apic");
    }
    tck_domain_builder_set_on_event(b, "poweroff", "destroy");
    tck_domain_builder_set_on_event(b, "crash", "destroy");
    /* Some drivers report a bare program name ("bhyve"); the XML wants a path. */
    if (plan->emulator && g_path_is_absolute(plan->emulator))
        tck_domain_builder_set_emulator(b, plan->emulator);

    switch (plan->boot) {
    case TCK_BOOT_KERNEL:
        if (!tck_need(assets->kernel, "a kernel", plan, error) ||
            !tck_need(assets->initrd, "an initrd", plan, error))
            return NULL;
        /* TCK_GENERIC_CMDLINE_TRIM: measured trims, and no_timer_check, since
         * under TCG on a loaded host an x86 kernel's IO-APIC timer check can
         * fail and panic ("IO-APIC + timer doesn't work!"). */
        cmdline = g_strdup_printf("console=%s quiet %s%s tck.token=%s%s%s",
                                  plan->kernel_console ? plan->kernel_console : "ttyS0",
                                  TCK_GENERIC_CMDLINE_TRIM,
                                  g_strv_contains(tck_x86_arches, plan->arch) ? " no_timer_check" : "",
                                  token, assets->kernel_args ? " " : "",
                                  assets->kernel_args ? assets->kernel_args : "");
        tck_domain_builder_set_kernel(b, assets->kernel, assets->initrd, cmdline);
        if (assets->disk && plan->disk_bus) {
            TckDiskSpec disk = {
                .source = assets->disk,
                .format = assets->disk_format ? assets->disk_format : "raw",
            };

            disk_target = tck_target_name(plan->disk_prefix, 'a');
            disk.target = disk_target;
            tck_disk_spec_from_plan(plan, &disk);
            /* Elsewhere the plan names the backend (Xen: qdisk) or leaves it, and the format, to the driver. */
            if (!qemu && !plan->disk_driver)
                disk.format = NULL;
            tck_domain_builder_add_disk(b, &disk);
        }
        break;

    case TCK_BOOT_ISO: {
        TckDiskSpec cdrom = { .device = "cdrom", .bus = plan->cdrom_bus, .readonly = TRUE };
        TckDiskSpec disk = { .bus = plan->disk_bus };

        if (!tck_need(assets->iso, "an ISO", plan, error) ||
            !tck_need(assets->disk, "an empty disk", plan, error))
            return NULL;
        if (plan->loader)
            tck_domain_builder_set_loader(b, plan->loader);
        tck_domain_builder_add_boot_device(b, "cdrom");
        tck_domain_builder_add_boot_device(b, "hd");
        disk_target = tck_target_name(plan->disk_prefix, 'a');
        /* IDE puts the cdrom on the secondary master, like most installers expect. */
        cdrom_target = tck_target_name(plan->cdrom_prefix,
                                       g_str_equal(plan->cdrom_prefix, plan->disk_prefix) ? 'c' : 'a');
        disk.target = disk_target;
        disk.source = assets->disk;
        cdrom.target = cdrom_target;
        cdrom.source = assets->iso;
        tck_domain_builder_add_disk(b, &disk);
        tck_domain_builder_add_disk(b, &cdrom);
        /* An ISO's boot line is baked in: QEMU hands the token to the
         * guest's /init as an SMBIOS OEM string instead. */
        if (qemu) {
            g_autofree char *oem = g_strdup_printf("tck.token=%s", token);
            tck_domain_builder_add_oem_string(b, oem);
        }
        break;
    }

    case TCK_BOOT_CONTAINER: {
        TckFilesystemSpec root = { .source = assets->rootfs, .target = "/", .readonly = TRUE };
        TckFilesystemSpec shared = { .source = assets->rootfs, .target = "/rootfs", .readonly = TRUE };
        TckFilesystemSpec out = { .source = assets->out_dir, .target = "/tck-out" };

        if (!tck_need(assets->rootfs, "a rootfs directory", plan, error) ||
            !tck_need(assets->out_dir, "an output directory for /tck-out", plan, error))
            return NULL;
        tck_domain_builder_set_init(b, "/sbin/init");
        tck_domain_builder_add_initenv(b, "TCK_TOKEN", token);
        if (assets->root_dir) {
            /* A per-guest root, the shared rootfs read-only beneath it. */
            root.source = assets->root_dir;
            root.readonly = FALSE;
            tck_domain_builder_add_filesystem(b, &root);
            tck_domain_builder_add_filesystem(b, &shared);
        } else {
            tck_domain_builder_add_filesystem(b, &root);
        }
        tck_domain_builder_add_filesystem(b, &out);
        break;
    }

    case TCK_BOOT_TEMPLATE: {
        TckFilesystemSpec fs = { .type = "template", .source = assets->template_name, .target = "/" };

        if (!tck_need(assets->template_name, "a template", plan, error))
            return NULL;
        tck_domain_builder_set_init(b, "/sbin/init");
        tck_domain_builder_add_filesystem(b, &fs);
        break;
    }

    case TCK_BOOT_LAST:
    default:
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILDER, "the plan has no boot strategy");
        return NULL;
    }

    if (assets->nic)
        tck_domain_builder_add_interface(b, assets->nic);
    tck_generic_console(b, plan, log_path);
    /* QEMU refuses <graphics type='none'/>; a 'none' video model is how to say "headless". */
    if (qemu)
        tck_domain_builder_set_video(b, "none");

    return tck_domain_builder_to_xml(b, error);
}
