/*
 * known-broken.c — reads known-broken YAML files (libyaml) with line
 * numbers for every refusal, and applies them to a run: failures become
 * xfail, passes xpass, unmatched entries are reported as stale.
 */
#include <config.h>
#include "fs-util.h"

#include <string.h>
#include <yaml.h>

#include <tck/error.h>

#include "known-broken.h"
#include "report-util.h"

typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } RangeOp;

typedef struct {
    RangeOp op;
    char *version;
} Bound;

typedef struct {
    char *origin;           /* "file:line" of the entry */
    char *test;
    guint check;            /* 0: any */
    char *description;
    char *uri;
    char *driver;
    char *arch;
    GPtrArray *libvirt;     /* Bound*, or NULL */
    GPtrArray *hypervisor;  /* Bound*, or NULL */
    char *bug;
    char *reason;
} Entry;

struct _TckKnownBroken {
    GPtrArray *entries;     /* Entry* */
};

static const struct {
    const char *text;
    RangeOp op;
} range_ops[] = {
    /* Longest first, so ">=" is not read as ">". */
    { ">=", OP_GE }, { "<=", OP_LE }, { "==", OP_EQ }, { "!=", OP_NE },
    { ">", OP_GT }, { "<", OP_LT }, { "=", OP_EQ },
};

static void
bound_free(Bound *b)
{
    g_free(b->version);
    g_free(b);
}

static void
entry_free(Entry *e)
{
    g_free(e->origin);
    g_free(e->test);
    g_free(e->description);
    g_free(e->uri);
    g_free(e->driver);
    g_free(e->arch);
    g_clear_pointer(&e->libvirt, g_ptr_array_unref);
    g_clear_pointer(&e->hypervisor, g_ptr_array_unref);
    g_free(e->bug);
    g_free(e->reason);
    g_free(e);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Entry, entry_free)

TckKnownBroken *
tck_known_broken_new(void)
{
    TckKnownBroken *kb = g_new0(TckKnownBroken, 1);

    kb->entries = g_ptr_array_new_with_free_func((GDestroyNotify) entry_free);
    return kb;
}

void
tck_known_broken_free(TckKnownBroken *kb)
{
    if (!kb)
        return;
    g_ptr_array_unref(kb->entries);
    g_free(kb);
}

guint
tck_known_broken_n_entries(const TckKnownBroken *kb)
{
    return kb->entries->len;
}

int
tck_version_compare(const char *a, const char *b)
{
    while ((a && g_ascii_isdigit(*a)) || (b && g_ascii_isdigit(*b))) {
        guint64 x = 0, y = 0;

        if (a && g_ascii_isdigit(*a))
            x = g_ascii_strtoull(a, (char **) &a, 10);
        if (b && g_ascii_isdigit(*b))
            y = g_ascii_strtoull(b, (char **) &b, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a = (a && *a == '.' && g_ascii_isdigit(a[1])) ? a + 1 : NULL;
        b = (b && *b == '.' && g_ascii_isdigit(b[1])) ? b + 1 : NULL;
    }
    return 0;
}

static gboolean
version_valid(const char *v)
{
    if (!g_ascii_isdigit(*v))
        return FALSE;
    for (; *v; v++) {
        if (!g_ascii_isdigit(*v) && !(*v == '.' && g_ascii_isdigit(v[1])))
            return FALSE;
    }
    return TRUE;
}

/* "9.0.0" out of "9.0.0", "QEMU 7.2.0 (Debian)", ...; NULL if none. */
static const char *
version_in(const char *s)
{
    for (; s && *s; s++) {
        if (g_ascii_isdigit(*s))
            return s;
    }
    return NULL;
}

static GPtrArray *
parse_range(const char *text, const char *where, const char *key, GError **error)
{
    g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func((GDestroyNotify) bound_free);
    g_auto(GStrv) parts = g_strsplit(text, ",", -1);
    guint i, k;

    for (i = 0; parts[i]; i++) {
        char *p = g_strstrip(parts[i]);
        Bound *b;
        RangeOp op = OP_EQ;

        for (k = 0; k < G_N_ELEMENTS(range_ops); k++) {
            if (g_str_has_prefix(p, range_ops[k].text)) {
                op = range_ops[k].op;
                p = g_strchug(p + strlen(range_ops[k].text));
                break;
            }
        }
        if (!version_valid(p)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                        "%s: invalid %s range '%s': expected OP VERSION[, OP VERSION] "
                        "with OP one of >= > <= < == != and VERSION like 9.0.0",
                        where, key, text);
            return NULL;
        }
        b = g_new0(Bound, 1);
        b->op = op;
        b->version = g_strdup(p);
        g_ptr_array_add(bounds, b);
    }
    return g_steal_pointer(&bounds);
}

