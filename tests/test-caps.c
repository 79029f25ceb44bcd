/*
 * test-caps.c — the capabilities parser and the guest plan.
 *
 * For every fixture in tests/caps/ (captured from live daemons or written
 * from libvirt's documented format), the whole plan is asserted, with
 * forced os_type/arch/boot variants and forced plans the host cannot do
 * (which must fail naming what the host offers).  Bad documents (empty,
 * truncated, not XML, 50 MB, no guests, unknown domain type, missing
 * parts) must give a clean TCK_ERROR, never a crash.
 */
#include <config.h>

#include <string.h>

#include <tck/caps.h>
#include <tck/error.h>

static char *
fixture_path(const char *name)
{
    const char *srcdir = g_getenv("top_srcdir");

    return g_build_filename(srcdir ? srcdir : ABS_TOP_SRCDIR, "tests", "caps", name, NULL);
}

static TckHost *
load_host(const char *name)
{
    g_autofree char *path = fixture_path(name);
    g_autoptr(GError) error = NULL;
    TckHost *host = tck_host_parse_file(path, &error);

    g_assert_no_error(error);
    g_assert_nonnull(host);
    return host;
}

/* One fixture, what is forced, and the whole plan expected. */
typedef struct {
    const char *fixture;
    const char *os_type, *arch, *boot;      /* forced (NULL = free) */
    const char *e_arch, *e_os_type, *e_domain_type, *e_emulator, *e_machine, *e_boot;
    const char *e_disk_bus, *e_disk_prefix, *e_console_type, *e_console_target, *e_kernel_console;
    const char *e_driver, *e_loader;
    gboolean e_boots;
} PlanCase;

#define QEMU_X86 "/usr/bin/qemu-system-x86_64"
#define XEN_DM "/usr/lib/xen/bin/qemu-system-i386"
#define HVMLOADER "/usr/lib/xen/boot/hvmloader"

