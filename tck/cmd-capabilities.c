/*
 * cmd-capabilities.c — `libvirt-tck capabilities`: print the guest plan
 * this host (or a saved capabilities file) gives, and why.
 */
#include <config.h>

#include <stdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <tck/assets.h>
#include <tck/caps.h>
#include <tck/config.h>
#include <tck/error.h>
#include <tck/guest.h>
#include "cli.h"
#include "exit-codes.h"
#include "virt-util.h"

typedef struct {
    char *config;
    char *uri;
    char *caps;
    char *os_type;
    char *arch;
    char *boot;
    char *format;
    gboolean sandbox;
    gboolean tcp;
    gboolean no_kvm;
    gboolean version;
} TckCapsOptions;

static void
tck_caps_options_clear(TckCapsOptions *o)
{
    g_free(o->config);
    g_free(o->uri);
    g_free(o->caps);
    g_free(o->os_type);
    g_free(o->arch);
    g_free(o->boot);
    g_free(o->format);
}

/* Output formats: one row each. */
static const struct {
    const char *name;
    char *(*render)(const TckGuestPlan *plan);
} tck_caps_formats[] = {
    { "text", tck_plan_to_text },
    { "xml", tck_plan_to_xml },
};

static const char tck_caps_description[] =
    "Prints the guest plan, one key=value per line (arch, os_type,\n"
    "domain_type, emulator, machine, boot, disk_bus, kernel), then one line\n"
    "per rule considered and why it was or was not chosen (the chosen one\n"
    "also says why its kernel: the PVH vmlinux or the compressed kernel).\n"
    "\n"
    "Without --caps, the URI is --uri, else $TCK_URI, else the config's\n"
    "uri, else test:///default (qemu:///system with --sandbox).\n"
    "--os-type, --arch and --boot (or the config keys os_type, arch,\n"
    "boot) force part of the plan.\n";

/* The capabilities command's exit table; --help prints it. */
static const TckExitDoc tck_caps_exits[] = {
    { TCK_EXIT_OK, "the plan was printed" },
    { TCK_EXIT_USAGE, "usage error, unreadable or bad capabilities file, or no plan fits" },
    { TCK_EXIT_SETUP, "cannot connect to the URI, or the sandbox cannot be set up" },
};

static gboolean
tck_caps_parse_args(TckCapsOptions *o, int argc, char **argv, GError **error)
{
    GOptionEntry entries[] = {
        { "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->config, "Read the config from FILE", "FILE" },
        { "uri", 0, 0, G_OPTION_ARG_STRING, &o->uri, "Ask the libvirt daemon at URI", "URI" },
        { "caps", 0, 0, G_OPTION_ARG_FILENAME, &o->caps, "Read capabilities XML from FILE", "FILE" },
        { "os-type", 0, 0, G_OPTION_ARG_STRING, &o->os_type, "Force the OS type (hvm, xen, exe, ...)", "T" },
        { "arch", 0, 0, G_OPTION_ARG_STRING, &o->arch, "Force the guest arch", "A" },
        { "boot", 0, 0, G_OPTION_ARG_STRING, &o->boot, "Force the boot (kernel, iso, container, template)", "B" },
        { "format", 0, 0, G_OPTION_ARG_STRING, &o->format, "Output format: text (default) or xml", "F" },
        { "sandbox", 0, 0, G_OPTION_ARG_NONE, &o->sandbox,
          "Ask a private libvirtd in new namespaces (see libvirt-tck-sandbox(1))", NULL },
        { "tcp", 0, 0, G_OPTION_ARG_NONE, &o->tcp, "With --sandbox: the daemon also listens on 127.0.0.1 TCP", NULL },
        { "no-kvm", 0, 0, G_OPTION_ARG_NONE, &o->no_kvm, "With --sandbox: hide /dev/kvm, so QEMU guests use TCG", NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx = g_option_context_new("- print the guest plan");
    g_autofree char *exits = tck_exit_help(tck_caps_exits, G_N_ELEMENTS(tck_caps_exits));
    g_autofree char *description = g_strdup_printf("%s\n%s", tck_caps_description, exits);
    g_autoptr(GError) local = NULL;

    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(ctx, description);
    if (!g_option_context_parse(ctx, &argc, &argv, &local)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s (try --help)", local->message);
        return FALSE;
    }
    if (argc > 1) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "unexpected argument '%s'", argv[1]);
        return FALSE;
    }
    if (o->uri && o->caps) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--uri and --caps cannot be combined");
        return FALSE;
    }
    if ((o->no_kvm || o->tcp) && !o->sandbox) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "%s works only with --sandbox",
                    o->no_kvm ? "--no-kvm" : "--tcp");
        return FALSE;
    }
    if (o->sandbox && o->caps) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE, "--sandbox and --caps cannot be combined");
        return FALSE;
    }
    return TRUE;
}

