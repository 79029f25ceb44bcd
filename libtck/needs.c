/*
 * needs.c — the needs vocabulary as one table of probes.  A test declares
 * its needs in TckTestInfo; each is checked here against the connection,
 * the config or the guest plan, and a missing one becomes a skip naming it.
 */
#include <config.h>
#include <string.h>
#include <libvirt/virterror.h>
#include <tck/error.h>
#include <tck/needs.h>

/* A probe returns NULL when the need is met, else why not (newly allocated). */
typedef char *(*NeedProbe)(const TckNeedsContext *ctx, const char *arg);

/*
 * An object kind is there unless its list call answers VIR_ERR_NO_SUPPORT
 * (no such driver behind this connection).  Other failures are left to the
 * test, which reports them as failing checks.
 */
static char *
list_answer(int ret, const char *api)
{
    virErrorPtr err;

    if (ret >= 0)
        return NULL;
    err = virGetLastError();
    if (err && err->code == VIR_ERR_NO_SUPPORT)
        return g_strdup_printf("the driver does not support %s (%s)", api,
                               err->message ? err->message : "VIR_ERR_NO_SUPPORT");
    return NULL;
}

static char *
probe_domain(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllDomains(ctx->conn, NULL, 0), "virConnectListAllDomains");
}

static char *
probe_network(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllNetworks(ctx->conn, NULL, 0), "virConnectListAllNetworks");
}

static char *
probe_storage(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllStoragePools(ctx->conn, NULL, 0),
                       "virConnectListAllStoragePools");
}

static char *
probe_nwfilter(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllNWFilters(ctx->conn, NULL, 0), "virConnectListAllNWFilters");
}

static char *
probe_secret(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllSecrets(ctx->conn, NULL, 0), "virConnectListAllSecrets");
}

static char *
probe_interface(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllInterfaces(ctx->conn, NULL, 0), "virConnectListAllInterfaces");
}

static char *
probe_nodedev(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    return list_answer(virConnectListAllNodeDevices(ctx->conn, NULL, 0), "virConnectListAllNodeDevices");
}

static char *
probe_guest_boots(const TckNeedsContext *ctx, const char *arg G_GNUC_UNUSED)
{
    if (ctx->guest_boots == 0)
        return g_strdup("the guest plan runs no guest code on this driver");
    return NULL;
}

/* Whether @node holds a non-empty scalar anywhere (a list of maps, a map). */
static gboolean
config_node_is_set(const TckConfigNode *node)
{
    const char *value;

    if (!node)
        return FALSE;
    if (tck_config_node_type(node) == TCK_CONFIG_SCALAR)
        return (value = tck_config_node_scalar(node)) && *value;
    for (guint i = 0; i < tck_config_node_n_children(node); i++)
        if (config_node_is_set(tck_config_node_child(node, i)))
            return TRUE;
    return FALSE;
}

/*
 * config:KEY: the key is set: a non-empty scalar, or a list or map with
 * one somewhere in it (host_block_devices as maps of path and size,
 * nfs_server as a map of host and path).
 */
static char *
probe_config(const TckNeedsContext *ctx, const char *key)
{
    if (ctx->config && config_node_is_set(tck_config_lookup(ctx->config, key)))
        return NULL;
    return g_strdup_printf("the config key '%s' is not set", key);
}

/*
 * api:NAME is declared for the reader and the report; the test itself
 * decides it from a VIR_ERR_NO_SUPPORT answer, so nothing is probed here.
 */
static char *
probe_api(const TckNeedsContext *ctx G_GNUC_UNUSED, const char *name)
{
    return NULL;
}

static const struct {
    const char *name;        /* exact name, or a prefix ending in ':' */
    NeedProbe probe;
} need_table[] = {
    { "domain", probe_domain },
    { "network", probe_network },
    { "storage", probe_storage },
    { "nwfilter", probe_nwfilter },
    { "secret", probe_secret },
    { "interface", probe_interface },
    { "nodedev", probe_nodedev },
    { "guest-boots", probe_guest_boots },
    { "config:", probe_config },
    { "api:", probe_api },
};

static int
need_row(const char *need, const char **arg)
{
    for (gsize i = 0; i < G_N_ELEMENTS(need_table); i++) {
        const char *name = need_table[i].name;
        gsize len = strlen(name);

        if (name[len - 1] == ':') {
            if (g_str_has_prefix(need, name) && need[len]) {
                *arg = need + len;
                return (int)i;
            }
        } else if (g_str_equal(need, name)) {
            *arg = NULL;
            return (int)i;
        }
    }
    return -1;
}

gboolean
tck_needs_known(const char *need)
{
    const char *arg;
    return need && need_row(need, &arg) >= 0;
}

char *
tck_needs_missing(const TckNeedsContext *ctx, const char *const *needs, GError **error)
{
    for (guint i = 0; needs && needs[i]; i++) {
        const char *arg = NULL;
        int row = need_row(needs[i], &arg);
        g_autofree char *why = NULL;

        if (row < 0) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_TEST,
                        "unknown need '%s' (see NEEDS in libtck(3))", needs[i]);
            return NULL;
        }
        if ((why = need_table[row].probe(ctx, arg)))
            return g_strdup_printf("needs %s: %s", needs[i], why);
    }
    return NULL;
}
