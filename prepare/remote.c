/* remote.c — libvirt-tck-prepare --list/--purge --uri URI: the one object a
 * run keeps on a remote host on purpose, the asset pool "tck-assets"
 * (see <tck/remote-assets.h>), shown with which cached asset each volume is,
 * and removed. */
#include <config.h>

#include <stdio.h>
#include <libvirt/libvirt.h>

#include "prepare.h"
#include <tck/error.h>
#include <tck/remote-assets.h>
#include "virt-util.h"

static gboolean
run_list(TckPrepare *p, virConnectPtr conn, GError **error)
{
    const TckPrepareOptions *o = p->opt;
    g_autofree char *target = NULL;
    g_autoptr(GPtrArray) vols = tck_asset_pool_list(conn, &target, error);

    if (!vols) {
        if (error && *error)
            return FALSE;
        printf("no pool %s on %s\n", TCK_ASSET_POOL, o->uri);
        return TRUE;
    }
    printf("pool %s on %s: target %s, %u volume(s)\n", TCK_ASSET_POOL, o->uri, target, vols->len);
    if (vols->len)
        printf("%-64s %10s  %s\n", "VOLUME", "BYTES", "ASSET");
    for (guint i = 0; i < vols->len; i++) {
        const TckAssetVolume *v = g_ptr_array_index(vols, i);
        g_autofree char *asset = v->is_asset ? tck_assets_describe_sha256(o->cache_dir, v->name) : NULL;

        printf("%-64s %10" G_GUINT64_FORMAT "  %s\n", v->name, v->capacity,
               asset ? asset : v->is_asset ? "(not in this cache)" : "(not an asset volume: --purge leaves it)");
    }
    return TRUE;
}

static gboolean
run_purge(TckPrepare *p, virConnectPtr conn, GError **error)
{
    g_autoptr(GString) log = g_string_new(NULL);
    guint left = 0;
    gboolean ok = tck_asset_pool_purge(conn, log, &left, error);
    g_auto(GStrv) lines = g_strsplit(log->str, "\n", -1);

    /* What was left is always said (on stderr, even with -q): the user must know. */
    for (guint i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], "left "))
            fprintf(stderr, "libvirt-tck-prepare: %s\n", lines[i]);
        else if (*lines[i] && !p->opt->quiet)
            printf("%s\n", lines[i]);
    }
    if (!ok)
        return FALSE;
    tck_progress_say(p->pr, "%s: pool %s purged%s", p->opt->uri, TCK_ASSET_POOL,
                     left ? ", some volumes left (see above)" : "");
    return TRUE;
}

gboolean
tck_prepare_run_remote(TckPrepare *p, GError **error)
{
    virConnectPtr conn;
    gboolean ok;

    tck_virt_quiet_errors();
    if (!(conn = tck_virt_open(p->opt->uri, TCK_VIRT_OPEN_DEFAULT, error)))
        return FALSE;
    ok = p->opt->list ? run_list(p, conn, error) : run_purge(p, conn, error);
    virConnectClose(conn);
    return ok;
}
