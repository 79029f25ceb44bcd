/*
 * sandbox.c — libvirt-tck's private daemon: virtlogd + libvirtd in new
 * mount, network and PID namespaces, with private state over the host's.
 *
 * The calling process stays on the host and only forwards signals and the
 * exit status.  Its child is PID 1 of the new PID namespace: it builds the
 * private filesystem view, starts the daemons, runs the command and tears
 * everything down; when it exits, the kernel kills whatever is left inside.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <tck/error.h>
#include "spawn-util.h"
#include "tck/sandbox.h"
#include "virt-util.h"

extern char **environ;

#define PREFIX "libvirt-tck-sandbox: "
#define STAGE "/run/tck-sandbox"
#define LOG_TAIL_LINES 25
#define VIRTLOGD_SOCK "/run/libvirt/virtlogd-sock"
#define VIRTLOGD_LOG "/var/log/libvirt/virtlogd.log"
#define LIBVIRTD_LOG "/var/log/libvirt/libvirtd.log"
#define LIBVIRTD_CONF "/etc/libvirt/libvirtd.conf"
#define CGROUP_ROOT "/sys/fs/cgroup"
#define CGROUP2_HYBRID "/sys/fs/cgroup/unified"
#define CGROUP_MARK_SUFFIX ".tck-sandbox"

/* The host directories replaced by private copies, and what goes in them. */
typedef enum {
    FILL_CONFIG,   /* the host's config files, not its objects or hooks */
    FILL_EMPTY,
} SandboxFill;

static const struct {
    const char *host_dir;
    const char *stage_dir;
    SandboxFill fill;
} sandbox_private_dirs[] = {
    { "/etc/libvirt", STAGE "/etc", FILL_CONFIG },
    { "/var/lib/libvirt", STAGE "/lib", FILL_EMPTY },
    { "/var/log/libvirt", STAGE "/log", FILL_EMPTY },
    { "/var/cache/libvirt", STAGE "/cache", FILL_EMPTY },
};

/* Directories made inside the private copies (qemu ones owned by QEMU's user). */
static const struct {
    const char *path;
    mode_t mode;
    gboolean qemu_owned;
} sandbox_subdirs[] = {
    { STAGE "/etc/hooks", 0755, FALSE },
    { STAGE "/etc/nwfilter", 0755, FALSE },
    { STAGE "/lib/boot", 0711, FALSE },
    { STAGE "/lib/images", 0711, FALSE },
    { STAGE "/lib/qemu", 0751, TRUE },
    { STAGE "/lib/qemu/channel", 0750, TRUE },
    { STAGE "/lib/qemu/channel/target", 0750, TRUE },
    { STAGE "/log/qemu", 0755, FALSE },
    { STAGE "/log/lxc", 0755, FALSE },
    { STAGE "/cache/qemu", 0711, FALSE },
    /* /run's usual residents, which the private tmpfs hides */
    { "/run/lock", 01777, FALSE },
    { "/run/shm", 01777, FALSE },
    { "/run/user", 0755, FALSE },
};

/* Host config subdirectories copied into the private /etc/libvirt. */
static const char *const sandbox_config_subdirs[] = { "nwfilter" };

/* Signals the sandbox handles itself (blocked, read with sigtimedwait). */
static const int sandbox_signals[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* A daemon started inside, and what became of it. */
typedef struct {
    const char *name;
    const char *log;
    pid_t pid;
    gboolean exited;
    int status;
} SandboxDaemon;

typedef struct {
    const TckSandboxOptions *opts;
    SandboxDaemon virtlogd;
    SandboxDaemon libvirtd;
    pid_t command;
    gboolean command_exited;
    int command_status;
    gboolean daemon_died;
    GPtrArray *old_cgroups;   /* "machine" cgroup dirs that are not ours to remove */
    GPtrArray *owned_cgroups; /* the partitions we claimed with a mark */
} Sandbox;

static void
sandbox_signal_set(sigset_t *set)
{
    sigemptyset(set);
    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_signals); i++)
        sigaddset(set, sandbox_signals[i]);
}