/* The host model of @uri; *@conn_out keeps the connection open for the
 * domain capabilities asked once the plan is known. */
static TckHost *
tck_caps_from_uri(const char *uri, virConnectPtr *conn_out, GError **error)
{
    virConnectPtr conn;
    g_autofree char *xml = NULL;
    TckHost *host;

    /* libvirt's own errors reach the user through our one-line messages only. */
    tck_virt_quiet_errors();
    /* Read-write when allowed (domain capabilities need it), else read-only. */
    if (!(conn = tck_virt_open(uri, TCK_VIRT_OPEN_READ_ONLY_FALLBACK, error)))
        return NULL;
    xml = virConnectGetCapabilities(conn);
    if (!xml) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONNECT, "cannot read the capabilities of '%s': %s",
                    uri, virGetLastErrorMessage());
        virConnectClose(conn);
        return NULL;
    }
    host = tck_host_parse(xml, -1, uri, error);
    if (!host) {
        virConnectClose(conn);
        return NULL;
    }
    *conn_out = conn;
    return host;
}

/*
 * For a plan that boots a kernel: which image the asset cache gives its
 * guests, the PVH vmlinux, the compressed kernel kept in its place (no
 * PVH entry in it), or nothing prepared yet.  One line, text output only.
 */
static void
tck_caps_say_kernel(const TckGuestPlan *plan, TckConfig *config, FILE *out)
{
    const char *cache = tck_config_get_string(config, "asset_cache");
    g_autofree char *dir = NULL;
    g_autofree char *vmlinux = NULL;
    g_autofree char *kernel = NULL;
    g_autoptr(GError) error = NULL;

    if (!plan->kernel || !plan->boots)
        return;
    if (!cache)
        cache = g_getenv("TCK_ASSET_CACHE");
    dir = cache && *cache ? g_strdup(cache)
          : tck_assets_default_cache_dir(tck_config_get_string(config, "scratch_dir"));
    if (!g_str_equal(plan->kernel, "vmlinux")) {
        fprintf(out, "kernel image: the compressed kernel from %s\n", dir);
        return;
    }
    vmlinux = tck_assets_lookup(dir, plan->arch, plan->os_type, TCK_ASSET_VMLINUX, &error);
    kernel = tck_assets_lookup(dir, plan->arch, plan->os_type, TCK_ASSET_KERNEL, NULL);
    if (!vmlinux)
        fprintf(out, "kernel image: the compressed kernel, slower under TCG (%s)\n", error->message);
    else if (g_strcmp0(vmlinux, kernel) == 0)
        fprintf(out, "kernel image: the compressed kernel, %s: it has no PVH vmlinux inside "
                "(libvirt-tck-prepare --list says why)\n", vmlinux);
    else
        fprintf(out, "kernel image: the PVH vmlinux %s\n", vmlinux);
}

