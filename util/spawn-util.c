/* spawn-util.c — posix_spawn on argv vectors, with process groups and pidfds. */
#include <config.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <tck/error.h>
#include "spawn-util.h"

extern char **environ;

int
tck_pidfd_open(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int) syscall(SYS_pidfd_open, pid, 0);
#else
    return -1;
#endif
}

/* The signals a child gets back at their default dispositions. */
static const int default_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2 };

gboolean
tck_spawn(const TckSpawn *spawn, pid_t *pid, int *pidfd, GError **error)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, defaults;
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    int rc;

    if (pidfd)
        *pidfd = -1;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    if (spawn->log) {
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, spawn->log, O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
    } else {
        if (spawn->flags & TCK_SPAWN_STDIN_NULL)
            posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        if (spawn->stdout_fd >= 0)
            posix_spawn_file_actions_adddup2(&fa, spawn->stdout_fd, 1);
        if (spawn->stderr_fd >= 0)
            posix_spawn_file_actions_adddup2(&fa, spawn->stderr_fd, 2);
    }
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (gsize i = 0; i < G_N_ELEMENTS(default_signals); i++)
        sigaddset(&defaults, default_signals[i]);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    if (spawn->flags & TCK_SPAWN_NEW_SESSION) {
        flags |= POSIX_SPAWN_SETSID;
    } else if (spawn->flags & TCK_SPAWN_PROCESS_GROUP) {
        posix_spawnattr_setpgroup(&attr, 0);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    posix_spawnattr_setflags(&attr, flags);
    rc = posix_spawnp(pid, spawn->argv[0], &fa, &attr, (char *const *) spawn->argv,
                      spawn->envp ? spawn->envp : environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        return tck_error_set_errno(error, rc, "cannot run %s", spawn->argv[0]);
    if (pidfd)
        *pidfd = tck_pidfd_open(*pid);
    return TRUE;
}
