/*
 * plan.c — the guest plan: which guest this host can boot, and how.  One
 * rule table (os_type × domain type → boot strategy and devices) and one
 * per-arch table decide everything; see DESIGN.md "The guest plan".
 */
#include <config.h>

#include <string.h>

#include <tck/caps.h>
#include <tck/error.h>
#include "xpath.h"

/* How a guest of one os_type on one domain type boots, and its devices. */
typedef struct {
    const char *os_type;        /* NULL matches any os_type */
    const char *domain_type;
    TckBoot boot;
    const char *driver;         /* the libvirt driver, for people reading the plan */
    const char *disk_buses[4];  /* preference order; domain capabilities may pick a later one */
    const char *disk_prefix;    /* target name prefix of disk_buses[0] */
    const char *disk_driver;    /* <driver name=...> of the guest's disk; NULL: the driver's default */
    const char *cdrom_bus;      /* ISO plans */
    const char *cdrom_prefix;
    const char *console_type;   /* "file": serial log; else the driver's console device */
    const char *console_target;
    const char *kernel_console; /* console= for kernel/ISO plans; NULL: the per-arch table */
    gboolean boots;             /* FALSE: the driver runs no guest code */
    const char *why;
} TckPlanRule;

/*
 * The one table.  Order is preference: for the same arch, an earlier row
 * wins (kvm before qemu, Xen PV before PVH before HVM).
 */