static gboolean
set_errno_error(GError **error, int err, const char *what, const char *path)
{
    g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX, "%s %s: %s", what, path, g_strerror(err));
    return FALSE;
}

char *
tck_sandbox_log_tail(const char *path, guint n_lines)
{
    g_autofree char *data = NULL;
    g_autoptr(GError) err = NULL;
    g_auto(GStrv) lines = NULL;
    GString *out = g_string_new(NULL);
    guint n, start;

    if (!g_file_get_contents(path, &data, NULL, &err)) {
        g_string_append_printf(out, "  | (cannot read %s: %s)\n", path, err->message);
        return g_string_free(out, FALSE);
    }
    lines = g_strsplit(data, "\n", -1);
    n = g_strv_length(lines);
    if (n > 0 && lines[n - 1][0] == '\0')
        n--;
    if (n == 0) {
        g_string_append_printf(out, "  | (%s is empty)\n", path);
        return g_string_free(out, FALSE);
    }
    start = n > n_lines ? n - n_lines : 0;
    for (guint i = start; i < n; i++)
        g_string_append_printf(out, "  | %s\n", lines[i]);
    return g_string_free(out, FALSE);
}

/* ---- The private filesystem view ----------------------------------- */

static gboolean
sandbox_mkdir(const char *path, mode_t mode, gboolean qemu_owned, GError **error)
{
    if (mkdir(path, mode) < 0 && errno != EEXIST)
        return set_errno_error(error, errno, "cannot create", path);
    /* mkdir applies the umask; the table's modes are meant exactly */
    if (chmod(path, mode) < 0)
        return set_errno_error(error, errno, "cannot chmod", path);
    if (qemu_owned) {
        struct passwd *pw = getpwnam("libvirt-qemu");
        if (pw && chown(path, pw->pw_uid, pw->pw_gid) < 0)
            return set_errno_error(error, errno, "cannot chown", path);
    }
    return TRUE;
}

/* Copy the regular files of @src (not subdirectories) into @dst. */
static gboolean
sandbox_copy_files(const char *src, const char *dst, GError **error)
{
    g_autoptr(GDir) dir = g_dir_open(src, 0, NULL);
    const char *name;

    if (!dir)
        return TRUE;   /* nothing to copy: the daemon uses its defaults */
    while ((name = g_dir_read_name(dir))) {
        g_autofree char *from = g_build_filename(src, name, NULL);
        g_autofree char *to = g_build_filename(dst, name, NULL);
        g_autofree char *data = NULL;
        gsize len;
        struct stat st;

        if (stat(from, &st) < 0 || !S_ISREG(st.st_mode))
            continue;
        if (!g_file_get_contents(from, &data, &len, error))
            return FALSE;
        if (!g_file_set_contents_full(to, data, len, G_FILE_SET_CONTENTS_CONSISTENT,
                                      st.st_mode & 07777, error))
            return FALSE;
    }
    return TRUE;
}

/* libvirtd.conf of the sandbox: log to stderr (our log file), and TCP on loopback when asked. */
static gboolean
sandbox_write_libvirtd_conf(const TckSandboxOptions *opts, GError **error)
{
    g_autoptr(GString) conf = g_string_new("# written by libvirt-tck-sandbox; private to its namespace\n"
                                           "log_outputs = \"3:stderr\"\n");

    if (opts->tcp)
        g_string_append(conf,
                        "listen_tls = 0\n"
                        "listen_tcp = 1\n"
                        "listen_addr = \"127.0.0.1\"\n"
                        "auth_tcp = \"none\"\n");
    return g_file_set_contents_full(STAGE "/etc/libvirtd.conf", conf->str, conf->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
sandbox_fill_stage(const TckSandboxOptions *opts, GError **error)
{
    if (!sandbox_mkdir(STAGE, 0755, FALSE, error))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_private_dirs); i++) {
        if (!sandbox_mkdir(sandbox_private_dirs[i].stage_dir, 0755, FALSE, error))
            return FALSE;
        if (sandbox_private_dirs[i].fill == FILL_CONFIG &&
            !sandbox_copy_files(sandbox_private_dirs[i].host_dir, sandbox_private_dirs[i].stage_dir, error))
            return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_subdirs); i++) {
        if (!sandbox_mkdir(sandbox_subdirs[i].path, sandbox_subdirs[i].mode,
                           sandbox_subdirs[i].qemu_owned, error))
            return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_config_subdirs); i++) {
        g_autofree char *src = g_build_filename("/etc/libvirt", sandbox_config_subdirs[i], NULL);
        g_autofree char *dst = g_build_filename(STAGE "/etc", sandbox_config_subdirs[i], NULL);
        if (!sandbox_copy_files(src, dst, error))
            return FALSE;
    }
    return sandbox_write_libvirtd_conf(opts, error);
}

