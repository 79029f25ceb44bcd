/* download.c — fetching a file into the cache with libcurl: streamed to a
 * .part file, resumed (or restarted when the server has no Range support),
 * retried with backoff, bounded by connect and low-speed timeouts,
 * conditional on --refresh, and SHA-256-verified (hashed on a second
 * thread as it arrives) before anything is stored.  A body is cut off at
 * its declared size (or the size cap when none is declared), and the
 * whole fetch, retries included, has one deadline. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <curl/curl.h>
#include <glib/gstdio.h>

#include "prepare.h"
#include <tck/error.h>
#include "fs-util.h"

#define CHUNK (1 << 20)
#define MAX_QUEUED 8            /* chunks in flight to the hasher: bounds memory */
/* libcurl's clock and ours differ a little: a timeout this close to the
 * deadline is the deadline's */
#define DEADLINE_SLACK_US (250 * 1000)

void
tck_download_result_clear(TckDownloadResult *r)
{
    g_clear_pointer(&r->path, g_free);
    g_clear_pointer(&r->sha256, g_free);
    g_clear_pointer(&r->etag, g_free);
    g_clear_pointer(&r->last_modified, g_free);
    r->size = 0;
    r->not_modified = FALSE;
}

typedef struct {
    int fd;
    const char *path;
    guint8 *buf;
    gsize buf_len;
    guint64 offset;            /* bytes already in the file when this attempt began */
    guint64 received;          /* bytes this attempt */
    int write_errno;
    char *etag;
    char *last_modified;
    GAsyncQueue *queue;
    GThread *hasher;
    TckSha256 *sha;
    TckProgress *pr;
    guint64 max_size;          /* the whole file, offset included, may not pass this */
    gboolean too_big;          /* on_write stopped the body at max_size */
} Transfer;

static char end_marker_storage;
#define END_MARKER ((gpointer)&end_marker_storage)

static gpointer
hasher_main(gpointer data)
{
    Transfer *t = data;

    for (;;) {
        gpointer item = g_async_queue_pop(t->queue);
        GBytes *b = item;
        gsize len;
        const void *p;
        if (item == END_MARKER)
            break;
        p = g_bytes_get_data(b, &len);
        tck_sha256_update(t->sha, p, len);
        g_bytes_unref(b);
    }
    return NULL;
}

static gboolean
flush_chunk(Transfer *t)
{
    if (t->buf_len == 0)
        return TRUE;
    if (!tck_fs_write_all(t->fd, t->buf, t->buf_len, NULL, NULL)) {
        t->write_errno = errno;
        return FALSE;
    }
    while (g_async_queue_length(t->queue) > MAX_QUEUED)
        g_usleep(200);
    g_async_queue_push(t->queue, g_bytes_new_take(t->buf, t->buf_len));
    t->buf = g_malloc(CHUNK);
    t->buf_len = 0;
    return TRUE;
}

static size_t
on_write(char *data, size_t size, size_t nmemb, void *user)
{
    Transfer *t = user;
    size_t len = size * nmemb, taken = 0;

    if (t->write_errno || t->too_big)
        return 0;
    if (t->offset + t->received + len > t->max_size) {
        t->too_big = TRUE;
        return 0;
    }
    while (taken < len) {
        size_t n = MIN(len - taken, CHUNK - t->buf_len);
        memcpy(t->buf + t->buf_len, data + taken, n);
        t->buf_len += n;
        taken += n;
        if (t->buf_len == CHUNK && !flush_chunk(t))
            return 0;
    }
    t->received += len;
    return len;
}

static char *
header_value(const char *line, gsize len, const char *name)
{
    gsize n = strlen(name);

    if (len <= n || g_ascii_strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    return g_strstrip(g_strndup(line + n + 1, len - n - 1));
}

static size_t
on_header(char *data, size_t size, size_t nmemb, void *user)
{
    Transfer *t = user;
    size_t len = size * nmemb;
    char *v;

    if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
        /* a new response (after a redirect): forget the last one's validators */
        g_clear_pointer(&t->etag, g_free);
        g_clear_pointer(&t->last_modified, g_free);
    } else if ((v = header_value(data, len, "ETag"))) {
        g_free(t->etag);
        t->etag = v;
    } else if ((v = header_value(data, len, "Last-Modified"))) {
        g_free(t->last_modified);
        t->last_modified = v;
    }
    return len;
}

