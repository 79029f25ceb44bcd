/* exit-codes.c — the one table from error code to libvirt-tck-prepare's exit
 * status and the failure class shown in --help and the man page. */
#include <config.h>

#include "prepare.h"
#include <tck/error.h>

static const struct {
    int code;          /* TckErrorCode, or -1 for "anything else" */
    int status;
    const char *meaning;
} exit_codes[] = {
    { TCK_ERROR_USAGE, 2, "bad usage or config" },
    { TCK_ERROR_CONFIG, 2, NULL },
    { TCK_ERROR_DOWNLOAD, 3, "download or network failure (HTTP error, timeout)" },
    { TCK_ERROR_CHECKSUM, 4, "checksum mismatch" },
    { TCK_ERROR_NO_SPACE, 5, "no space left on the cache's file system" },
    { TCK_ERROR_PERMISSION, 6, "permission denied or read-only cache" },
    { TCK_ERROR_HOST_INPUT, 7, "missing host input (busybox, /boot kernel, isolinux)" },
    { TCK_ERROR_UNKNOWN_ARCH, 8, "unknown arch or no source for it" },
    { TCK_ERROR_LOCK, 9, "cache lock could not be taken" },
    { TCK_ERROR_CACHE, 10, "cache corrupt, or --verify found bad entries" },
    { TCK_ERROR_ASSET_MISSING, 11, "asset not cached (--offline)" },
    { TCK_ERROR_BUILD, 12, "building an asset failed" },
    { TCK_ERROR_CONNECT, 13, "--uri: cannot connect, or a storage call on its asset pool failed" },
    { TCK_ERROR_LIBVIRT, 13, NULL },
    { -1, 1, "any other failure" },
};

int
tck_prepare_exit_status(const GError *error)
{
    if (!error)
        return 0;
    if (error->domain == TCK_ERROR || error->domain == G_OPTION_ERROR) {
        int code = error->domain == G_OPTION_ERROR ? TCK_ERROR_USAGE : error->code;
        for (gsize i = 0; i < G_N_ELEMENTS(exit_codes); i++)
            if (exit_codes[i].code == code)
                return exit_codes[i].status;
    }
    return 1;
}

char *
tck_prepare_exit_codes_describe(void)
{
    GString *s = g_string_new("Exit status:\n  0   success\n");

    for (gsize i = 0; i < G_N_ELEMENTS(exit_codes); i++)
        if (exit_codes[i].meaning)
            g_string_append_printf(s, "  %-3d %s\n", exit_codes[i].status, exit_codes[i].meaning);
    return g_string_free(s, FALSE);
}