static gboolean
sandbox_is_mountpoint(const char *path, const char *fstype)
{
    g_autofree char *data = NULL;
    g_auto(GStrv) lines = NULL;

    if (!g_file_get_contents("/proc/self/mountinfo", &data, NULL, NULL))
        return FALSE;
    lines = g_strsplit(data, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        g_auto(GStrv) f = g_strsplit(lines[i], " ", -1);
        guint sep;

        if (g_strv_length(f) < 7 || g_strcmp0(f[4], path) != 0)
            continue;
        for (sep = 6; f[sep] && g_strcmp0(f[sep], "-") != 0; sep++)
            ;
        if (f[sep] && f[sep + 1] && g_strcmp0(f[sep + 1], fstype) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean
sandbox_lo_up(GError **error)
{
    struct ifreq ifr = { 0 };
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int saved;

    if (fd < 0)
        return set_errno_error(error, errno, "cannot open a socket to configure", "lo");
    g_strlcpy(ifr.ifr_name, "lo", sizeof(ifr.ifr_name));
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0) {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        if (ioctl(fd, SIOCSIFFLAGS, &ifr) == 0) {
            close(fd);
            return TRUE;
        }
    }
    saved = errno;
    close(fd);
    return set_errno_error(error, saved, "cannot bring up", "lo");
}

/* Everything the daemons will see differently from the host. */
static gboolean
sandbox_build_view(const TckSandboxOptions *opts, GError **error)
{
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        return set_errno_error(error, errno, "cannot make mounts private under", "/");
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        return set_errno_error(error, errno, "cannot mount a private", "/proc");
    if (mount("tck-sandbox-run", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") < 0)
        return set_errno_error(error, errno, "cannot mount a private tmpfs on", "/run");
    if (!sandbox_fill_stage(opts, error))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(sandbox_private_dirs); i++) {
        const char *host = sandbox_private_dirs[i].host_dir;

        if (!g_file_test(host, G_FILE_TEST_IS_DIR)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX,
                        "%s does not exist on the host; is libvirt-daemon-system installed?", host);
            return FALSE;
        }
        if (mount(sandbox_private_dirs[i].stage_dir, host, NULL, MS_BIND, NULL) < 0)
            return set_errno_error(error, errno, "cannot bind a private copy over", host);
    }
    /* libvirt's LXC driver fails on the hybrid layout's cgroup2 mount */
    if (sandbox_is_mountpoint(CGROUP2_HYBRID, "cgroup2") && umount2(CGROUP2_HYBRID, MNT_DETACH) < 0)
        return set_errno_error(error, errno, "cannot hide", CGROUP2_HYBRID);
    /*
     * /dev/kvm lives on the host's devtmpfs, so it is covered, not removed:
     * by a file QEMU's user cannot open.  libvirt then sees KVM as unusable,
     * as it was when it probed, and keeps its capabilities cache (a node
     * that QEMU's user can open but that is no KVM makes libvirt re-probe
     * QEMU on every define).
     */
    if (opts->no_kvm && g_file_test("/dev/kvm", G_FILE_TEST_EXISTS)) {
        /* a character device (libvirt moves /dev's mounts into each QEMU's
         * private /dev, and only devices move), /dev/null's, root-only */
        if (mknod(STAGE "/no-kvm", S_IFCHR | 0600, makedev(1, 3)) < 0 && errno != EEXIST)
            return set_errno_error(error, errno, "cannot create", STAGE "/no-kvm");
        if (mount(STAGE "/no-kvm", "/dev/kvm", NULL, MS_BIND, NULL) < 0)
            return set_errno_error(error, errno, "cannot hide", "/dev/kvm");
    }
    return sandbox_lo_up(error);
}

/* ---- cgroups: libvirt makes its partition on the host's cgroupfs ---- */

static void
sandbox_cgroup_scan(GPtrArray *found, const char *dir, guint depth)
{
    g_autoptr(GDir) d = NULL;
    const char *name;

    if (depth == 0 || !(d = g_dir_open(dir, 0, NULL)))
        return;
    while ((name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        struct stat st;

        if (lstat(path, &st) < 0 || !S_ISDIR(st.st_mode))
            continue;
        if (g_str_has_suffix(name, CGROUP_MARK_SUFFIX))
            continue;
        if (g_str_has_prefix(name, "machine"))
            g_ptr_array_add(found, g_strdup(path));
        else
            sandbox_cgroup_scan(found, path, depth - 1);
    }
}

static gboolean
sandbox_cgroup_known(GPtrArray *list, const char *path)
{
    for (guint i = 0; list && i < list->len; i++) {
        if (g_str_equal(g_ptr_array_index(list, i), path))
            return TRUE;
    }
    return FALSE;
}

/* rmdir an empty cgroup tree bottom-up; busy ones (someone else's guests) stay. */
static void
sandbox_cgroup_remove(const char *path)
{
    g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *child = g_build_filename(path, name, NULL);
        struct stat st;

        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            sandbox_cgroup_remove(child);
    }
    (void) rmdir(path);
}

/*
 * libvirt's partition ("machine") in each cgroup v1 hierarchy outlives our
 * guests.  We remove it when it is ours: absent when we started, or marked
 * by a sibling "machine.tck-sandbox" that sandboxes keep while it exists,
 * so that of sandboxes running side by side the last one removes it, and a
 * host libvirtd's partition (unmarked, there before us) is never touched.
 */
static void
sandbox_cgroup_claim(GPtrArray *old, GPtrArray *owned)
{
    g_autoptr(GDir) d = g_dir_open(CGROUP_ROOT, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *mount_point = g_build_filename(CGROUP_ROOT, name, NULL);
        g_autofree char *machine = g_build_filename(mount_point, "machine", NULL);
        g_autofree char *mark = g_strconcat(machine, CGROUP_MARK_SUFFIX, NULL);

        if (!sandbox_is_mountpoint(mount_point, "cgroup"))
            continue;
        if (g_file_test(machine, G_FILE_TEST_IS_DIR) && !g_file_test(mark, G_FILE_TEST_IS_DIR))
            continue;   /* someone else's */
        if (mkdir(mark, 0755) < 0 && errno != EEXIST)
            continue;
        for (guint i = 0; i < old->len; i++) {
            if (g_str_equal(g_ptr_array_index(old, i), machine))
                g_ptr_array_remove_index(old, i--);
        }
        g_ptr_array_add(owned, g_steal_pointer(&machine));
    }
}

static void
sandbox_cgroup_release(GPtrArray *owned)
{
    for (guint i = 0; owned && i < owned->len; i++) {
        const char *machine = g_ptr_array_index(owned, i);
        g_autofree char *mark = g_strconcat(machine, CGROUP_MARK_SUFFIX, NULL);

        if (!g_file_test(machine, G_FILE_TEST_EXISTS))
            (void) rmdir(mark);
    }
}

/* ---- Daemons and the command ---------------------------------------- */

static gboolean
sandbox_spawn(const char *const *argv, const char *log, gboolean new_session,
              char **envp, pid_t *pid, GError **error)
{
    TckSpawn spawn = TCK_SPAWN_INIT;

    spawn.argv = argv;
    spawn.envp = envp;
    spawn.log = log;
    /* daemons get their own session: a Ctrl-C on the terminal is for the command */
    if (new_session)
        spawn.flags |= TCK_SPAWN_NEW_SESSION;
    if (!tck_spawn(&spawn, pid, NULL, error)) {
        tck_error_retag(error, TCK_ERROR_SANDBOX);
        return FALSE;
    }
    return TRUE;
}

static char *
sandbox_describe_status(int status)
{
    if (WIFEXITED(status))
        return g_strdup_printf("exited with status %d", WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return g_strdup_printf("was killed by signal %d (%s)", WTERMSIG(status), g_strsignal(WTERMSIG(status)));
    return g_strdup_printf("ended with wait status 0x%x", (unsigned) status);
}

static void
sandbox_report_daemon(const SandboxDaemon *d, const char *when)
{
    g_autofree char *how = sandbox_describe_status(d->status);
    g_autofree char *tail = tck_sandbox_log_tail(d->log, LOG_TAIL_LINES);

    fprintf(stderr, PREFIX "%s (pid %d) %s %s; last lines of %s:\n%s",
            d->name, (int) d->pid, how, when, d->log, tail);
    fflush(stderr);
}

/* Reap every child (PID 1 inherits all orphans); note the ones we track. */
static void
sandbox_reap(Sandbox *sb)
{
    int status;
    pid_t pid;

    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        SandboxDaemon *daemons[] = { &sb->virtlogd, &sb->libvirtd };

        if (pid == sb->command) {
            sb->command_exited = TRUE;
            sb->command_status = status;
        }
        for (gsize i = 0; i < G_N_ELEMENTS(daemons); i++) {
            if (pid == daemons[i]->pid) {
                daemons[i]->exited = TRUE;
                daemons[i]->status = status;
            }
        }
    }
}

/*
 * Wait up to @ms for a signal.  Returns the signal, 0 on timeout.  Signals
 * the terminal sent (SI_KERNEL) went to the command as well and are
 * dropped; ones a process sent to us are returned to be forwarded.
 */
static int
sandbox_wait_signal(guint ms)
{
    sigset_t set;
    siginfo_t info;
    struct timespec ts = { ms / 1000, (long) (ms % 1000) * 1000000L };
    int sig;

    sandbox_signal_set(&set);
    sig = sigtimedwait(&set, &info, &ts);
    if (sig < 0 || sig == SIGCHLD)
        return 0;
    if (info.si_code == SI_KERNEL)
        return 0;
    return sig;
}

static gboolean
sandbox_uri_answers(const char *uri)
{
    virConnectPtr conn = tck_virt_open(uri, TCK_VIRT_OPEN_DEFAULT, NULL);
    unsigned long ver = 0;
    gboolean ok;

    if (!conn)
        return FALSE;
    ok = virConnectGetLibVersion(conn, &ver) == 0;
    virConnectClose(conn);
    return ok;
}

/* Wait for @ready (a path to exist or URIs to answer) while watching @d. */
typedef gboolean (*SandboxReadyFunc)(const TckSandboxOptions *opts);

static gboolean
sandbox_virtlogd_ready(const TckSandboxOptions *opts)
{
    return g_file_test(VIRTLOGD_SOCK, G_FILE_TEST_EXISTS);
}

static gboolean
sandbox_libvirtd_ready(const TckSandboxOptions *opts)
{
    return sandbox_uri_answers("qemu:///system") &&
        (!opts->tcp || sandbox_uri_answers("qemu+tcp://127.0.0.1/system"));
}

static gboolean
sandbox_wait_ready(Sandbox *sb, SandboxDaemon *d, SandboxReadyFunc ready, GError **error)
{
    gint64 deadline = g_get_monotonic_time() + (gint64) sb->opts->timeout_s * G_USEC_PER_SEC;

    for (;;) {
        int sig;

        sandbox_reap(sb);
        if (d->exited) {
            sandbox_report_daemon(d, "during start-up");
            g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX, "%s did not start (see its log above)", d->name);
            return FALSE;
        }
        if (ready(sb->opts))
            return TRUE;
        if (g_get_monotonic_time() > deadline) {
            g_autofree char *tail = tck_sandbox_log_tail(d->log, LOG_TAIL_LINES);
            fprintf(stderr, PREFIX "%s (pid %d) did not answer within %u s; last lines of %s:\n%s",
                    d->name, (int) d->pid, sb->opts->timeout_s, d->log, tail);
            g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX, "%s did not answer within %u s",
                        d->name, sb->opts->timeout_s);
            return FALSE;
        }
        if ((sig = sandbox_wait_signal(100)) != 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX, "interrupted by signal %d while starting %s",
                        sig, d->name);
            return FALSE;
        }
    }
}

