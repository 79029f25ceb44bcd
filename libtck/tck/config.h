/*
 * config.h — the libvirt-tck configuration: upstream's 2.x YAML keys
 * (uri, otheruri, scratch_dir, kernels, host_*_devices, ...) or the flat
 * "key = value" form, read into one tree with path-based accessors.
 *
 * Search order: the explicit path, then $LIBVIRT_TCK_CONFIG, then
 * ~/.config/libvirt-tck/default.yml (XDG), then
 * /etc/libvirt-tck/default.yml.  With none of them, the built-in default
 * (test:///default) applies.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    TCK_CONFIG_SCALAR,
    TCK_CONFIG_LIST,
    TCK_CONFIG_MAP,
} TckConfigNodeType;

typedef struct _TckConfigNode TckConfigNode;
typedef struct _TckConfig TckConfig;

/**
 * tck_config_load:
 * @explicit_path: (nullable): a path given with --config, or NULL
 * @error: return location
 *
 * Finds and reads the config.  A named file that is missing, unreadable
 * or malformed is an error (TCK_ERROR_CONFIG) whose message names the
 * file and, for syntax errors, the line.
 *
 * Returns: (transfer full): the config, or NULL with @error set.
 */
TckConfig *tck_config_load(const char *explicit_path, GError **error);

/**
 * tck_config_load_search:
 * @explicit_path: (nullable): a path given with --config, or NULL
 * @user_config_dir: (nullable): the XDG user config dir (normally
 *   g_get_user_config_dir()); NULL skips this step
 * @system_path: (nullable): the system-wide file (normally
 *   SYSCONFDIR "/libvirt-tck/default.yml"); NULL skips this step
 * @error: return location
 *
 * tck_config_load() with the search locations as parameters, so that
 * tests (and relocated installs) need not touch /etc.  $LIBVIRT_TCK_CONFIG
 * is still consulted after @explicit_path.
 *
 * Returns: (transfer full): the config, or NULL with @error set.
 */
TckConfig *tck_config_load_search(const char *explicit_path, const char *user_config_dir,
                                  const char *system_path, GError **error);

/* Read one named file (either form); errors name the file. */
TckConfig *tck_config_load_file(const char *path, GError **error);

/* Parse a config from memory; @origin names it in error messages. */
TckConfig *tck_config_load_data(const char *data, gsize len, const char *origin, GError **error);

/* The built-in default config (test:///default). */
TckConfig *tck_config_new_default(void);

/* The file the config came from, or NULL for the built-in default. */
const char *tck_config_get_path(TckConfig *cfg);

/* The config's libvirt URI ("uri"), test:///default when unset. */
const char *tck_config_get_uri(TckConfig *cfg);

/* Override a top-level scalar (e.g. --uri on the command line). */
void tck_config_set_string(TckConfig *cfg, const char *key, const char *value);

/*
 * Path accessors: "uri", "kernels", "kernels/0/arch".  A path that is
 * absent (or of the wrong type) yields NULL.
 */
const TckConfigNode *tck_config_lookup(TckConfig *cfg, const char *path);
const char *tck_config_get_string(TckConfig *cfg, const char *path);
/* A scalar or a list of scalars, as a NULL-terminated vector (transfer full). */
GStrv tck_config_get_strv(TckConfig *cfg, const char *path);

/* Node inspection. */
TckConfigNodeType tck_config_node_type(const TckConfigNode *node);
const char *tck_config_node_scalar(const TckConfigNode *node);
guint tck_config_node_n_children(const TckConfigNode *node);
const TckConfigNode *tck_config_node_child(const TckConfigNode *node, guint index);
/* For a map: the key of child @index; NULL for lists. */
const char *tck_config_node_key(const TckConfigNode *node, guint index);
const TckConfigNode *tck_config_node_get(const TckConfigNode *node, const char *key);
/* 1-based line of the node in its file, 0 when unknown. */
guint tck_config_node_line(const TckConfigNode *node);

/*
 * The config as text with secret-looking values ("password", "secret",
 * "token", "key", credentials in URIs) masked, for results archives.
 */
char *tck_config_dump_masked(TckConfig *cfg);

/*
 * @text (a URI, or text holding URIs) with the password of
 * "scheme://user:password@host" and secret-looking query values masked as
 * in tck_config_dump_masked(): for anything a report shows.
 */
char *tck_config_mask_credentials(const char *text);

/* A SHA-256 of the config's canonical content (for report metadata). */
char *tck_config_hash(TckConfig *cfg);

void tck_config_free(TckConfig *cfg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckConfig, tck_config_free)

G_END_DECLS
