/*
 * needs.h — what a test needs from the driver and the config, checked
 * before it runs: by libtck in tck_test_begin() and by the harness before
 * it starts the test, so a missing feature is a skip that names it.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/config.h>

G_BEGIN_DECLS

/*
 * What a probe may look at.  @guest_boots is 1 when the guest plan really
 * runs guest code, 0 when it does not (the test driver), -1 when the
 * caller has no plan: the need "guest-boots" is then left to the test.
 */
typedef struct {
    virConnectPtr conn;
    TckConfig *config;
    int guest_boots;
} TckNeedsContext;

/**
 * tck_needs_known:
 * @need: one need, e.g. "network", "config:host_block_devices"
 *
 * Returns: TRUE when @need is in the vocabulary (see libtck(3), NEEDS).
 */
gboolean tck_needs_known(const char *need);

/**
 * tck_needs_missing:
 * @ctx: the connection, config and plan facts to probe
 * @needs: NULL-terminated list of needs (may be NULL)
 * @error: set for a need outside the vocabulary (a bug in the test)
 *
 * Returns: NULL with @error unset when every need is met; a newly
 * allocated reason naming the first missing need ("needs network: ...")
 * when one is not; NULL with @error set for an unknown need.
 */
char *tck_needs_missing(const TckNeedsContext *ctx, const char *const *needs, GError **error);

G_END_DECLS