static gboolean
sandbox_start_daemons(Sandbox *sb, GError **error)
{
    const char *virtlogd_argv[] = { sb->opts->virtlogd, NULL };
    const char *libvirtd_argv[] = { sb->opts->libvirtd, "--config", LIBVIRTD_CONF, NULL, NULL };

    if (sb->opts->tcp)
        libvirtd_argv[3] = "--listen";
    sb->old_cgroups = g_ptr_array_new_with_free_func(g_free);
    sb->owned_cgroups = g_ptr_array_new_with_free_func(g_free);
    sandbox_cgroup_scan(sb->old_cgroups, CGROUP_ROOT, 4);
    sandbox_cgroup_claim(sb->old_cgroups, sb->owned_cgroups);

    if (!sandbox_spawn(virtlogd_argv, sb->virtlogd.log, TRUE, NULL, &sb->virtlogd.pid, error))
        return FALSE;
    if (!sandbox_wait_ready(sb, &sb->virtlogd, sandbox_virtlogd_ready, error))
        return FALSE;
    if (!sandbox_spawn(libvirtd_argv, sb->libvirtd.log, TRUE, NULL, &sb->libvirtd.pid, error))
        return FALSE;
    return sandbox_wait_ready(sb, &sb->libvirtd, sandbox_libvirtd_ready, error);
}

