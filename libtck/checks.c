/*
 * checks.c — the checks a test calls: truth, equality, and the
 * libvirt-aware ones that report libvirt's error when a call misbehaves.
 */
#include <config.h>
#include <string.h>
#include "test-private.h"

#define FORMAT_DESC(fmt) \
    g_autofree char *desc = NULL; \
    do { \
        va_list ap; \
        va_start(ap, fmt); \
        desc = g_strdup_vprintf(fmt, ap); \
        va_end(ap); \
    } while (0)

/* libvirt's virErrorNumber names, in one table (the numbers are ABI). */
static const struct {
    int code;
    const char *name;
} error_names[] = {
#define E(c) { c, #c }
    E(VIR_ERR_OK), E(VIR_ERR_INTERNAL_ERROR), E(VIR_ERR_NO_MEMORY),
    E(VIR_ERR_NO_SUPPORT), E(VIR_ERR_UNKNOWN_HOST), E(VIR_ERR_NO_CONNECT),
    E(VIR_ERR_INVALID_CONN), E(VIR_ERR_INVALID_DOMAIN), E(VIR_ERR_INVALID_ARG),
    E(VIR_ERR_OPERATION_FAILED), E(VIR_ERR_GET_FAILED), E(VIR_ERR_POST_FAILED),
    E(VIR_ERR_HTTP_ERROR), E(VIR_ERR_SEXPR_SERIAL), E(VIR_ERR_NO_XEN),
    E(VIR_ERR_XEN_CALL), E(VIR_ERR_OS_TYPE), E(VIR_ERR_NO_KERNEL),
    E(VIR_ERR_NO_ROOT), E(VIR_ERR_NO_SOURCE), E(VIR_ERR_NO_TARGET),
    E(VIR_ERR_NO_NAME), E(VIR_ERR_NO_OS), E(VIR_ERR_NO_DEVICE),
    E(VIR_ERR_NO_XENSTORE), E(VIR_ERR_DRIVER_FULL), E(VIR_ERR_CALL_FAILED),
    E(VIR_ERR_XML_ERROR), E(VIR_ERR_DOM_EXIST), E(VIR_ERR_OPERATION_DENIED),
    E(VIR_ERR_OPEN_FAILED), E(VIR_ERR_READ_FAILED), E(VIR_ERR_PARSE_FAILED),
    E(VIR_ERR_CONF_SYNTAX), E(VIR_ERR_WRITE_FAILED), E(VIR_ERR_XML_DETAIL),
    E(VIR_ERR_INVALID_NETWORK), E(VIR_ERR_NETWORK_EXIST), E(VIR_ERR_SYSTEM_ERROR),
    E(VIR_ERR_RPC), E(VIR_ERR_GNUTLS_ERROR), E(VIR_WAR_NO_NETWORK),
    E(VIR_ERR_NO_DOMAIN), E(VIR_ERR_NO_NETWORK), E(VIR_ERR_INVALID_MAC),
    E(VIR_ERR_AUTH_FAILED), E(VIR_ERR_INVALID_STORAGE_POOL),
    E(VIR_ERR_INVALID_STORAGE_VOL), E(VIR_WAR_NO_STORAGE), E(VIR_ERR_NO_STORAGE_POOL),
    E(VIR_ERR_NO_STORAGE_VOL), E(VIR_WAR_NO_NODE), E(VIR_ERR_INVALID_NODE_DEVICE),
    E(VIR_ERR_NO_NODE_DEVICE), E(VIR_ERR_NO_SECURITY_MODEL), E(VIR_ERR_OPERATION_INVALID),
    E(VIR_WAR_NO_INTERFACE), E(VIR_ERR_NO_INTERFACE), E(VIR_ERR_INVALID_INTERFACE),
    E(VIR_ERR_MULTIPLE_INTERFACES), E(VIR_WAR_NO_NWFILTER), E(VIR_ERR_INVALID_NWFILTER),
    E(VIR_ERR_NO_NWFILTER), E(VIR_ERR_BUILD_FIREWALL), E(VIR_WAR_NO_SECRET),
    E(VIR_ERR_INVALID_SECRET), E(VIR_ERR_NO_SECRET), E(VIR_ERR_CONFIG_UNSUPPORTED),
    E(VIR_ERR_OPERATION_TIMEOUT), E(VIR_ERR_MIGRATE_PERSIST_FAILED),
    E(VIR_ERR_HOOK_SCRIPT_FAILED), E(VIR_ERR_INVALID_DOMAIN_SNAPSHOT),
    E(VIR_ERR_NO_DOMAIN_SNAPSHOT), E(VIR_ERR_INVALID_STREAM), E(VIR_ERR_ARGUMENT_UNSUPPORTED),
    E(VIR_ERR_STORAGE_PROBE_FAILED), E(VIR_ERR_STORAGE_POOL_BUILT), E(VIR_ERR_SNAPSHOT_REVERT_RISKY),
    E(VIR_ERR_OPERATION_ABORTED), E(VIR_ERR_AUTH_CANCELLED), E(VIR_ERR_NO_DOMAIN_METADATA),
    E(VIR_ERR_MIGRATE_UNSAFE), E(VIR_ERR_OVERFLOW), E(VIR_ERR_BLOCK_COPY_ACTIVE),
    E(VIR_ERR_OPERATION_UNSUPPORTED), E(VIR_ERR_SSH), E(VIR_ERR_AGENT_UNRESPONSIVE),
    E(VIR_ERR_RESOURCE_BUSY), E(VIR_ERR_ACCESS_DENIED), E(VIR_ERR_DBUS_SERVICE),
    E(VIR_ERR_STORAGE_VOL_EXIST), E(VIR_ERR_CPU_INCOMPATIBLE), E(VIR_ERR_XML_INVALID_SCHEMA),
    E(VIR_ERR_MIGRATE_FINISH_OK), E(VIR_ERR_AUTH_UNAVAILABLE), E(VIR_ERR_NO_SERVER),
    E(VIR_ERR_NO_CLIENT), E(VIR_ERR_AGENT_UNSYNCED), E(VIR_ERR_LIBSSH),
    E(VIR_ERR_DEVICE_MISSING), E(VIR_ERR_INVALID_NWFILTER_BINDING),
    E(VIR_ERR_NO_NWFILTER_BINDING), E(VIR_ERR_INVALID_DOMAIN_CHECKPOINT),
    E(VIR_ERR_NO_DOMAIN_CHECKPOINT), E(VIR_ERR_NO_DOMAIN_BACKUP),
    E(VIR_ERR_INVALID_NETWORK_PORT), E(VIR_ERR_NETWORK_PORT_EXIST),
    E(VIR_ERR_NO_NETWORK_PORT), E(VIR_ERR_NO_HOSTNAME), E(VIR_ERR_CHECKPOINT_INCONSISTENT),
    E(VIR_ERR_MULTIPLE_DOMAINS),
#undef E
};

