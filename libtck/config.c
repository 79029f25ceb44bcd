/*
 * config.c — the libvirt-tck config reader: upstream's 2.x YAML (libyaml's
 * event API) or the flat "key = value" form, read into one tree of nodes.
 */
#include <config.h>

#define G_LOG_DOMAIN "tck-config"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include <tck/config.h>
#include <tck/error.h>

#define TCK_CONFIG_DEFAULT_URI "test:///default"
#define TCK_CONFIG_MASK "********"
/* Bigger than any sane config, small enough to refuse /dev/zero quickly. */
#define TCK_CONFIG_MAX_BYTES (64 * 1024 * 1024)
/* Deeper nesting is never meaningful here and would only feed recursion. */
#define TCK_CONFIG_MAX_DEPTH 64
#define TCK_CONFIG_ENV "LIBVIRT_TCK_CONFIG"

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

/* ---- nodes ------------------------------------------------------------ */

static void node_free(gpointer data);

static TckConfigNode *
node_new(TckConfigNodeType type, guint line)
{
    TckConfigNode *node = g_new0(TckConfigNode, 1);

    node->type = type;
    node->line = line;
    if (type != TCK_CONFIG_SCALAR)
        node->children = g_ptr_array_new_with_free_func(node_free);
    if (type == TCK_CONFIG_MAP) {
        node->keys = g_ptr_array_new_with_free_func(g_free);
        node->index = g_hash_table_new(g_str_hash, g_str_equal);
    }
    return node;
}

static TckConfigNode *
node_new_scalar(guint line, const char *text, gboolean is_null)
{
    TckConfigNode *node = node_new(TCK_CONFIG_SCALAR, line);

    node->is_null = is_null;
    node->scalar = g_strdup(is_null ? "" : text);
    return node;
}

static void
node_free(gpointer data)
{
    TckConfigNode *node = data;

    if (!node)
        return;
    g_free(node->scalar);
    if (node->index)
        g_hash_table_unref(node->index);
    if (node->keys)
        g_ptr_array_unref(node->keys);
    if (node->children)
        g_ptr_array_unref(node->children);
    g_free(node);
}

/* Position of @key in map @node, or -1. */
static gint
map_find(const TckConfigNode *node, const char *key)
{
    gpointer pos = g_hash_table_lookup(node->index, key);

    return pos ? (gint)GPOINTER_TO_UINT(pos) - 1 : -1;
}

static TckConfigNode *
map_get(const TckConfigNode *node, const char *key)
{
    gint pos = map_find(node, key);

    return pos < 0 ? NULL : g_ptr_array_index(node->children, pos);
}

/* Append @key → @child to map @node (which must not hold @key yet); takes both. */
static void
map_add(TckConfigNode *node, char *key, TckConfigNode *child)
{
    g_ptr_array_add(node->keys, key);
    g_ptr_array_add(node->children, child);
    g_hash_table_insert(node->index, key, GUINT_TO_POINTER(node->keys->len));
}

/* Swap the value at @pos for @child without freeing the old one. */
static TckConfigNode *
map_swap(TckConfigNode *node, gint pos, TckConfigNode *child)
{
    TckConfigNode *old = g_ptr_array_index(node->children, pos);

    node->children->pdata[pos] = child;
    return old;
}

static void
map_remove(TckConfigNode *node, const char *key)
{
    gint pos = map_find(node, key);

    if (pos < 0)
        return;
    g_hash_table_remove_all(node->index);
    g_ptr_array_remove_index(node->children, pos);
    g_ptr_array_remove_index(node->keys, pos);
    for (guint i = 0; i < node->keys->len; i++)
        g_hash_table_insert(node->index, node->keys->pdata[i], GUINT_TO_POINTER(i + 1));
}

static const char *
node_describe(const TckConfigNode *node)
{
    static const char *const names[] = {
        [TCK_CONFIG_SCALAR] = "a scalar",
        [TCK_CONFIG_LIST] = "a list",
        [TCK_CONFIG_MAP] = "a map",
    };

    if (node->type == TCK_CONFIG_SCALAR && node->is_null)
        return "empty";
    return names[node->type];
}

/* ---- errors and input ------------------------------------------------- */

static void set_error(GError **error, const char *origin, guint line, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static void
set_error(GError **error, const char *origin, guint line, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *what = NULL;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (line > 0)
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config %s:%u: %s", origin, line, what);
    else
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config %s: %s", origin, what);
}

static guint
line_at(const char *data, const char *pos)
{
    guint line = 1;

    for (const char *p = data; p < pos; p++)
        if (*p == '\n')
            line++;
    return line;
}

/* Reads @path whole (NUL-terminated), refusing directories and huge files. */
static gboolean
read_config_file(const char *path, char **data, gsize *len, GError **error)
{
    g_autoptr(GString) buf = NULL;
    struct stat st = { 0 };
    int fd;

    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        set_error(error, path, 0, "cannot open: %s", g_strerror(err));
        return FALSE;
    }
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        set_error(error, path, 0, "cannot read: %s", g_strerror(err));
        return FALSE;
    }

    buf = g_string_sized_new(S_ISREG(st.st_mode) && st.st_size > 0 &&
                             st.st_size <= TCK_CONFIG_MAX_BYTES ? (gsize)st.st_size + 1 : 4096);
    for (;;) {
        char chunk[65536];
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            close(fd);
            set_error(error, path, 0, "cannot read: %s", g_strerror(err));
            return FALSE;
        }
        if (got == 0)
            break;
        if (buf->len + (gsize)got > TCK_CONFIG_MAX_BYTES) {
            close(fd);
            set_error(error, path, 0, "file is larger than the %d MiB limit for a config",
                      TCK_CONFIG_MAX_BYTES / (1024 * 1024));
            return FALSE;
        }
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    *len = buf->len;
    *data = g_string_free(g_steal_pointer(&buf), FALSE);
    return TRUE;
}