int
tck_cmd_capabilities(int argc, char **argv)
{
    TckCapsOptions o = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) config = NULL;
    g_autoptr(TckHost) host = NULL;
    g_autoptr(TckGuestPlan) plan = NULL;
    g_autofree char *out = NULL;
    virConnectPtr conn = NULL;
    gsize fmt = 0;
    int status;

    if (!tck_caps_parse_args(&o, argc, argv, &error))
        goto fail;
    if (o.version) {
        tck_cli_print_version("libvirt-tck");
        tck_caps_options_clear(&o);
        return TCK_EXIT_OK;
    }
    for (fmt = 0; fmt < G_N_ELEMENTS(tck_caps_formats); fmt++) {
        if (g_str_equal(o.format ? o.format : "text", tck_caps_formats[fmt].name))
            break;
    }
    if (fmt == G_N_ELEMENTS(tck_caps_formats)) {
        g_set_error(&error, TCK_ERROR, TCK_ERROR_USAGE, "unknown format '%s' (text or xml)", o.format);
        goto fail;
    }
    if (!(config = tck_config_load(o.config, &error)))
        goto fail;
    if (o.sandbox) {
        /* The same question again inside the sandbox, its argv built from the options. */
        g_autoptr(GPtrArray) child = g_ptr_array_new_with_free_func(g_free);

        g_ptr_array_add(child, tck_cli_self());
        g_ptr_array_add(child, g_strdup("capabilities"));
        if (o.config)
            g_ptr_array_add(child, g_strdup_printf("--config=%s", o.config));
        g_ptr_array_add(child, g_strdup_printf("--uri=%s", tck_cli_uri(o.uri, config, "qemu:///system")));
        if (o.os_type)
            g_ptr_array_add(child, g_strdup_printf("--os-type=%s", o.os_type));
        if (o.arch)
            g_ptr_array_add(child, g_strdup_printf("--arch=%s", o.arch));
        if (o.boot)
            g_ptr_array_add(child, g_strdup_printf("--boot=%s", o.boot));
        if (o.format)
            g_ptr_array_add(child, g_strdup_printf("--format=%s", o.format));
        g_ptr_array_add(child, NULL);
        status = tck_cli_exec_in_sandbox(o.tcp, o.no_kvm, FALSE, FALSE, 0, child);
        tck_caps_options_clear(&o);
        return status;
    }

    if (o.caps) {
        host = tck_host_parse_file(o.caps, &error);
        if (!host && error->code != TCK_ERROR_CAPS_PARSE && error->code != TCK_ERROR_CAPS_NO_GUEST) {
            /* An unreadable file is a usage problem: say which file. */
            tck_error_retag(&error, TCK_ERROR_NOT_FOUND);
        }
    } else {
        host = tck_caps_from_uri(tck_cli_uri(o.uri, config, NULL), &conn, &error);
    }
    if (!host)
        goto fail;

    /* The command line forces what the config would. */
    if (o.os_type)
        tck_config_set_string(config, "os_type", o.os_type);
    if (o.arch)
        tck_config_set_string(config, "arch", o.arch);
    if (o.boot)
        tck_config_set_string(config, "boot", o.boot);
    if (!(plan = tck_plan_for_host(host, conn, config, &error)))
        goto fail;
    if (conn) {
        virConnectClose(conn);
        conn = NULL;
    }

    out = tck_caps_formats[fmt].render(plan);
    fputs(out, stdout);
    if (g_str_equal(tck_caps_formats[fmt].name, "text"))
        tck_caps_say_kernel(plan, config, stdout);
    /* What a run does about KVM (tck/canary.c), said where the plan is shown. */
    if (fmt == 0 && g_strcmp0(plan->domain_type, "kvm") == 0)
        printf("kvm: a run boots one canary guest first (at most 30 s); when it makes no progress, "
               "the run stops at once (exit 3) naming --no-kvm\n");
    tck_caps_options_clear(&o);
    return TCK_EXIT_OK;

 fail:
    if (conn)
        virConnectClose(conn);
    status = tck_exit_report(error);
    tck_caps_options_clear(&o);
    return status;
}
