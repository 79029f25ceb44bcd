/*
 * sandbox-main.c — libvirt-tck-sandbox: run a command (or a shell) against
 * a private libvirtd that lives and dies with it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <tck/error.h>
#include "tck/sandbox.h"

/* Daemons live in sbin, which a user's PATH may lack. */
static char *
sandbox_find_daemon(const char *name)
{
    char *path = g_find_program_in_path(name);

    return path ? path : g_build_filename("/usr/sbin", name, NULL);
}

/* libvirt-tck-sandbox's exit table; --help prints it. */
static const struct {
    const char *status;
    const char *meaning;
} sandbox_exits[] = {
    { "N", "COMMAND's own exit status" },
    { "2", "usage error (bad option, no COMMAND)" },
    { "3", "the sandbox cannot be set up, or a daemon died (--xen: the Xen host did not come up or died)" },
};

int
main(int argc, char **argv)
{
    gboolean tcp = FALSE, shell = FALSE, no_kvm = FALSE, version = FALSE, xen = FALSE;
    g_autofree char *cache_dir = NULL;
    g_autoptr(GString) summary = g_string_new(
        "Starts a private virtlogd + libvirtd in new mount, network and PID namespaces,\n"
        "waits until qemu:///system answers, runs COMMAND inside and tears it all down.\n\n"
        "Exit status:");
    g_autofree char *log_dir = NULL;
    g_autofree char *libvirtd = NULL;
    g_autofree char *virtlogd = NULL;
    int timeout_s = 0;
    int hosts = 0;
    g_auto(GStrv) command = NULL;
    const GOptionEntry entries[] = {
        { "tcp", 0, 0, G_OPTION_ARG_NONE, &tcp,
          "Also listen on 127.0.0.1 TCP, auth none (qemu+tcp://127.0.0.1/system)", NULL },
        { "log-dir", 0, 0, G_OPTION_ARG_FILENAME, &log_dir,
          "Copy the daemons' logs (and guests' logs) to DIR on the host at the end", "DIR" },
        { "shell", 0, 0, G_OPTION_ARG_NONE, &shell, "Run an interactive shell inside instead of COMMAND", NULL },
        { "no-kvm", 0, 0, G_OPTION_ARG_NONE, &no_kvm, "Hide /dev/kvm inside, so QEMU guests use TCG", NULL },
        { "hosts", 0, 0, G_OPTION_ARG_INT, &hosts,
          "Start N private hosts, each with its own libvirtd on qemu+tcp://10.77.0.H/system", "N" },
        { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s,
          "Seconds the daemons may take to answer (60; with --xen 900)", "S" },
        { "xen", 0, 0, G_OPTION_ARG_NONE, &xen,
          "Boot an emulated Xen host (QEMU, PV dom0, libxl) and run COMMAND on this host against "
          "its xen+tcp://127.0.0.1:PORT/system ($LIBVIRT_DEFAULT_URI, and each {uri} argument)", NULL },
        { "cache", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
          "With --xen: the asset cache holding `libvirt-tck-prepare --only xen-host`", "DIR" },
        { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
        { "libvirtd", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &libvirtd, "libvirtd binary", "PATH" },
        { "virtlogd", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &virtlogd, "virtlogd binary", "PATH" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &command, NULL, "[--] COMMAND [ARGS...]" },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx = g_option_context_new(NULL);
    g_autoptr(GError) err = NULL;
    g_autofree char *shell_path = NULL;
    TckSandboxOptions opts = { 0 };
    int status;

    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_exits); i++)
        g_string_append_printf(summary, "\n  %3s  %s", sandbox_exits[i].status, sandbox_exits[i].meaning);
    g_option_context_set_summary(ctx, summary->str);
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        fprintf(stderr, "libvirt-tck-sandbox: %s (try --help)\n", err->message);
        return 2;
    }
    if (version) {
        printf("libvirt-tck-sandbox %s\n", PACKAGE_VERSION);
        return 0;
    }
    if (xen && (shell || tcp || hosts)) {
        fprintf(stderr, "libvirt-tck-sandbox: --xen takes neither --shell, --tcp nor --hosts "
                "(it is one host, reached over TCP)\n");
        return 2;
    }
    if (shell) {
        const char *sh = g_getenv("SHELL");

        if (command) {
            fprintf(stderr, "libvirt-tck-sandbox: --shell takes no COMMAND\n");
            return 2;
        }
        shell_path = g_strdup(sh && *sh ? sh : "/bin/sh");
        command = g_new0(char *, 2);
        command[0] = g_strdup(shell_path);
    }
    if (!command || !command[0]) {
        fprintf(stderr, "libvirt-tck-sandbox: no COMMAND given (try --help)\n");
        return 2;
    }
    if (timeout_s == 0)
        timeout_s = xen ? 900 : 60;
    if (timeout_s <= 0) {
        fprintf(stderr, "libvirt-tck-sandbox: --timeout must be positive, not %d\n", timeout_s);
        return 2;
    }

    /* --log-dir: DIR itself is made at the end, as mkdir(1) would, never a
     * whole path: a typo must not grow a tree on the host.  Checked now,
     * before anything starts. */
    if (log_dir) {
        g_autofree char *parent = g_path_get_dirname(log_dir);

        if (g_file_test(log_dir, G_FILE_TEST_EXISTS) ? !g_file_test(log_dir, G_FILE_TEST_IS_DIR)
                                                     : !g_file_test(parent, G_FILE_TEST_IS_DIR)) {
            fprintf(stderr, "libvirt-tck-sandbox: --log-dir %s: %s\n", log_dir,
                    g_file_test(log_dir, G_FILE_TEST_EXISTS) ? "exists and is not a directory"
                    : "its parent directory does not exist (only the last component is created)");
            return 2;
        }
    }

    if (hosts < 0 || hosts > TCK_SANDBOX_MAX_HOSTS) {
        fprintf(stderr, "libvirt-tck-sandbox: --hosts must be 1 to %d, not %d\n", TCK_SANDBOX_MAX_HOSTS, hosts);
        return 2;
    }

    opts.hosts = (guint) hosts;
    opts.tcp = tcp;
    opts.no_kvm = no_kvm || g_strcmp0(g_getenv("TCK_SANDBOX_NO_KVM"), "1") == 0;
    opts.log_dir = log_dir;
    opts.timeout_s = (guint) timeout_s;
    opts.libvirtd = libvirtd ? libvirtd : (libvirtd = sandbox_find_daemon("libvirtd"));
    opts.virtlogd = virtlogd ? virtlogd : (virtlogd = sandbox_find_daemon("virtlogd"));
    opts.argv = command;
    opts.interactive = shell;

    opts.xen = xen;
    opts.cache_dir = cache_dir;
    status = xen ? tck_sandbox_xen_run(&opts, &err) : tck_sandbox_run(&opts, &err);
    if (status < 0) {
        fprintf(stderr, "libvirt-tck-sandbox: cannot set up the sandbox: %s\n", err->message);
        return TCK_SANDBOX_EXIT_SETUP;
    }
    return status;
}
