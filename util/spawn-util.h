/*
 * spawn-util.h — the one way to start a process: posix_spawn on an argv vector
 * (never a shell string), signals reset to their defaults, optionally in
 * its own process group or session, its output to a log file or to fds,
 * and a pidfd to wait on.  Not installed.
 */
#pragma once

#include <sys/types.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    TCK_SPAWN_DEFAULT = 0,
    TCK_SPAWN_PROCESS_GROUP = 1 << 0,   /* its own process group: kill(-pid) reaches all it starts */
    TCK_SPAWN_NEW_SESSION = 1 << 1,     /* its own session: a terminal's Ctrl-C is not for it */
    TCK_SPAWN_STDIN_NULL = 1 << 2,      /* stdin from /dev/null */
} TckSpawnFlags;

typedef struct {
    const char *const *argv;   /* argv[0] is looked up in PATH */
    char **envp;               /* NULL: this process's environment */
    TckSpawnFlags flags;
    const char *log;           /* when set: stdout and stderr appended to this file, stdin /dev/null */
    int stdout_fd;             /* when >= 0 (and no log): the child's stdout */
    int stderr_fd;             /* when >= 0 (and no log): the child's stderr */
} TckSpawn;

/* A TckSpawn with no redirections: fill argv and what else you need. */
#define TCK_SPAWN_INIT { NULL, NULL, TCK_SPAWN_DEFAULT, NULL, -1, -1 }

/**
 * tck_spawn:
 * @spawn: what to start
 * @pid: (out): the child's pid
 * @pidfd: (out) (optional): a pidfd for the child (readable when it
 *   exits), or -1 where the kernel has none; close it when done
 * @error: (nullable): return location
 *
 * Starts the child with an empty signal mask and default dispositions.
 *
 * Returns: TRUE when the child started; FALSE with "cannot run argv[0]:
 * why" (the errno's code) otherwise.
 */
gboolean tck_spawn(const TckSpawn *spawn, pid_t *pid, int *pidfd, GError **error);

/* A pidfd for @pid, or -1 (no pidfd_open on this kernel). */
int tck_pidfd_open(pid_t pid);

G_END_DECLS