static int
on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
    Transfer *t = user;

    /* libcurl's total excludes the resume offset */
    if (dltotal > 0)
        tck_progress_set_total(t->pr, t->offset + dltotal);
    tck_progress_update(t->pr, t->offset + dlnow);
    return 0;
}

static void
set_write_error(GError **error, int err, const char *path)
{
    tck_asset_set_errno(error, err, "write", path);
}

/* What one libcurl attempt ended with. */
typedef enum {
    ATTEMPT_DONE,
    ATTEMPT_NOT_MODIFIED,
    ATTEMPT_RESTART,            /* no Range support: start again from 0 */
    ATTEMPT_RETRY,              /* transient: retry (resuming) after a backoff */
    ATTEMPT_GIVE_UP,            /* past the deadline: keep the .part for the next run */
    ATTEMPT_FATAL,
} Attempt;

static gboolean
transient_http(long code)
{
    return code == 408 || code == 429 || code >= 500;
}

static Attempt
attempt(const TckDownloadLimits *limits, const TckDownloadRequest *req, Transfer *t,
        gboolean conditional, gint64 deadline_us, GError **error)
{
    gint64 left_ms = (deadline_us - g_get_monotonic_time()) / 1000;
    CURL *curl = curl_easy_init();
    struct curl_slist *headers = NULL;
    char errbuf[CURL_ERROR_SIZE] = "";
    const char *max_rate = g_getenv("TCK_PREPARE_MAX_RATE");
    CURLcode rc;
    long code = 0;
    Attempt outcome;

    curl_easy_setopt(curl, CURLOPT_URL, req->url);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(curl, CURLOPT_FILETIME, 1L);
    curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, 512L * 1024);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "libvirt-tck-prepare/" PACKAGE_VERSION);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, limits->connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, limits->low_speed_limit);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, limits->low_speed_time_s);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    /* proxies: libcurl reads http_proxy, https_proxy and no_proxy itself */
    if (max_rate && *max_rate)
        curl_easy_setopt(curl, CURLOPT_MAX_RECV_SPEED_LARGE,
                         (curl_off_t)g_ascii_strtoull(max_rate, NULL, 10));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)MAX(left_ms, 1));
    if (t->offset > 0)
        curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)t->offset);
    if (conditional && req->etag) {
        g_autofree char *h = g_strdup_printf("If-None-Match: %s", req->etag);
        headers = curl_slist_append(headers, h);
    }
    if (conditional && req->last_modified) {
        time_t when = curl_getdate(req->last_modified, NULL);
        if (when > 0) {
            curl_easy_setopt(curl, CURLOPT_TIMECONDITION, (long)CURL_TIMECOND_IFMODSINCE);
            curl_easy_setopt(curl, CURLOPT_TIMEVALUE_LARGE, (curl_off_t)when);
        }
    }
    if (headers)
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);

    if (rc == CURLE_OK) {
        long unmet = 0;
        curl_easy_getinfo(curl, CURLINFO_CONDITION_UNMET, &unmet);
        outcome = code == 304 || unmet ? ATTEMPT_NOT_MODIFIED : ATTEMPT_DONE;
        if (outcome == ATTEMPT_NOT_MODIFIED && !conditional) {
            /* nothing cached to be "not modified": a broken or hostile server */
            g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD,
                        "cannot download %s: the server answered 304 Not Modified to a request "
                        "that was not conditional", req->display);
            outcome = ATTEMPT_FATAL;
        }
        if (outcome == ATTEMPT_DONE) {
            curl_off_t ft = -1;
            curl_easy_getinfo(curl, CURLINFO_FILETIME_T, &ft);
            if (ft > 0 && !t->last_modified) {
                g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(ft);
                t->last_modified = g_date_time_format(dt, "%a, %d %b %Y %H:%M:%S GMT");
            }
        }
    } else if (rc == CURLE_WRITE_ERROR && t->too_big) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD,
                    "cannot download %s: the server sent more than the %s %" G_GUINT64_FORMAT
                    " bytes; stopped there", req->display, req->size ? "declared" : "maximum",
                    t->max_size);
        outcome = ATTEMPT_FATAL;
    } else if (rc == CURLE_OPERATION_TIMEDOUT && g_get_monotonic_time() >= deadline_us - DEADLINE_SLACK_US) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD,
                    "cannot download %s: not done within the %ld s deadline "
                    "(TCK_PREPARE_DEADLINE); the next prepare resumes it", req->display,
                    limits->deadline_s);
        outcome = ATTEMPT_GIVE_UP;
    } else if (rc == CURLE_WRITE_ERROR && t->write_errno) {
        set_write_error(error, t->write_errno, t->path);
        outcome = ATTEMPT_FATAL;
    } else if (rc == CURLE_RANGE_ERROR || (rc == CURLE_HTTP_RETURNED_ERROR && code == 416)) {
        outcome = ATTEMPT_RESTART;
    } else if (rc == CURLE_HTTP_RETURNED_ERROR && !transient_http(code)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD, "cannot download %s: HTTP %ld",
                    req->display, code);
        outcome = ATTEMPT_FATAL;
    } else if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT ||
               rc == CURLE_FILE_COULDNT_READ_FILE || rc == CURLE_REMOTE_FILE_NOT_FOUND) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD, "cannot download %s: %s", req->display,
                    *errbuf ? errbuf : curl_easy_strerror(rc));
        outcome = ATTEMPT_FATAL;
    } else {
        g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD, "cannot download %s: %s", req->display,
                    *errbuf ? errbuf : curl_easy_strerror(rc));
        outcome = ATTEMPT_RETRY;
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return outcome;
}