static const TckPlanRule tck_plan_rules[] = {
    /* os_type, domain, boot, driver, disk buses, prefix, disk driver, cdrom bus,
     * prefix, console, console target, kernel console, boots, why.
     * Xen PV/PVH disks name the qdisk backend (QEMU in dom0): the default
     * phy backend runs /etc/xen/scripts/block for a file, which libxl
     * kills after its hotplug timeout on a slow dom0 ("unable to add disk
     * devices"), and qdisk is what xl picks for a file anyway. */
    { "hvm", "kvm", TCK_BOOT_KERNEL, "QEMU", { "virtio", "sata", "scsi" }, "vd", NULL, NULL, NULL,
      "file", "serial", NULL, TRUE, "hvm on kvm boots a kernel and initrd (hardware virt)" },
    { "hvm", "qemu", TCK_BOOT_KERNEL, "QEMU", { "virtio", "sata", "scsi" }, "vd", NULL, NULL, NULL,
      "file", "serial", NULL, TRUE, "hvm on qemu (TCG) boots a kernel and initrd" },
    /* QEMU can boot the ISO too; only chosen when boot=iso is forced. */
    { "hvm", "kvm", TCK_BOOT_ISO, "QEMU", { "virtio", "sata", "scsi" }, "vd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "hvm on kvm can boot an ISO (when boot=iso is asked for)" },
    { "hvm", "qemu", TCK_BOOT_ISO, "QEMU", { "virtio", "sata", "scsi" }, "vd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "hvm on qemu can boot an ISO (when boot=iso is asked for)" },
    { "xen", "xen", TCK_BOOT_KERNEL, "libxl", { "xen" }, "xvd", "qemu", NULL, NULL,
      "pty", "xen", "hvc0", TRUE, "Xen PV boots a kernel and initrd on the xen console" },
    { "xenpvh", "xen", TCK_BOOT_KERNEL, "libxl", { "xen" }, "xvd", "qemu", NULL, NULL,
      "pty", "xen", "hvc0", TRUE, "Xen PVH boots a kernel and initrd on the xen console" },
    { "hvm", "xen", TCK_BOOT_ISO, "libxl", { "ide", "xen" }, "hd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "Xen HVM boots an ISO through hvmloader" },
    { "hvm", "vmware", TCK_BOOT_ISO, "VMware", { "scsi", "ide" }, "sd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "VMware boots an ISO (no direct kernel boot)" },
    { "hvm", "bhyve", TCK_BOOT_ISO, "bhyve", { "sata", "virtio" }, "sd", NULL, "sata", "hd",
      "nmdm", "serial", NULL, TRUE, "bhyve boots an ISO (no direct kernel boot)" },
    { "hvm", "hyperv", TCK_BOOT_ISO, "Hyper-V", { "ide", "scsi" }, "hd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "Hyper-V boots an ISO (no direct kernel boot)" },
    { "hvm", "vbox", TCK_BOOT_ISO, "VBOX", { "sata", "ide" }, "sd", NULL, "ide", "hd",
      "file", "serial", NULL, TRUE, "VirtualBox boots an ISO (no direct kernel boot)" },
    { "exe", "lxc", TCK_BOOT_CONTAINER, "LXC", { NULL }, NULL, NULL, NULL, NULL,
      "pty", "lxc", NULL, TRUE, "an LXC container runs a busybox rootfs with <init>" },
    { "exe", "openvz", TCK_BOOT_TEMPLATE, "OpenVZ", { NULL }, NULL, NULL, NULL, NULL,
      "pty", "openvz", NULL, TRUE, "an OpenVZ container starts from a template" },
    { NULL, "test", TCK_BOOT_KERNEL, "test", { "virtio" }, "vd", NULL, NULL, NULL,
      "file", "serial", NULL, FALSE, "the test driver takes kernel paths; nothing boots" },
};

/* Per arch: the kernel console and the machine to prefer when offered. */
typedef struct {
    const char *arch;
    const char *kernel_console;
    const char *machines[3];
} TckArchInfo;

static const TckArchInfo tck_arch_info[] = {
    { "x86_64", "ttyS0", { "pc", "q35" } },
    { "i686", "ttyS0", { "pc", "q35" } },
    { "aarch64", "ttyAMA0", { "virt" } },
    { "armv7l", "ttyAMA0", { "virt" } },
    { "ppc64", "hvc0", { "pseries" } },
    { "ppc64le", "hvc0", { "pseries" } },
    { "s390x", "ttysclp0", { "s390-ccw-virtio" } },
    { "riscv64", "ttyS0", { "virt" } },
    { "mips64el", "ttyS0", { "malta" } },
};

/*
 * Which kernel image a kernel boot takes, first match wins.  QEMU loads an
 * ELF kernel with the PVH entry note directly on x86 machines, so the
 * guest skips the kernel's own decompression, which costs seconds under
 * TCG; the cache's vmlinux is that ELF where the kernel has one (else the
 * compressed kernel again).  Xen and the rest take the compressed image.
 */
static const struct {
    const char *driver;         /* NULL: any */
    const char *arch;           /* NULL: any */
    const char *kernel;         /* the asset: "vmlinux" or "kernel" */
    const char *why;
} tck_kernel_images[] = {
    { "QEMU", "x86_64", "vmlinux",
      "QEMU boots the uncompressed PVH vmlinux directly, skipping the kernel's own "
      "decompression (seconds under TCG)" },
    { NULL, NULL, "kernel", "the compressed kernel image, as the driver loads it" },
};

/*
 * Guests whose own kernel takes part in a save or a core dump: libxl asks
 * a paravirtual guest to suspend through xenstore, and walks the
 * page-frame lists the guest's kernel published.  A guest that has not
 * booted that far can be neither saved (libxc: "Bad mfn 0 for p2m frame
 * list", libxl: "domain did not respond to suspend request") nor dumped
 * (libxc: "p2m_size < nr_pages").
 */
static const struct {
    const char *os_type;
    const char *why;
} tck_save_needs_guest[] = {
    { "xen", "a Xen PV guest's kernel answers the suspend request of a save and publishes the page lists a dump walks: it must have booted" },
    { "xenpvh", "a Xen PVH guest's kernel answers the suspend request of a save and publishes the page lists a dump walks: it must have booted" },
};

static const char *
tck_plan_save_needs_guest(const char *os_type)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_save_needs_guest); i++) {
        if (g_str_equal(tck_save_needs_guest[i].os_type, os_type))
            return tck_save_needs_guest[i].why;
    }
    return NULL;
}

static void
tck_plan_pick_kernel(TckGuestPlan *plan, const char **why)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_kernel_images); i++) {
        if ((!tck_kernel_images[i].driver || g_str_equal(tck_kernel_images[i].driver, plan->driver)) &&
            (!tck_kernel_images[i].arch || g_str_equal(tck_kernel_images[i].arch, plan->arch))) {
            plan->kernel = g_strdup(tck_kernel_images[i].kernel);
            *why = tck_kernel_images[i].why;
            return;
        }
    }
}

