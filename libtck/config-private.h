/*
 * config-private.h — what the config's rooms share: the node tree
 * (config-node.c), the two readers (config-yaml.c, config-flat.c), the
 * key schema (config-schema.c) and the dump (config-dump.c).  Not
 * installed; test programs use <tck/config.h>.
 */
#pragma once

#include <glib.h>

#include <tck/config.h>

#define TCK_CONFIG_DEFAULT_URI "test:///default"
#define TCK_CONFIG_MASK "********"
/* Bigger than any sane config, small enough to refuse /dev/zero quickly. */
#define TCK_CONFIG_MAX_BYTES (16 * 1024 * 1024)   /* bounds the work too: ~70 bytes of memory per byte read (issue 10) */
/* Deeper nesting is never meaningful here and would only feed recursion. */
#define TCK_CONFIG_MAX_DEPTH 64
/* Keys, values, lists and maps: a real config has a few hundred (a test
 * loads 100 000 list entries); this
 * bounds the tree (about 100 bytes a node) whatever the bytes hold. */
#define TCK_CONFIG_MAX_NODES 1000000

struct _TckConfigNode {
    TckConfigNodeType type;
    guint line;            /* 1-based, 0 when set in code */
    gboolean is_null;      /* SCALAR: YAML null (`key:`, `~`) or flat `key =` */
    char *scalar;          /* SCALAR */
    GPtrArray *children;   /* LIST, MAP: TckConfigNode * */
    GPtrArray *keys;       /* MAP: char *, parallel to children */
    GHashTable *index;     /* MAP: key -> GUINT_TO_POINTER(position + 1) */
};

struct _TckConfig {
    char *path;            /* the file read, NULL for the default / memory */
    char *origin;          /* how messages name the source */
    TckConfigNode *root;   /* always a MAP */
};

/* ---- the node tree (config-node.c) ---- */
TckConfigNode *tck_config_node_new(TckConfigNodeType type, guint line);
TckConfigNode *tck_config_node_new_scalar(guint line, const char *text, gboolean is_null);
void tck_config_node_free(gpointer node);
/* Position of @key in map @node, or -1. */
gint tck_config_map_find(const TckConfigNode *node, const char *key);
TckConfigNode *tck_config_map_get(const TckConfigNode *node, const char *key);
/* Appends @key → @child to map @node (which must not hold @key yet); takes both. */
void tck_config_map_add(TckConfigNode *node, char *key, TckConfigNode *child);
/* Swaps the value at @pos for @child and returns the old one (not freed). */
TckConfigNode *tck_config_map_swap(TckConfigNode *node, gint pos, TckConfigNode *child);
void tck_config_map_remove(TckConfigNode *node, const char *key);
/* "a scalar", "a list", "a map" or "empty", for messages. */
const char *tck_config_node_describe(const TckConfigNode *node);

/* "config ORIGIN:LINE: ..." (LINE 0: "config ORIGIN: ...") as TCK_ERROR_CONFIG. */
void tck_config_set_error(GError **error, const char *origin, guint line, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
/* The 1-based line of @pos in @data. */
guint tck_config_line_at(const char *data, const char *pos);

/* ---- the readers (config-yaml.c, config-flat.c): a MAP root, or NULL with @error ---- */
TckConfigNode *tck_config_parse_yaml(const char *data, gsize len, const char *origin, GError **error);
/* TRUE for the texts YAML reads as null ("", "~", "null", ...); the dump quotes them. */
gboolean tck_config_yaml_is_null(const char *text);
/* A text whose first significant line reads `name =` is in the flat form. */
gboolean tck_config_is_flat_form(const char *data, gsize len);
TckConfigNode *tck_config_parse_flat(const char *data, gsize len, const char *origin, GError **error);
/* A list index in a path or a flat key: digits only, bounded. */
gboolean tck_config_parse_index(const char *comp, guint *index);

/* ---- the key schema (config-schema.c) ---- */
/*
 * Checks every key of @root against the known keys: an unknown key, or an
 * unknown field of a known entry, is an error naming ORIGIN:LINE with a
 * "did you mean" when a known name is close; a value of the wrong type
 * is an error.  Normalises empty lists and single values where lists fit.
 */
gboolean tck_config_schema_check(TckConfigNode *root, const char *origin, GError **error);

/* ---- the dump (config-dump.c) ---- */
/* The config as YAML; @sorted orders map keys (for the hash), secrets masked. */
char *tck_config_dump(TckConfig *cfg, gboolean sorted);
