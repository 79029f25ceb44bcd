/* sha256.c — streaming SHA-256 on OpenSSL's EVP (SHA-NI: about 5x GLib's
 * GChecksum here, which matters when hashing a download as it arrives). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <openssl/evp.h>

#include <tck/asset-cache.h>

struct _TckSha256 {
    EVP_MD_CTX *ctx;
};

TckSha256 *
tck_sha256_new(void)
{
    TckSha256 *s = g_new0(TckSha256, 1);

    s->ctx = EVP_MD_CTX_new();
    if (!s->ctx || EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1)
        g_error("OpenSSL cannot set up SHA-256");
    return s;
}

void
tck_sha256_update(TckSha256 *s, const void *data, gsize len)
{
    EVP_DigestUpdate(s->ctx, data, len);
}

char *
tck_sha256_finish(TckSha256 *s)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    GString *hex = g_string_sized_new(65);

    EVP_DigestFinal_ex(s->ctx, md, &len);
    for (unsigned int i = 0; i < len; i++)
        g_string_append_printf(hex, "%02x", md[i]);
    return g_string_free(hex, FALSE);
}

void
tck_sha256_free(TckSha256 *s)
{
    if (!s)
        return;
    EVP_MD_CTX_free(s->ctx);
    g_free(s);
}

gboolean
tck_sha256_fd(TckSha256 *s, int fd, goffset limit, const char *path, GError **error)
{
    g_autofree guchar *buf = g_malloc(1 << 20);
    goffset done = 0;

    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    while (limit < 0 || done < limit) {
        gsize want = limit < 0 || limit - done > (1 << 20) ? (1 << 20) : (gsize)(limit - done);
        ssize_t n = read(fd, buf, want);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            tck_asset_set_errno(error, errno, "read", path);
            return FALSE;
        }
        tck_sha256_update(s, buf, n);
        done += n;
    }
    return TRUE;
}

char *
tck_sha256_file(const char *path, GError **error)
{
    g_autoptr(TckSha256) s = tck_sha256_new();
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    gboolean ok;

    if (fd < 0) {
        tck_asset_set_errno(error, errno, "open", path);
        return NULL;
    }
    ok = tck_sha256_fd(s, fd, -1, path, error);
    close(fd);
    return ok ? tck_sha256_finish(s) : NULL;
}