const char *
tck_error_code_name(int code)
{
    static GHashTable *unknown;   /* names made up for codes newer than us */
    char *name;

    for (gsize i = 0; i < G_N_ELEMENTS(error_names); i++)
        if (error_names[i].code == code)
            return error_names[i].name;
    if (!unknown)
        unknown = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    if (!(name = g_hash_table_lookup(unknown, GINT_TO_POINTER(code)))) {
        name = g_strdup_printf("VIR_ERR_%d", code);
        g_hash_table_insert(unknown, GINT_TO_POINTER(code), name);
    }
    return name;
}

/* After a failed call: say what libvirt reported. */
static void
diag_last_error(TckTest *t)
{
    virErrorPtr err = virGetLastError();

    if (err)
        tck_diag(t, "libvirt error %s (%d): %s", tck_error_code_name(err->code), err->code,
                 err->message ? err->message : "(no message)");
    else
        tck_diag(t, "libvirt reported no error");
}

gboolean
tck_ok(TckTest *t, gboolean cond, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    return tck_tap_writer_check(tck_test_tap(t), cond, desc);
}

gboolean
tck_is_str(TckTest *t, const char *got, const char *expected, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    if (tck_tap_writer_check(tck_test_tap(t), g_strcmp0(got, expected) == 0, desc))
        return TRUE;
    tck_diag(t, "         got: %s%s%s", got ? "'" : "", got ? got : "NULL", got ? "'" : "");
    tck_diag(t, "    expected: %s%s%s", expected ? "'" : "", expected ? expected : "NULL",
             expected ? "'" : "");
    return FALSE;
}

gboolean
tck_isnt_str(TckTest *t, const char *got, const char *unexpected, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    if (tck_tap_writer_check(tck_test_tap(t), g_strcmp0(got, unexpected) != 0, desc))
        return TRUE;
    tck_diag(t, "         got: %s", got ? got : "NULL");
    tck_diag(t, "    expected: anything else");
    return FALSE;
}

gboolean
tck_is_int(TckTest *t, gint64 got, gint64 expected, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    if (tck_tap_writer_check(tck_test_tap(t), got == expected, desc))
        return TRUE;
    tck_diag(t, "         got: %" G_GINT64_FORMAT, got);
    tck_diag(t, "    expected: %" G_GINT64_FORMAT, expected);
    return FALSE;
}

gboolean
tck_isnt_int(TckTest *t, gint64 got, gint64 unexpected, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    if (tck_tap_writer_check(tck_test_tap(t), got != unexpected, desc))
        return TRUE;
    tck_diag(t, "         got: %" G_GINT64_FORMAT, got);
    tck_diag(t, "    expected: anything else");
    return FALSE;
}

/* Shared by every tck_ok_<object>: non-NULL passes, NULL reports libvirt's error. */
static gboolean
ok_object(TckTest *t, gconstpointer obj, const char *desc)
{
    if (tck_tap_writer_check(tck_test_tap(t), obj != NULL, desc))
        return TRUE;
    diag_last_error(t);
    return FALSE;
}

virDomainPtr
tck_ok_domain(TckTest *t, virDomainPtr dom, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, dom, desc);
    return dom;
}

