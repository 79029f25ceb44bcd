/*
 * known-broken.h — expected failures, kept in YAML files: which checks of
 * which tests are broken on which driver/platform, and why.  Applying
 * them to a run turns a matching failure into xfail and a matching pass
 * into xpass, and lists the entries that matched nothing as stale.
 *
 * A file is a YAML list of entries:
 *
 *   - test: domain/080-*          # glob on the test name (required)
 *     check: 3                    # this check only, by number
 *     description: "*UUID*"       # or the checks whose description matches
 *     uri: "qemu:///system"       # conditions on the run, all optional:
 *     driver: qemu                #   globs on URI, driver (any case) and host arch,
 *     arch: x86_64
 *     libvirt: ">= 9.0.0, < 10"   #   ranges on the libvirt (daemon) and
 *     hypervisor: "< 8.1"         #   hypervisor versions
 *     bug: https://gitlab.com/libvirt/libvirt/-/issues/1
 *     reason: UUID clash reports the wrong error code
 *
 * A range is a comma-separated list of OP VERSION with OP one of
 * >= > <= < == != (a bare VERSION means ==).  An unknown key, a bad range,
 * a bad check number, a missing test or a missing bug-and-reason is
 * refused with FILE:LINE.
 */
#pragma once

#include <glib.h>

#include "results.h"

G_BEGIN_DECLS

typedef struct _TckKnownBroken TckKnownBroken;

TckKnownBroken *tck_known_broken_new(void);

/*
 * tck_known_broken_load:
 * @kb: the set to add to
 * @path: a YAML file
 * @error: return location (TCK_ERROR_KNOWN_BROKEN naming FILE:LINE,
 *   TCK_ERROR_NOT_FOUND)
 *
 * Adds the file's entries; nothing is added when it fails.
 */
gboolean tck_known_broken_load(TckKnownBroken *kb, const char *path, GError **error);

/* The same from memory; @origin names it in messages. */
gboolean tck_known_broken_load_data(TckKnownBroken *kb, const char *data, gsize len,
                                    const char *origin, GError **error);

guint tck_known_broken_n_entries(const TckKnownBroken *kb);

/*
 * tck_known_broken_apply:
 * @kb: the entries
 * @run: the run to rewrite: statuses, known_broken labels, and
 *   run->known_broken_stale (replaced)
 *
 * Returns: the number of checks and tests whose status changed.
 */
guint tck_known_broken_apply(const TckKnownBroken *kb, TckRun *run);

/*
 * tck_known_broken_apply_test:
 * @kb: the entries
 * @meta: the run's metadata, for the entries' conditions
 * @test: one test, as it ends
 *
 * The same as tck_known_broken_apply() for one test, without stale
 * entries: for showing a test's final status as soon as it ends.
 * Applying again, or applying the whole run later, changes nothing more.
 *
 * Returns: the number of checks and tests whose status changed.
 */
guint tck_known_broken_apply_test(const TckKnownBroken *kb, const TckRunMeta *meta,
                                  TckTestResult *test);

/*
 * Compares dotted versions ("9.10.0" > "9.9"); missing components are 0
 * and anything after the leading digits and dots is ignored.
 */
int tck_version_compare(const char *a, const char *b);

void tck_known_broken_free(TckKnownBroken *kb);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckKnownBroken, tck_known_broken_free)

G_END_DECLS
