/* template.c — the OpenVZ template: the rootfs tarball under the name
 * OpenVZ's template cache expects (<name>.tar.gz, name = distro-version-arch). */
#include <config.h>

#include <errno.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "prepare.h"
#include <tck/error.h>

char *
tck_template_name(const char *arch)
{
    return g_strdup_printf("tck-busybox-%s", arch);
}

char *
tck_template_install(TckAssetCache *cache, const char *blob, const char *arch, GError **error)
{
    g_autofree char *name = tck_template_name(arch);
    g_autofree char *rel = tck_asset_cache_template_rel(name);
    g_autofree char *abs = tck_asset_cache_abs(cache, rel);
    g_autofree char *tmp = g_strdup_printf("%s.%d.tmp", abs, (int)getpid());

    /* a hard link shares the verified blob's bytes, size and mtime */
    g_unlink(tmp);
    if (link(blob, tmp) < 0 || g_rename(tmp, abs) < 0) {
        int err = errno;
        g_unlink(tmp);
        tck_asset_set_errno(error, err, "link the template", abs);
        return NULL;
    }
    return g_steal_pointer(&rel);
}
