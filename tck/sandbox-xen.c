/*
 * sandbox-xen.c — libvirt-tck-sandbox --xen: an emulated Xen host.  QEMU
 * (TCG) boots the Xen hypervisor with the host's kernel as a PV dom0, whose
 * root is the host's own, read-only over virtio-9p with a tmpfs on top
 * (assets/xen-dom0-init.sh, assets/xen-dom0.sh).  dom0 runs xenstored,
 * xenconsoled, virtlogd and libvirtd with the libxl driver; a free
 * loopback port is forwarded to its libvirtd, and the command runs on the
 * host against xen+tcp://127.0.0.1:PORT/system.  Nothing of Xen runs on
 * the host itself, and the host's libvirt is never touched.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <tck/asset-sources.h>
#include <tck/assets.h>
#include <tck/error.h>
#include "tck/sandbox.h"
#include "fs-util.h"
#include "virt-util.h"

#define XEN_READY "TCK-XEN-HOST-READY"
#define XEN_FAILED "TCK-XEN-HOST-FAILED"
/* Xen's own last words (with "noreboot" it then waits for a manual reset,
 * so QEMU never exits): a dom0 kernel it cannot load, say. */
#define XEN_PANIC "Panic on CPU"
#define XEN_TAIL_LINES 30
/* What TCG can run: Xen PV needs no VMX; "max" crashes dom0 at its first
 * page fault, and libvirt's libxl driver finds no CPU model for qemu64. */
#define XEN_CPU "Nehalem"
/* 2 GiB: dom0 keeps 768 MiB, which leaves Xen room for four 256 MiB PV
 * guests (two tests at once, one of them starting a second guest, and a
 * destroyed guest whose memory Xen is still scrubbing); with 1.5 GiB a
 * third guest was refused ("libxenlight failed to create new domain"). */
#define XEN_MEMORY_MIB "2048"
#define XEN_DOM0_MEMORY "dom0_mem=768M"
/*
 * dom0's /var/lib/libvirt: a sparse disk of its own, not the root's tmpfs
 * overlay.  Save images, core dumps and the tck-assets pool are as big as
 * the guests' memory; in tmpfs they ate dom0's 768 MiB until the kernel
 * killed libvirtd (OOM during the domain suite's save tests at -j 2).
 */
#define XEN_STORE_BYTES (G_GINT64_CONSTANT(16) * 1024 * 1024 * 1024)

/* The cached boot files: `libvirt-tck-prepare --only xen-host`. */
typedef struct {
    char *hypervisor;
    char *kernel;
    char *initrd;
} XenBootFiles;

static void
xen_boot_files_clear(XenBootFiles *f)
{
    g_clear_pointer(&f->hypervisor, g_free);
    g_clear_pointer(&f->kernel, g_free);
    g_clear_pointer(&f->initrd, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(XenBootFiles, xen_boot_files_clear)

static gboolean
xen_boot_files_find(const char *cache, XenBootFiles *f, GError **error)
{
    const char *arch = "x86_64";

    return (f->hypervisor = tck_assets_lookup(cache, arch, "xen", TCK_ASSET_XEN_HYPERVISOR, error)) &&
           (f->kernel = tck_assets_lookup(cache, arch, "xen", TCK_ASSET_KERNEL, error)) &&
           (f->initrd = tck_assets_lookup(cache, arch, "xen", TCK_ASSET_XEN_HOST, error));
}

/* A loopback port nobody listens on now (bound, read back, released). */
static guint
xen_free_port(GError **error)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    guint port = 0;

    if (fd >= 0 && bind(fd, (struct sockaddr *) &sa, sizeof(sa)) == 0 &&
        getsockname(fd, (struct sockaddr *) &sa, &len) == 0)
        port = ntohs(sa.sin_port);
    else
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot find a free loopback port: %s",
                    g_strerror(errno));
    if (fd >= 0)
        close(fd);
    return port;
}

/* QEMU's -initrd and -virtfs split on commas, which no path may hold. */
static gboolean
xen_path_ok(const char *path, GError **error)
{
    if (!strchr(path, ','))
        return TRUE;
    g_set_error(error, TCK_ERROR, TCK_ERROR_USAGE,
                "the path %s holds a comma, which QEMU's command line cannot carry", path);
    return FALSE;
}

