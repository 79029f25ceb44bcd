/*
 * guest-ready.c — proof that a guest really runs: wait for its
 * "TCK-GUEST-READY <token>" marker in the log named by its <tck:guest>
 * metadata or on its console (virDomainOpenConsole, for remote URIs), and
 * say what was seen when it does not come.
 */
#include <config.h>

#include <string.h>
#include <libvirt/virterror.h>

#include <tck/error.h>
#include <tck/guest.h>
#include "guest-ready.h"
#include "test-private.h"
#include "xpath.h"
#include "virt-util.h"

#define MARKER "TCK-GUEST-READY "
#define DISKS_MARKER "TCK-GUEST-DISKS "
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
    g_autofree char *mine = g_strconcat(MARKER, token, NULL);
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
    if (strstr(text, MARKER) && !guest_marker_found(data, len, mine))
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

/*
 * The console, read by a thread of its own: a stream's receive blocks,
 * and the wait must keep its deadline and watch the domain's state.
 */
typedef struct {
    virStreamPtr st;
    GThread *thread;
    GMutex lock;
    GString *data;
    gboolean done;
    char *error;
} ConsoleReader;

static gpointer
console_reader_run(gpointer opaque)
{
    ConsoleReader *r = opaque;
    char buf[4096];

    for (;;) {
        int n = virStreamRecv(r->st, buf, sizeof(buf));

        g_mutex_lock(&r->lock);
        if (n > 0) {
            g_string_append_len(r->data, buf, n);
            g_mutex_unlock(&r->lock);
            continue;
        }
        r->done = TRUE;
        if (n < 0)
            r->error = g_strdup(virGetLastErrorMessage());
        g_mutex_unlock(&r->lock);
        return NULL;
    }
}

static ConsoleReader *
console_reader_open(virDomainPtr dom, GError **error)
{
    g_autofree ConsoleReader *r = g_new0(ConsoleReader, 1);

    if (!(r->st = virStreamNew(virDomainGetConnect(dom), 0))) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot make a stream for the console of '%s': %s",
                    virDomainGetName(dom), virGetLastErrorMessage());
        return NULL;
    }
    if (virDomainOpenConsole(dom, NULL, r->st, 0) < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_LIBVIRT, "cannot open the console of '%s': %s",
                    virDomainGetName(dom), virGetLastErrorMessage());
        virStreamFree(r->st);
        return NULL;
    }
    g_mutex_init(&r->lock);
    r->data = g_string_new(NULL);
    r->thread = g_thread_new("tck-console", console_reader_run, r);
    return g_steal_pointer(&r);
}

/* A copy of what the console printed so far. */
static char *
console_reader_peek(ConsoleReader *r, gsize *len)
{
    char *copy;

    g_mutex_lock(&r->lock);
    copy = g_memdup2(r->data->str, r->data->len + 1);
    *len = r->data->len;
    g_mutex_unlock(&r->lock);
    return copy;
}

