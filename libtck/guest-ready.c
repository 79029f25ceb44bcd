/*
 * guest-ready.c — proof that a guest really runs: wait for its
 * "TCK-GUEST-READY <token>" marker in the log named by its <tck:guest>
 * metadata, and say what was seen when it does not come.
 */
#include <config.h>

#include <string.h>
#include <libvirt/virterror.h>

#include <tck/error.h>
#include <tck/guest.h>
#include "guest-ready.h"
#include "xpath.h"

#define MARKER "TCK-GUEST-READY "
#define POLL_MS 50
#define STATE_EVERY_MS 500
#define TAIL_LINES 8
#define TAIL_WIDTH 160

/* What <tck:guest> says: the token and the file the marker goes to. */
typedef struct {
    char *token;
    char *log;
} GuestMeta;

static void
guest_meta_clear(GuestMeta *m)
{
    g_clear_pointer(&m->token, g_free);
    g_clear_pointer(&m->log, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(GuestMeta, guest_meta_clear)

static gboolean
guest_meta_read(virDomainPtr dom, GuestMeta *meta, GError **error)
{
    g_autofree char *xml = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, TCK_GUEST_METADATA_NS,
                                                VIR_DOMAIN_AFFECT_CURRENT);
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    const char *name = virDomainGetName(dom);

    if (!xml) {
        virErrorPtr err = virGetLastError();
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "domain '%s' has no <tck:guest> metadata (%s): it was not built by tck_generic_domain_xml()",
                    name, err && err->message ? err->message : "no message");
        return FALSE;
    }
    if (!(doc = tck_xml_parse(xml, -1, "tck-guest-metadata.xml", NULL, TCK_ERROR_SETUP, NULL))) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP, "domain '%s' has unreadable <tck:guest> metadata: %s",
                    name, xml);
        return FALSE;
    }
    ctxt = tck_xpath_new(doc);
    /* libvirt hands the element back without its namespace; match local names */
    meta->token = tck_xpath_string(ctxt, NULL, "/*[local-name()='guest']/*[local-name()='token']");
    meta->log = tck_xpath_string(ctxt, NULL, "/*[local-name()='guest']/*[local-name()='log']");
    if (!meta->token || !meta->log || !g_path_is_absolute(meta->log)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_SETUP,
                    "domain '%s' has <tck:guest> metadata without a token or an absolute log path: %s", name, xml);
        return FALSE;
    }
    return TRUE;
}

/* TRUE when @data holds "TCK-GUEST-READY <token>" with nothing glued to the token. */
static gboolean
guest_marker_found(const char *data, gsize len, const char *marker)
{
    gsize mlen = strlen(marker);
    const char *end = data + len;
    const char *p = data;

    while (p < end && (p = memmem(p, (gsize) (end - p), marker, mlen))) {
        const char *after = p + mlen;

        if (after == end || g_ascii_isspace(*after))
            return TRUE;
        p = after;
    }
    return FALSE;
}

/* The last lines of the log, printable, for diagnostics. */
static void
guest_describe_log(GString *diag, const char *path, const char *data, gsize len, const char *token)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    guint n, start;

    if (!data) {
        g_string_append_printf(diag, "log %s does not exist (nothing was written to it)\n", path);
        return;
    }
    if (len == 0) {
        g_string_append_printf(diag, "log %s exists but is empty\n", path);
        return;
    }
    text = g_strndup(data, len);
    for (char *c = text; *c; c++) {
        if (*c == '\r')
            *c = ' ';
        else if (*c != '\n' && *c != '\t' && (guchar) *c < 0x20)
            *c = '?';
    }
    if (strstr(text, MARKER))
        g_string_append_printf(diag, "log %s holds a readiness marker, but not for token %s\n", path, token);
    lines = g_strsplit(text, "\n", -1);
    n = g_strv_length(lines);
    while (n > 0 && !*g_strstrip(lines[n - 1]))
        n--;
    start = n > TAIL_LINES ? n - TAIL_LINES : 0;
    g_string_append_printf(diag, "last %u of %u lines of %s (%" G_GSIZE_FORMAT " bytes):\n",
                           n - start, n, path, len);
    for (guint i = start; i < n; i++) {
        g_autofree char *line = g_utf8_make_valid(lines[i], -1);

        if (g_utf8_strlen(line, -1) > TAIL_WIDTH)
            *g_utf8_offset_to_pointer(line, TAIL_WIDTH) = '\0';
        g_string_append_printf(diag, "  | %s\n", line);
    }
}