/* Guests outlive libvirtd; destroy whatever the command left running. */
static void
sandbox_destroy_guests(void)
{
    static const char *const uris[] = { "qemu:///system", "lxc:///system" };

    for (gsize i = 0; i < G_N_ELEMENTS(uris); i++) {
        virConnectPtr conn = tck_virt_open(uris[i], TCK_VIRT_OPEN_DEFAULT, NULL);
        virDomainPtr *doms = NULL;
        int n;

        if (!conn)
            continue;
        n = virConnectListAllDomains(conn, &doms, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
        for (int j = 0; j < n; j++) {
            if (virDomainDestroy(doms[j]) == 0)
                fprintf(stderr, PREFIX "destroyed guest '%s' left running on %s\n",
                        virDomainGetName(doms[j]), uris[i]);
            virDomainFree(doms[j]);
        }
        free(doms);
        virConnectClose(conn);
    }
}

static gpointer
sandbox_destroy_thread(gpointer data)
{
    sandbox_destroy_guests();
    g_atomic_int_set((gint *) data, 1);
    return NULL;
}

/*
 * QEMU's processes are our children (PID 1 adopts them), and libvirtd
 * waits for a killed guest's pid to vanish: so keep reaping while another
 * thread asks libvirtd to destroy the guests.
 */
static void
sandbox_destroy_guests_reaping(Sandbox *sb)
{
    gint done = 0;
    GThread *thread = g_thread_new("sandbox-destroy", sandbox_destroy_thread, &done);

    while (!g_atomic_int_get(&done)) {
        sandbox_wait_signal(50);
        sandbox_reap(sb);
    }
    g_thread_join(thread);
}

static void
sandbox_stop_daemon(Sandbox *sb, SandboxDaemon *d)
{
    gint64 deadline;

    sandbox_reap(sb);
    if (d->pid <= 0 || d->exited)
        return;
    kill(d->pid, SIGTERM);
    deadline = g_get_monotonic_time() + 15 * G_USEC_PER_SEC;
    while (!d->exited && g_get_monotonic_time() < deadline) {
        sandbox_wait_signal(100);
        sandbox_reap(sb);
    }
    if (!d->exited) {
        fprintf(stderr, PREFIX "%s (pid %d) ignored SIGTERM for 15 s; killing it\n", d->name, (int) d->pid);
        kill(d->pid, SIGKILL);
    }
}

static void
sandbox_copy_logs(const char *log_dir)
{
    const char *argv[] = { "cp", "-r", "--", "/var/log/libvirt/.", log_dir, NULL };
    g_autoptr(GError) err = NULL;
    int status;

    /* its parent was checked at start (sandbox-main.c): only DIR itself is made */
    if ((g_mkdir(log_dir, 0755) < 0 && errno != EEXIST) ||
        !g_spawn_sync(NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &err) ||
        !g_spawn_check_wait_status(status, &err))
        fprintf(stderr, PREFIX "cannot copy the daemon logs to %s: %s\n", log_dir,
                err ? err->message : g_strerror(errno));
}

static void
sandbox_teardown(Sandbox *sb)
{
    sandbox_reap(sb);
    if (sb->libvirtd.pid > 0 && !sb->libvirtd.exited)
        sandbox_destroy_guests_reaping(sb);
    sandbox_stop_daemon(sb, &sb->libvirtd);
    sandbox_stop_daemon(sb, &sb->virtlogd);
    if (sb->opts->log_dir)
        sandbox_copy_logs(sb->opts->log_dir);
    if (sb->old_cgroups) {
        g_autoptr(GPtrArray) now = g_ptr_array_new_with_free_func(g_free);

        sandbox_cgroup_scan(now, CGROUP_ROOT, 4);
        for (guint i = 0; i < now->len; i++) {
            if (!sandbox_cgroup_known(sb->old_cgroups, g_ptr_array_index(now, i)))
                sandbox_cgroup_remove(g_ptr_array_index(now, i));
        }
        sandbox_cgroup_release(sb->owned_cgroups);
        g_clear_pointer(&sb->old_cgroups, g_ptr_array_unref);
        g_clear_pointer(&sb->owned_cgroups, g_ptr_array_unref);
    }
}

static int
sandbox_exit_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 1;
}

