/*
 * caps.h — the host model read from libvirt's capabilities (and, where the
 * driver has them, domain capabilities) XML, and the guest plan chosen
 * from it: which guest to build and how it boots on this host.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- Host model (capabilities XML) --------------------------------- */

/* One <domain type='...'> of a guest arch, with its own overrides. */
typedef struct {
    char *type;          /* "kvm", "qemu", "xen", "lxc", "test", ... */
    char *emulator;      /* nullable: overrides the arch's emulator */
    GStrv machines;      /* nullable: overrides the arch's machines */
} TckGuestDomain;

/* One <guest>: an os_type on an arch, and the domain types that run it. */
typedef struct {
    char *os_type;       /* "hvm", "xen", "xenpvh", "exe", ... */
    char *arch;          /* "x86_64", "aarch64", ... */
    guint wordsize;      /* 0 when not given */
    char *emulator;      /* nullable */
    char *loader;        /* nullable */
    GStrv machines;      /* never NULL; may be empty */
    GStrv machine_aliases; /* the <machine canonical='...'> names (e.g. "pc") */
    GPtrArray *domains;  /* (element-type TckGuestDomain) never empty */
    GStrv features;      /* names of <features> children, never NULL */
} TckGuest;

typedef struct {
    char *arch;          /* host CPU arch */
    GPtrArray *guests;   /* (element-type TckGuest) never empty */
} TckHost;

/**
 * tck_host_parse:
 * @xml: capabilities XML (virConnectGetCapabilities())
 * @len: its length in bytes, or -1 when NUL-terminated
 * @origin: names the document in error messages (a file or URI)
 * @error: return location
 *
 * Reads the host arch and every guest.  Input that is empty, not XML,
 * truncated or not a <capabilities> document gives TCK_ERROR_CAPS_PARSE;
 * a host without any guest gives TCK_ERROR_CAPS_NO_GUEST.
 *
 * Returns: (transfer full): the host model, or NULL with @error set.
 */
TckHost *tck_host_parse(const char *xml, gssize len, const char *origin, GError **error);

/* The same, from a file (TCK_ERROR_IO/NOT_FOUND when it cannot be read). */
TckHost *tck_host_parse_file(const char *path, GError **error);

/* The emulator and machine list for @domain of @guest (the domain's own
 * override, else the guest arch's).  Both nullable. */
const char *tck_guest_domain_emulator(const TckGuest *guest, const TckGuestDomain *domain);
const char *const *tck_guest_domain_machines(const TckGuest *guest, const TckGuestDomain *domain);

void tck_host_free(TckHost *host);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckHost, tck_host_free)

/* ---- Domain capabilities (virConnectGetDomainCapabilities) --------- */

typedef struct {
    char *path;          /* emulator, nullable */
    char *domain_type;   /* nullable */
    char *machine;       /* nullable */
    char *arch;          /* nullable */
    GStrv disk_buses;    /* devices/disk enum 'bus'; never NULL, may be empty */
    GStrv disk_devices;  /* devices/disk enum 'diskDevice' */
    GStrv firmware;      /* os enum 'firmware' ("bios", "efi") */
    GStrv video_models;  /* devices/video enum 'modelType' */
    GStrv features;      /* <features> children with supported='yes' */
} TckDomainCaps;

/**
 * tck_domain_caps_parse:
 * Reads a <domainCapabilities> document.  Errors as for tck_host_parse().
 * Returns: (transfer full): the model, or NULL with @error set.
 */
TckDomainCaps *tck_domain_caps_parse(const char *xml, gssize len, const char *origin, GError **error);

void tck_domain_caps_free(TckDomainCaps *dcaps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckDomainCaps, tck_domain_caps_free)

/* ---- The guest plan ------------------------------------------------- */

typedef enum {
    TCK_BOOT_KERNEL,     /* kernel + initrd, token on the command line */
    TCK_BOOT_ISO,        /* bootable ISO on a cdrom, plus an empty disk */
    TCK_BOOT_CONTAINER,  /* a rootfs directory mounted at / with <init> */
    TCK_BOOT_TEMPLATE,   /* an OpenVZ template */
    TCK_BOOT_LAST
} TckBoot;

