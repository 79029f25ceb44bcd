/*
 * 010-live-managed — a running guest moves live from uri to otheruri and
 * back, and keeps running.
 *
 * A transient generic guest boots on the source (its marker proves guest
 * code runs).  It migrates live, managed by the client (virDomainMigrate3
 * with VIR_MIGRATE_LIVE): it then runs on the destination under the same
 * name and UUID and is gone from the source (VIR_ERR_NO_DOMAIN, as a
 * transient guest that stopped).  It comes back peer-to-peer
 * (VIR_MIGRATE_PEER2PEER, the destination's daemon talking to the
 * source's at uri), then goes once more tunnelled through the daemons
 * (VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED).  A driver that refuses
 * peer-to-peer or tunnelled migration (VIR_ERR_NO_SUPPORT or
 * VIR_ERR_ARGUMENT_UNSUPPORTED) gets a skip naming the flag.
 *
 * The guest really survived: its /init prints a heartbeat counter once a
 * second (tck.heartbeat=1); after the migration the counter goes on past
 * where it was, read through the destination's console stream.
 *
 * The guest has no disk (see migration_guest_xml()): libvirt calls a disk
 * on a local file system unsafe to migrate, and the scenario needs none.
 */
#include <config.h>
#include <string.h>
#include <tck/tck.h>
#include "migration-guest.h"

#define HEARTBEAT "TCK-HEARTBEAT "

static const TckTestInfo info = {
    .summary = "a running guest migrates live, managed, peer-to-peer and tunnelled, and keeps running",
    .plan = 14,
    .needs = (const char *const[]){ "domain", "guest-boots", "config:otheruri", NULL },
};

/* TRUE when @code says the driver does not do this kind of migration. */
static gboolean
refused_as_unsupported(int code)
{
    return code == VIR_ERR_NO_SUPPORT || code == VIR_ERR_ARGUMENT_UNSUPPORTED;
}

/*
 * Peer-to-peer migration of @dom to @dconnuri with @flags: the domain on
 * @dconn afterwards, or NULL; *@skipped set when the driver does not
 * support @flag_name.
 */
static virDomainPtr
migrate_p2p(TckTest *t, virDomainPtr dom, virConnectPtr dconn, const char *dconnuri,
            unsigned int flags, const char *flag_name, gboolean *skipped)
{
    const char *name = virDomainGetName(dom);
    virErrorPtr err;

    gint64 started = g_get_monotonic_time();
    int ret = virDomainMigrateToURI3(dom, dconnuri, NULL, 0, flags);

    *skipped = FALSE;
    if (ret == 0) {
        tck_diag(t, "%s live migration took %.2f s", flag_name, (g_get_monotonic_time() - started) / 1e6);
        return virDomainLookupByName(dconn, name);
    }
    err = virGetLastError();
    if (err && refused_as_unsupported(err->code)) {
        tck_diag(t, "%s migration refused: %s", flag_name, err->message);
        *skipped = TRUE;
        return NULL;
    }
    tck_diag(t, "%s migration failed: %s", flag_name, err && err->message ? err->message : "no message");
    return NULL;
}

/* The highest "TCK-HEARTBEAT n" @dom prints on its console in 3 s (read on its connection), 0 when none. */
static guint64
console_heartbeat(TckTest *t, virDomainPtr dom)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *data = tck_guest_console_capture(t, dom, 3000, &error);
    g_auto(GStrv) lines = NULL;
    guint64 last = 0;

    if (!data) {
        tck_diag(t, "%s", error->message);
        return 0;
    }
    lines = g_strsplit(data, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        const char *at = strstr(lines[i], HEARTBEAT);

        if (at)
            last = MAX(last, g_ascii_strtoull(at + strlen(HEARTBEAT), NULL, 10));
    }
    return last;
}