static char **
sandbox_command_env(Sandbox *sb)
{
    char **env = g_get_environ();
    g_autofree char *lpid = g_strdup_printf("%d", (int) sb->libvirtd.pid);
    g_autofree char *vpid = g_strdup_printf("%d", (int) sb->virtlogd.pid);

    env = g_environ_setenv(env, "TCK_SANDBOX", "1", TRUE);
    env = g_environ_setenv(env, "TCK_SANDBOX_LIBVIRTD_PID", lpid, TRUE);
    env = g_environ_setenv(env, "TCK_SANDBOX_VIRTLOGD_PID", vpid, TRUE);
    env = g_environ_setenv(env, "TCK_SANDBOX_LOG_DIR", "/var/log/libvirt", TRUE);
    return env;
}

/*
 * A shell on a terminal leads its own process group in the foreground: it
 * must never need the caller's group, which is not visible from inside
 * the PID namespace (a shell restores it on exit and fails).  Only
 * async-signal-safe calls between fork and exec.
 */
static gboolean
sandbox_spawn_foreground(char **argv, char **envp, pid_t *pid, GError **error)
{
    pid_t child = fork();

    if (child < 0)
        return set_errno_error(error, errno, "cannot fork for", argv[0]);
    if (child == 0) {
        sigset_t none;

        setpgid(0, 0);
        signal(SIGTTOU, SIG_IGN);
        tcsetpgrp(STDIN_FILENO, getpid());
        signal(SIGTTOU, SIG_DFL);
        for (gsize i = 0; i < G_N_ELEMENTS(sandbox_signals); i++)
            signal(sandbox_signals[i], SIG_DFL);
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execvpe(argv[0], argv, envp);
        _exit(127);
    }
    *pid = child;
    return TRUE;
}

