/*
 * sandbox-route.c — what libvirt-tck's commands share for running
 * themselves again inside libvirt-tck-sandbox, their version line and
 * the one rule for which URI is tested.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "exit-codes.h"

void
tck_cli_print_version(const char *program)
{
    printf("%s %s\n", program, PACKAGE_VERSION);
}

char *
tck_cli_self(void)
{
    char *self = g_file_read_link("/proc/self/exe", NULL);

    return self ? self : g_build_filename(BINDIR, "libvirt-tck", NULL);
}

/*
 * PKGLIBEXECDIR as seen from BINDIR ("../libexec/libvirt-tck" for the
 * usual prefixes), so that an installed tree that was moved (a DESTDIR
 * staging root, a relocated package) still finds its own helpers.
 */
static char *
libexec_from_bindir(void)
{
    g_auto(GStrv) bin = g_strsplit(BINDIR, "/", -1);
    g_auto(GStrv) exec = g_strsplit(PKGLIBEXECDIR, "/", -1);
    g_autoptr(GString) rel = g_string_new(NULL);
    guint common = 0;

    while (bin[common] && exec[common] && g_str_equal(bin[common], exec[common]))
        common++;
    for (guint i = common; bin[i]; i++)
        if (*bin[i])
            g_string_append(rel, "../");
    for (guint i = common; exec[i]; i++)
        if (*exec[i])
            g_string_append_printf(rel, "%s/", exec[i]);
    return g_string_free(g_steal_pointer(&rel), FALSE);
}

char *
tck_cli_helper(const char *name)
{
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = self ? g_path_get_dirname(self) : NULL;
    g_autofree char *here = NULL, *rel = NULL, *installed = NULL;

    if (dir && g_str_has_suffix(dir, "/.libs")) {
        char *up = g_path_get_dirname(dir);

        g_free(dir);
        dir = up;
    }
    /* The build tree: the helper beside the program. */
    here = dir ? g_build_filename(dir, name, NULL) : NULL;
    if (here && g_file_test(here, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer(&here);
    /* An installed tree, wherever it now is: the helper where bindir points. */
    rel = libexec_from_bindir();
    installed = dir ? g_build_filename(dir, rel, name, NULL) : NULL;
    if (installed && g_file_test(installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer(&installed);
    return g_build_filename(PKGLIBEXECDIR, name, NULL);
}

const char *
tck_cli_uri(const char *option, TckConfig *config, const char *fallback)
{
    const char *env = g_getenv("TCK_URI");
    const char *configured = tck_config_get_string(config, "uri");

    if (option && *option)
        return option;
    if (env && *env)
        return env;
    if (configured && *configured)
        return configured;
    return fallback ? fallback : tck_config_get_uri(config);
}

int
tck_cli_exec_in_sandbox(gboolean tcp, gboolean no_kvm, gboolean xen, gboolean shell, int hosts, GPtrArray *child)
{
    g_autofree char *self = tck_cli_self();
    g_autofree char *dir = g_path_get_dirname(self);
    g_autofree char *sandbox = g_build_filename(dir, "libvirt-tck-sandbox", NULL);
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func(NULL);
    g_autofree char *hosts_arg = hosts > 0 ? g_strdup_printf("--hosts=%d", hosts) : NULL;

    if (!g_file_test(sandbox, G_FILE_TEST_IS_EXECUTABLE)) {
        g_free(sandbox);
        sandbox = g_build_filename(BINDIR, "libvirt-tck-sandbox", NULL);
    }
    g_ptr_array_add(args, sandbox);
    if (tcp)
        g_ptr_array_add(args, "--tcp");
    if (no_kvm && !xen)
        g_ptr_array_add(args, "--no-kvm");
    if (hosts_arg)
        g_ptr_array_add(args, hosts_arg);
    if (xen)
        g_ptr_array_add(args, "--xen");
    if (shell) {
        g_ptr_array_add(args, "--shell");
    } else {
        g_ptr_array_add(args, "--");
        for (guint i = 0; i < child->len && g_ptr_array_index(child, i); i++)
            g_ptr_array_add(args, g_ptr_array_index(child, i));
    }
    g_ptr_array_add(args, NULL);
    fflush(stdout);
    execv(sandbox, (char **)args->pdata);
    fprintf(stderr, "libvirt-tck: sandbox: cannot execute %s: %s\n", sandbox, g_strerror(errno));
    return TCK_EXIT_SETUP;
}