/* partial/<key>.meta remembers which URL a .part file belongs to. */
static gboolean
part_matches(const char *meta, const char *url)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autofree char *have = NULL;

    if (!g_key_file_load_from_file(kf, meta, G_KEY_FILE_NONE, NULL))
        return FALSE;
    have = g_key_file_get_string(kf, "part", "url", NULL);
    return g_strcmp0(have, url) == 0;
}

static gboolean
part_meta_write(const char *meta, const char *url, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();

    g_key_file_set_string(kf, "part", "url", url);
    if (!g_key_file_save_to_file(kf, meta, NULL)) {
        tck_asset_set_errno(error, errno, "write", meta);
        return FALSE;
    }
    return TRUE;
}

static void
part_remove(const char *part, const char *meta)
{
    g_unlink(part);
    g_unlink(meta);
}

gboolean
tck_download_fetch(TckAssetCache *cache, const TckDownloadLimits *limits, TckProgress *pr,
                   const TckDownloadRequest *req, TckDownloadResult *res, GError **error)
{
    g_autofree char *key = g_compute_checksum_for_string(G_CHECKSUM_SHA256, req->url, -1);
    g_autofree char *part = g_strdup_printf("%s/partial/%s.part", tck_asset_cache_dir(cache), key);
    g_autofree char *meta = g_strdup_printf("%s/partial/%s.meta", tck_asset_cache_dir(cache), key);
    guint delay = limits->retry_delay_ms;
    guint tries = 0;
    gboolean restarted = FALSE, rehashed = FALSE;
    gint64 deadline_us = g_get_monotonic_time() + (gint64)limits->deadline_s * G_USEC_PER_SEC;

    if (!part_matches(meta, req->display))
        part_remove(part, meta);
    if (!part_meta_write(meta, req->display, error))
        return FALSE;

    for (;;) {
        g_autoptr(GError) local = NULL;
        Transfer t = { .path = part, .pr = pr, .max_size = req->size ? req->size : limits->max_size };
        struct stat st;
        Attempt outcome;
        g_autofree char *sha = NULL;
        gboolean conditional = req->etag || req->last_modified;

        t.fd = open(part, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (t.fd < 0 || fstat(t.fd, &st) < 0) {
            tck_asset_set_errno(error, errno, "create", part);
            if (t.fd >= 0)
                close(t.fd);
            return FALSE;
        }
        t.offset = st.st_size;
        t.sha = tck_sha256_new();
        if (t.offset > 0) {
            int rfd = open(part, O_RDONLY | O_CLOEXEC);
            gboolean ok = rfd >= 0 && tck_sha256_fd(t.sha, rfd, t.offset, part, error);
            if (rfd >= 0)
                close(rfd);
            if (!ok) {
                close(t.fd);
                tck_sha256_free(t.sha);
                return FALSE;
            }
            conditional = FALSE;       /* a resume is never conditional */
        }
        t.buf = g_malloc(CHUNK);
        t.queue = g_async_queue_new();
        t.hasher = g_thread_new("sha256", hasher_main, &t);

        tck_progress_start(pr, req->display, req->size, t.offset);
        outcome = attempt(limits, req, &t, conditional, deadline_us, &local);
        if ((outcome == ATTEMPT_DONE) && !flush_chunk(&t)) {
            g_clear_error(&local);
            set_write_error(&local, t.write_errno, part);
            outcome = ATTEMPT_FATAL;
        }
        g_async_queue_push(t.queue, END_MARKER);
        g_thread_join(t.hasher);
        g_async_queue_unref(t.queue);
        g_free(t.buf);
        sha = tck_sha256_finish(t.sha);
        tck_sha256_free(t.sha);
        /* no fsync: it would cost more than the transfer from a fast mirror;
         * a blob cut short by a power loss fails the size check of every
         * lookup and is replaced by the next prepare */
        if (close(t.fd) < 0 && outcome == ATTEMPT_DONE) {
            set_write_error(&local, errno, part);
            outcome = ATTEMPT_FATAL;
        }

        switch (outcome) {
        case ATTEMPT_NOT_MODIFIED:
            tck_progress_end(pr, "not modified");
            part_remove(part, meta);
            res->not_modified = TRUE;
            g_free(t.etag);
            g_free(t.last_modified);
            return TRUE;
        case ATTEMPT_DONE: {
            guint64 size = t.offset + t.received;
            gboolean size_ok = !req->size || size == req->size;
            if ((req->sha256 && !g_str_equal(sha, req->sha256)) || !size_ok) {
                /* a resume may have spliced two versions of a changed file:
                 * one fresh transfer decides */
                if (t.offset > 0 && !rehashed) {
                    rehashed = TRUE;
                    tck_progress_end(pr, "checksum mismatch after resume; starting over");
                    part_remove(part, meta);
                    part_meta_write(meta, req->display, NULL);
                    g_free(t.etag);
                    g_free(t.last_modified);
                    continue;
                }
                tck_progress_end(pr, "checksum mismatch");
                part_remove(part, meta);
                g_free(t.etag);
                g_free(t.last_modified);
                if (!size_ok)
                    g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                                "%s has %" G_GUINT64_FORMAT " bytes, expected %" G_GUINT64_FORMAT
                                "; not stored", req->display, size, req->size);
                else
                    g_set_error(error, TCK_ERROR, TCK_ERROR_CHECKSUM,
                                "%s has SHA-256 %s, expected %s; not stored", req->display, sha,
                                req->sha256);
                return FALSE;
            }
            tck_progress_end(pr, "done");
            g_unlink(meta);
            res->path = g_strdup(part);
            res->sha256 = g_steal_pointer(&sha);
            res->size = size;
            res->etag = t.etag;
            res->last_modified = t.last_modified;
            return TRUE;
        }
        case ATTEMPT_RESTART:
            g_free(t.etag);
            g_free(t.last_modified);
            if (restarted) {
                g_set_error(error, TCK_ERROR, TCK_ERROR_DOWNLOAD,
                            "cannot download %s: the server refuses ranges even from 0", req->display);
                return FALSE;
            }
            restarted = TRUE;
            tck_progress_end(pr, "server cannot resume; starting over");
            g_unlink(part);
            continue;
        case ATTEMPT_GIVE_UP:
        case ATTEMPT_RETRY:
            g_free(t.etag);
            g_free(t.last_modified);
            if (outcome == ATTEMPT_GIVE_UP || tries++ >= limits->retries ||
                g_get_monotonic_time() + (gint64)delay * 1000 >= deadline_us) {
                g_propagate_error(error, g_steal_pointer(&local));
                return FALSE;      /* the .part stays: the next prepare resumes */
            }
            tck_progress_end(pr, local->message);
            g_usleep((gulong)delay * 1000);
            delay *= 2;
            continue;
        case ATTEMPT_FATAL:
        default:
            g_free(t.etag);
            g_free(t.last_modified);
            tck_progress_end(pr, local->message);
            /* a full disk or an HTTP error leaves nothing behind */
            part_remove(part, meta);
            g_propagate_error(error, g_steal_pointer(&local));
            return FALSE;
        }
    }
}
