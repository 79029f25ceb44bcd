/*
 * registry.h — which test programs exist (installed, or in the build
 * tree), what they say about themselves (--describe), and which of them
 * a selection (paths, globs, areas) names.
 */
#pragma once

#include <glib.h>

typedef struct {
    char *name;          /* "domain/050-transient-lifecycle" or the path for explicit scripts */
    char *area;          /* "domain" ("" for explicit paths) */
    char *path;          /* the executable */
    gboolean native;     /* a libtck program: speaks --describe */
    char *summary;
    gint64 plan;         /* from --describe, 0 when unknown */
    GStrv needs;
    GStrv exclusive;
    char *describe_error; /* why `--describe` failed (the test is then not run), or NULL */
} TckTestEntry;

void tck_test_entry_free(TckTestEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckTestEntry, tck_test_entry_free)

/*
 * The suite directories to search: @override if given, else
 * $LIBVIRT_TCK_SUITES_DIR, else the build tree's suites/ when this
 * libvirt-tck runs from the build tree, else the installed one.
 */
char *tck_registry_suites_dir(const char *override);

/* Every test program under @suites_dir/AREA/, sorted by name. */
GPtrArray *tck_registry_discover(const char *suites_dir, GError **error);

/**
 * tck_registry_select:
 * @all: (element-type TckTestEntry): what tck_registry_discover() found
 * @patterns: (nullable): names, globs ("domain/050-*"), areas ("domain"),
 *   or paths to any executable that prints TAP; NULL or empty selects all
 * @error: TCK_ERROR_NOT_FOUND naming the first pattern that matched nothing
 *
 * Returns: (transfer full) (element-type TckTestEntry): the selection, in
 * order, without duplicates.
 */
GPtrArray *tck_registry_select(GPtrArray *all, GStrv patterns, GError **error);

/**
 * tck_registry_add_named:
 * @all: (element-type TckTestEntry): what tck_registry_discover() found
 * @names: exact test names ("domain/050-x"), e.g. read from a stored run:
 *   data, so never taken as a path, glob or area
 * @into: (element-type TckTestEntry): the selection to append to; an
 *   entry already in it is not added twice
 * @unknown: (element-type utf8) (transfer none): gets each name of @names
 *   that is no test of @all (pointers into @names)
 */
void tck_registry_add_named(GPtrArray *all, GStrv names, GPtrArray *into, GPtrArray *unknown);

/**
 * tck_registry_describe_all:
 * @entries: (element-type TckTestEntry): the tests
 * @timeout_s: how long all of them may take (at most 30 s)
 *
 * Runs `PATH --describe` for every native test (in parallel) and fills in
 * the metadata.  A test whose --describe crashes, fails, floods, prints
 * past the deadline or never ends gets describe_error (and is not run);
 * the others are unaffected.  Invalid UTF-8 is replaced, not refused.
 */
gboolean tck_registry_describe_all(GPtrArray *entries, guint timeout_s, GError **error);