/* FALSE (with @what set) when the domain no longer runs. */
static gboolean
guest_still_running(virDomainPtr dom, char **what)
{
    static const char *const state_names[] = {
        [VIR_DOMAIN_NOSTATE] = "no state", [VIR_DOMAIN_RUNNING] = "running",
        [VIR_DOMAIN_BLOCKED] = "blocked", [VIR_DOMAIN_PAUSED] = "paused",
        [VIR_DOMAIN_SHUTDOWN] = "shutting down", [VIR_DOMAIN_SHUTOFF] = "shut off",
        [VIR_DOMAIN_CRASHED] = "crashed", [VIR_DOMAIN_PMSUSPENDED] = "suspended",
    };
    int state = 0, reason = 0;

    if (virDomainGetState(dom, &state, &reason, 0) < 0) {
        virErrorPtr err = virGetLastError();
        *what = g_strdup_printf("the domain is gone (%s)", err && err->message ? err->message : "no message");
        return FALSE;
    }
    if (state == VIR_DOMAIN_SHUTOFF || state == VIR_DOMAIN_CRASHED) {
        *what = g_strdup_printf("the domain stopped: state %s, reason %d",
                                state_names[state], reason);
        return FALSE;
    }
    return TRUE;
}

gboolean
tck_guest_ready_wait(virDomainPtr dom, guint timeout_ms, GString *diag, GError **error)
{
    g_auto(GuestMeta) meta = { 0 };
    g_autofree char *marker = NULL;
    g_autofree char *stopped = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;
    gint64 start = g_get_monotonic_time();
    gint64 deadline = start + (gint64) timeout_ms * 1000;
    gint64 next_state = start;

    if (!guest_meta_read(dom, &meta, error)) {
        g_string_append_printf(diag, "%s\n", (*error)->message);
        return FALSE;
    }
    marker = g_strconcat(MARKER, meta.token, NULL);
    for (;;) {
        gint64 now;

        g_clear_pointer(&data, g_free);
        if (!g_file_get_contents(meta.log, &data, &len, NULL)) {
            data = NULL;
            len = 0;
        }
        if (data && guest_marker_found(data, len, marker)) {
            g_string_append_printf(diag, "'%s' appeared in %s after %.1f s\n", marker, meta.log,
                                   (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC);
            return TRUE;
        }
        if (stopped)
            break;   /* the last look after the domain stopped */
        now = g_get_monotonic_time();
        if (now >= deadline)
            break;
        if (now >= next_state) {
            if (!guest_still_running(dom, &stopped))
                continue;
            next_state = now + STATE_EVERY_MS * 1000;
        }
        g_usleep(MIN((gint64) POLL_MS * 1000, deadline - now));
    }

    if (stopped) {
        g_string_append_printf(diag, "no '%s' before %s (after %.1f s)\n", marker, stopped,
                               (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC);
        g_set_error(error, TCK_ERROR, TCK_ERROR_FAILED, "guest '%s' stopped before printing '%s'",
                    virDomainGetName(dom), marker);
    } else {
        g_string_append_printf(diag, "no '%s' in %s within %.1f s\n", marker, meta.log, timeout_ms / 1000.0);
        g_set_error(error, TCK_ERROR, TCK_ERROR_FAILED, "guest '%s' did not print '%s' within %.1f s",
                    virDomainGetName(dom), marker, timeout_ms / 1000.0);
    }
    guest_describe_log(diag, meta.log, data, len, meta.token);
    return FALSE;
}

gboolean
tck_wait_guest_ready(TckTest *t, virDomainPtr dom, guint timeout_s)
{
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    g_auto(GStrv) lines = NULL;
    gboolean ok;

    tck_diag(t, "Waiting up to %u s for guest '%s' to print its readiness marker",
             timeout_s, virDomainGetName(dom));
    ok = tck_guest_ready_wait(dom, timeout_s * 1000, diag, &err);
    lines = g_strsplit(diag->str, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        if (*lines[i])
            tck_diag(t, "%s", lines[i]);
    }
    return ok;
}