static void
console_reader_close(ConsoleReader *r)
{
    if (!r)
        return;
    /* Ending the stream wakes the reader's receive. */
    virStreamAbort(r->st);
    g_thread_join(r->thread);
    virStreamFree(r->st);
    g_string_free(r->data, TRUE);
    g_free(r->error);
    g_mutex_clear(&r->lock);
    g_free(r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ConsoleReader, console_reader_close)

/*
 * A console recorder: everything a domain's console printed, over as many
 * streams as it takes.  A stream ends when the guest goes down; libxl's
 * reboot makes a new domain (a new id) whose console is a new one, QEMU's
 * keeps the domain and the stream.  While the domain is active again, the
 * console is opened again and what it prints is appended.
 */
typedef struct {
    virDomainPtr dom;            /* a reference of our own */
    char uuid[VIR_UUID_STRING_BUFLEN];
    ConsoleReader *reader;       /* the open stream; NULL between two */
    int id;                      /* the domain's id when @reader opened */
    GString *past;               /* what the streams before @reader printed */
    guint streams;               /* how many were opened */
    char *ended;                 /* why the last stream ended or could not open */
    gint64 next_look;            /* when to look at the domain again */
    gint64 born;
    GString *history;            /* a line per stream opened or ended, for diagnostics */
} ConsoleRecorder;

#define REOPEN_EVERY_MS 500
#define SETTLE_MS 3000

void
tck_guest_text_append_stream(GString *past, const char *data, gsize len)
{
    g_string_append_len(past, data, len);
    /* a line cut by the stream's end must not glue to the next stream's first */
    if (past->len && past->str[past->len - 1] != '\n')
        g_string_append_c(past, '\n');
}

/* @dom's id as the driver says it now: a virDomainPtr keeps the id it was looked up with. */
static int
domain_fresh_id(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr cur;
    int id;

    virDomainGetUUIDString(dom, uuid);
    if (!(cur = virDomainLookupByUUIDString(virDomainGetConnect(dom), uuid)))
        return (int) virDomainGetID(dom);
    id = (int) virDomainGetID(cur);
    virDomainFree(cur);
    return id;
}

static gboolean
recorder_try_open(ConsoleRecorder *rec, virDomainPtr dom, GError **error)
{
    g_autoptr(GError) local = NULL;

    if (!(rec->reader = console_reader_open(dom, &local))) {
        g_free(rec->ended);
        rec->ended = g_strdup(local->message);
        if (error)
            *error = g_steal_pointer(&local);
        return FALSE;
    }
    rec->id = domain_fresh_id(dom);
    rec->streams++;
    g_string_append_printf(rec->history, "console stream %u of %s opened on domain id %d at %.1f s\n",
                           rec->streams, virDomainGetName(dom), rec->id,
                           (double) (g_get_monotonic_time() - rec->born) / G_USEC_PER_SEC);
    return TRUE;
}

/* Moves what the open stream printed into @past and closes it. */
static void
recorder_end_stream(ConsoleRecorder *rec, const char *why)
{
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!rec->reader)
        return;
    data = console_reader_peek(rec->reader, &len);
    tck_guest_text_append_stream(rec->past, data, len);
    g_free(rec->ended);
    rec->ended = g_strdup_printf("stream %u %s", rec->streams,
                                 rec->reader->error ? rec->reader->error : why);
    g_string_append_printf(rec->history, "console %s at %.1f s (%" G_GSIZE_FORMAT " bytes)\n", rec->ended,
                           (double) (g_get_monotonic_time() - rec->born) / G_USEC_PER_SEC, len);
    g_clear_pointer(&rec->reader, console_reader_close);
}

static ConsoleRecorder *
recorder_new(virDomainPtr dom)
{
    ConsoleRecorder *rec = g_new0(ConsoleRecorder, 1);

    virDomainRef(dom);
    rec->dom = dom;
    virDomainGetUUIDString(dom, rec->uuid);
    rec->past = g_string_new(NULL);
    rec->history = g_string_new(NULL);
    rec->born = g_get_monotonic_time();
    return rec;
}

static void
recorder_free(ConsoleRecorder *rec)
{
    if (!rec)
        return;
    g_clear_pointer(&rec->reader, console_reader_close);
    virDomainFree(rec->dom);
    g_string_free(rec->past, TRUE);
    g_string_free(rec->history, TRUE);
    g_free(rec->ended);
    g_free(rec);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ConsoleRecorder, recorder_free)

/* A recorder whose first stream is open, or NULL with @error set. */
static ConsoleRecorder *
recorder_start(virDomainPtr dom, GError **error)
{
    g_autoptr(ConsoleRecorder) rec = recorder_new(dom);

    if (!recorder_try_open(rec, dom, error))
        return NULL;
    rec->next_look = g_get_monotonic_time() + REOPEN_EVERY_MS * 1000;
    return g_steal_pointer(&rec);
}

/*
 * Keeps the recording going: ends a stream that ended or whose domain was
 * made anew, and opens the console again (at most every REOPEN_EVERY_MS)
 * while the domain is active.
 */
