/*
 * checks.h — checks that print one TAP line each: generic truth and
 * equality, and the libvirt-aware ones (an object came back, a call
 * failed with the expected VIR_ERR_* code).
 *
 * Each returns TRUE when the check passed, so a test can stop early.  A
 * failing check prints diagnostics saying what was expected and got.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <tck/test.h>

G_BEGIN_DECLS

gboolean tck_ok(TckTest *t, gboolean cond, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

gboolean tck_is_str(TckTest *t, const char *got, const char *expected,
                    const char *fmt, ...) G_GNUC_PRINTF(4, 5);
gboolean tck_isnt_str(TckTest *t, const char *got, const char *unexpected,
                      const char *fmt, ...) G_GNUC_PRINTF(4, 5);
gboolean tck_is_int(TckTest *t, gint64 got, gint64 expected,
                    const char *fmt, ...) G_GNUC_PRINTF(4, 5);
gboolean tck_isnt_int(TckTest *t, gint64 got, gint64 unexpected,
                      const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/* tck_is()/tck_isnt(): pick the string or integer form from @got's type. */
#define tck_is(t, got, expected, ...) \
    _Generic((got), \
             char *: tck_is_str, \
             const char *: tck_is_str, \
             default: tck_is_int)((t), (got), (expected), __VA_ARGS__)
#define tck_isnt(t, got, expected, ...) \
    _Generic((got), \
             char *: tck_isnt_str, \
             const char *: tck_isnt_str, \
             default: tck_isnt_int)((t), (got), (expected), __VA_ARGS__)

/*
 * tck_ok_domain: @dom must be non-NULL (when NULL, libvirt's last error is
 * reported).  Returns @dom unchanged, so it can wrap the call.
 * tck_ok_domain_named: the same, and the domain's name must be @name.
 */
virDomainPtr tck_ok_domain(TckTest *t, virDomainPtr dom, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virDomainPtr tck_ok_domain_named(TckTest *t, virDomainPtr dom, const char *name,
                                 const char *fmt, ...) G_GNUC_PRINTF(4, 5);
virNetworkPtr tck_ok_network(TckTest *t, virNetworkPtr net, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virStoragePoolPtr tck_ok_pool(TckTest *t, virStoragePoolPtr pool, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virStorageVolPtr tck_ok_volume(TckTest *t, virStorageVolPtr vol, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virNWFilterPtr tck_ok_nwfilter(TckTest *t, virNWFilterPtr filter, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virInterfacePtr tck_ok_interface(TckTest *t, virInterfacePtr iface, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virSecretPtr tck_ok_secret(TckTest *t, virSecretPtr secret, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
virNodeDevicePtr tck_ok_nodedev(TckTest *t, virNodeDevicePtr dev, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* tck_ok_call: a libvirt call returning int succeeded (>= 0). */
gboolean tck_ok_call(TckTest *t, int ret, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/*
 * tck_ok_error(t, CALL, VIR_ERR_CODE, "description", ...):
 * CALL (returning a libvirt object or an int) must fail, and libvirt's
 * last error must carry VIR_ERR_CODE.  If it succeeds, the object it
 * returned is released (the ledger still cleans up whatever it created)
 * and the check fails.  On a wrong code, the actual code name and message
 * are reported.
 */
typedef struct {
    gboolean failed;       /* the call reported failure */
    int code;              /* libvirt's error code when it failed, else 0 */
    char *message;         /* libvirt's message when it failed (owned), else NULL */
} TckCallOutcome;

TckCallOutcome tck_outcome_int(int ret);
TckCallOutcome tck_outcome_domain(virDomainPtr obj);
TckCallOutcome tck_outcome_network(virNetworkPtr obj);
TckCallOutcome tck_outcome_pool(virStoragePoolPtr obj);
TckCallOutcome tck_outcome_volume(virStorageVolPtr obj);
TckCallOutcome tck_outcome_nwfilter(virNWFilterPtr obj);
TckCallOutcome tck_outcome_network_port(virNetworkPortPtr obj);
TckCallOutcome tck_outcome_nwfilter_binding(virNWFilterBindingPtr obj);
TckCallOutcome tck_outcome_secret(virSecretPtr obj);
TckCallOutcome tck_outcome_interface(virInterfacePtr obj);
TckCallOutcome tck_outcome_snapshot(virDomainSnapshotPtr obj);
TckCallOutcome tck_outcome_nodedev(virNodeDevicePtr obj);

/* tck_ok_outcome: the call of @outcome succeeded; on failure libvirt's code and message are shown. */
gboolean tck_ok_outcome(TckTest *t, TckCallOutcome outcome, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

gboolean tck_ok_error_outcome(TckTest *t, TckCallOutcome outcome, int expected_code,
                              const char *fmt, ...) G_GNUC_PRINTF(4, 5);

#define tck_call_outcome(expr) \
    _Generic((expr), \
             virDomainPtr: tck_outcome_domain, \
             virNetworkPtr: tck_outcome_network, \
             virStoragePoolPtr: tck_outcome_pool, \
             virStorageVolPtr: tck_outcome_volume, \
             virNWFilterPtr: tck_outcome_nwfilter, \
             virNetworkPortPtr: tck_outcome_network_port, \
             virNWFilterBindingPtr: tck_outcome_nwfilter_binding, \
             virSecretPtr: tck_outcome_secret, \
             virInterfacePtr: tck_outcome_interface, \
             virDomainSnapshotPtr: tck_outcome_snapshot, \
             virNodeDevicePtr: tck_outcome_nodedev, \
             default: tck_outcome_int)(expr)

#define tck_ok_error(t, expr, code, ...) \
    tck_ok_error_outcome((t), tck_call_outcome(expr), (code), __VA_ARGS__)

/* The symbolic name of a virErrorNumber ("VIR_ERR_NO_DOMAIN"), or "VIR_ERR_<n>". */
const char *tck_error_code_name(int code);

G_END_DECLS