/* ---- form detection --------------------------------------------------- */

static gboolean
is_key_start(char c)
{
    return g_ascii_isalpha(c) || c == '_';
}

static gboolean
is_key_char(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '.' || c == '-';
}

/* A file whose first significant line reads `name =` is in the flat form. */
static gboolean
is_flat_form(const char *data, gsize len)
{
    const char *p = data;
    const char *end = data + len;

    while (p < end) {
        const char *eol = memchr(p, '\n', end - p);
        const char *q = p;

        if (!eol)
            eol = end;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q == eol || *q == '#') {
            p = eol + 1;
            continue;
        }
        if (!is_key_start(*q))
            return FALSE;
        while (q < eol && is_key_char(*q))
            q++;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        return q < eol && *q == '=';
    }
    return FALSE;
}

/* ---- YAML form -------------------------------------------------------- */

typedef struct {
    TckConfigNode *node;
    char *key;             /* MAP: the key read, waiting for its value */
    guint key_line;
} YamlFrame;

typedef struct {
    const char *origin;
    TckConfigNode *root;
    YamlFrame stack[TCK_CONFIG_MAX_DEPTH];
    guint depth;
} YamlBuild;

static gboolean
yaml_text_is_null(const char *text)
{
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

    for (gsize i = 0; i < G_N_ELEMENTS(nulls); i++)
        if (g_str_equal(text, nulls[i]))
            return TRUE;
    return FALSE;
}

/* Hooks @node into the tree under construction; takes it in all cases. */
static gboolean
yaml_attach(YamlBuild *b, TckConfigNode *node, GError **error)
{
    YamlFrame *top;
    gint pos;

    if (b->depth == 0) {
        b->root = node;
        return TRUE;
    }
    top = &b->stack[b->depth - 1];
    if (top->node->type == TCK_CONFIG_LIST) {
        g_ptr_array_add(top->node->children, node);
        return TRUE;
    }
    if (!top->key) {
        if (node->type != TCK_CONFIG_SCALAR) {
            set_error(error, b->origin, node->line, "a map key must be a scalar, not %s",
                      node_describe(node));
            node_free(node);
            return FALSE;
        }
        top->key = g_steal_pointer(&node->scalar);
        top->key_line = node->line;
        node_free(node);
        return TRUE;
    }
    pos = map_find(top->node, top->key);
    if (pos >= 0) {
        TckConfigNode *first = g_ptr_array_index(top->node->children, pos);
        set_error(error, b->origin, top->key_line, "duplicate key '%s' (first at line %u)",
                  top->key, first->line);
        node_free(node);
        return FALSE;
    }
    map_add(top->node, g_steal_pointer(&top->key), node);
    return TRUE;
}

static void
yaml_set_parser_error(yaml_parser_t *parser, const char *origin, const char *data,
                      GError **error)
{
    const char *problem = parser->problem ? parser->problem : "malformed YAML";
    guint line;

    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        set_error(error, origin, 0, "out of memory while parsing YAML");
        return;
    case YAML_READER_ERROR:
        line = line_at(data, data + parser->problem_offset);
        set_error(error, origin, line, "%s", problem);
        return;
    default:
        line = parser->problem_mark.line + 1;
        if (parser->context)
            set_error(error, origin, line, "%s (%s at line %u)", problem, parser->context,
                      (guint)parser->context_mark.line + 1);
        else
            set_error(error, origin, line, "%s", problem);
        return;
    }
}

