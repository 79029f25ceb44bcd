/*
 * cli.h — the entry points of libvirt-tck's subcommands.  main.c picks
 * one from the first argument; each lives in its own file and returns
 * the process exit status (see exit-codes.h).
 */
#pragma once

#include <tck/config.h>

/* libvirt-tck [OPTIONS] [TEST...]: run tests (tck/cmd-run.c). */
int tck_cmd_run(int argc, char **argv);

/* libvirt-tck capabilities [...]: print the guest plan (tck/cmd-capabilities.c). */
int tck_cmd_capabilities(int argc, char **argv);

/* libvirt-tck report [...]: re-render, mask and compare stored runs (tck/cmd-report.c). */
int tck_cmd_report(int argc, char **argv);

#include <glib.h>

/* Prints "PROGRAM VERSION" on stdout (--version of every tool). */
void tck_cli_print_version(const char *program);

/*
 * Runs @child (a NULL-terminated argv built from parsed options, never a
 * filtered copy of ours) inside libvirt-tck-sandbox, with its --tcp,
 * --no-kvm, --xen (the emulated Xen host; @child's "{uri}" argument
 * becomes its URI), --hosts N (when > 0) or --shell (then @child is ignored).  Returns only on failure,
 * with the exit status to use (tck/sandbox-route.c).
 */
int tck_cli_exec_in_sandbox(gboolean tcp, gboolean no_kvm, gboolean xen, gboolean shell, int hosts,
                            GPtrArray *child);

/* The path of the running libvirt-tck binary, for a child to run it again. */
char *tck_cli_self(void);

/*
 * The path of one of the harness's helper programs (libvirt-tck-keeper,
 * libvirt-tck-kvm-canary): next to this libvirt-tck in the build tree,
 * else where PKGLIBEXECDIR lies from this program's directory (an
 * installed tree, even moved: a DESTDIR staging root), else PKGLIBEXECDIR.
 */
char *tck_cli_helper(const char *name);

/*
 * The URI to test: @option (--uri), else $TCK_URI, else the config's
 * "uri", else @fallback (NULL: the config's default, test:///default).
 * Nothing else overrides the config.
 */
const char *tck_cli_uri(const char *option, TckConfig *config, const char *fallback);
