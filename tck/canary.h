/*
 * canary.h — before the first test that boots a guest, one short canary
 * boot decides whether KVM guests make progress.  If not, the run fails
 * at once (exit 3) naming --no-kvm, instead of every guest test waiting
 * for its marker until it times out.
 */
#pragma once

#include <stdio.h>
#include <glib.h>
#include "registry.h"
#include "results.h"
#include "runner.h"

/*
 * TRUE when the driver offers KVM guests (its capabilities XML, in
 * @meta) and a test of @selected needs "guest-boots" or "domain" (the
 * tests that may boot a guest).  Their --describe
 * metadata is read here unless @described.  FALSE with @error set when
 * that fails.
 */
gboolean tck_canary_wanted(const TckRunMeta *meta, GPtrArray *selected, gboolean described,
                           GError **error);

/*
 * Runs libvirt-tck-kvm-canary through the runner with @ro's run id, URI,
 * config and connection (cleanup after it as after any test), saying
 * what it does on @human.  TRUE when KVM guests make progress, or when
 * the canary could not decide (it skipped: no KVM in the plan, no assets;
 * the tests then skip for the same reason).  FALSE with TCK_ERROR_SETUP
 * naming --no-kvm when the canary guest made no progress.
 */
gboolean tck_canary_run(const TckRunnerOptions *ro, FILE *human, GError **error);
