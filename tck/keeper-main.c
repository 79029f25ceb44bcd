/*
 * keeper-main.c — libvirt-tck-keeper HARNESS-PID TEST [ARG...]: leads one
 * test's process group for the runner (runner-job.c spawns it through
 * tck_spawn).  It takes in the test's orphans (a subreaper), so that a
 * daemonised grandchild is killed when the test ends; it kills the whole
 * group when the harness dies, even by SIGKILL (a parent-death signal);
 * and it exits as the test did.  Not for people: the harness runs it.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn-util.h"

/* SIGKILLs every child the keeper has (the test's orphans come to it) until none is left. */
static void
kill_children(void)
{
    char path[64];

    /* "/proc/self/task/TID/children": the keeper has one thread. */
    snprintf(path, sizeof(path), "/proc/self/task/%ld/children", (long) syscall(SYS_gettid));
    for (int round = 0; round < 100; round++) {
        FILE *f = fopen(path, "re");
        gboolean any = FALSE;
        long pid;

        if (!f)
            return;
        while (fscanf(f, "%ld", &pid) == 1) {
            kill((pid_t) pid, SIGKILL);
            any = TRUE;
        }
        fclose(f);
        while (waitpid(-1, NULL, WNOHANG) > 0)
            ;
        if (!any)
            return;
        usleep(1000);
    }
}

/* Exits as @status says the test did: its exit code, or dying of its signal without a core. */
static void G_GNUC_NORETURN
exit_like(int status)
{
    struct rlimit no_core = { 0, 0 };
    sigset_t sig;

    if (WIFEXITED(status))
        _exit(WEXITSTATUS(status));
    setrlimit(RLIMIT_CORE, &no_core);
    prctl(PR_SET_DUMPABLE, 0);
    signal(WTERMSIG(status), SIG_DFL);
    sigemptyset(&sig);
    sigaddset(&sig, WTERMSIG(status));
    sigprocmask(SIG_UNBLOCK, &sig, NULL);
    kill(getpid(), WTERMSIG(status));
    _exit(128 + WTERMSIG(status));
}

int
main(int argc, char **argv)
{
    TckSpawn spawn = TCK_SPAWN_INIT;
    g_autoptr(GError) error = NULL;
    sigset_t all;
    pid_t harness, test;
    int status = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: libvirt-tck-keeper HARNESS-PID TEST [ARG...] (run by libvirt-tck)\n");
        return 127;
    }
    harness = (pid_t) strtol(argv[1], NULL, 10);
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    prctl(PR_SET_PDEATHSIG, SIGUSR2);
    /* The harness died before the death signal was armed. */
    if (getppid() != harness)
        _exit(127);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    /* The test gets stdin, stdout and stderr, nothing else the harness had open. */
    syscall(SYS_close_range, 3, ~0U, 0);
    /* In the keeper's group, with an empty signal mask and default signals. */
    spawn.argv = (const char *const *) argv + 2;
    if (!tck_spawn(&spawn, &test, NULL, &error)) {
        /* on stderr: the test's log says why it never ran */
        fprintf(stderr, "libvirt-tck-keeper: %s\n", error->message);
        _exit(127);
    }

    for (;;) {
        struct timespec tick = { 1, 0 };
        int sig = sigtimedwait(&all, NULL, &tick);

        if (sig == SIGUSR2 || getppid() != harness) {
            /* The harness is gone: the test, its orphans, then the group and the keeper. */
            kill(test, SIGKILL);
            kill_children();
            kill(-getpid(), SIGKILL);
            _exit(127);
        }
        if (waitpid(test, &status, WNOHANG) == test)
            break;
    }
    kill_children();
    exit_like(status);
}
