/*
 * sandbox.h — a private virtlogd + libvirtd in new mount, network and PID
 * namespaces, and a command run against it.  Nothing of it reaches the host.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status when the sandbox cannot be set up or its daemon dies. */
#define TCK_SANDBOX_EXIT_SETUP 3

/* --hosts N: at most this many hosts, host H at TCK_SANDBOX_HOST_ADDR(H). */
#define TCK_SANDBOX_MAX_HOSTS 8
#define TCK_SANDBOX_HOST_ADDR_FMT "10.77.0.%u"
#define TCK_SANDBOX_HOST_URI_FMT "qemu+tcp://" TCK_SANDBOX_HOST_ADDR_FMT "/system"

/*
 * TckSandboxOptions: what libvirt-tck-sandbox was asked to do.
 *  @tcp:       also listen on 127.0.0.1:16509 (TCP, auth none) inside.
 *  @no_kvm:    hide /dev/kvm inside, so QEMU guests use TCG as in CI.
 *  @interactive: the command is a shell for a terminal: it gets its own
 *              process group in the terminal's foreground.
 *  @log_dir:   (nullable) host directory that receives the daemon logs.
 *  @timeout_s: how long the daemons may take to answer.
 *  @libvirtd, @virtlogd: the daemon binaries (tests replace them).
 *  @argv:      the command to run inside (NULL-terminated, non-empty).
 *  @hosts:     0 for one private daemon next to the command; N > 0 for N
 *              private hosts, each in its own namespaces with its own
 *              libvirtd on TCP at TCK_SANDBOX_HOST_ADDR_FMT, reached by the
 *              command over a private bridge.
 *  @host_index, @listen_addr, @cgroup_dir: set by the sandbox itself for
 *              each of those hosts (1-based index, its address, and the
 *              name of its cgroup directory in every hierarchy).
 *  @xen:       boot the emulated Xen host instead (tck/sandbox-xen.c).
 *  @cache_dir: (nullable) --xen: the asset cache with the host's boot files.
 */
typedef struct {
    gboolean tcp;
    gboolean no_kvm;
    gboolean interactive;
    char *log_dir;
    guint timeout_s;
    char *libvirtd;
    char *virtlogd;
    char **argv;
    guint hosts;
    guint host_index;
    const char *listen_addr;
    const char *cgroup_dir;
    gboolean xen;
    char *cache_dir;
} TckSandboxOptions;

/**
 * tck_sandbox_run:
 * @opts: what to run and how
 * @error: return location
 *
 * Enters new namespaces, starts the private daemons, waits until
 * qemu:///system answers, runs @opts->argv inside, then destroys the
 * guests left running, stops the daemons and leaves.  Messages about the
 * sandbox itself go to stderr, prefixed with "libvirt-tck-sandbox:".
 *
 * Returns: the command's exit status (128 + signal when it was killed),
 * or TCK_SANDBOX_EXIT_SETUP when a daemon failed to start or died during
 * the run (reported with the tail of its log); -1 with @error set when
 * the namespaces themselves could not be made (no root, no unshare).
 */
int tck_sandbox_run(const TckSandboxOptions *opts, GError **error);

/**
 * tck_sandbox_xen_run:
 * @opts: what to run; @opts->xen is set
 * @error: return location
 *
 * Boots the emulated Xen host under QEMU (the cached boot files of
 * `libvirt-tck-prepare --only xen-host`), waits up to @opts->timeout_s for
 * its libvirtd, runs @opts->argv on the host with LIBVIRT_DEFAULT_URI and
 * TCK_URI set to xen+tcp://127.0.0.1:PORT/system (each "{uri}" argument
 * replaced by it) and TMPDIR in a directory dom0 shares, then stops QEMU.
 *
 * Returns: the command's exit status, or TCK_SANDBOX_EXIT_SETUP when the
 * host does not come up or dies (reported with the tail of its serial
 * log); -1 with @error set when QEMU cannot be started at all.
 */
int tck_sandbox_xen_run(const TckSandboxOptions *opts, GError **error);

/**
 * tck_sandbox_log_tail:
 * @path: a log file
 * @n_lines: how many lines to keep
 *
 * Returns: (transfer full): the last @n_lines of @path, each prefixed
 * with "  | ", or a line saying why the file could not be read.
 */
char *tck_sandbox_log_tail(const char *path, guint n_lines);

G_END_DECLS