/* The target name prefix of each disk bus ("vd" + "a" = vda). */
static const struct {
    const char *bus;
    const char *prefix;
} tck_bus_prefixes[] = {
    { "virtio", "vd" },
    { "xen", "xvd" },
    { "ide", "hd" },
    { "sata", "sd" },
    { "scsi", "sd" },
    { "usb", "sd" },
    { "sd", "sd" },
    { "fdc", "fd" },
};

static const char *
tck_bus_prefix(const char *bus)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_bus_prefixes); i++) {
        if (g_str_equal(tck_bus_prefixes[i].bus, bus))
            return tck_bus_prefixes[i].prefix;
    }
    return "sd";
}

static const char *const tck_boot_names[TCK_BOOT_LAST] = {
    [TCK_BOOT_KERNEL] = "kernel",
    [TCK_BOOT_ISO] = "iso",
    [TCK_BOOT_CONTAINER] = "container",
    [TCK_BOOT_TEMPLATE] = "template",
};

const char *
tck_boot_to_string(TckBoot boot)
{
    return boot < TCK_BOOT_LAST ? tck_boot_names[boot] : NULL;
}

int
tck_boot_from_string(const char *str)
{
    for (int i = 0; str && i < TCK_BOOT_LAST; i++) {
        if (g_str_equal(str, tck_boot_names[i]))
            return i;
    }
    return -1;
}

static const TckArchInfo *
tck_arch_info_find(const char *arch)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tck_arch_info); i++) {
        if (g_str_equal(tck_arch_info[i].arch, arch))
            return &tck_arch_info[i];
    }
    return NULL;
}

/*
 * The index of the first rule for @os_type on @domain_type that boots by
 * @boot (any boot when @boot is NULL: the preferred one), or -1.
 */
static int
tck_plan_rule_find(const char *os_type, const char *domain_type, const char *boot)
{
    int any = -1;

    for (gsize i = 0; i < G_N_ELEMENTS(tck_plan_rules); i++) {
        const TckPlanRule *rule = &tck_plan_rules[i];

        if (!g_str_equal(rule->domain_type, domain_type) ||
            (rule->os_type && !g_str_equal(rule->os_type, os_type)))
            continue;
        if (!boot || g_str_equal(tck_boot_to_string(rule->boot), boot))
            return (int) i;
        if (any < 0)
            any = (int) i;
    }
    /* Nothing boots that way: the preferred rule, so the reason can say so. */
    return any;
}

static void
tck_plan_reason_free(TckPlanReason *reason)
{
    if (!reason)
        return;
    g_free(reason->arch);
    g_free(reason->os_type);
    g_free(reason->domain_type);
    g_free(reason->boot);
    g_free(reason->why);
    g_free(reason);
}

void
tck_plan_free(TckGuestPlan *plan)
{
    if (!plan)
        return;
    g_free(plan->driver);
    g_free(plan->arch);
    g_free(plan->os_type);
    g_free(plan->domain_type);
    g_free(plan->emulator);
    g_free(plan->machine);
    g_free(plan->disk_bus);
    g_free(plan->disk_prefix);
    g_free(plan->disk_driver);
    g_free(plan->cdrom_bus);
    g_free(plan->cdrom_prefix);
    g_free(plan->console_type);
    g_free(plan->console_target);
    g_free(plan->kernel_console);
    g_free(plan->loader);
    g_free(plan->kernel);
    if (plan->reasons)
        g_ptr_array_unref(plan->reasons);
    g_free(plan);
}

/* One candidate: a guest arch × domain type and the rule that matches it. */
typedef struct {
    const TckGuest *guest;
    const TckGuestDomain *domain;
    int rule;                   /* -1: no rule */
    TckPlanReason *reason;
} TckCandidate;

/* Why a candidate is excluded by the request, or NULL when it is not. */
static char *
tck_plan_excluded(const TckCandidate *cand, const TckPlanRequest *req)
{
    const TckPlanRule *rule = cand->rule >= 0 ? &tck_plan_rules[cand->rule] : NULL;

    if (!rule)
        return g_strdup_printf("no rule for os_type %s on domain type %s",
                               cand->guest->os_type, cand->domain->type);
    if (req && req->os_type && !g_str_equal(req->os_type, cand->guest->os_type))
        return g_strdup_printf("os_type %s is not the forced %s", cand->guest->os_type, req->os_type);
    if (req && req->arch && !g_str_equal(req->arch, cand->guest->arch))
        return g_strdup_printf("arch %s is not the forced %s", cand->guest->arch, req->arch);
    if (req && req->boot && !g_str_equal(req->boot, tck_boot_to_string(rule->boot)))
        return g_strdup_printf("boots by %s, not the forced %s",
                               tck_boot_to_string(rule->boot), req->boot);
    return NULL;
}