static TckConfigNode *
parse_yaml(const char *data, gsize len, const char *origin, GError **error)
{
    yaml_parser_t parser;
    YamlBuild b = { .origin = origin };
    guint documents = 0;
    gboolean done = FALSE;
    gboolean ok = TRUE;

    if (!yaml_parser_initialize(&parser)) {
        set_error(error, origin, 0, "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    while (ok && !done) {
        yaml_event_t ev;
        guint line;

        if (!yaml_parser_parse(&parser, &ev)) {
            yaml_set_parser_error(&parser, origin, data, error);
            ok = FALSE;
            break;
        }
        line = ev.start_mark.line + 1;

        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = TRUE;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                set_error(error, origin, line,
                          "more than one YAML document; a config is a single document");
                ok = FALSE;
            }
            break;
        case YAML_ALIAS_EVENT:
            set_error(error, origin, line, "aliases (*%s) are not supported in a config",
                      (const char *)ev.data.alias.anchor);
            ok = FALSE;
            break;
        case YAML_SCALAR_EVENT: {
            const char *text = (const char *)ev.data.scalar.value;
            gboolean is_null;

            if (memchr(text, '\0', ev.data.scalar.length)) {
                set_error(error, origin, line, "a value contains a NUL character");
                ok = FALSE;
                break;
            }
            is_null = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && yaml_text_is_null(text);
            ok = yaml_attach(&b, node_new_scalar(line, text, is_null), error);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            TckConfigNode *node;

            if (b.depth == TCK_CONFIG_MAX_DEPTH) {
                set_error(error, origin, line, "nested deeper than %d levels",
                          TCK_CONFIG_MAX_DEPTH);
                ok = FALSE;
                break;
            }
            node = node_new(ev.type == YAML_SEQUENCE_START_EVENT ? TCK_CONFIG_LIST : TCK_CONFIG_MAP,
                            line);
            ok = yaml_attach(&b, node, error);
            if (ok)
                b.stack[b.depth++] = (YamlFrame){ .node = node };
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            g_assert(b.depth > 0);
            b.depth--;
            g_clear_pointer(&b.stack[b.depth].key, g_free);
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);

    for (guint i = 0; i < b.depth; i++)
        g_free(b.stack[i].key);
    if (!ok) {
        node_free(b.root);
        return NULL;
    }

    /* An empty stream, `---` alone or `~` alone: no keys at all. */
    if (!b.root || (b.root->type == TCK_CONFIG_SCALAR && b.root->is_null)) {
        node_free(b.root);
        return node_new(TCK_CONFIG_MAP, 1);
    }
    if (b.root->type != TCK_CONFIG_MAP) {
        set_error(error, origin, b.root->line, "the top level must be a map of keys, not %s",
                  node_describe(b.root));
        node_free(b.root);
        return NULL;
    }
    return b.root;
}

/* ---- flat form -------------------------------------------------------- */

/* Parses a list index (digits only, bounded); FALSE for anything else. */
static gboolean
flat_parse_index(const char *comp, guint *index)
{
    guint64 v;

    if (!*comp || strlen(comp) > 9)
        return FALSE;
    for (const char *p = comp; *p; p++)
        if (!g_ascii_isdigit(*p))
            return FALSE;
    v = g_ascii_strtoull(comp, NULL, 10);
    if (index)
        *index = (guint)v;
    return TRUE;
}

/*
 * Sets the dotted @key to @value (NULL: empty) in @root.  Components made of
 * digits index lists, others name map keys; a repeated plain key turns its
 * value into a list.
 */
static gboolean
flat_insert(TckConfigNode *root, const char *key, const char *value, guint line,
            const char *origin, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(key, ".", -1);
    g_autoptr(GString) path = g_string_new(NULL);
    guint n = g_strv_length(parts);
    TckConfigNode *cur = root;

    if (n > TCK_CONFIG_MAX_DEPTH) {
        set_error(error, origin, line, "key '%s' is nested deeper than %d levels", key,
                  TCK_CONFIG_MAX_DEPTH);
        return FALSE;
    }

    for (guint i = 0; i < n; i++) {
        const char *comp = parts[i];
        gboolean last = i + 1 == n;
        TckConfigNode *child = NULL;
        gint pos = -1;
        guint index = 0;

        if (!*comp) {
            set_error(error, origin, line, "key '%s' has an empty part", key);
            return FALSE;
        }
        if (cur->type == TCK_CONFIG_LIST) {
            if (!flat_parse_index(comp, &index)) {
                set_error(error, origin, line, "'%s' is a list (line %u): expected an index, not '%s'",
                          path->str, cur->line, comp);
                return FALSE;
            }
            if (index > cur->children->len) {
                set_error(error, origin, line, "'%s.%s' skips ahead: the next index of '%s' is %u",
                          path->str, comp, path->str, cur->children->len);
                return FALSE;
            }
            if (index < cur->children->len)
                child = g_ptr_array_index(cur->children, index);
        } else {
            pos = map_find(cur, comp);
            if (pos >= 0)
                child = g_ptr_array_index(cur->children, pos);
        }
        if (path->len)
            g_string_append_c(path, '.');
        g_string_append(path, comp);

        if (last) {
            TckConfigNode *leaf = node_new_scalar(line, value, value == NULL);

            if (!child) {
                if (cur->type == TCK_CONFIG_LIST)
                    g_ptr_array_add(cur->children, leaf);
                else
                    map_add(cur, g_strdup(comp), leaf);
                return TRUE;
            }
            if (cur->type == TCK_CONFIG_MAP && child->type == TCK_CONFIG_SCALAR) {
                /* A repeated key: its values become a list, in file order. */
                TckConfigNode *list = node_new(TCK_CONFIG_LIST, child->line);

                g_ptr_array_add(list->children, map_swap(cur, pos, list));
                g_ptr_array_add(list->children, leaf);
                return TRUE;
            }
            if (cur->type == TCK_CONFIG_MAP && child->type == TCK_CONFIG_LIST) {
                g_ptr_array_add(child->children, leaf);
                return TRUE;
            }
            node_free(leaf);
            if (child->type == TCK_CONFIG_SCALAR)
                set_error(error, origin, line, "'%s' is already set (line %u)", path->str,
                          child->line);
            else
                set_error(error, origin, line, "'%s' is %s (line %u) and cannot also take a value",
                          path->str, node_describe(child), child->line);
            return FALSE;
        }

        if (!child) {
            child = node_new(flat_parse_index(parts[i + 1], NULL) ? TCK_CONFIG_LIST
                                                                  : TCK_CONFIG_MAP, line);
            if (cur->type == TCK_CONFIG_LIST)
                g_ptr_array_add(cur->children, child);
            else
                map_add(cur, g_strdup(comp), child);
        } else if (child->type == TCK_CONFIG_SCALAR) {
            set_error(error, origin, line, "'%s' already has a value (line %u) and cannot also hold '%s'",
                      path->str, child->line, parts[i + 1]);
            return FALSE;
        }
        cur = child;
    }
    g_assert_not_reached();
    return FALSE;
}

static TckConfigNode *
parse_flat(const char *data, gsize len, const char *origin, GError **error)
{
    TckConfigNode *root = node_new(TCK_CONFIG_MAP, 1);
    const char *p = data;
    const char *end = data + len;
    guint line = 0;

    while (p < end) {
        const char *eol = memchr(p, '\n', end - p);
        g_autofree char *text = NULL;
        char *eq;
        char *key;
        char *value;
        gsize vlen;

        if (!eol)
            eol = end;
        line++;
        text = g_strndup(p, eol - p);
        p = eol + 1;
        g_strstrip(text);
        if (!*text || *text == '#')
            continue;

        eq = strchr(text, '=');
        if (!eq) {
            set_error(error, origin, line, "expected 'key = value'");
            goto error;
        }
        *eq = '\0';
        key = g_strstrip(text);
        value = g_strstrip(eq + 1);
        if (!is_key_start(*key)) {
            set_error(error, origin, line, "invalid key '%s'", key);
            goto error;
        }
        for (const char *k = key; *k; k++) {
            if (!is_key_char(*k)) {
                set_error(error, origin, line, "invalid key '%s'", key);
                goto error;
            }
        }
        if (g_str_equal(value, "(") || g_str_equal(value, "{")) {
            set_error(error, origin, line,
                      "nested '%s' blocks are not supported; use dotted keys (kernels.0.arch = ...) or YAML",
                      value);
            goto error;
        }
        vlen = strlen(value);
        if (vlen >= 2 && (value[0] == '"' || value[0] == '\'') && value[vlen - 1] == value[0]) {
            value[vlen - 1] = '\0';
            value++;
        } else if (vlen == 0) {
            value = NULL;
        }
        if (!flat_insert(root, key, value, line, origin, error))
            goto error;
    }
    return root;

 error:
    node_free(root);
    return NULL;
}

/* ---- validation of the known keys ------------------------------------- */

#define T_SCALAR (1u << TCK_CONFIG_SCALAR)
#define T_LIST (1u << TCK_CONFIG_LIST)
#define T_MAP (1u << TCK_CONFIG_MAP)

/* A field of a map entry; a LIST here means a list of scalars. */
typedef struct {
    const char *name;
    guint types;
    const char *what;
} TckConfigFieldRule;

typedef struct {
    const char *key;
    guint types;                       /* allowed types of the value */
    guint entry_types;                 /* LIST: allowed types of each entry */
    const TckConfigFieldRule *fields;  /* map entries (or a map value): known fields */
    gboolean used;                     /* read by this version of libvirt-tck */
    const char *what;
} TckConfigKeyRule;

static const TckConfigFieldRule kernel_fields[] = {
    { "arch", T_SCALAR, "a scalar" },
    { "ostype", T_SCALAR | T_LIST, "a scalar or a list of scalars" },
    { "kernel", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "initrd", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "disk", T_SCALAR | T_MAP, "a path/URL or a map (source, uncompress)" },
    { "kernel_sha256", T_SCALAR, "a scalar (a SHA-256 in hex)" },
    { "initrd_sha256", T_SCALAR, "a scalar (a SHA-256 in hex)" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule image_fields[] = {
    { "arch", T_SCALAR, "a scalar" },
    { "ostype", T_SCALAR | T_LIST, "a scalar or a list of scalars" },
    { "osname", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule usb_fields[] = {
    { "vendor", T_SCALAR, "a scalar" },
    { "product", T_SCALAR, "a scalar" },
    { "bus", T_SCALAR, "a scalar" },
    { "device", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule pci_fields[] = {
    { "domain", T_SCALAR, "a scalar" },
    { "bus", T_SCALAR, "a scalar" },
    { "slot", T_SCALAR, "a scalar" },
    { "function", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule block_fields[] = {
    { "path", T_SCALAR, "a scalar" },
    { "size", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

static const TckConfigFieldRule server_fields[] = {
    { "host", T_SCALAR, "a scalar" },
    { "path", T_SCALAR, "a scalar" },
    { "target", T_SCALAR, "a scalar" },
    { NULL, 0, NULL },
};

/*
 * Upstream 2.x keys, then our own: the keys libtck folds in from the
 * environment, and those read by the harness and libvirt-tck-prepare.
 */
static const TckConfigKeyRule key_rules[] = {
    { "uri", T_SCALAR, 0, NULL, TRUE, "a scalar (a libvirt URI)" },
    { "otheruri", T_SCALAR, 0, NULL, FALSE, "a scalar (a libvirt URI)" },
    { "scratch_dir", T_SCALAR, 0, NULL, TRUE, "a scalar (a directory)" },
    { "scratch_usage_limit", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "rootpassword", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "images", T_LIST, T_MAP, image_fields, FALSE, "a list of maps" },
    { "kernels", T_LIST, T_MAP, kernel_fields, TRUE, "a list of maps" },
    { "host_usb_devices", T_LIST, T_MAP, usb_fields, TRUE, "a list of maps" },
    { "host_pci_devices", T_LIST, T_MAP, pci_fields, TRUE, "a list of maps" },
    { "host_block_devices", T_LIST, T_SCALAR | T_MAP, block_fields, TRUE,
      "a list of paths or maps (path, size)" },
    { "host_network_devices", T_LIST, T_SCALAR, NULL, TRUE, "a list of scalars" },
    { "nvram_file_template", T_SCALAR, 0, NULL, FALSE, "a scalar (a path)" },
    { "nvram_file_path", T_SCALAR, 0, NULL, FALSE, "a scalar (a path)" },
    { "ks", T_SCALAR, 0, NULL, FALSE, "a scalar" },
    { "iscsi_server", T_SCALAR | T_MAP, 0, server_fields, FALSE, "a host name or a map" },
    { "nfs_server", T_SCALAR | T_MAP, 0, server_fields, FALSE, "a host name or a map" },
    { "asset_cache", T_SCALAR, 0, NULL, TRUE, "a scalar (a directory)" },
    { "os_type", T_SCALAR, 0, NULL, TRUE, "a scalar" },
    { "arch", T_SCALAR, 0, NULL, TRUE, "a scalar" },
    { "boot", T_SCALAR, 0, NULL, TRUE, "a scalar (kernel, iso, container, template)" },
    { "guest_console", T_SCALAR, 0, NULL, TRUE, "a scalar (log or console)" },
    { "known_broken", T_LIST, T_SCALAR, NULL, TRUE, "a list of file names" },
    { "disk_size", T_SCALAR, 0, NULL, TRUE, "a scalar (a size)" },
};

static const TckConfigKeyRule *
key_rule_find(const char *key)
{
    for (gsize i = 0; i < G_N_ELEMENTS(key_rules); i++)
        if (g_str_equal(key_rules[i].key, key))
            return &key_rules[i];
    return NULL;
}

static gboolean
type_allowed(guint types, const TckConfigNode *node)
{
    /* An empty value stands for "not given" wherever a scalar is allowed. */
    if (node->type == TCK_CONFIG_SCALAR && node->is_null)
        return TRUE;
    return (types & (1u << node->type)) != 0;
}

/* Checks the known fields of map @entry; @where names it in messages. */
static gboolean
validate_fields(const TckConfigNode *entry, const TckConfigFieldRule *fields,
                const char *where, const char *origin, GError **error)
{
    for (guint i = 0; i < entry->keys->len; i++) {
        const char *name = entry->keys->pdata[i];
        const TckConfigNode *value = g_ptr_array_index(entry->children, i);
        const TckConfigFieldRule *rule = NULL;

        for (const TckConfigFieldRule *f = fields; f && f->name; f++)
            if (g_str_equal(f->name, name))
                rule = f;
        if (!rule) {
            g_debug("config %s:%u: %s: field '%s' is not known; ignored", origin, value->line,
                    where, name);
            continue;
        }
        if (!type_allowed(rule->types, value)) {
            set_error(error, origin, value->line, "%s: '%s' must be %s, not %s", where, name,
                      rule->what, node_describe(value));
            return FALSE;
        }
        if (value->type == TCK_CONFIG_LIST) {
            for (guint j = 0; j < value->children->len; j++) {
                const TckConfigNode *item = g_ptr_array_index(value->children, j);
                if (item->type != TCK_CONFIG_SCALAR) {
                    set_error(error, origin, item->line, "%s: '%s' must be %s, but item %u is %s",
                              where, name, rule->what, j + 1, node_describe(item));
                    return FALSE;
                }
            }
        }
    }
    return TRUE;
}

static gboolean
validate_key(TckConfigNode *root, guint pos, const TckConfigKeyRule *rule, const char *origin,
             GError **error)
{
    TckConfigNode *value = g_ptr_array_index(root->children, pos);

    /* `host_usb_devices:` with only comments below it is an empty list. */
    if (value->type == TCK_CONFIG_SCALAR && value->is_null && !(rule->types & T_SCALAR)) {
        TckConfigNode *empty = node_new(rule->types & T_LIST ? TCK_CONFIG_LIST : TCK_CONFIG_MAP,
                                        value->line);
        node_free(map_swap(root, pos, empty));
        return TRUE;
    }
    /* One value where a list of values fits (a single flat `key = v` line). */
    if (value->type == TCK_CONFIG_SCALAR && !(rule->types & T_SCALAR) &&
        (rule->types & T_LIST) && (rule->entry_types & T_SCALAR)) {
        TckConfigNode *list = node_new(TCK_CONFIG_LIST, value->line);

        g_ptr_array_add(list->children, map_swap(root, pos, list));
        value = list;
    }
    if (!type_allowed(rule->types, value)) {
        set_error(error, origin, value->line, "'%s' must be %s, not %s", rule->key, rule->what,
                  node_describe(value));
        return FALSE;
    }
    if (value->type == TCK_CONFIG_MAP && rule->fields)
        return validate_fields(value, rule->fields, rule->key, origin, error);
    if (value->type != TCK_CONFIG_LIST)
        return TRUE;

    for (guint i = 0; i < value->children->len; i++) {
        const TckConfigNode *entry = g_ptr_array_index(value->children, i);
        g_autofree char *where = g_strdup_printf("'%s' entry %u", rule->key, i + 1);

        if (entry->type == TCK_CONFIG_SCALAR && entry->is_null && !(rule->entry_types & T_SCALAR)) {
            set_error(error, origin, entry->line, "%s is empty; expected %s", where,
                      rule->what);
            return FALSE;
        }
        if (rule->entry_types && !type_allowed(rule->entry_types, entry)) {
            set_error(error, origin, entry->line, "'%s' must be %s, but entry %u is %s",
                      rule->key, rule->what, i + 1, node_describe(entry));
            return FALSE;
        }
        if (entry->type == TCK_CONFIG_MAP && rule->fields &&
            !validate_fields(entry, rule->fields, where, origin, error))
            return FALSE;
    }
    return TRUE;
}

static gboolean
validate_tree(TckConfigNode *root, const char *origin, GError **error)
{
    for (guint i = 0; i < root->keys->len; i++) {
        const char *key = root->keys->pdata[i];
        const TckConfigNode *value = g_ptr_array_index(root->children, i);
        const TckConfigKeyRule *rule = key_rule_find(key);

        if (!rule) {
            g_debug("config %s:%u: unknown key '%s' accepted and ignored", origin, value->line, key);
            continue;
        }
        if (!rule->used)
            g_debug("config %s:%u: key '%s' is accepted but not used yet", origin, value->line, key);
        if (!validate_key(root, i, rule, origin, error))
            return FALSE;
    }
    return TRUE;
}

/* ---- loading ---------------------------------------------------------- */

static TckConfig *
config_parse(const char *data, gsize len, const char *path, const char *origin, GError **error)
{
    g_autoptr(TckConfig) cfg = NULL;
    const char *bad = NULL;
    const char *text = data;
    gsize text_len = len;
    TckConfigNode *root;

    if (!g_utf8_validate(data, len, &bad)) {
        set_error(error, origin, line_at(data, bad),
                  "not UTF-8 text (a NUL byte or an invalid byte sequence; is this a binary file?)");
        return NULL;
    }
    if (text_len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        text_len -= 3;
    }

    if (is_flat_form(text, text_len))
        root = parse_flat(text, text_len, origin, error);
    else
        root = parse_yaml(data, len, origin, error);
    if (!root)
        return NULL;

    cfg = g_new0(TckConfig, 1);
    cfg->root = root;
    cfg->path = g_strdup(path);
    cfg->origin = g_strdup(origin);
    if (!validate_tree(cfg->root, origin, error))
        return NULL;
    return g_steal_pointer(&cfg);
}

TckConfig *
tck_config_new_default(void)
{
    TckConfig *cfg = g_new0(TckConfig, 1);

    cfg->origin = g_strdup("built-in default");
    cfg->root = node_new(TCK_CONFIG_MAP, 0);
    map_add(cfg->root, g_strdup("uri"), node_new_scalar(0, TCK_CONFIG_DEFAULT_URI, FALSE));
    return cfg;
}

TckConfig *
tck_config_load_data(const char *data, gsize len, const char *origin, GError **error)
{
    g_autofree char *copy = NULL;

    if (!origin)
        origin = "<memory>";
    if (len > TCK_CONFIG_MAX_BYTES) {
        set_error(error, origin, 0, "data is larger than the %d MiB limit for a config",
                  TCK_CONFIG_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    /* The parsers want a terminated buffer; @data need not be one. */
    copy = g_malloc(len + 1);
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    return config_parse(copy, len, NULL, origin, error);
}

TckConfig *
tck_config_load_file(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!path || !*path) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_CONFIG, "config '': an empty file name was given");
        return NULL;
    }
    if (!read_config_file(path, &data, &len, error))
        return NULL;
    return config_parse(data, len, path, path, error);
}

TckConfig *
tck_config_load_search(const char *explicit_path, const char *user_config_dir,
                       const char *system_path, GError **error)
{
    const char *env = g_getenv(TCK_CONFIG_ENV);
    g_autofree char *user_path = NULL;

    if (explicit_path)
        return tck_config_load_file(explicit_path, error);

    if (env && *env) {
        GError *err = NULL;
        TckConfig *cfg = tck_config_load_file(env, &err);

        if (!cfg) {
            g_autofree char *msg = err->message;
            err->message = g_strdup_printf("%s (named by $%s)", msg, TCK_CONFIG_ENV);
            g_propagate_error(error, err);
        }
        return cfg;
    }

    /* The default locations are optional: absent means "look further". */
    if (user_config_dir) {
        user_path = g_build_filename(user_config_dir, "libvirt-tck", "default.yml", NULL);
        if (g_file_test(user_path, G_FILE_TEST_EXISTS))
            return tck_config_load_file(user_path, error);
    }
    if (system_path && g_file_test(system_path, G_FILE_TEST_EXISTS))
        return tck_config_load_file(system_path, error);

    g_debug("no config file found; using the built-in default (%s)", TCK_CONFIG_DEFAULT_URI);
    return tck_config_new_default();
}

TckConfig *
tck_config_load(const char *explicit_path, GError **error)
{
    return tck_config_load_search(explicit_path, g_get_user_config_dir(),
                                  SYSCONFDIR "/libvirt-tck/default.yml", error);
}

/* ---- accessors -------------------------------------------------------- */

const char *
tck_config_get_path(TckConfig *cfg)
{
    return cfg->path;
}

const char *
tck_config_get_uri(TckConfig *cfg)
{
    const char *uri = tck_config_get_string(cfg, "uri");

    return uri && *uri ? uri : TCK_CONFIG_DEFAULT_URI;
}

void
tck_config_set_string(TckConfig *cfg, const char *key, const char *value)
{
    g_autofree char *valid = NULL;
    gint pos;

    g_return_if_fail(cfg != NULL && key != NULL);

    if (!value) {
        map_remove(cfg->root, key);
        return;
    }
    /* Values from the command line or environment may be any bytes. */
    valid = g_utf8_make_valid(value, -1);
    pos = map_find(cfg->root, key);
    if (pos >= 0)
        node_free(map_swap(cfg->root, pos, node_new_scalar(0, valid, FALSE)));
    else
        map_add(cfg->root, g_strdup(key), node_new_scalar(0, valid, FALSE));
}

const TckConfigNode *
tck_config_lookup(TckConfig *cfg, const char *path)
{
    g_auto(GStrv) parts = NULL;
    const TckConfigNode *node = cfg->root;

    if (!path || !*path)
        return node;
    parts = g_strsplit(path, "/", -1);
    for (guint i = 0; parts[i] && node; i++) {
        guint index;

        switch (node->type) {
        case TCK_CONFIG_MAP:
            node = map_get(node, parts[i]);
            break;
        case TCK_CONFIG_LIST:
            if (!flat_parse_index(parts[i], &index) || index >= node->children->len)
                return NULL;
            node = g_ptr_array_index(node->children, index);
            break;
        case TCK_CONFIG_SCALAR:
            return NULL;
        }
    }
    return node;
}

const char *
tck_config_get_string(TckConfig *cfg, const char *path)
{
    return tck_config_node_scalar(tck_config_lookup(cfg, path));
}

GStrv
tck_config_get_strv(TckConfig *cfg, const char *path)
{
    const TckConfigNode *node = tck_config_lookup(cfg, path);
    g_autoptr(GPtrArray) items = NULL;

    if (!node || node->type == TCK_CONFIG_MAP)
        return NULL;
    items = g_ptr_array_new_with_free_func(g_free);
    if (node->type == TCK_CONFIG_SCALAR) {
        if (!node->is_null)
            g_ptr_array_add(items, g_strdup(node->scalar));
    } else {
        for (guint i = 0; i < node->children->len; i++) {
            const TckConfigNode *item = g_ptr_array_index(node->children, i);

            if (item->type != TCK_CONFIG_SCALAR)
                return NULL;
            if (!item->is_null)
                g_ptr_array_add(items, g_strdup(item->scalar));
        }
    }
    g_ptr_array_set_free_func(items, NULL);
    g_ptr_array_add(items, NULL);
    return (GStrv)g_ptr_array_free(g_steal_pointer(&items), FALSE);
}

TckConfigNodeType
tck_config_node_type(const TckConfigNode *node)
{
    return node->type;
}

const char *
tck_config_node_scalar(const TckConfigNode *node)
{
    if (!node || node->type != TCK_CONFIG_SCALAR || node->is_null)
        return NULL;
    return node->scalar;
}

guint
tck_config_node_n_children(const TckConfigNode *node)
{
    if (!node || node->type == TCK_CONFIG_SCALAR)
        return 0;
    return node->children->len;
}

const TckConfigNode *
tck_config_node_child(const TckConfigNode *node, guint index)
{
    if (index >= tck_config_node_n_children(node))
        return NULL;
    return g_ptr_array_index(node->children, index);
}

const char *
tck_config_node_key(const TckConfigNode *node, guint index)
{
    if (!node || node->type != TCK_CONFIG_MAP || index >= node->keys->len)
        return NULL;
    return node->keys->pdata[index];
}

const TckConfigNode *
tck_config_node_get(const TckConfigNode *node, const char *key)
{
    if (!node || node->type != TCK_CONFIG_MAP || !key)
        return NULL;
    return map_get(node, key);
}

guint
tck_config_node_line(const TckConfigNode *node)
{
    return node ? node->line : 0;
}

/* ---- dumping ---------------------------------------------------------- */

static gboolean
key_is_secret(const char *key)
{
    static const char *const words[] = {
        "password", "passwd", "secret", "token", "key", "credential",
    };
    g_autofree char *lower = g_ascii_strdown(key, -1);

    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (strstr(lower, words[i]))
            return TRUE;
    return FALSE;
}

/*
 * Masks the password of "scheme://user:password@host" and the values of
 * secret-looking query parameters ("?password=...").
 */
static char *
mask_uri_credentials(const char *text)
{
    GString *out = g_string_new(NULL);
    const char *p = text;

    for (;;) {
        const char *sep = strstr(p, "://");
        const char *auth;
        const char *auth_end;
        const char *at = NULL;
        const char *colon;

        if (!sep) {
            g_string_append(out, p);
            break;
        }
        auth = sep + 3;
        auth_end = auth + strcspn(auth, "/?# \t");
        for (const char *q = auth; q < auth_end; q++)
            if (*q == '@')
                at = q;
        colon = at ? memchr(auth, ':', at - auth) : NULL;
        if (colon) {
            g_string_append_len(out, p, colon + 1 - p);
            g_string_append(out, TCK_CONFIG_MASK);
            p = at;
        } else {
            g_string_append_len(out, p, auth_end - p);
            p = auth_end;
        }
        if (*p == '@') {
            const char *next = p + 1 + strcspn(p + 1, "/?# \t");
            g_string_append_len(out, p, next - p);
            p = next;
        }
        while (*p == '/' || (*p && *p != '?' && *p != '#' && *p != ' ' && *p != '\t' &&
                             !g_str_has_prefix(p, "://"))) {
            g_string_append_c(out, *p);
            p++;
        }
        if (*p != '?')
            continue;
        /* Query: name=value pairs separated by & or ;. */
        while (*p == '?' || *p == '&' || *p == ';') {
            const char *name = p + 1;
            const char *eq;
            const char *val_end;

            g_string_append_c(out, *p);
            val_end = name + strcspn(name, "&;# \t");
            eq = memchr(name, '=', val_end - name);
            if (eq) {
                g_autofree char *pname = g_strndup(name, eq - name);
                g_string_append_len(out, name, eq + 1 - name);
                if (key_is_secret(pname) && eq + 1 < val_end)
                    g_string_append(out, TCK_CONFIG_MASK);
                else
                    g_string_append_len(out, eq + 1, val_end - (eq + 1));
            } else {
                g_string_append_len(out, name, val_end - name);
            }
            p = val_end;
        }
    }
    return g_string_free(out, FALSE);
}

typedef struct {
    yaml_emitter_t emitter;
    gboolean sorted;
} TckDump;

static int
dump_write(void *data, unsigned char *buffer, size_t size)
{
    g_string_append_len(data, (const char *)buffer, size);
    return 1;
}

static gboolean
dump_scalar(TckDump *d, const char *text, gboolean is_null)
{
    yaml_event_t ev;
    yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

    if (is_null)
        text = "~";
    else if (yaml_text_is_null(text))
        style = YAML_SINGLE_QUOTED_SCALAR_STYLE;  /* keep "" a string, not a null */
    yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, strlen(text), 1, 1, style);
    return yaml_emitter_emit(&d->emitter, &ev);
}

static gint
dump_key_cmp(gconstpointer a, gconstpointer b, gpointer keys)
{
    const char *ka = g_ptr_array_index((GPtrArray *)keys, *(const guint *)a);
    const char *kb = g_ptr_array_index((GPtrArray *)keys, *(const guint *)b);

    return strcmp(ka, kb);
}

static gboolean
dump_node(TckDump *d, const TckConfigNode *node, gboolean secret)
{
    yaml_event_t ev;

    switch (node->type) {
    case TCK_CONFIG_SCALAR: {
        g_autofree char *masked = NULL;

        if (node->is_null)
            return dump_scalar(d, NULL, TRUE);
        masked = secret ? g_strdup(TCK_CONFIG_MASK) : mask_uri_credentials(node->scalar);
        return dump_scalar(d, masked, FALSE);
    }
    case TCK_CONFIG_LIST:
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
        if (!yaml_emitter_emit(&d->emitter, &ev))
            return FALSE;
        for (guint i = 0; i < node->children->len; i++)
            if (!dump_node(d, g_ptr_array_index(node->children, i), secret))
                return FALSE;
        yaml_sequence_end_event_initialize(&ev);
        return yaml_emitter_emit(&d->emitter, &ev);
    case TCK_CONFIG_MAP: {
        g_autofree guint *order = g_new(guint, node->keys->len + 1);

        for (guint i = 0; i < node->keys->len; i++)
            order[i] = i;
        if (d->sorted)
            g_qsort_with_data(order, node->keys->len, sizeof(guint), dump_key_cmp, node->keys);
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
        if (!yaml_emitter_emit(&d->emitter, &ev))
            return FALSE;
        for (guint i = 0; i < node->keys->len; i++) {
            const char *key = g_ptr_array_index(node->keys, order[i]);

            if (!dump_scalar(d, key, FALSE) ||
                !dump_node(d, g_ptr_array_index(node->children, order[i]),
                           secret || key_is_secret(key)))
                return FALSE;
        }
        yaml_mapping_end_event_initialize(&ev);
        return yaml_emitter_emit(&d->emitter, &ev);
    }
    }
    return FALSE;
}

static char *
config_dump(TckConfig *cfg, gboolean sorted)
{
    TckDump d = { .sorted = sorted };
    g_autoptr(GString) out = g_string_new(NULL);
    yaml_event_t ev;
    gboolean ok;

    if (!yaml_emitter_initialize(&d.emitter))
        return g_strdup("# the config could not be dumped: out of memory\n");
    yaml_emitter_set_output(&d.emitter, dump_write, out);
    yaml_emitter_set_unicode(&d.emitter, 1);
    yaml_emitter_set_width(&d.emitter, -1);

    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    ok = yaml_emitter_emit(&d.emitter, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    ok = ok && dump_node(&d, cfg->root, FALSE);
    yaml_document_end_event_initialize(&ev, 1);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    yaml_stream_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&d.emitter, &ev);
    ok = ok && yaml_emitter_flush(&d.emitter);

    if (!ok) {
        char *msg = g_strdup_printf("# the config could not be dumped: %s\n",
                                    d.emitter.problem ? d.emitter.problem : "emitter error");
        yaml_emitter_delete(&d.emitter);
        return msg;
    }
    yaml_emitter_delete(&d.emitter);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

char *
tck_config_dump_masked(TckConfig *cfg)
{
    return config_dump(cfg, FALSE);
}

char *
tck_config_hash(TckConfig *cfg)
{
    g_autofree char *canonical = config_dump(cfg, TRUE);

    return g_compute_checksum_for_string(G_CHECKSUM_SHA256, canonical, -1);
}

void
tck_config_free(TckConfig *cfg)
{
    if (!cfg)
        return;
    node_free(cfg->root);
    g_free(cfg->path);
    g_free(cfg->origin);
    g_free(cfg);
}
