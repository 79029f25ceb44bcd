/*
 * 060-events — a secret's definition, value and undefinition are told as
 * events.
 *
 * With a lifecycle and a value-changed callback registered for every
 * secret (the callbacks keep only this test's), define a secret, set its
 * value twice and undefine it: the lifecycle events are defined then
 * undefined, and each set value is a value-changed event.
 */
#include <config.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a secret's define, value changes and undefine arrive as events",
    .plan = 9,
    .needs = (const char *const[]){ "secret", NULL },
};

typedef struct {
    const char *usage;
    TckEventLog *log;
} Watch;

static void
on_lifecycle(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret, int event,
             int detail G_GNUC_UNUSED, void *opaque)
{
    Watch *w = opaque;

    if (g_strcmp0(virSecretGetUsageID(secret), w->usage) != 0)
        return;
    tck_event_log_add(w->log, event == VIR_SECRET_EVENT_DEFINED ? "defined" :
                              event == VIR_SECRET_EVENT_UNDEFINED ? "undefined" : "unknown");
}

static void
on_value(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret, void *opaque)
{
    Watch *w = opaque;

    if (g_strcmp0(virSecretGetUsageID(secret), w->usage) == 0)
        tck_event_log_add(w->log, "value");
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    g_autoptr(TckEventLog) log = tck_event_log_new();
    g_autofree char *xml = NULL, *seen = NULL;
    const unsigned char one[] = "one", two[] = "two";
    virConnectPtr conn;
    virSecretPtr sec;
    Watch w = { .log = log };
    int lid, vid;

    tck_event_loop_start(t);
    conn = tck_test_connect(t);
    xml = tck_secret_xml(t, "secret", FALSE, FALSE, NULL);
    w.usage = tck_name(t, "secret");

    tck_diag(t, "Registering lifecycle and value-changed callbacks");
    lid = virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_LIFECYCLE,
                                           VIR_SECRET_EVENT_CALLBACK(on_lifecycle), &w, NULL);
    vid = virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                                           VIR_SECRET_EVENT_CALLBACK(on_value), &w, NULL);
    tck_ok_call(t, lid, "registered a lifecycle callback for every secret");
    tck_ok_call(t, vid, "registered a value-changed callback for every secret");

    tck_diag(t, "Defining the secret %s, setting its value twice, undefining it", w.usage);
    sec = tck_ok_secret(t, virSecretDefineXML(conn, xml, 0), "defined the secret");
    if (!sec)
        tck_bail_out(t, "cannot go on without the secret");
    tck_ok_call(t, virSecretSetValue(sec, one, sizeof(one), 0), "set a value");
    tck_ok_call(t, virSecretSetValue(sec, two, sizeof(two), 0), "set another value");
    tck_ok_call(t, virSecretUndefine(sec), "undefined the secret");
    virSecretFree(sec);

    seen = tck_event_log_wait(log, 4, 5000);
    tck_is(t, (const char *)seen, "defined value value undefined", "the events came in order");

    tck_diag(t, "Deregistering the callbacks");
    tck_ok_call(t, lid >= 0 ? virConnectSecretEventDeregisterAny(conn, lid) : -1,
                "deregistered the lifecycle callback");
    tck_ok_call(t, vid >= 0 ? virConnectSecretEventDeregisterAny(conn, vid) : -1,
                "deregistered the value-changed callback");
    return tck_test_end(t);
}