static GPtrArray *
xen_qemu_argv(const XenBootFiles *f, const char *stage2, const char *share, const char *store,
              const char *serial, guint port)
{
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    const char *const fixed[] = {
        "qemu-system-x86_64", "-machine", "q35", "-cpu", XEN_CPU, "-m", XEN_MEMORY_MIB,
        "-smp", "2", "-nographic", "-no-reboot", "-monitor", "none", "-display", "none",
        "-device", "virtio-net-pci,netdev=n0",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(argv, g_strdup(fixed[i]));
    g_ptr_array_add(argv, g_strdup("-kernel"));
    g_ptr_array_add(argv, g_strdup(f->hypervisor));
    g_ptr_array_add(argv, g_strdup("-append"));
    g_ptr_array_add(argv, g_strdup(XEN_DOM0_MEMORY " console=com1 com1=115200,8n1 noreboot"));
    /* Multiboot modules: dom0's kernel with its command line, then its initrd. */
    g_ptr_array_add(argv, g_strdup("-initrd"));
    g_ptr_array_add(argv, g_strdup_printf("%s console=hvc0 tck.stage2=%s tck.share=%s,%s", f->kernel,
                                          stage2, share, f->initrd));
    g_ptr_array_add(argv, g_strdup("-virtfs"));
    g_ptr_array_add(argv, g_strdup("local,path=/,mount_tag=hostroot,security_model=none,readonly=on,"
                                   "multidevs=remap"));
    g_ptr_array_add(argv, g_strdup("-virtfs"));
    g_ptr_array_add(argv, g_strdup_printf("local,path=%s,mount_tag=share0,security_model=none,"
                                          "multidevs=remap", share));
    g_ptr_array_add(argv, g_strdup("-drive"));
    g_ptr_array_add(argv, g_strdup_printf("file=%s,format=raw,if=virtio,cache=unsafe", store));
    g_ptr_array_add(argv, g_strdup("-netdev"));
    g_ptr_array_add(argv, g_strdup_printf("user,id=n0,hostfwd=tcp:127.0.0.1:%u-:16509", port));
    g_ptr_array_add(argv, g_strdup("-serial"));
    g_ptr_array_add(argv, g_strdup_printf("file:%s", serial));
    g_ptr_array_add(argv, NULL);
    return argv;
}

/* The sparse file behind dom0's /var/lib/libvirt (XEN_STORE_BYTES); dom0 makes its file system. */
static gboolean
xen_store_make(const char *path, GError **error)
{
    return tck_fs_make_sparse(path, XEN_STORE_BYTES, O_EXCL, 0600, error);
}

/* QEMU dies with us, whatever ends us. */
static void
xen_child_setup(gpointer data)
{
    (void) data;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
xen_uri_answers(const char *uri)
{
    virConnectPtr conn;

    tck_virt_quiet_errors();
    if (!(conn = tck_virt_open(uri, TCK_VIRT_OPEN_DEFAULT, NULL)))
        return FALSE;
    virConnectClose(conn);
    return TRUE;
}

typedef enum { XEN_WAIT_READY, XEN_WAIT_FAILED, XEN_WAIT_PANIC, XEN_WAIT_EXITED, XEN_WAIT_TIMEOUT } XenWait;

/* Watches the serial log for dom0's verdict while QEMU lives. */
static XenWait
xen_wait_ready(GPid qemu, const char *serial, guint timeout_s, int *status)
{
    gint64 deadline = g_get_monotonic_time() + (gint64) timeout_s * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < deadline) {
        g_autofree char *log = NULL;

        if (waitpid(qemu, status, WNOHANG) == qemu)
            return XEN_WAIT_EXITED;
        if (g_file_get_contents(serial, &log, NULL, NULL)) {
            if (strstr(log, XEN_FAILED))
                return XEN_WAIT_FAILED;
            if (strstr(log, XEN_PANIC))
                return XEN_WAIT_PANIC;
            if (strstr(log, XEN_READY))
                return XEN_WAIT_READY;
        }
        g_usleep(G_USEC_PER_SEC);
    }
    return XEN_WAIT_TIMEOUT;
}

/* COMMAND with each "{uri}" replaced by the Xen host's URI. */
static char **
xen_command(char **argv, const char *uri)
{
    GPtrArray *out = g_ptr_array_new();

    for (gsize i = 0; argv[i]; i++)
        g_ptr_array_add(out, g_str_equal(argv[i], "{uri}") ? g_strdup(uri) : g_strdup(argv[i]));
    g_ptr_array_add(out, NULL);
    return (char **) g_ptr_array_free(out, FALSE);
}

static int
xen_run_command(const TckSandboxOptions *opts, const char *uri, const char *share, GError **error)
{
    g_auto(GStrv) argv = xen_command(opts->argv, uri);
    g_auto(GStrv) envp = g_get_environ();
    GPid pid;
    int status = 0;

    envp = g_environ_setenv(envp, "LIBVIRT_DEFAULT_URI", uri, TRUE);
    envp = g_environ_setenv(envp, "TCK_URI", uri, TRUE);
    /* Scratch files (guest disks, logs) must be where dom0 sees them. */
    envp = g_environ_setenv(envp, "TMPDIR", share, TRUE);
    if (!g_spawn_async(NULL, argv, envp,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CHILD_INHERITS_STDIN,
                       NULL, NULL, &pid, error))
        return -1;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void
xen_stop(GPid qemu)
{
    int status;

    if (kill(qemu, SIGTERM) == 0) {
        for (guint i = 0; i < 100; i++) {
            if (waitpid(qemu, &status, WNOHANG) == qemu)
                return;
            g_usleep(G_USEC_PER_SEC / 10);
        }
        kill(qemu, SIGKILL);
    }
    waitpid(qemu, &status, 0);
}

/* The run's state directory (scratch files, serial log), never following links. */
static void
xen_remove_tree(const char *path)
{
    g_autoptr(GDir) dir = NULL;
    const char *name;

    if (!g_file_test(path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open(path, 0, NULL))) {
        while ((name = g_dir_read_name(dir))) {
            g_autofree char *child = g_build_filename(path, name, NULL);

            xen_remove_tree(child);
        }
        g_rmdir(path);
        return;
    }
    g_unlink(path);
}

static void
xen_keep_logs(const TckSandboxOptions *opts, const char *serial)
{
    g_autofree char *data = NULL;
    g_autofree char *dst = NULL;
    gsize len;

    if (!opts->log_dir || !g_file_get_contents(serial, &data, &len, NULL))
        return;
    g_mkdir_with_parents(opts->log_dir, 0755);
    dst = g_build_filename(opts->log_dir, "xen-serial.log", NULL);
    if (!g_file_set_contents(dst, data, (gssize) len, NULL))
        fprintf(stderr, "libvirt-tck-sandbox: cannot keep the Xen host's log in %s\n", dst);
}

int
tck_sandbox_xen_run(const TckSandboxOptions *opts, GError **error)
{
    g_auto(XenBootFiles) files = { 0 };
    g_autofree char *stage2 = tck_assets_data_path("xen-dom0.sh");
    g_autofree char *state = NULL;
    g_autofree char *share = NULL;
    g_autofree char *store = NULL;
    g_autofree char *serial = NULL;
    g_autofree char *qemu_log = NULL;
    g_autofree char *uri = NULL;
    g_autofree char *tail = NULL;
    g_autofree char *qemu_said = NULL;
    g_autoptr(GPtrArray) argv = NULL;
    g_autoptr(GError) local = NULL;
    gint64 t0 = g_get_monotonic_time();
    GPid qemu;
    guint port;
    int status = 0, rc, errfd;
    gboolean spawned;
    XenWait wait;

    if (!xen_boot_files_find(opts->cache_dir, &files, &local)) {
        fprintf(stderr, "libvirt-tck-sandbox: the Xen host's boot files are missing "
                "(libvirt-tck-prepare --os-type xen --only xen-host makes them): %s\n", local->message);
        return TCK_SANDBOX_EXIT_SETUP;
    }
    /* Not under /tmp: dom0 has a tmpfs there. */
    state = g_strdup("/var/tmp/libvirt-tck-xen-XXXXXX");
    if (!g_mkdtemp_full(state, 0755)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", state, g_strerror(errno));
        return -1;
    }
    share = g_build_filename(state, "scratch", NULL);
    store = g_build_filename(state, "dom0-store.raw", NULL);
    serial = g_build_filename(state, "serial.log", NULL);
    qemu_log = g_build_filename(state, "qemu.log", NULL);
    if (g_mkdir(share, 0755) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", share, g_strerror(errno));
        return -1;
    }
    if (!xen_store_make(store, error))
        return -1;
    if (!xen_path_ok(files.hypervisor, error) || !xen_path_ok(files.kernel, error) ||
        !xen_path_ok(files.initrd, error) || !xen_path_ok(stage2, error) ||
        !xen_path_ok(share, error) || !xen_path_ok(store, error) || !(port = xen_free_port(error)))
        return -1;
    uri = g_strdup_printf("xen+tcp://127.0.0.1:%u/system", port);
    argv = xen_qemu_argv(&files, stage2, share, store, serial, port);
    /* QEMU's own complaints (a boot file it cannot load) go to qemu.log. */
    if ((errfd = g_open(qemu_log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot create %s: %s", qemu_log, g_strerror(errno));
        return -1;
    }
    spawned = g_spawn_async_with_fds(state, (char **) argv->pdata, NULL,
                                     G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                     xen_child_setup, NULL, &qemu, -1, -1, errfd, error);
    close(errfd);
    if (!spawned)
        return -1;
    fprintf(stderr, "libvirt-tck-sandbox: booting the Xen host (QEMU pid %d, serial log %s)\n",
            (int) qemu, serial);

    wait = xen_wait_ready(qemu, serial, opts->timeout_s, &status);
    if (wait == XEN_WAIT_READY && !xen_uri_answers(uri))
        wait = XEN_WAIT_FAILED;
    if (wait != XEN_WAIT_READY) {
        static const char *const why[] = {
            [XEN_WAIT_FAILED] = "dom0 reported a failure",
            [XEN_WAIT_PANIC] = "Xen panicked",
            [XEN_WAIT_EXITED] = "QEMU exited",
            [XEN_WAIT_TIMEOUT] = "no " XEN_READY " in time",
        };

        if (wait != XEN_WAIT_EXITED)
            xen_stop(qemu);
        tail = tck_sandbox_log_tail(serial, XEN_TAIL_LINES);
        qemu_said = tck_sandbox_log_tail(qemu_log, XEN_TAIL_LINES);
        fprintf(stderr, "libvirt-tck-sandbox: the Xen host did not come up after %.0f s (%s); "
                "its boot files: hypervisor %s, dom0 kernel %s, dom0 initrd %s; QEMU said:\n%s"
                "its serial log ends:\n%s", (g_get_monotonic_time() - t0) / 1e6, why[wait],
                files.hypervisor, files.kernel, files.initrd, qemu_said, tail);
        xen_keep_logs(opts, serial);
        xen_remove_tree(state);
        return TCK_SANDBOX_EXIT_SETUP;
    }
    fprintf(stderr, "libvirt-tck-sandbox: the Xen host answers at %s after %.0f s\n", uri,
            (g_get_monotonic_time() - t0) / 1e6);

    rc = xen_run_command(opts, uri, share, &local);
    if (rc < 0)
        fprintf(stderr, "libvirt-tck-sandbox: cannot run %s: %s\n", opts->argv[0], local->message);
    if (waitpid(qemu, &status, WNOHANG) == qemu) {
        tail = tck_sandbox_log_tail(serial, XEN_TAIL_LINES);
        fprintf(stderr, "libvirt-tck-sandbox: the Xen host died during the run; its serial log ends:\n%s",
                tail);
        rc = TCK_SANDBOX_EXIT_SETUP;
    } else {
        xen_stop(qemu);
    }
    xen_keep_logs(opts, serial);
    xen_remove_tree(state);
    return rc < 0 ? TCK_SANDBOX_EXIT_SETUP : rc;
}