static void
recorder_poll(ConsoleRecorder *rec)
{
    gint64 now = g_get_monotonic_time();
    virDomainPtr cur;
    gboolean done;

    if (rec->reader) {
        g_mutex_lock(&rec->reader->lock);
        done = rec->reader->done;
        g_mutex_unlock(&rec->reader->lock);
        if (done)
            recorder_end_stream(rec, "ended");
    }
    if (now < rec->next_look)
        return;
    rec->next_look = now + REOPEN_EVERY_MS * 1000;
    /* a fresh look, for the fresh id */
    if (!(cur = virDomainLookupByUUIDString(virDomainGetConnect(rec->dom), rec->uuid)))
        return;
    if (virDomainIsActive(cur) == 1) {
        if (rec->reader && (int) virDomainGetID(cur) != rec->id)
            recorder_end_stream(rec, "ended with the domain's id (a new domain)");
        if (!rec->reader)
            recorder_try_open(rec, cur, NULL);
    }
    virDomainFree(cur);
}

/* Everything recorded so far (never NULL). */
static char *
recorder_text(ConsoleRecorder *rec, gsize *len)
{
    g_autoptr(GString) all = g_string_new_len(rec->past->str, rec->past->len);

    if (rec->reader) {
        g_autofree char *data = NULL;
        gsize n = 0;

        data = console_reader_peek(rec->reader, &n);
        g_string_append_len(all, data, n);
    }
    *len = all->len;
    return g_string_free(g_steal_pointer(&all), FALSE);
}

/*
 * A guest's last words travel the stream after its domain stopped: on a
 * domain that is no longer active, gives the open stream SETTLE_MS to end.
 */
static void
recorder_settle(ConsoleRecorder *rec)
{
    gint64 deadline = g_get_monotonic_time() + SETTLE_MS * 1000;

    recorder_poll(rec);
    if (!rec->reader || virDomainIsActive(rec->dom) == 1)
        return;
    while (rec->reader && g_get_monotonic_time() < deadline) {
        g_usleep(POLL_MS * 1000);
        recorder_poll(rec);
    }
}

/* Where a wait reads what the guest printed. */
typedef struct {
    const char *log;              /* the local log, when @recorder is NULL */
    ConsoleRecorder *recorder;
    const char *where;            /* for diagnostics */
    gsize from;                   /* what came before this offset does not count */
} GuestFeed;

/* What the guest printed, NULL when the log does not exist. */
static char *
guest_feed_read(GuestFeed *feed, gsize *len)
{
    char *data = NULL;

    *len = 0;
    if (feed->recorder) {
        recorder_poll(feed->recorder);
        data = recorder_text(feed->recorder, len);
    } else if (!g_file_get_contents(feed->log, &data, len, NULL)) {
        return NULL;
    }
    if (feed->from > 0) {
        gsize from = MIN(feed->from, *len);

        memmove(data, data + from, *len - from + 1);
        *len -= from;
    }
    return data;
}

/* What the diagnostics say of the console's streams. */
static void
guest_feed_describe(GString *diag, GuestFeed *feed)
{
    ConsoleRecorder *rec = feed->recorder;

    if (!rec)
        return;
    g_string_append_printf(diag, "%u console stream%s opened on %s%s%s\n", rec->streams,
                           rec->streams == 1 ? "" : "s", virDomainGetName(rec->dom),
                           rec->ended ? "; last: " : "", rec->ended ? rec->ended : "");
}

/* What a wait looks for in what the guest printed. */
typedef gboolean (*GuestMatch)(const char *data, gsize len, const char *want);

static gboolean
guest_match_marker(const char *data, gsize len, const char *marker)
{
    return guest_marker_found(data, len, marker);
}

/* A "TCK-GUEST-DISKS ..." line that lists @disk. */
static gboolean
guest_match_disk(const char *data, gsize len, const char *disk)
{
    g_autofree char *text = g_strndup(data, len);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

    for (guint i = 0; lines[i]; i++) {
        const char *p = strstr(lines[i], DISKS_MARKER);
        g_auto(GStrv) words = NULL;

        if (!p)
            continue;
        words = g_strsplit_set(g_strstrip(lines[i] + (p - lines[i]) + strlen(DISKS_MARKER)), " \t\r", -1);
        if (g_strv_contains((const char *const *) words, disk))
            return TRUE;
    }
    return FALSE;
}