/* The generic guest with the heartbeat asked for on its kernel command line. */
static char *
with_heartbeat(TckTest *t, const char *xml)
{
    g_autofree char *cmdline = tck_xml_get_text(xml, "/domain/os/cmdline");
    g_autofree char *longer = g_strdup_printf("%s tck.heartbeat=1", cmdline ? cmdline : "");
    g_autoptr(GError) error = NULL;
    char *edited = tck_xml_set_text(xml, "/domain/os/cmdline", longer, &error);

    if (!edited)
        tck_bail_out(t, "cannot ask for the heartbeat: %s", error->message);
    return edited;
}

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr src = tck_test_connect(t);
    virConnectPtr dst = tck_test_connect_other(t);
    const char *src_uri = tck_config_get_string(tck_test_config(t), "uri");
    const char *dst_uri = tck_config_get_string(tck_test_config(t), "otheruri");
    g_autofree char *generic = migration_guest_xml(t, "guest");
    g_autofree char *xml = with_heartbeat(t, generic);
    guint64 beat_before, beat_later;
    const char *name = tck_name(t, "guest");
    char uuid[VIR_UUID_STRING_BUFLEN] = "", moved_uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr dom, moved, back, again;
    gboolean skipped;
    gint64 started;

    tck_diag(t, "Booting a transient guest on %s", src_uri);
    dom = tck_ok_domain_named(t, virDomainCreateXML(src, xml, 0), name, "started the guest on the source");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    virDomainGetUUIDString(dom, uuid);
    tck_ok(t, tck_wait_guest_ready(t, dom, 120), "the guest booted and printed its marker");
    beat_before = console_heartbeat(t, dom);
    tck_ok(t, beat_before > 0, "the guest's heartbeat counter runs (%" G_GUINT64_FORMAT ")", beat_before);

    tck_diag(t, "Migrating it live to %s, managed by the client", dst_uri);
    started = g_get_monotonic_time();
    moved = virDomainMigrate3(dom, dst, NULL, 0, VIR_MIGRATE_LIVE);
    tck_diag(t, "managed live migration took %.2f s", (g_get_monotonic_time() - started) / 1e6);
    if (!tck_ok(t, moved != NULL, "live migration to the destination succeeded"))
        tck_bail_out(t, "the guest did not move: %s", virGetLastErrorMessage());
    virDomainGetUUIDString(moved, moved_uuid);
    tck_is_str(t, virDomainGetName(moved), name, "the guest has its name on the destination");
    tck_is_str(t, moved_uuid, uuid, "the guest has its UUID on the destination");
    tck_is_int(t, virDomainIsActive(moved), 1, "the guest runs on the destination");
    tck_ok_error(t, virDomainLookupByName(src, name), VIR_ERR_NO_DOMAIN,
                 "the transient guest is gone from the source");
    /* read through the destination's console stream: only its guest prints there */
    beat_later = console_heartbeat(t, moved);
    tck_ok(t, beat_later > beat_before,
           "the heartbeat goes on after the migration, on the destination's console (%" G_GUINT64_FORMAT
           " before, %" G_GUINT64_FORMAT " after)", beat_before, beat_later);
    virDomainFree(dom);

    tck_diag(t, "Migrating it back peer-to-peer");
    back = migrate_p2p(t, moved, src, src_uri, VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER, "peer-to-peer",
                       &skipped);
    if (skipped) {
        tck_skip(t, 2, "the driver does not migrate VIR_MIGRATE_PEER2PEER");
        back = moved;
        moved = NULL;
    } else {
        tck_ok(t, back != NULL, "peer-to-peer live migration back to the source succeeded");
        tck_is_int(t, back ? virDomainIsActive(back) : -1, 1, "the guest runs on the source again");
        if (!back)
            tck_bail_out(t, "the guest is lost after the peer-to-peer migration");
        virDomainFree(moved);
        moved = NULL;
    }

    tck_diag(t, "Migrating it tunnelled through the daemons");
    again = migrate_p2p(t, back, virDomainGetConnect(back) == src ? dst : src,
                        virDomainGetConnect(back) == src ? dst_uri : src_uri,
                        VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED, "tunnelled", &skipped);
    if (skipped) {
        tck_skip(t, 2, "the driver does not migrate VIR_MIGRATE_TUNNELLED");
        again = back;
        back = NULL;
    } else {
        tck_ok(t, again != NULL, "tunnelled peer-to-peer live migration succeeded");
        tck_is_int(t, again ? virDomainIsActive(again) : -1, 1, "the guest runs where it went");
        if (!again)
            tck_bail_out(t, "the guest is lost after the tunnelled migration");
        virDomainFree(back);
        back = NULL;
    }

    tck_diag(t, "Destroying the guest where it ended");
    tck_ok_call(t, virDomainDestroy(again), "destroyed the migrated guest");
    virDomainFree(again);
    return tck_test_end(t);
}