static gboolean
range_matches(const GPtrArray *bounds, const char *value)
{
    const char *v = version_in(value);
    guint i;

    if (!bounds)
        return TRUE;
    if (!v)
        return FALSE;
    for (i = 0; i < bounds->len; i++) {
        const Bound *b = g_ptr_array_index(bounds, i);
        int c = tck_version_compare(v, b->version);
        gboolean ok = FALSE;

        switch (b->op) {
        case OP_EQ: ok = c == 0; break;
        case OP_NE: ok = c != 0; break;
        case OP_LT: ok = c < 0; break;
        case OP_LE: ok = c <= 0; break;
        case OP_GT: ok = c > 0; break;
        case OP_GE: ok = c >= 0; break;
        }
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* The keys an entry may have, and where a scalar value goes. */
typedef enum { KEY_GLOB, KEY_TEXT, KEY_CHECK, KEY_RANGE } KeyKind;

static const struct {
    const char *key;
    KeyKind kind;
    gsize offset;
} entry_keys[] = {
    { "test", KEY_GLOB, G_STRUCT_OFFSET(Entry, test) },
    { "check", KEY_CHECK, G_STRUCT_OFFSET(Entry, check) },
    { "description", KEY_GLOB, G_STRUCT_OFFSET(Entry, description) },
    { "uri", KEY_GLOB, G_STRUCT_OFFSET(Entry, uri) },
    { "driver", KEY_GLOB, G_STRUCT_OFFSET(Entry, driver) },
    { "arch", KEY_GLOB, G_STRUCT_OFFSET(Entry, arch) },
    { "libvirt", KEY_RANGE, G_STRUCT_OFFSET(Entry, libvirt) },
    { "hypervisor", KEY_RANGE, G_STRUCT_OFFSET(Entry, hypervisor) },
    { "bug", KEY_TEXT, G_STRUCT_OFFSET(Entry, bug) },
    { "reason", KEY_TEXT, G_STRUCT_OFFSET(Entry, reason) },
};

static gboolean
set_key(Entry *e, const char *key, const char *value, const char *where, GError **error)
{
    guint i;

    for (i = 0; i < G_N_ELEMENTS(entry_keys); i++) {
        gpointer slot = G_STRUCT_MEMBER_P(e, entry_keys[i].offset);

        if (!g_str_equal(key, entry_keys[i].key))
            continue;
        switch (entry_keys[i].kind) {
        case KEY_GLOB:
        case KEY_TEXT:
            if (*(char **) slot) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                            "%s: key '%s' given twice", where, key);
                return FALSE;
            }
            if (!*value) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                            "%s: key '%s' is empty", where, key);
                return FALSE;
            }
            *(char **) slot = g_strdup(value);
            return TRUE;
        case KEY_CHECK: {
            guint64 n = 0;

            if (!g_ascii_string_to_unsigned(value, 10, 1, G_MAXUINT, &n, NULL)) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                            "%s: check '%s' is not a check number (1, 2, ...); "
                            "use 'description' for a pattern", where, value);
                return FALSE;
            }
            *(guint *) slot = n;
            return TRUE;
        }
        case KEY_RANGE: {
            GPtrArray *r = parse_range(value, where, key, error);

            if (!r)
                return FALSE;
            g_clear_pointer((GPtrArray **) slot, g_ptr_array_unref);
            *(GPtrArray **) slot = r;
            return TRUE;
        }
        }
    }
    g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                "%s: unknown key '%s' (known: test, check, description, uri, driver, arch, "
                "libvirt, hypervisor, bug, reason)", where, key);
    return FALSE;
}

static char *
where_at(const char *origin, const yaml_node_t *node)
{
    return g_strdup_printf("%s:%zu", origin, node->start_mark.line + 1);
}