/*
 * Waits until @match finds @want (the marker with the guest's token when
 * NULL) in what the guest printed on @feed.
 */
static gboolean
guest_wait(virDomainPtr dom, const GuestMeta *meta, GuestFeed *feed, guint timeout_ms, GuestMatch match,
           const char *want, GString *diag, GError **error)
{
    g_autofree char *marker = NULL;
    g_autofree char *stopped = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;
    gint64 start = g_get_monotonic_time();
    gint64 deadline = start + (gint64) timeout_ms * 1000;
    gint64 next_state = start;

    marker = want ? g_strdup_printf(DISKS_MARKER "... %s", want) : g_strconcat(MARKER, meta->token, NULL);
    for (;;) {
        gint64 now;

        g_clear_pointer(&data, g_free);
        data = guest_feed_read(feed, &len);
        if (data && match(data, len, want ? want : marker)) {
            g_string_append_printf(diag, "'%s' appeared in %s after %.1f s\n", marker, feed->where,
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
        g_string_append_printf(diag, "no '%s' in %s within %.1f s\n", marker, feed->where, timeout_ms / 1000.0);
        g_set_error(error, TCK_ERROR, TCK_ERROR_FAILED, "guest '%s' did not print '%s' within %.1f s",
                    virDomainGetName(dom), marker, timeout_ms / 1000.0);
    }
    guest_feed_describe(diag, feed);
    guest_describe_log(diag, feed->where, data, len, meta->token);
    return FALSE;
}

/*
 * The wait of tck_guest_ready_wait_from() and tck_guest_disk_wait_from():
 * the console is a recorder of the wait's own, closed when it ends.
 */
static gboolean
guest_wait_from(virDomainPtr dom, TckGuestSource source, guint timeout_ms, GuestMatch match, const char *want,
                GString *diag, GError **error)
{
    g_auto(GuestMeta) meta = { 0 };
    g_autoptr(ConsoleRecorder) rec = NULL;
    g_autofree char *where = NULL;
    GuestFeed feed = { 0 };

    if (!guest_meta_read(dom, &meta, error)) {
        g_string_append_printf(diag, "%s\n", (*error)->message);
        return FALSE;
    }
    if (source == TCK_GUEST_SOURCE_CONSOLE) {
        if (!(rec = recorder_start(dom, error))) {
            g_string_append_printf(diag, "%s\n", (*error)->message);
            return FALSE;
        }
        where = g_strdup_printf("the console of %s", virDomainGetName(dom));
    } else {
        where = g_strdup(meta.log);
    }
    feed = (GuestFeed) { .log = meta.log, .recorder = rec, .where = where };
    return guest_wait(dom, &meta, &feed, timeout_ms, match, want, diag, error);
}

gboolean
tck_guest_ready_wait_from(virDomainPtr dom, TckGuestSource source, guint timeout_ms, GString *diag,
                          GError **error)
{
    return guest_wait_from(dom, source, timeout_ms, guest_match_marker, NULL, diag, error);
}

gboolean
tck_guest_disk_wait_from(virDomainPtr dom, TckGuestSource source, const char *disk, guint timeout_ms,
                         GString *diag, GError **error)
{
    return guest_wait_from(dom, source, timeout_ms, guest_match_disk, disk, diag, error);
}

gboolean
tck_guest_ready_wait(virDomainPtr dom, guint timeout_ms, GString *diag, GError **error)
{
    return tck_guest_ready_wait_from(dom, TCK_GUEST_SOURCE_LOG, timeout_ms, diag, error);
}

/*
 * Whether the plan's guests leave their output in a file here: a serial
 * log (QEMU's, the "file" console), or a container's shared output
 * directory.  A pty console alone (Xen PV on xen:///system) has no log:
 * its guest is read through the console even on a local URI.
 */
static gboolean
guest_plan_writes_log(const TckGuestPlan *plan)
{
    return g_strcmp0(plan->console_type, "file") == 0 || plan->boot == TCK_BOOT_CONTAINER;
}

/*
 * The marker is read from the local log where libvirt runs on this
 * machine and the plan's guests write one (the fast path), through the
 * console otherwise; the config key
 * guest_console ("log" or "console") decides for every URI.
 */
static TckGuestSource
guest_source_for(TckTest *t)
{
    const char *forced = tck_config_get_string(tck_test_config(t), "guest_console");

    if (forced && g_str_equal(forced, "console"))
        return TCK_GUEST_SOURCE_CONSOLE;
    if (forced && g_str_equal(forced, "log"))
        return TCK_GUEST_SOURCE_LOG;
    if (tck_virt_uri_is_remote(tck_test_uri(t)))
        return TCK_GUEST_SOURCE_CONSOLE;
    if (!guest_plan_writes_log(tck_test_plan(t)))
        return TCK_GUEST_SOURCE_CONSOLE;
    return TCK_GUEST_SOURCE_LOG;
}

/* ---- the test's console recorders ------------------------------------ */

/*
 * Each domain's recorder is the test's data under a key naming the
 * connection and the UUID (a migrated guest keeps its UUID on another
 * connection); tck_test_free() closes them before the connections.
 */
static char *
recorder_key(virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";

    virDomainGetUUIDString(dom, uuid);
    return g_strdup_printf("guest-console:%p:%s", (void *) virDomainGetConnect(dom), uuid);
}

static ConsoleRecorder *
test_recorder(TckTest *t, virDomainPtr dom)
{
    g_autofree char *key = recorder_key(dom);

    return tck_test_get_data(t, key);
}

static void
test_recorder_keep(TckTest *t, virDomainPtr dom, ConsoleRecorder *rec)
{
    g_autofree char *key = recorder_key(dom);

    tck_test_set_data(t, key, rec, (GDestroyNotify) recorder_free);
}

/* Closes @dom's recorder, if any: a second virDomainOpenConsole() is refused while it is open. */
static void
test_recorder_release(TckTest *t, virDomainPtr dom)
{
    if (test_recorder(t, dom))
        test_recorder_keep(t, dom, NULL);
}

/* Prints @diag's lines as TAP diagnostics. */
static void
guest_ready_diag(TckTest *t, GString *diag)
{
    g_auto(GStrv) lines = g_strsplit(diag->str, "\n", -1);

    for (guint i = 0; lines[i]; i++) {
        if (*lines[i])
            tck_diag(t, "%s", lines[i]);
    }
}

/*
 * A wait of the test's own, on its source: through the console, with the
 * domain's recorder (started here when there is none, and kept).  The
 * readiness wait counts only what comes after it began, as a console just
 * opened would; the disk wait reads everything, as it does the log.
 */
static gboolean
test_guest_wait(TckTest *t, virDomainPtr dom, guint timeout_ms, GuestMatch match, const char *want,
                GString *diag)
{
    g_auto(GuestMeta) meta = { 0 };
    g_autoptr(GError) error = NULL;
    g_autofree char *where = NULL;
    GuestFeed feed = { 0 };
    ConsoleRecorder *rec;

    if (guest_source_for(t) == TCK_GUEST_SOURCE_LOG)
        return guest_wait_from(dom, TCK_GUEST_SOURCE_LOG, timeout_ms, match, want, diag, &error);
    if (!guest_meta_read(dom, &meta, &error)) {
        g_string_append_printf(diag, "%s\n", error->message);
        return FALSE;
    }
    if (!(rec = test_recorder(t, dom))) {
        if (!(rec = recorder_start(dom, &error))) {
            g_string_append_printf(diag, "%s\n", error->message);
            return FALSE;
        }
        test_recorder_keep(t, dom, rec);
    }
    where = g_strdup_printf("the console of %s", virDomainGetName(dom));
    feed = (GuestFeed) { .recorder = rec, .where = where };
    if (!want) {
        gsize now = 0;

        g_free(guest_feed_read(&feed, &now));
        feed.from = now;
    }
    return guest_wait(dom, &meta, &feed, timeout_ms, match, want, diag, &error);
}

gboolean
tck_wait_guest_console(TckTest *t, virDomainPtr dom, guint timeout_s)
{
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    gboolean ok;

    test_recorder_release(t, dom);
    tck_diag(t, "Reading the console of guest '%s' for up to %u s for its readiness marker",
             virDomainGetName(dom), timeout_s);
    ok = tck_guest_ready_wait_from(dom, TCK_GUEST_SOURCE_CONSOLE, timeout_s * 1000, diag, &err);
    guest_ready_diag(t, diag);
    return ok;
}

gboolean
tck_wait_guest_disk(TckTest *t, virDomainPtr dom, const char *disk, guint timeout_s)
{
    g_autoptr(GString) diag = g_string_new(NULL);
    gboolean ok;

    tck_diag(t, "Waiting up to %u s for guest '%s' to list disk %s", timeout_s, virDomainGetName(dom), disk);
    ok = test_guest_wait(t, dom, timeout_s * 1000, guest_match_disk, disk, diag);
    guest_ready_diag(t, diag);
    return ok;
}

gboolean
tck_wait_guest_ready(TckTest *t, virDomainPtr dom, guint timeout_s)
{
    g_autoptr(GString) diag = g_string_new(NULL);
    gboolean ok;

    tck_diag(t, "Waiting up to %u s for guest '%s' to print its readiness marker%s",
             timeout_s, virDomainGetName(dom),
             guest_source_for(t) == TCK_GUEST_SOURCE_CONSOLE ? " on its console" : "");
    ok = test_guest_wait(t, dom, timeout_s * 1000, guest_match_marker, NULL, diag);
    guest_ready_diag(t, diag);
    return ok;
}

char *
tck_guest_console_capture(TckTest *t, virDomainPtr dom, guint ms, GError **error)
{
    ConsoleReader *r;
    char *text;
    gsize len;

    test_recorder_release(t, dom);
    if (!(r = console_reader_open(dom, error)))
        return NULL;
    g_usleep((gulong) ms * 1000);
    text = console_reader_peek(r, &len);
    console_reader_close(r);
    return text;
}

/* ---- the other markers of the generic guest ------------------------ */

GStrv
tck_guest_marker_rests(const char *data, gsize len, const char *word, const char *token)
{
    g_autofree char *text = g_strndup(data, len);
    g_autofree char *head = g_strdup_printf("%s %s", word, token);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_autoptr(GStrvBuilder) rests = g_strv_builder_new();
    gsize hlen = strlen(head);

    for (guint i = 0; lines[i]; i++) {
        char *line = g_strstrip(lines[i]);
        /* A console may glue other output before the marker: look inside the line. */
        char *at = strstr(line, head);

        if (!at || (at[hlen] && !g_ascii_isspace(at[hlen])))
            continue;
        g_strv_builder_add(rests, g_strstrip(at + hlen));
    }
    return g_strv_builder_end(rests);
}

/* TRUE when a READY line of @token is in @data. */
static gboolean
guest_text_has_ready(const char *data, gsize len, const char *token)
{
    g_auto(GStrv) rests = tck_guest_marker_rests(data, len, TCK_GUEST_READY, token);

    return rests[0] != NULL;
}

#define CURRENT_BOOT_MS 12000

/*
 * The console feed of the marker functions: the domain's recorder, made
 * (and kept) when there is none.  A running domain's new recorder is given
 * CURRENT_BOOT_MS to hear a READY line (the guest repeats it every 5 s), so
 * that the boot that runs now is among what was seen before a later wait.
 */
static ConsoleRecorder *
test_marker_recorder(TckTest *t, virDomainPtr dom, const GuestMeta *meta)
{
    ConsoleRecorder *rec = test_recorder(t, dom);
    gint64 deadline;
    gsize len = 0;

    if (rec)
        return rec;
    rec = recorder_new(dom);
    test_recorder_keep(t, dom, rec);
    if (virDomainIsActive(dom) != 1)
        return rec;     /* opened by the next poll that finds it active */
    deadline = g_get_monotonic_time() + CURRENT_BOOT_MS * 1000;
    tck_diag(t, "Listening on the console of %s for up to %d s for the current boot's marker",
             virDomainGetName(dom), CURRENT_BOOT_MS / 1000);
    for (;;) {
        g_autofree char *data = NULL;

        recorder_poll(rec);
        data = recorder_text(rec, &len);
        if (guest_text_has_ready(data, len, meta->token))
            return rec;
        if (g_get_monotonic_time() >= deadline)
            break;
        g_usleep(POLL_MS * 1000);
    }
    tck_diag(t, "no '%s %s' on the console of %s within %d s (%u stream%s opened%s%s)", TCK_GUEST_READY,
             meta->token, virDomainGetName(dom), CURRENT_BOOT_MS / 1000, rec->streams,
             rec->streams == 1 ? "" : "s", rec->ended ? "; last: " : "", rec->ended ? rec->ended : "");
    return rec;
}

/* The streams @rec opened and saw end since its history was @from long. */
static void
recorder_history_diag(TckTest *t, ConsoleRecorder *rec, gsize from)
{
    g_autoptr(GString) diag = NULL;

    if (!rec || rec->history->len <= from)
        return;
    diag = g_string_new(rec->history->str + from);
    guest_ready_diag(t, diag);
}

GStrv
tck_guest_markers(TckTest *t, virDomainPtr dom, const char *word)
{
    g_auto(GuestMeta) meta = { 0 };
    g_autoptr(GError) error = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!guest_meta_read(dom, &meta, &error))
        tck_bail_out(t, "%s", error->message);
    if (guest_source_for(t) == TCK_GUEST_SOURCE_CONSOLE) {
        ConsoleRecorder *rec = test_marker_recorder(t, dom, &meta);

        recorder_settle(rec);
        data = recorder_text(rec, &len);
    } else if (!g_file_get_contents(meta.log, &data, &len, NULL)) {
        return g_new0(char *, 1);
    }
    return tck_guest_marker_rests(data, len, word, meta.token);
}

char *
tck_wait_guest_marker(TckTest *t, virDomainPtr dom, const char *word, const char *const *seen,
                      guint timeout_s)
{
    g_auto(GuestMeta) meta = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) diag = g_string_new(NULL);
    g_autofree char *data = NULL;
    g_autofree char *where = NULL;
    GuestFeed feed = { 0 };
    gsize len = 0, history_from;
    gint64 start = g_get_monotonic_time();
    gint64 deadline = start + (gint64) timeout_s * G_USEC_PER_SEC;

    if (!guest_meta_read(dom, &meta, &error))
        tck_bail_out(t, "%s", error->message);
    if (guest_source_for(t) == TCK_GUEST_SOURCE_CONSOLE) {
        feed.recorder = test_marker_recorder(t, dom, &meta);
        where = g_strdup_printf("the console of %s", virDomainGetName(dom));
    } else {
        feed.log = meta.log;
        where = g_strdup(meta.log);
    }
    feed.where = where;
    history_from = feed.recorder ? feed.recorder->history->len : 0;
    tck_diag(t, "Waiting up to %u s for '%s %s' in %s", timeout_s, word, meta.token, where);
    for (;;) {
        g_clear_pointer(&data, g_free);
        if ((data = guest_feed_read(&feed, &len))) {
            g_auto(GStrv) rests = tck_guest_marker_rests(data, len, word, meta.token);

            for (guint i = 0; rests[i]; i++) {
                if (!seen || !g_strv_contains(seen, rests[i])) {
                    recorder_history_diag(t, feed.recorder, history_from);
                    tck_diag(t, "'%s %s %s' appeared in %s after %.1f s", word, meta.token, rests[i], where,
                             (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC);
                    return g_strdup(rests[i]);
                }
            }
        }
        if (g_get_monotonic_time() >= deadline)
            break;
        g_usleep(POLL_MS * 1000);
    }
    recorder_history_diag(t, feed.recorder, history_from);
    g_string_append_printf(diag, "no new '%s %s' in %s within %u s\n", word, meta.token, where, timeout_s);
    guest_feed_describe(diag, &feed);
    guest_describe_log(diag, where, data, len, meta.token);
    guest_ready_diag(t, diag);
    return NULL;
}
