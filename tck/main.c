/* main.c — libvirt-tck's entry point: picks the subcommand from the first argument. */
#include <config.h>
#include <string.h>
#include <glib.h>
#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommands[] = {
    { "run", tck_cmd_run },
    { "capabilities", tck_cmd_capabilities },
    { "report", tck_cmd_report },
};

int
main(int argc, char **argv)
{
    if (argc > 1)
        for (gsize i = 0; i < G_N_ELEMENTS(subcommands); i++)
            if (strcmp(argv[1], subcommands[i].name) == 0)
                return subcommands[i].run(argc - 1, argv + 1);
    /* No subcommand: running tests is the main job. */
    return tck_cmd_run(argc, argv);
}