static Entry *
parse_entry(yaml_document_t *doc, yaml_node_t *node, const char *origin, GError **error)
{
    g_autoptr(Entry) e = g_new0(Entry, 1);
    g_autofree char *where = where_at(origin, node);
    yaml_node_pair_t *pair;

    if (node->type != YAML_MAPPING_NODE) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                    "%s: an entry must be a mapping (test: ..., reason: ...)", where);
        return NULL;
    }
    for (pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *k = yaml_document_get_node(doc, pair->key);
        yaml_node_t *v = yaml_document_get_node(doc, pair->value);
        g_autofree char *kwhere = where_at(origin, k);
        g_autofree char *vwhere = where_at(origin, v);

        if (k->type != YAML_SCALAR_NODE) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                        "%s: keys must be plain words", kwhere);
            return NULL;
        }
        if (v->type != YAML_SCALAR_NODE) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                        "%s: the value of '%s' must be a single value, not a list or mapping",
                        vwhere, (const char *) k->data.scalar.value);
            return NULL;
        }
        if (!set_key(e, (const char *) k->data.scalar.value,
                     (const char *) v->data.scalar.value, vwhere, error)) {
            /* Unknown keys are reported at the key, bad values at the value. */
            if (error && *error && strstr((*error)->message, "unknown key")) {
                g_autofree char *msg = g_strdup((*error)->message + strlen(vwhere));

                g_clear_error(error);
                g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN, "%s%s", kwhere, msg);
            }
            return NULL;
        }
    }
    if (!e->test) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                    "%s: entry has no 'test' (a test name or glob)", where);
        return NULL;
    }
    if (!e->bug && !e->reason) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                    "%s: entry for '%s' has neither 'bug' nor 'reason'", where, e->test);
        return NULL;
    }
    e->origin = g_steal_pointer(&where);
    return g_steal_pointer(&e);
}

gboolean
tck_known_broken_load_data(TckKnownBroken *kb, const char *data, gsize len,
                           const char *origin, GError **error)
{
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func((GDestroyNotify) entry_free);
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_node_t *root;
    yaml_node_item_t *item;
    gboolean ok = FALSE;

    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *) data, len);
    if (!yaml_parser_load(&parser, &doc)) {
        g_autofree char *context = parser.context
            ? g_strdup_printf(" (%s at line %zu)", parser.context, parser.context_mark.line + 1)
            : g_strdup("");

        g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN, "%s:%zu: YAML syntax error: %s%s",
                    origin, parser.problem_mark.line + 1,
                    parser.problem ? parser.problem : "unknown", context);
        yaml_parser_delete(&parser);
        return FALSE;
    }
    root = yaml_document_get_root_node(&doc);
    if (!root) {
        ok = TRUE;      /* an empty file: no entries */
        goto out;
    }
    if (root->type != YAML_SEQUENCE_NODE) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                    "%s:%zu: a known-broken file is a list of entries (- test: ...)",
                    origin, root->start_mark.line + 1);
        goto out;
    }
    for (item = root->data.sequence.items.start; item < root->data.sequence.items.top; item++) {
        Entry *e = parse_entry(&doc, yaml_document_get_node(&doc, *item), origin, error);

        if (!e)
            goto out;
        g_ptr_array_add(entries, e);
    }
    /* A second document ("---" and more entries) is never ignored silently:
     * a known-broken file is one list. */
    {
        yaml_document_t next;
        yaml_node_t *next_root;

        if (!yaml_parser_load(&parser, &next)) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN, "%s:%zu: YAML syntax error: %s",
                        origin, parser.problem_mark.line + 1,
                        parser.problem ? parser.problem : "unknown");
            goto out;
        }
        next_root = yaml_document_get_root_node(&next);
        if (next_root) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_KNOWN_BROKEN,
                        "%s:%zu: a second YAML document; a known-broken file is one list of entries "
                        "(remove the '---' line or merge the lists)",
                        origin, next_root->start_mark.line + 1);
            yaml_document_delete(&next);
            goto out;
        }
        yaml_document_delete(&next);
    }
    while (entries->len > 0)
        g_ptr_array_add(kb->entries, g_ptr_array_steal_index(entries, 0));
    ok = TRUE;

 out:
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return ok;
}

/* A known-broken file is a few hundred entries at most. */
#define KNOWN_BROKEN_MAX_BYTES (4 * 1024 * 1024)

gboolean
tck_known_broken_load(TckKnownBroken *kb, const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    /* Bounded: /dev/zero is refused at once, as too large, not as "not found". */
    if (!tck_fs_read_bounded(path, KNOWN_BROKEN_MAX_BYTES, TCK_ERROR_KNOWN_BROKEN, &data, &len, error)) {
        g_prefix_error(error, "cannot read known-broken file: ");
        return FALSE;
    }
    return tck_known_broken_load_data(kb, data, len, path, error);
}

static gboolean
glob_matches(const char *pattern, const char *value)
{
    return !pattern || (value && g_pattern_match_simple(pattern, value));
}

/* Connection types whose driver goes by another name in libvirt's
 * sources (and bug reports): the libxl driver's connections say "Xen". */
static const struct {
    const char *type;
    const char *driver;
} driver_aliases[] = {
    { "xen", "libxl" },
};

