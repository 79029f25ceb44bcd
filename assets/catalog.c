/* catalog.c — the built-in catalog of known download sources (data in
 * catalog.conf: URL + SHA-256 + size per arch and OS type). */
#include <config.h>

#include <tck/asset-sources.h>
#include <tck/error.h>

void
tck_asset_source_clear(TckAssetSource *s)
{
    g_clear_pointer(&s->url, g_free);
    g_clear_pointer(&s->sha256, g_free);
    s->size = 0;
}

gboolean
tck_catalog_lookup(const char *catalog, const char *arch, const char *os_type,
                   TckAssetKind kind, TckAssetSource *out, GError **error)
{
    g_autofree char *path = catalog ? g_strdup(catalog) : tck_assets_data_path("catalog.conf");
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autoptr(GError) local = NULL;
    g_autofree char *group = g_strdup_printf("%s %s", arch, os_type);
    const char *what = tck_asset_kind_to_string(kind);
    g_autofree char *k_url = g_strdup_printf("%s.url", what);
    g_autofree char *k_sha = g_strdup_printf("%s.sha256", what);
    g_autofree char *k_size = g_strdup_printf("%s.size", what);

    if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &local)) {
        if (!catalog && g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return FALSE;
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "cannot read catalog %s: %s", path,
                    local->message);
        return FALSE;
    }
    out->url = g_key_file_get_string(kf, group, k_url, NULL);
    if (!out->url)
        return FALSE;
    out->sha256 = g_key_file_get_string(kf, group, k_sha, NULL);
    out->size = g_key_file_get_uint64(kf, group, k_size, NULL);
    if (!out->sha256 || strlen(out->sha256) != 64) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG,
                    "catalog %s: [%s] %s has no valid %s", path, group, k_url, k_sha);
        tck_asset_source_clear(out);
        return FALSE;
    }
    return TRUE;
}