/* Run the command; watch the daemons while it runs. */
static void
sandbox_run_command(Sandbox *sb)
{
    g_auto(GStrv) env = sandbox_command_env(sb);
    g_autoptr(GError) err = NULL;
    gboolean ok;

    if (sb->opts->interactive && isatty(STDIN_FILENO))
        ok = sandbox_spawn_foreground(sb->opts->argv, env, &sb->command, &err);
    else
        ok = sandbox_spawn((const char *const *) sb->opts->argv, NULL, FALSE, env, &sb->command, &err);
    if (!ok) {
        fprintf(stderr, PREFIX "%s\n", err->message);
        sb->command_exited = TRUE;
        sb->command_status = 127 << 8;
        return;
    }
    while (!sb->command_exited) {
        SandboxDaemon *daemons[] = { &sb->virtlogd, &sb->libvirtd };
        int sig = sandbox_wait_signal(1000);

        if (sig != 0)
            kill(sb->command, sig);
        sandbox_reap(sb);
        for (gsize i = 0; i < G_N_ELEMENTS(daemons); i++) {
            if (daemons[i]->exited && !sb->daemon_died) {
                sb->daemon_died = TRUE;
                sandbox_report_daemon(daemons[i], "while the command ran");
            }
        }
    }
}

/* PID 1 of the sandbox.  Never returns. */
static G_NORETURN void
sandbox_init(const TckSandboxOptions *opts, pid_t host_parent)
{
    Sandbox sb = {
        .opts = opts,
        .virtlogd = { .name = "virtlogd", .log = VIRTLOGD_LOG },
        .libvirtd = { .name = "libvirtd", .log = LIBVIRTD_LOG },
    };
    g_autoptr(GError) err = NULL;
    int status;

    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != 0 && getppid() != host_parent)
        _exit(TCK_SANDBOX_EXIT_SETUP);
    tck_virt_quiet_errors();

    if (!sandbox_build_view(opts, &err) || !sandbox_start_daemons(&sb, &err)) {
        fprintf(stderr, PREFIX "cannot set up the sandbox: %s\n", err->message);
        sandbox_teardown(&sb);
        _exit(TCK_SANDBOX_EXIT_SETUP);
    }
    sandbox_run_command(&sb);
    sandbox_teardown(&sb);
    status = sandbox_exit_status(sb.command_status);
    if (sb.daemon_died) {
        fprintf(stderr, PREFIX "a daemon died during the run (see above); the command's exit status was %d\n",
                status);
        status = TCK_SANDBOX_EXIT_SETUP;
    }
    fflush(stdout);
    fflush(stderr);
    _exit(status);
}