static const PlanCase plan_cases[] = {
    /* test:///default (captured): paths only, nothing boots */
    { "test-default.xml", NULL, NULL, NULL,
      "i686", "hvm", "test", "/usr/bin/test-hv", NULL, "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "test", NULL, FALSE },
    { "test-default.xml", "xen", NULL, NULL,
      "i686", "xen", "test", "/usr/bin/test-hv", NULL, "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "test", NULL, FALSE },
    { "test-default.xml", NULL, "i686", "kernel",
      "i686", "hvm", "test", "/usr/bin/test-hv", NULL, "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "test", NULL, FALSE },
    /* qemu:///system (captured): kvm preferred over qemu, host arch over i686 */
    { "qemu-system.xml", NULL, NULL, NULL,
      "x86_64", "hvm", "kvm", QEMU_X86, "pc", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    { "qemu-system.xml", NULL, "i686", NULL,
      "i686", "hvm", "kvm", "/usr/bin/qemu-system-i386", "pc", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    { "qemu-system.xml", "hvm", NULL, "kernel",
      "x86_64", "hvm", "kvm", QEMU_X86, "pc", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    /* QEMU boots the ISO too, when asked to */
    { "qemu-system.xml", NULL, NULL, "iso",
      "x86_64", "hvm", "kvm", QEMU_X86, "pc", "iso",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    /* lxc:///system (captured) */
    { "lxc-system.xml", NULL, NULL, NULL,
      "x86_64", "exe", "lxc", "/usr/lib/libvirt/libvirt_lxc", NULL, "container",
      NULL, NULL, "pty", "lxc", NULL, "LXC", NULL, TRUE },
    { "lxc-system.xml", NULL, "i686", "container",
      "i686", "exe", "lxc", "/usr/lib/libvirt/libvirt_lxc", NULL, "container",
      NULL, NULL, "pty", "lxc", NULL, "LXC", NULL, TRUE },
    /* Xen libxl, x86_64 host: PV first, then PVH, then HVM */
    { "xen-x86_64.xml", NULL, NULL, NULL,
      "x86_64", "xen", "xen", XEN_DM, "xenpv", "kernel",
      "xen", "xvd", "pty", "xen", "hvc0", "libxl", NULL, TRUE },
    { "xen-x86_64.xml", "xenpvh", NULL, NULL,
      "x86_64", "xenpvh", "xen", XEN_DM, "xenpvh", "kernel",
      "xen", "xvd", "pty", "xen", "hvc0", "libxl", NULL, TRUE },
    { "xen-x86_64.xml", "hvm", NULL, NULL,
      "x86_64", "hvm", "xen", XEN_DM, "xenfv", "iso",
      "ide", "hd", "file", "serial", "ttyS0", "libxl", HVMLOADER, TRUE },
    { "xen-x86_64.xml", NULL, "i686", NULL,
      "i686", "xen", "xen", XEN_DM, "xenpv", "kernel",
      "xen", "xvd", "pty", "xen", "hvc0", "libxl", NULL, TRUE },
    { "xen-x86_64.xml", NULL, NULL, "iso",
      "x86_64", "hvm", "xen", XEN_DM, "xenfv", "iso",
      "ide", "hd", "file", "serial", "ttyS0", "libxl", HVMLOADER, TRUE },
    { "xen-x86_64.xml", NULL, "i686", "iso",
      "i686", "hvm", "xen", XEN_DM, "xenfv", "iso",
      "ide", "hd", "file", "serial", "ttyS0", "libxl", HVMLOADER, TRUE },
    /* Xen on aarch64: PV only */
    { "xen-aarch64.xml", NULL, NULL, NULL,
      "aarch64", "xen", "xen", XEN_DM, "xenpv", "kernel",
      "xen", "xvd", "pty", "xen", "hvc0", "libxl", NULL, TRUE },
    { "xen-aarch64.xml", "xen", "aarch64", "kernel",
      "aarch64", "xen", "xen", XEN_DM, "xenpv", "kernel",
      "xen", "xvd", "pty", "xen", "hvc0", "libxl", NULL, TRUE },
    /* OpenVZ, VMware ESX, bhyve, Hyper-V, VirtualBox */
    { "openvz.xml", NULL, NULL, NULL,
      "x86_64", "exe", "openvz", NULL, NULL, "template",
      NULL, NULL, "pty", "openvz", NULL, "OpenVZ", NULL, TRUE },
    { "openvz.xml", "exe", "x86_64", "template",
      "x86_64", "exe", "openvz", NULL, NULL, "template",
      NULL, NULL, "pty", "openvz", NULL, "OpenVZ", NULL, TRUE },
    { "esx.xml", NULL, NULL, NULL,
      "x86_64", "hvm", "vmware", NULL, NULL, "iso",
      "scsi", "sd", "file", "serial", "ttyS0", "VMware", NULL, TRUE },
    { "esx.xml", NULL, "i686", NULL,
      "i686", "hvm", "vmware", NULL, NULL, "iso",
      "scsi", "sd", "file", "serial", "ttyS0", "VMware", NULL, TRUE },
    { "bhyve.xml", NULL, NULL, NULL,
      "x86_64", "hvm", "bhyve", "bhyve", NULL, "iso",
      "sata", "sd", "nmdm", "serial", "ttyS0", "bhyve", NULL, TRUE },
    { "bhyve.xml", "hvm", NULL, "iso",
      "x86_64", "hvm", "bhyve", "bhyve", NULL, "iso",
      "sata", "sd", "nmdm", "serial", "ttyS0", "bhyve", NULL, TRUE },
    { "hyperv.xml", NULL, NULL, NULL,
      "x86_64", "hvm", "hyperv", NULL, NULL, "iso",
      "ide", "hd", "file", "serial", "ttyS0", "Hyper-V", NULL, TRUE },
    { "hyperv.xml", NULL, "i686", NULL,
      "i686", "hvm", "hyperv", NULL, NULL, "iso",
      "ide", "hd", "file", "serial", "ttyS0", "Hyper-V", NULL, TRUE },
    { "vbox.xml", NULL, NULL, "iso",
      "x86_64", "hvm", "vbox", NULL, NULL, "iso",
      "sata", "sd", "file", "serial", "ttyS0", "VBOX", NULL, TRUE },
    /* QEMU with several system emulators on an x86_64 host */
    { "qemu-multiarch.xml", NULL, NULL, NULL,
      "x86_64", "hvm", "kvm", QEMU_X86, "pc", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    { "qemu-multiarch.xml", NULL, "aarch64", NULL,
      "aarch64", "hvm", "qemu", "/usr/bin/qemu-system-aarch64", "virt", "kernel",
      "virtio", "vd", "file", "serial", "ttyAMA0", "QEMU", NULL, TRUE },
    { "qemu-multiarch.xml", NULL, "ppc64le", NULL,
      "ppc64le", "hvm", "qemu", "/usr/bin/qemu-system-ppc64", "pseries", "kernel",
      "virtio", "vd", "file", "serial", "hvc0", "QEMU", NULL, TRUE },
    { "qemu-multiarch.xml", NULL, "s390x", NULL,
      "s390x", "hvm", "qemu", "/usr/bin/qemu-system-s390x", "s390-ccw-virtio", "kernel",
      "virtio", "vd", "file", "serial", "ttysclp0", "QEMU", NULL, TRUE },
    { "qemu-multiarch.xml", NULL, "riscv64", NULL,
      "riscv64", "hvm", "qemu", "/usr/bin/qemu-system-riscv64", "virt", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
    /* QEMU on an aarch64 host: the kvm domain's own emulator and machines win */
    { "qemu-aarch64-host.xml", NULL, NULL, NULL,
      "aarch64", "hvm", "kvm", "/usr/bin/qemu-kvm", "virt", "kernel",
      "virtio", "vd", "file", "serial", "ttyAMA0", "QEMU", NULL, TRUE },
    { "qemu-aarch64-host.xml", NULL, "x86_64", NULL,
      "x86_64", "hvm", "qemu", QEMU_X86, "pc", "kernel",
      "virtio", "vd", "file", "serial", "ttyS0", "QEMU", NULL, TRUE },
};

static void
test_plan(gconstpointer data)
{
    const PlanCase *c = data;
    g_autoptr(TckHost) host = load_host(c->fixture);
    TckPlanRequest req = { c->os_type, c->arch, c->boot };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, &req, &error);
    guint n_chosen = 0;

    g_assert_no_error(error);
    g_assert_nonnull(plan);
    g_assert_cmpstr(plan->arch, ==, c->e_arch);
    g_assert_cmpstr(plan->os_type, ==, c->e_os_type);
    g_assert_cmpstr(plan->domain_type, ==, c->e_domain_type);
    g_assert_cmpstr(plan->emulator, ==, c->e_emulator);
    g_assert_cmpstr(plan->machine, ==, c->e_machine);
    g_assert_cmpstr(tck_boot_to_string(plan->boot), ==, c->e_boot);
    g_assert_cmpstr(plan->disk_bus, ==, c->e_disk_bus);
    g_assert_cmpstr(plan->disk_prefix, ==, c->e_disk_prefix);
    g_assert_cmpstr(plan->console_type, ==, c->e_console_type);
    g_assert_cmpstr(plan->console_target, ==, c->e_console_target);
    g_assert_cmpstr(plan->kernel_console, ==, c->e_kernel_console);
    g_assert_cmpstr(plan->driver, ==, c->e_driver);
    g_assert_cmpstr(plan->loader, ==, c->e_loader);
    g_assert_cmpint(plan->boots, ==, c->e_boots);
    /* Only a booting Xen PV or PVH guest must be up before it can be saved. */
    g_assert_cmpint(plan->save_needs_guest != NULL, ==,
                    c->e_boots && (g_str_equal(c->e_os_type, "xen") || g_str_equal(c->e_os_type, "xenpvh")));
    /* QEMU on x86_64 boots the PVH vmlinux; Xen, the test driver and other arches the kernel */
    if (plan->boot == TCK_BOOT_KERNEL)
        g_assert_cmpstr(plan->kernel, ==,
                        g_str_equal(c->e_driver, "QEMU") && g_str_equal(c->e_arch, "x86_64")
                        ? "vmlinux" : "kernel");
    else
        g_assert_null(plan->kernel);

    /* One reason per guest arch x domain type; exactly one is chosen, and it is the plan. */
    {
        guint n_cands = 0;

        for (guint i = 0; i < host->guests->len; i++)
            n_cands += ((TckGuest *) host->guests->pdata[i])->domains->len;
        g_assert_cmpuint(plan->reasons->len, ==, n_cands);
    }
    for (guint i = 0; i < plan->reasons->len; i++) {
        const TckPlanReason *r = plan->reasons->pdata[i];

        g_assert_nonnull(r->why);
        g_assert_cmpstr(r->why, !=, "");
        if (r->chosen) {
            n_chosen++;
            g_assert_cmpstr(r->arch, ==, plan->arch);
            g_assert_cmpstr(r->os_type, ==, plan->os_type);
            g_assert_cmpstr(r->domain_type, ==, plan->domain_type);
        }
    }
    g_assert_cmpuint(n_chosen, ==, 1);
}

/* A forced plan the host cannot do, and a candidate the message must list. */
typedef struct {
    const char *fixture;
    const char *os_type, *arch, *boot;
    const char *offer;
} ImpossibleCase;

static const ImpossibleCase impossible_cases[] = {
    { "test-default.xml", NULL, "x86_64", NULL, "i686/hvm/test->kernel" },
    { "test-default.xml", NULL, NULL, "iso", "i686/xen/test->kernel" },
    { "qemu-system.xml", "exe", NULL, NULL, "x86_64/hvm/kvm->kernel" },
    { "qemu-system.xml", NULL, NULL, "container", "i686/hvm/qemu->kernel" },
    { "qemu-system.xml", NULL, "aarch64", NULL, "x86_64/hvm/qemu->kernel" },
    { "lxc-system.xml", NULL, NULL, "kernel", "x86_64/exe/lxc->container" },
    { "lxc-system.xml", "hvm", NULL, NULL, "i686/exe/lxc->container" },
    { "xen-x86_64.xml", NULL, NULL, "container", "x86_64/xenpvh/xen->kernel" },
    { "xen-x86_64.xml", NULL, "aarch64", NULL, "x86_64/hvm/xen->iso" },
    { "xen-x86_64.xml", "xenpvh", "i686", NULL, "x86_64/xenpvh/xen->kernel" },
    { "xen-aarch64.xml", "hvm", NULL, NULL, "aarch64/xen/xen->kernel" },
    { "xen-aarch64.xml", NULL, "x86_64", NULL, "aarch64/xen/xen->kernel" },
    { "openvz.xml", NULL, NULL, "kernel", "x86_64/exe/openvz->template" },
    { "esx.xml", NULL, NULL, "kernel", "x86_64/hvm/vmware->iso" },
    { "bhyve.xml", "xen", NULL, NULL, "x86_64/hvm/bhyve->iso" },
    { "hyperv.xml", NULL, "aarch64", NULL, "i686/hvm/hyperv->iso" },
    { "vbox.xml", NULL, NULL, "template", "x86_64/hvm/vbox->iso" },
    { "qemu-multiarch.xml", "xen", NULL, NULL, "s390x/hvm/qemu->kernel" },
    { "qemu-multiarch.xml", NULL, "mips64el", NULL, "riscv64/hvm/qemu->kernel" },
    { "qemu-aarch64-host.xml", NULL, NULL, "container", "aarch64/hvm/kvm->kernel|iso" },
};

static void
test_impossible(gconstpointer data)
{
    const ImpossibleCase *c = data;
    g_autoptr(TckHost) host = load_host(c->fixture);
    TckPlanRequest req = { c->os_type, c->arch, c->boot };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, &req, &error);

    g_assert_null(plan);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_PLAN);
    g_assert_nonnull(strstr(error->message, "offers:"));
    g_assert_nonnull(strstr(error->message, c->offer));
    /* The message says what was forced. */
    if (c->arch)
        g_assert_nonnull(strstr(error->message, c->arch));
    if (c->boot)
        g_assert_nonnull(strstr(error->message, c->boot));
    if (c->os_type)
        g_assert_nonnull(strstr(error->message, c->os_type));
    g_assert_null(strchr(error->message, '\n'));
}

static void
test_unknown_boot(void)
{
    g_autoptr(TckHost) host = load_host("qemu-system.xml");
    TckPlanRequest req = { .boot = "floppy" };
    g_autoptr(GError) error = NULL;

    g_assert_null(tck_plan_choose(host, &req, &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_PLAN);
    g_assert_nonnull(strstr(error->message, "'floppy'"));
}

/* ---- Host model details ----------------------------------------------- */

static void
test_host_model(void)
{
    g_autoptr(TckHost) host = load_host("qemu-system.xml");
    const TckGuest *x86 = NULL;

    g_assert_cmpstr(host->arch, ==, "x86_64");
    g_assert_cmpuint(host->guests->len, ==, 2);
    for (guint i = 0; i < host->guests->len; i++) {
        const TckGuest *g = host->guests->pdata[i];

        if (g_str_equal(g->arch, "x86_64"))
            x86 = g;
    }
    g_assert_nonnull(x86);
    g_assert_cmpstr(x86->os_type, ==, "hvm");
    g_assert_cmpuint(x86->wordsize, ==, 64);
    g_assert_cmpstr(x86->emulator, ==, QEMU_X86);
    g_assert_cmpuint(x86->domains->len, ==, 2);
    g_assert_cmpstr(((TckGuestDomain *) x86->domains->pdata[0])->type, ==, "qemu");
    g_assert_cmpstr(((TckGuestDomain *) x86->domains->pdata[1])->type, ==, "kvm");
    g_assert_true(g_strv_contains((const char *const *) x86->machines, "pc"));
    g_assert_true(g_strv_contains((const char *const *) x86->machines, "pc-i440fx-7.2"));
    g_assert_true(g_strv_contains((const char *const *) x86->machine_aliases, "q35"));
    g_assert_true(g_strv_contains((const char *const *) x86->features, "acpi"));
}

static void
test_host_overrides(void)
{
    g_autoptr(TckHost) host = load_host("qemu-aarch64-host.xml");
    const TckGuest *arm = host->guests->pdata[1];
    const TckGuestDomain *kvm = arm->domains->pdata[1];
    const TckGuestDomain *qemu = arm->domains->pdata[0];

    g_assert_cmpstr(arm->arch, ==, "aarch64");
    g_assert_cmpstr(tck_guest_domain_emulator(arm, kvm), ==, "/usr/bin/qemu-kvm");
    g_assert_cmpstr(tck_guest_domain_emulator(arm, qemu), ==, "/usr/bin/qemu-system-aarch64");
    g_assert_cmpuint(g_strv_length((char **) tck_guest_domain_machines(arm, kvm)), ==, 1);
    g_assert_cmpuint(g_strv_length((char **) tck_guest_domain_machines(arm, qemu)), ==, 2);
}

static void
test_xen_loader(void)
{
    g_autoptr(TckHost) host = load_host("xen-x86_64.xml");
    guint n_loaders = 0;

    for (guint i = 0; i < host->guests->len; i++) {
        const TckGuest *g = host->guests->pdata[i];

        if (g->loader) {
            g_assert_cmpstr(g->os_type, ==, "hvm");
            g_assert_cmpstr(g->loader, ==, HVMLOADER);
            n_loaders++;
        }
    }
    g_assert_cmpuint(n_loaders, ==, 2);
}

/* ---- Domain capabilities ---------------------------------------------- */

static void
test_domcaps(void)
{
    g_autofree char *path = fixture_path("qemu-system-domcaps.xml");
    g_autofree char *xml = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(TckDomainCaps) dcaps = NULL;
    g_autoptr(TckHost) host = load_host("qemu-system.xml");
    g_autoptr(TckGuestPlan) plan = NULL;
    const TckPlanReason *last;

    g_assert_true(g_file_get_contents(path, &xml, NULL, NULL));
    dcaps = tck_domain_caps_parse(xml, -1, path, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(dcaps->path, ==, QEMU_X86);
    g_assert_cmpstr(dcaps->domain_type, ==, "qemu");
    g_assert_cmpstr(dcaps->arch, ==, "x86_64");
    g_assert_true(g_strv_contains((const char *const *) dcaps->disk_buses, "virtio"));
    g_assert_true(g_strv_contains((const char *const *) dcaps->disk_buses, "ide"));
    g_assert_true(g_strv_contains((const char *const *) dcaps->disk_devices, "cdrom"));
    g_assert_true(g_strv_contains((const char *const *) dcaps->video_models, "none"));
    g_assert_nonnull(dcaps->firmware);
    g_assert_nonnull(dcaps->features);

    plan = tck_plan_choose(host, NULL, &error);
    g_assert_no_error(error);
    tck_plan_refine(plan, dcaps);
    g_assert_cmpstr(plan->disk_bus, ==, "virtio");
    last = plan->reasons->pdata[plan->reasons->len - 1];
    g_assert_true(last->chosen);
    g_assert_nonnull(strstr(last->why, "virtio"));
}

static void
test_domcaps_narrow_buses(void)
{
    static const char xml[] =
        "<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><domain>kvm</domain>"
        "<arch>x86_64</arch><devices><disk supported='yes'><enum name='bus'>"
        "<value>ide</value><value>sata</value></enum></disk></devices></domainCapabilities>";
    g_autoptr(GError) error = NULL;
    g_autoptr(TckDomainCaps) dcaps = tck_domain_caps_parse(xml, -1, "narrow", &error);
    g_autoptr(TckHost) host = load_host("qemu-system.xml");
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, &error);

    g_assert_no_error(error);
    tck_plan_refine(plan, dcaps);
    g_assert_cmpstr(plan->disk_bus, ==, "sata");
    g_assert_cmpstr(plan->disk_prefix, ==, "sd");
}

static void
test_domcaps_missing_parts(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckDomainCaps) dcaps = tck_domain_caps_parse("<domainCapabilities/>", -1, "bare", &error);
    g_autoptr(TckHost) host = load_host("lxc-system.xml");
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, &error);
    guint before = plan->reasons->len;

    g_assert_no_error(error);
    g_assert_cmpuint(g_strv_length(dcaps->disk_buses), ==, 0);
    tck_plan_refine(plan, dcaps);
    g_assert_cmpuint(plan->reasons->len, ==, before);
    g_assert_null(plan->disk_bus);

    g_assert_null(tck_domain_caps_parse("<capabilities/>", -1, "wrong", &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE);
}

/* ---- Output ------------------------------------------------------------ */

static void
test_text_output(void)
{
    g_autoptr(TckHost) host = load_host("qemu-system.xml");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, &error);
    g_autofree char *text = tck_plan_to_text(plan);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    static const char *const expected[] = {
        "arch=x86_64", "os_type=hvm", "domain_type=kvm", "emulator=" QEMU_X86,
        "machine=pc", "boot=kernel", "disk_bus=virtio", "kernel=vmlinux",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(expected); i++)
        g_assert_cmpstr(lines[i], ==, expected[i]);
    /* Then one rule line per candidate (2 arches x 2 domain types). */
    for (gsize i = 8; i < 12; i++)
        g_assert_true(g_str_has_prefix(lines[i], "rule: "));
    g_assert_cmpstr(lines[12], ==, "");
    g_assert_null(lines[13]);
    /* The chosen rule says which kernel image, and why. */
    g_assert_nonnull(strstr(text, "kernel vmlinux: QEMU boots the uncompressed PVH vmlinux directly"));
    g_assert_nonnull(strstr(text, "rule: x86_64 hvm/kvm -> kernel: chosen"));
    g_assert_nonnull(strstr(text, "rule: x86_64 hvm/qemu -> kernel: not chosen"));
    g_assert_nonnull(strstr(text, "rule: i686 hvm/kvm -> kernel: not chosen (arch i686 is not the host arch x86_64)"));
}

static void
test_xml_output(void)
{
    g_autoptr(TckHost) host = load_host("xen-x86_64.xml");
    TckPlanRequest req = { .boot = "iso" };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, &req, &error);
    g_autofree char *xml = tck_plan_to_xml(plan);

    g_assert_true(g_str_has_prefix(xml, "<plan>"));
    g_assert_nonnull(strstr(xml, "<boot>iso</boot>"));
    g_assert_nonnull(strstr(xml, "<machine>xenfv</machine>"));
    g_assert_nonnull(strstr(xml, "chosen=\"yes\""));
    g_assert_nonnull(strstr(xml, "boots by kernel, not the forced iso"));
}

/* ---- Bad input --------------------------------------------------------- */

static void
assert_parse_error(const char *xml, gssize len, int code, const char *needle)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse(xml, len, "bad-input", &error);

    g_assert_null(host);
    g_assert_error(error, TCK_ERROR, code);
    g_assert_nonnull(strstr(error->message, "bad-input"));
    if (needle)
        g_assert_nonnull(strstr(error->message, needle));
    g_assert_null(strchr(error->message, '\n'));
}

static void
test_bad_empty(void)
{
    assert_parse_error("", 0, TCK_ERROR_CAPS_PARSE, "empty");
    assert_parse_error(" \n\t\n", -1, TCK_ERROR_CAPS_PARSE, "empty");
    assert_parse_error(NULL, 0, TCK_ERROR_CAPS_PARSE, "empty");
}

static void
test_bad_truncated(void)
{
    g_autofree char *path = fixture_path("qemu-system.xml");
    g_autofree char *xml = NULL;
    gsize len = 0;

    g_assert_true(g_file_get_contents(path, &xml, &len, NULL));
    /* Cut anywhere: at a third, in the middle, inside the closing tag. */
    assert_parse_error(xml, (gssize) len / 3, TCK_ERROR_CAPS_PARSE, "not well-formed");
    assert_parse_error(xml, (gssize) len / 2, TCK_ERROR_CAPS_PARSE, "not well-formed");
    assert_parse_error(xml, g_strrstr(xml, "</capabilities>") - xml + 5, TCK_ERROR_CAPS_PARSE,
                       "not well-formed");
}

static void
test_bad_not_xml(void)
{
    static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";

    assert_parse_error("hello, world", -1, TCK_ERROR_CAPS_PARSE, "not well-formed");
    assert_parse_error("{\"capabilities\": {}}", -1, TCK_ERROR_CAPS_PARSE, "not well-formed");
    assert_parse_error(binary, sizeof(binary) - 1, TCK_ERROR_CAPS_PARSE, NULL);
    assert_parse_error("<capabilities><host></capabilities>", -1, TCK_ERROR_CAPS_PARSE,
                       "not well-formed");
    assert_parse_error("<domain type='kvm'/>", -1, TCK_ERROR_CAPS_PARSE, "<domain>");
}

static void
test_bad_huge(void)
{
    /* 50 MB: a real header, then guests until the size is reached. */
    static const char guest[] =
        "<guest><os_type>hvm</os_type><arch name='x86_64'><wordsize>64</wordsize>"
        "<emulator>/usr/bin/qemu-system-x86_64</emulator><machine>pc</machine>"
        "<domain type='qemu'/></arch></guest>\n";
    g_autoptr(GString) doc = g_string_sized_new(50 * 1024 * 1024 + 4096);

    g_string_append(doc, "<capabilities><host><cpu><arch>x86_64</arch></cpu></host>\n");
    while (doc->len < 50 * 1024 * 1024)
        g_string_append(doc, guest);
    g_string_append(doc, "</capabilities>\n");
    assert_parse_error(doc->str, (gssize) doc->len, TCK_ERROR_CAPS_PARSE, "limit");

    /* One huge text node, too. */
    g_string_truncate(doc, 0);
    g_string_append(doc, "<capabilities><host><cpu><arch>");
    g_string_append_len(doc, "", 0);
    while (doc->len < 50 * 1024 * 1024)
        g_string_append(doc, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    g_string_append(doc, "</arch></cpu></host></capabilities>");
    assert_parse_error(doc->str, (gssize) doc->len, TCK_ERROR_CAPS_PARSE, "limit");
}

static void
test_large_but_allowed(void)
{
    /* Just under the limit: thousands of guests parse, and the plan is chosen. */
    g_autoptr(GString) doc = g_string_new("<capabilities><host><cpu><arch>x86_64</arch></cpu></host>");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = NULL;
    g_autoptr(TckGuestPlan) plan = NULL;
    guint n = 0;

    while (doc->len < 2 * 1024 * 1024) {
        g_string_append_printf(doc, "<guest><os_type>hvm</os_type><arch name='arch%u'>"
                               "<domain type='qemu'/></arch></guest>", n++);
    }
    g_string_append(doc, "<guest><os_type>hvm</os_type><arch name='x86_64'>"
                    "<domain type='qemu'/></arch></guest></capabilities>");
    host = tck_host_parse(doc->str, (gssize) doc->len, "large", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(host->guests->len, ==, n + 1);
    plan = tck_plan_choose(host, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(plan->arch, ==, "x86_64");
}

static void
test_bad_entities(void)
{
    /* Entity expansion must not blow up ("billion laughs"). */
    static const char xml[] =
        "<?xml version='1.0'?><!DOCTYPE capabilities ["
        "<!ENTITY a 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'>"
        "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
        "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
        "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>"
        "<!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'>"
        "<!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'>"
        "<!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;'>"
        "]><capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
        "<guest><os_type>&g;</os_type><arch name='x86_64'><domain type='qemu'/></arch></guest>"
        "</capabilities>";
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse(xml, -1, "laughs", &error);

    /* Either refused, or parsed without ever expanding 1 GB of 'a'. */
    if (host) {
        const TckGuest *g = host->guests->pdata[0];

        g_assert_cmpuint(strlen(g->os_type), <, 1024 * 1024);
    } else {
        g_assert_error(error, TCK_ERROR, TCK_ERROR_CAPS_PARSE);
    }
}

static void
test_bad_no_guests(void)
{
    g_autofree char *path = fixture_path("no-guests.xml");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse_file(path, &error);

    g_assert_null(host);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CAPS_NO_GUEST);
    g_assert_nonnull(strstr(error->message, "no-guests.xml"));
}

static void
test_bad_unknown_domain_type(void)
{
    g_autoptr(TckHost) host = load_host("unknown-domain.xml");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, &error);

    g_assert_null(plan);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_PLAN);
    g_assert_nonnull(strstr(error->message, "x86_64/hvm/frob->(no rule)"));
}

static void
test_unknown_domain_type_among_others(void)
{
    /* An unknown domain type next to a known one is passed over, and says why. */
    static const char xml[] =
        "<capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
        "<guest><os_type>hvm</os_type><arch name='x86_64'><domain type='frob'/>"
        "<domain type='qemu'/></arch></guest></capabilities>";
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse(xml, -1, "mixed", &error);
    g_autoptr(TckGuestPlan) plan = tck_plan_choose(host, NULL, &error);
    const TckPlanReason *frob = plan->reasons->pdata[0];

    g_assert_no_error(error);
    g_assert_cmpstr(plan->domain_type, ==, "qemu");
    g_assert_false(frob->chosen);
    g_assert_null(frob->boot);
    g_assert_nonnull(strstr(frob->why, "no rule"));
}

static void
test_bad_missing_parts(void)
{
    assert_parse_error("<capabilities><guest><os_type>hvm</os_type><arch name='x86_64'>"
                       "<domain type='qemu'/></arch></guest></capabilities>", -1,
                       TCK_ERROR_CAPS_PARSE, "host CPU arch");
    assert_parse_error("<capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
                       "<guest><arch name='x86_64'><domain type='qemu'/></arch></guest>"
                       "</capabilities>", -1, TCK_ERROR_CAPS_PARSE, "<os_type>");
    assert_parse_error("<capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
                       "<guest><os_type>hvm</os_type><arch><domain type='qemu'/></arch></guest>"
                       "</capabilities>", -1, TCK_ERROR_CAPS_PARSE, "arch name");
    assert_parse_error("<capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
                       "<guest><os_type>hvm</os_type><arch name='x86_64'><domain/></arch></guest>"
                       "</capabilities>", -1, TCK_ERROR_CAPS_PARSE, "without a type");
    assert_parse_error("<capabilities><host><cpu><arch>x86_64</arch></cpu></host>"
                       "<guest><os_type>hvm</os_type><arch name='x86_64'></arch></guest>"
                       "</capabilities>", -1, TCK_ERROR_CAPS_PARSE, "no <domain");
}

static void
test_bad_file(void)
{
    g_autoptr(GError) error = NULL;

    g_assert_null(tck_host_parse_file("/nonexistent/caps.xml", &error));
    g_assert_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND);
    g_assert_nonnull(strstr(error->message, "/nonexistent/caps.xml"));
}

static void
test_boot_names(void)
{
    for (int i = 0; i < TCK_BOOT_LAST; i++)
        g_assert_cmpint(tck_boot_from_string(tck_boot_to_string(i)), ==, i);
    g_assert_cmpint(tck_boot_from_string("floppy"), ==, -1);
    g_assert_cmpint(tck_boot_from_string(NULL), ==, -1);
    g_assert_null(tck_boot_to_string(TCK_BOOT_LAST));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    for (gsize i = 0; i < G_N_ELEMENTS(plan_cases); i++) {
        const PlanCase *c = &plan_cases[i];
        g_autofree char *name = g_strdup_printf("/caps/plan/%s/os_type=%s,arch=%s,boot=%s", c->fixture,
                                                c->os_type ? c->os_type : "-", c->arch ? c->arch : "-",
                                                c->boot ? c->boot : "-");

        g_test_add_data_func(name, c, test_plan);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(impossible_cases); i++) {
        const ImpossibleCase *c = &impossible_cases[i];
        g_autofree char *name = g_strdup_printf("/caps/impossible/%s/os_type=%s,arch=%s,boot=%s",
                                                c->fixture, c->os_type ? c->os_type : "-",
                                                c->arch ? c->arch : "-", c->boot ? c->boot : "-");

        g_test_add_data_func(name, c, test_impossible);
    }
    g_test_add_func("/caps/impossible/unknown-boot", test_unknown_boot);
    g_test_add_func("/caps/host/model", test_host_model);
    g_test_add_func("/caps/host/domain-overrides", test_host_overrides);
    g_test_add_func("/caps/host/xen-loader", test_xen_loader);
    g_test_add_func("/caps/domcaps/qemu", test_domcaps);
    g_test_add_func("/caps/domcaps/narrow-buses", test_domcaps_narrow_buses);
    g_test_add_func("/caps/domcaps/missing-parts", test_domcaps_missing_parts);
    g_test_add_func("/caps/output/text", test_text_output);
    g_test_add_func("/caps/output/xml", test_xml_output);
    g_test_add_func("/caps/bad/empty", test_bad_empty);
    g_test_add_func("/caps/bad/truncated", test_bad_truncated);
    g_test_add_func("/caps/bad/not-xml", test_bad_not_xml);
    g_test_add_func("/caps/bad/50MB", test_bad_huge);
    g_test_add_func("/caps/bad/large-but-allowed", test_large_but_allowed);
    g_test_add_func("/caps/bad/entities", test_bad_entities);
    g_test_add_func("/caps/bad/no-guests", test_bad_no_guests);
    g_test_add_func("/caps/bad/unknown-domain-type", test_bad_unknown_domain_type);
    g_test_add_func("/caps/bad/unknown-domain-type-among-others", test_unknown_domain_type_among_others);
    g_test_add_func("/caps/bad/missing-parts", test_bad_missing_parts);
    g_test_add_func("/caps/bad/file", test_bad_file);
    g_test_add_func("/caps/boot-names", test_boot_names);
    return g_test_run();
}