virDomainPtr
tck_ok_domain_named(TckTest *t, virDomainPtr dom, const char *name, const char *fmt, ...)
{
    const char *got;
    FORMAT_DESC(fmt);

    if (!dom) {
        ok_object(t, dom, desc);
        return dom;
    }
    got = virDomainGetName(dom);
    if (!tck_tap_writer_check(tck_test_tap(t), g_strcmp0(got, name) == 0, desc)) {
        tck_diag(t, "domain name was '%s', expected '%s'", got ? got : "NULL", name);
    }
    return dom;
}

virNetworkPtr
tck_ok_network(TckTest *t, virNetworkPtr net, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, net, desc);
    return net;
}

virStoragePoolPtr
tck_ok_pool(TckTest *t, virStoragePoolPtr pool, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, pool, desc);
    return pool;
}

virStorageVolPtr
tck_ok_volume(TckTest *t, virStorageVolPtr vol, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, vol, desc);
    return vol;
}

virNWFilterPtr
tck_ok_nwfilter(TckTest *t, virNWFilterPtr filter, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, filter, desc);
    return filter;
}

virInterfacePtr
tck_ok_interface(TckTest *t, virInterfacePtr iface, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, iface, desc);
    return iface;
}

virSecretPtr
tck_ok_secret(TckTest *t, virSecretPtr secret, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, secret, desc);
    return secret;
}

virNodeDevicePtr
tck_ok_nodedev(TckTest *t, virNodeDevicePtr dev, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    ok_object(t, dev, desc);
    return dev;
}

gboolean
tck_ok_call(TckTest *t, int ret, const char *fmt, ...)
{
    FORMAT_DESC(fmt);
    if (tck_tap_writer_check(tck_test_tap(t), ret >= 0, desc))
        return TRUE;
    diag_last_error(t);
    return FALSE;
}

/* ---- expected failures --------------------------------------------- */

/* Capture libvirt's error now: freeing an object would reset it. */
static TckCallOutcome
outcome_failed(void)
{
    TckCallOutcome o = { .failed = TRUE };
    virErrorPtr err = virGetLastError();

    if (err) {
        o.code = err->code;
        o.message = g_strdup(err->message ? err->message : "");
    }
    return o;
}

TckCallOutcome
tck_outcome_int(int ret)
{
    return ret < 0 ? outcome_failed() : (TckCallOutcome){ .failed = FALSE };
}

#define DEFINE_OUTCOME(func, type, freefunc) \
    TckCallOutcome func(type obj) \
    { \
        if (!obj) \
            return outcome_failed(); \
        freefunc(obj); \
        return (TckCallOutcome){ .failed = FALSE }; \
    }

DEFINE_OUTCOME(tck_outcome_domain, virDomainPtr, virDomainFree)
DEFINE_OUTCOME(tck_outcome_network, virNetworkPtr, virNetworkFree)
DEFINE_OUTCOME(tck_outcome_pool, virStoragePoolPtr, virStoragePoolFree)
DEFINE_OUTCOME(tck_outcome_volume, virStorageVolPtr, virStorageVolFree)
DEFINE_OUTCOME(tck_outcome_nwfilter, virNWFilterPtr, virNWFilterFree)
DEFINE_OUTCOME(tck_outcome_network_port, virNetworkPortPtr, virNetworkPortFree)
DEFINE_OUTCOME(tck_outcome_nwfilter_binding, virNWFilterBindingPtr, virNWFilterBindingFree)
DEFINE_OUTCOME(tck_outcome_secret, virSecretPtr, virSecretFree)
DEFINE_OUTCOME(tck_outcome_interface, virInterfacePtr, virInterfaceFree)
DEFINE_OUTCOME(tck_outcome_snapshot, virDomainSnapshotPtr, virDomainSnapshotFree)
DEFINE_OUTCOME(tck_outcome_nodedev, virNodeDevicePtr, virNodeDeviceFree)

gboolean
tck_ok_outcome(TckTest *t, TckCallOutcome outcome, const char *fmt, ...)
{
    g_autofree char *message = outcome.message;
    FORMAT_DESC(fmt);

    if (tck_tap_writer_check(tck_test_tap(t), !outcome.failed, desc))
        return TRUE;
    tck_diag(t, "error: %s (%d): %s", tck_error_code_name(outcome.code), outcome.code,
             message ? message : "(no message)");
    return FALSE;
}

gboolean
tck_ok_error_outcome(TckTest *t, TckCallOutcome outcome, int expected_code, const char *fmt, ...)
{
    g_autofree char *message = outcome.message;
    gboolean ok = outcome.failed && outcome.code == expected_code;
    FORMAT_DESC(fmt);

    if (tck_tap_writer_check(tck_test_tap(t), ok, desc))
        return TRUE;
    if (!outcome.failed) {
        tck_diag(t, "expected the call to fail with %s, but it succeeded",
                 tck_error_code_name(expected_code));
    } else {
        tck_diag(t, "expected error: %s (%d)", tck_error_code_name(expected_code), expected_code);
        tck_diag(t, "  actual error: %s (%d): %s", tck_error_code_name(outcome.code), outcome.code,
                 message ? message : "(no message)");
    }
    return FALSE;
}