/* Drivers name themselves "QEMU", "TEST", "LXC", "Xen": compare without
 * case, and by the driver's own name where it differs. */
static gboolean
driver_matches(const char *pattern, const char *driver)
{
    g_autofree char *p = pattern ? g_ascii_strdown(pattern, -1) : NULL;
    g_autofree char *d = driver ? g_ascii_strdown(driver, -1) : NULL;

    if (glob_matches(p, d))
        return TRUE;
    for (gsize i = 0; d && i < G_N_ELEMENTS(driver_aliases); i++)
        if (g_str_equal(d, driver_aliases[i].type) && glob_matches(p, driver_aliases[i].driver))
            return TRUE;
    return FALSE;
}

static gboolean
entry_applies(const Entry *e, const TckRunMeta *m)
{
    const char *libvirt = m->daemon_version ? m->daemon_version : m->libvirt_version;

    return glob_matches(e->uri, m->uri) && driver_matches(e->driver, m->driver) &&
           glob_matches(e->arch, m->host_arch) && range_matches(e->libvirt, libvirt) &&
           range_matches(e->hypervisor, m->hypervisor_version);
}

static char *
entry_label(const Entry *e)
{
    if (e->bug && e->reason)
        return g_strdup_printf("%s (%s)", e->bug, e->reason);
    return g_strdup(e->bug ? e->bug : e->reason);
}

static gboolean
check_selected(const Entry *e, const TckCheckResult *c)
{
    if (e->check && c->number != e->check)
        return FALSE;
    return glob_matches(e->description, c->description ? c->description : "");
}

/*
 * What applying entries needs to know of one test, built once: its checks
 * by number and how many checks have each status.  Entries then cost one
 * lookup each, not a walk over every check (a file of many entries over
 * tests of many checks was quadratic).
 */
typedef struct {
    GHashTable *by_number;      /* number -> first TckCheckResult of it */
    GHashTable *by_description; /* description -> GPtrArray of its checks */
    guint counts[TCK_STATUS_LAST];
} TestIndex;

/* Adds @item to the list of @key in @groups (key -> GPtrArray, owned). */
static void
group_add(GHashTable *groups, const char *key, gpointer item)
{
    GPtrArray *same = g_hash_table_lookup(groups, key);

    if (!same) {
        same = g_ptr_array_new();
        g_hash_table_insert(groups, (gpointer) key, same);
    }
    g_ptr_array_add(same, item);
}

static void
test_index_free(TestIndex *ix)
{
    g_hash_table_unref(ix->by_number);
    g_hash_table_unref(ix->by_description);
    g_free(ix);
}

static TestIndex *
test_index_new(const TckTestResult *t)
{
    TestIndex *ix = g_new0(TestIndex, 1);
    guint i;

    ix->by_number = g_hash_table_new(g_direct_hash, g_direct_equal);
    ix->by_description = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
    for (i = 0; i < t->checks->len; i++) {
        TckCheckResult *c = g_ptr_array_index(t->checks, i);

        group_add(ix->by_description, c->description ? c->description : "", c);

        if (!g_hash_table_contains(ix->by_number, GUINT_TO_POINTER(c->number)))
            g_hash_table_insert(ix->by_number, GUINT_TO_POINTER(c->number), c);
        ix->counts[c->status]++;
    }
    return ix;
}

/* Marks one check; returns TRUE when its status changed. */
static gboolean
mark_check(TestIndex *ix, TckCheckResult *c, const char *label)
{
    TckStatus to;

    if (c->status == TCK_STATUS_FAIL)
        to = TCK_STATUS_XFAIL;
    else if (c->status == TCK_STATUS_PASS)
        to = TCK_STATUS_XPASS;
    else
        return FALSE;
    ix->counts[c->status]--;
    ix->counts[to]++;
    c->status = to;
    g_free(c->known_broken);
    c->known_broken = g_strdup(label);
    return TRUE;
}

/* Marks @c when @e selects it. */
static guint
apply_to_check(const Entry *e, TestIndex *ix, TckCheckResult *c, gboolean whole,
               const char *label, gboolean *matched)
{
    if (!check_selected(e, c))
        return 0;
    *matched = TRUE;
    return !whole || c->status == TCK_STATUS_FAIL ? mark_check(ix, c, label) : 0;
}

/* A pattern without glob characters matches one string: a lookup. */
static gboolean
is_literal(const char *pattern)
{
    return !strpbrk(pattern, "*?");
}