int
tck_sandbox_run(const TckSandboxOptions *opts, GError **error)
{
    sigset_t set, old;
    pid_t child, self = getpid();
    int status = 0;

    gboolean foreground = isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp();

    g_return_val_if_fail(opts && opts->argv && opts->argv[0], -1);
    if (geteuid() != 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX,
                    "the sandbox needs root to make mount, network and PID namespaces (uid is %d)",
                    (int) geteuid());
        return -1;
    }
    if (unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX,
                    "cannot make new mount, network and PID namespaces: unshare: %s", g_strerror(errno));
        return -1;
    }
    sandbox_signal_set(&set);
    sigprocmask(SIG_BLOCK, &set, &old);
    fflush(stdout);
    fflush(stderr);
    child = fork();
    if (child < 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        g_set_error(error, TCK_ERROR, TCK_ERROR_SANDBOX, "cannot fork the sandbox's init: %s", g_strerror(errno));
        return -1;
    }
    if (child == 0)
        sandbox_init(opts, self);

    /* On the host: forward signals sent to us, and wait. */
    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(&set, &info);

        if (sig == SIGCHLD) {
            if (waitpid(child, &status, WNOHANG) == child)
                break;
        } else if (sig > 0 && info.si_code != SI_KERNEL) {
            kill(child, sig);
        }
    }
    /* an interactive command took the terminal; take it back */
    if (foreground && tcgetpgrp(STDIN_FILENO) != getpgrp()) {
        sigset_t ttou;

        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        sigprocmask(SIG_BLOCK, &ttou, NULL);
        tcsetpgrp(STDIN_FILENO, getpgrp());
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return sandbox_exit_status(status);
}