/* TRUE when @a ranks above @b: the host arch first, then the earlier rule. */
static gboolean
tck_plan_better(const TckCandidate *a, const TckCandidate *b, const char *host_arch)
{
    gboolean a_host = g_str_equal(a->guest->arch, host_arch);
    gboolean b_host = g_str_equal(b->guest->arch, host_arch);

    if (a_host != b_host)
        return a_host;
    return a->rule < b->rule;
}

static char *
tck_plan_pick_machine(const TckGuest *guest, const TckGuestDomain *domain)
{
    const char *const *machines = tck_guest_domain_machines(guest, domain);
    const TckArchInfo *info = tck_arch_info_find(guest->arch);

    if (!machines || !machines[0])
        return NULL;
    for (gsize i = 0; info && i < G_N_ELEMENTS(info->machines) && info->machines[i]; i++) {
        if (g_strv_contains(machines, info->machines[i]))
            return g_strdup(info->machines[i]);
    }
    return g_strdup(machines[0]);
}

/* "x86_64/hvm/kvm->kernel, i686/hvm/qemu->kernel" */
static char *
tck_plan_offers(const TckHost *host)
{
    g_autoptr(GString) out = g_string_new(NULL);

    for (guint i = 0; i < host->guests->len; i++) {
        const TckGuest *guest = host->guests->pdata[i];

        for (guint j = 0; j < guest->domains->len; j++) {
            const TckGuestDomain *domain = guest->domains->pdata[j];
            gboolean any = FALSE;

            g_string_append_printf(out, "%s%s/%s/%s->", out->len ? ", " : "",
                                   guest->arch, guest->os_type, domain->type);
            for (gsize r = 0; r < G_N_ELEMENTS(tck_plan_rules); r++) {
                const TckPlanRule *rule = &tck_plan_rules[r];

                if (!g_str_equal(rule->domain_type, domain->type) ||
                    (rule->os_type && !g_str_equal(rule->os_type, guest->os_type)))
                    continue;
                g_string_append_printf(out, "%s%s", any ? "|" : "", tck_boot_to_string(rule->boot));
                any = TRUE;
            }
            if (!any)
                g_string_append(out, "(no rule)");
        }
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
tck_plan_request_valid(const TckPlanRequest *req, GError **error)
{
    if (req && req->boot && tck_boot_from_string(req->boot) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_PLAN,
                    "unknown boot '%s' (expected kernel, iso, container or template)", req->boot);
        return FALSE;
    }
    return TRUE;
}

TckGuestPlan *
tck_plan_choose(const TckHost *host, const TckPlanRequest *request, GError **error)
{
    g_autoptr(GArray) cands = g_array_new(FALSE, TRUE, sizeof(TckCandidate));
    g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func((GDestroyNotify) tck_plan_reason_free);
    TckCandidate *best = NULL;
    TckPlanReason *chosen = NULL;
    const TckPlanRule *rule;
    const TckArchInfo *info;
    TckGuestPlan *plan;

    if (!tck_plan_request_valid(request, error))
        return NULL;

    for (guint i = 0; i < host->guests->len; i++) {
        const TckGuest *guest = host->guests->pdata[i];

        for (guint j = 0; j < guest->domains->len; j++) {
            TckCandidate cand = { guest, guest->domains->pdata[j], -1, NULL };

            cand.rule = tck_plan_rule_find(guest->os_type, cand.domain->type,
                                           request ? request->boot : NULL);
            cand.reason = g_new0(TckPlanReason, 1);
            cand.reason->arch = g_strdup(guest->arch);
            cand.reason->os_type = g_strdup(guest->os_type);
            cand.reason->domain_type = g_strdup(cand.domain->type);
            if (cand.rule >= 0)
                cand.reason->boot = g_strdup(tck_boot_to_string(tck_plan_rules[cand.rule].boot));
            cand.reason->why = tck_plan_excluded(&cand, request);
            g_ptr_array_add(reasons, cand.reason);
            g_array_append_val(cands, cand);
        }
    }

    for (guint i = 0; i < cands->len; i++) {
        TckCandidate *cand = &g_array_index(cands, TckCandidate, i);

        if (cand->reason->why)
            continue;
        if (!best || tck_plan_better(cand, best, host->arch))
            best = cand;
    }

    if (!best) {
        g_autofree char *offers = tck_plan_offers(host);

        g_set_error(error, TCK_ERROR, TCK_ERROR_PLAN,
                    "no guest plan fits os_type=%s arch=%s boot=%s; the host (%s) offers: %s",
                    request && request->os_type ? request->os_type : "any",
                    request && request->arch ? request->arch : "any",
                    request && request->boot ? request->boot : "any",
                    host->arch, offers);
        return NULL;
    }

    /* Say why each of the others lost to the winner. */
    for (guint i = 0; i < cands->len; i++) {
        TckCandidate *cand = &g_array_index(cands, TckCandidate, i);

        if (cand == best) {
            cand->reason->chosen = TRUE;
            cand->reason->why = g_strdup_printf("%s%s; %s",
                g_str_equal(best->guest->arch, host->arch) ? "host arch " : "arch ",
                best->guest->arch, tck_plan_rules[best->rule].why);
            chosen = cand->reason;
        } else if (!cand->reason->why) {
            if (!g_str_equal(cand->guest->arch, best->guest->arch) &&
                g_str_equal(best->guest->arch, host->arch))
                cand->reason->why = g_strdup_printf("arch %s is not the host arch %s",
                                                    cand->guest->arch, host->arch);
            else if (cand->rule == best->rule)
                cand->reason->why = g_strdup_printf("same rule as the chosen %s %s/%s, "
                                                    "which is listed first", best->guest->arch,
                                                    best->guest->os_type, best->domain->type);
            else
                cand->reason->why = g_strdup_printf("%s/%s ranks below %s/%s",
                                                    cand->guest->os_type, cand->domain->type,
                                                    best->guest->os_type, best->domain->type);
        }
    }

    rule = &tck_plan_rules[best->rule];
    info = tck_arch_info_find(best->guest->arch);
    plan = g_new0(TckGuestPlan, 1);
    plan->driver = g_strdup(rule->driver);
    plan->arch = g_strdup(best->guest->arch);
    plan->os_type = g_strdup(best->guest->os_type);
    plan->domain_type = g_strdup(best->domain->type);
    plan->emulator = g_strdup(tck_guest_domain_emulator(best->guest, best->domain));
    plan->machine = tck_plan_pick_machine(best->guest, best->domain);
    plan->boot = rule->boot;
    plan->disk_bus = g_strdup(rule->disk_buses[0]);
    plan->disk_prefix = g_strdup(rule->disk_prefix);
    plan->disk_driver = g_strdup(rule->disk_driver);
    plan->cdrom_bus = g_strdup(rule->cdrom_bus);
    plan->cdrom_prefix = g_strdup(rule->cdrom_prefix);
    plan->console_type = g_strdup(rule->console_type);
    plan->console_target = g_strdup(rule->console_target);
    if (rule->boot == TCK_BOOT_KERNEL || rule->boot == TCK_BOOT_ISO)
        plan->kernel_console = g_strdup(rule->kernel_console ? rule->kernel_console
                                        : info ? info->kernel_console : "ttyS0");
    plan->loader = g_strdup(best->guest->loader);
    plan->boots = rule->boots;
    plan->save_needs_guest = rule->boots ? tck_plan_save_needs_guest(plan->os_type) : NULL;
    if (rule->boot == TCK_BOOT_KERNEL) {
        const char *why = NULL;
        char *with_kernel;

        tck_plan_pick_kernel(plan, &why);
        with_kernel = g_strdup_printf("%s; kernel %s: %s", chosen->why, plan->kernel, why);
        g_free(chosen->why);
        chosen->why = with_kernel;
    }
    plan->reasons = g_steal_pointer(&reasons);
    return plan;
}

void
tck_plan_refine(TckGuestPlan *plan, const TckDomainCaps *dcaps)
{
    int r = tck_plan_rule_find(plan->os_type, plan->domain_type, tck_boot_to_string(plan->boot));
    const TckPlanRule *rule;
    TckPlanReason *reason;

    if (r < 0 || !dcaps || !dcaps->disk_buses || !dcaps->disk_buses[0] || !plan->disk_bus)
        return;
    rule = &tck_plan_rules[r];
    reason = g_new0(TckPlanReason, 1);
    reason->arch = g_strdup(plan->arch);
    reason->os_type = g_strdup(plan->os_type);
    reason->domain_type = g_strdup(plan->domain_type);
    reason->boot = g_strdup(tck_boot_to_string(plan->boot));
    for (gsize i = 0; i < G_N_ELEMENTS(rule->disk_buses) && rule->disk_buses[i]; i++) {
        if (g_strv_contains((const char *const *) dcaps->disk_buses, rule->disk_buses[i])) {
            g_free(plan->disk_bus);
            g_free(plan->disk_prefix);
            plan->disk_bus = g_strdup(rule->disk_buses[i]);
            plan->disk_prefix = g_strdup(tck_bus_prefix(plan->disk_bus));
            reason->chosen = TRUE;
            reason->why = g_strdup_printf("domain capabilities offer disk bus %s", plan->disk_bus);
            break;
        }
    }
    if (!reason->why) {
        g_autofree char *offered = g_strjoinv(",", dcaps->disk_buses);

        reason->why = g_strdup_printf("domain capabilities offer none of the preferred disk "
                                      "buses (only %s); keeping %s", offered, plan->disk_bus);
    }
    g_ptr_array_add(plan->reasons, reason);
}

/* ---- Output --------------------------------------------------------- */

/* The plan's key=value pairs, in the order `libvirt-tck capabilities` documents. */
#define TCK_PLAN_N_FIELDS 8
typedef struct {
    const char *key;
    const char *value;
} TckPlanField;

static void
tck_plan_fields(const TckGuestPlan *plan, TckPlanField fields[static TCK_PLAN_N_FIELDS])
{
    TckPlanField f[TCK_PLAN_N_FIELDS] = {
        { "arch", plan->arch },
        { "os_type", plan->os_type },
        { "domain_type", plan->domain_type },
        { "emulator", plan->emulator },
        { "machine", plan->machine },
        { "boot", tck_boot_to_string(plan->boot) },
        { "disk_bus", plan->disk_bus },
        { "kernel", plan->kernel },
    };

    memcpy(fields, f, sizeof(f));
}

char *
tck_plan_to_text(const TckGuestPlan *plan)
{
    g_autoptr(GString) out = g_string_new(NULL);
    TckPlanField fields[TCK_PLAN_N_FIELDS];

    tck_plan_fields(plan, fields);
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
        g_string_append_printf(out, "%s=%s\n", fields[i].key, fields[i].value ? fields[i].value : "");
    for (guint i = 0; i < plan->reasons->len; i++) {
        const TckPlanReason *r = plan->reasons->pdata[i];

        g_string_append_printf(out, "rule: %s %s/%s -> %s: %s (%s)\n", r->arch, r->os_type,
                               r->domain_type, r->boot ? r->boot : "none",
                               r->chosen ? "chosen" : "not chosen", r->why);
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

char *
tck_plan_to_xml(const TckGuestPlan *plan)
{
    g_autoptr(xmlDoc) doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "plan");
    xmlNodePtr rules;
    TckPlanField fields[TCK_PLAN_N_FIELDS];

    xmlDocSetRootElement(doc, root);
    tck_plan_fields(plan, fields);
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++) {
        if (fields[i].value)
            xmlNewTextChild(root, NULL, BAD_CAST fields[i].key, BAD_CAST fields[i].value);
    }
    rules = xmlNewChild(root, NULL, BAD_CAST "rules", NULL);
    for (guint i = 0; i < plan->reasons->len; i++) {
        const TckPlanReason *r = plan->reasons->pdata[i];
        xmlNodePtr node = xmlNewTextChild(rules, NULL, BAD_CAST "rule", BAD_CAST r->why);

        xmlNewProp(node, BAD_CAST "arch", BAD_CAST r->arch);
        xmlNewProp(node, BAD_CAST "os_type", BAD_CAST r->os_type);
        xmlNewProp(node, BAD_CAST "domain_type", BAD_CAST r->domain_type);
        if (r->boot)
            xmlNewProp(node, BAD_CAST "boot", BAD_CAST r->boot);
        xmlNewProp(node, BAD_CAST "chosen", BAD_CAST (r->chosen ? "yes" : "no"));
    }
    return tck_xml_to_string(doc);
}