/* Applies one entry to one matching test; returns the number of changes. */
static guint
apply_to_test(const Entry *e, TckTestResult *t, TestIndex *ix, gboolean *matched)
{
    g_autofree char *label = entry_label(e);
    gboolean whole = !e->check && !e->description;
    TckStatus before = t->status;
    guint changed = 0;
    guint i;

    if (e->check) {
        /* a check number: one lookup (TAP numbers are unique; the first wins) */
        TckCheckResult *c = g_hash_table_lookup(ix->by_number, GUINT_TO_POINTER(e->check));

        if (c)
            changed += apply_to_check(e, ix, c, whole, label, matched);
    } else if (e->description && is_literal(e->description)) {
        GPtrArray *same = g_hash_table_lookup(ix->by_description, e->description);

        for (i = 0; same && i < same->len; i++)
            changed += apply_to_check(e, ix, g_ptr_array_index(same, i), whole, label, matched);
    } else {
        for (i = 0; i < t->checks->len; i++)
            changed += apply_to_check(e, ix, g_ptr_array_index(t->checks, i), whole, label, matched);
    }
    if (whole) {
        *matched = TRUE;
        g_free(t->known_broken);
        t->known_broken = g_strdup(label);
    }

    /* The test's own status follows from its checks, or from the entry. */
    if (tck_status_is_failure(t->status) && whole)
        t->status = TCK_STATUS_XFAIL;
    else if (t->status == TCK_STATUS_FAIL && !ix->counts[TCK_STATUS_FAIL] &&
             ix->counts[TCK_STATUS_XFAIL])
        t->status = TCK_STATUS_XFAIL;
    else if (t->status == TCK_STATUS_PASS && (whole || ix->counts[TCK_STATUS_XPASS]))
        t->status = TCK_STATUS_XPASS;
    return changed + (t->status != before);
}

guint
tck_known_broken_apply_test(const TckKnownBroken *kb, const TckRunMeta *meta, TckTestResult *test)
{
    TestIndex *ix = NULL;
    guint changed = 0;
    guint i;

    for (i = 0; i < kb->entries->len; i++) {
        const Entry *e = g_ptr_array_index(kb->entries, i);
        gboolean matched = FALSE;

        if (entry_applies(e, meta) && g_pattern_match_simple(e->test, test->name)) {
            if (!ix)
                ix = test_index_new(test);
            changed += apply_to_test(e, test, ix, &matched);
        }
    }
    if (ix)
        test_index_free(ix);
    return changed;
}

/* The index of @t, made on first use. */
static TestIndex *
index_of(GHashTable *indexes, TckTestResult *t)
{
    TestIndex *ix = g_hash_table_lookup(indexes, t);

    if (!ix) {
        ix = test_index_new(t);
        g_hash_table_insert(indexes, t, ix);
    }
    return ix;
}

guint
tck_known_broken_apply(const TckKnownBroken *kb, TckRun *run)
{
    /* name -> the tests of that name, in run order */
    g_autoptr(GHashTable) by_name = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GHashTable) indexes = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) test_index_free);
    guint changed = 0;
    guint i, j;

    g_clear_pointer(&run->known_broken_stale, g_ptr_array_unref);
    run->known_broken_stale = g_ptr_array_new_with_free_func(g_free);
    for (j = 0; j < run->tests->len; j++) {
        TckTestResult *t = g_ptr_array_index(run->tests, j);

        group_add(by_name, t->name, t);
    }
    for (i = 0; i < kb->entries->len; i++) {
        const Entry *e = g_ptr_array_index(kb->entries, i);
        gboolean matched = FALSE;

        if (!entry_applies(e, &run->meta))
            continue;
        if (is_literal(e->test)) {
            GPtrArray *same = g_hash_table_lookup(by_name, e->test);

            for (j = 0; same && j < same->len; j++) {
                TckTestResult *t = g_ptr_array_index(same, j);

                changed += apply_to_test(e, t, index_of(indexes, t), &matched);
            }
        } else {
            for (j = 0; j < run->tests->len; j++) {
                TckTestResult *t = g_ptr_array_index(run->tests, j);

                if (g_pattern_match_simple(e->test, t->name))
                    changed += apply_to_test(e, t, index_of(indexes, t), &matched);
            }
        }
        if (!matched) {
            g_autofree char *label = entry_label(e);
            g_autofree char *sel = e->check ? g_strdup_printf(" check %u", e->check)
                                 : e->description ? g_strdup_printf(" description '%s'", e->description)
                                 : g_strdup("");

            g_ptr_array_add(run->known_broken_stale,
                            g_strdup_printf("%s: test '%s'%s: %s matched nothing in this run",
                                            e->origin, e->test, sel, label));
        }
    }
    return changed;
}