/* "kernel", "iso", "container", "template"; and back (-1 if unknown). */
const char *tck_boot_to_string(TckBoot boot);
int tck_boot_from_string(const char *str);

/* What the config or command line forces; each field nullable. */
typedef struct {
    const char *os_type;
    const char *arch;
    const char *boot;
} TckPlanRequest;

/* One candidate (guest arch × domain type) the planner looked at. */
typedef struct {
    char *arch;
    char *os_type;
    char *domain_type;
    char *boot;          /* nullable: no rule matched */
    gboolean chosen;
    char *why;
} TckPlanReason;

typedef struct {
    char *driver;        /* libvirt driver: "QEMU", "libxl", "LXC", "test", ... */
    char *arch;
    char *os_type;
    char *domain_type;
    char *emulator;      /* nullable */
    char *machine;       /* nullable */
    TckBoot boot;
    char *disk_bus;      /* nullable for container/template plans */
    char *disk_prefix;   /* "vd", "xvd", "hd", "sd"; nullable likewise */
    char *disk_driver;   /* nullable: the disk's <driver name=...> ("qemu": Xen's qdisk) */
    char *cdrom_bus;     /* ISO plans: the cdrom's bus */
    char *cdrom_prefix;
    char *console_type;  /* "file" or "pty": how the console is wired */
    char *console_target; /* <target type=...>: "serial", "xen", "lxc", "openvz" */
    char *kernel_console; /* nullable: "ttyS0", "hvc0", "ttyAMA0", ... */
    char *loader;        /* nullable: the guest's <loader> (Xen HVM hvmloader) */
    gboolean boots;      /* FALSE for the test driver: paths only */
    const char *save_needs_guest; /* nullable, static: why the guest's own kernel takes part in its save
                                   * or core dump (a Xen PV or PVH guest), so it must have booted first;
                                   * NULL: it can be saved or dumped at any time */
    GPtrArray *reasons;  /* (element-type TckPlanReason) every candidate */
    char *kernel;        /* kernel plans: the kernel asset to boot, "vmlinux" (QEMU x86_64:
                          * the uncompressed PVH ELF) or "kernel"; NULL otherwise */  /* (element-type TckPlanReason) every candidate */
} TckGuestPlan;

/**
 * tck_plan_choose:
 * @host: the host model
 * @request: (nullable): forced os_type/arch/boot
 * @error: return location
 *
 * Matches every guest arch × domain type of @host against the one rule
 * table (see plan.c), drops candidates the request excludes, and picks
 * the best: the host arch first, then the earlier rule (kvm before qemu).
 * When nothing fits, TCK_ERROR_PLAN with a message that lists what the
 * host offers.
 *
 * Returns: (transfer full): the plan, or NULL with @error set.
 */
TckGuestPlan *tck_plan_choose(const TckHost *host, const TckPlanRequest *request, GError **error);

/**
 * tck_plan_refine:
 * @plan: a plan from tck_plan_choose()
 * @dcaps: the domain capabilities for the plan's emulator/arch/machine/type
 *
 * Picks the disk bus the driver really offers (the rule's first
 * preference found in @dcaps' bus list) and records why as one more
 * reason.  A @dcaps without a bus list leaves @plan unchanged.
 */
void tck_plan_refine(TckGuestPlan *plan, const TckDomainCaps *dcaps);

/* Text output: "key=value" lines in the documented order (arch, os_type,
 * domain_type, emulator, machine, boot, disk_bus, kernel), then one
 * "rule: ..." line per candidate; the chosen one says why its kernel. */
char *tck_plan_to_text(const TckGuestPlan *plan);
/* The same as an XML document <plan><arch>...</arch>...<rules>...</rules></plan>. */
char *tck_plan_to_xml(const TckGuestPlan *plan);

void tck_plan_free(TckGuestPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckGuestPlan, tck_plan_free)

G_END_DECLS
