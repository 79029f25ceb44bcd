/* error.c — the TCK_ERROR quark, errno mapping and the helpers that make,
 * retag and prefix errors. */
#include <config.h>
#include <errno.h>
#include <stdarg.h>
#include <tck/error.h>

G_DEFINE_QUARK(tck-error-quark, tck_error)

TckErrorCode
tck_error_from_errno(int err)
{
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return TCK_ERROR_NO_SPACE;
    case EACCES:
    case EPERM:
    case EROFS:
        return TCK_ERROR_PERMISSION;
    case ENOENT:
    case ENOTDIR:
        return TCK_ERROR_NOT_FOUND;
    default:
        return TCK_ERROR_IO;
    }
}

gboolean
tck_error_set_errno(GError **error, int err, const char *fmt, ...)
{
    g_autofree char *what = NULL;
    va_list ap;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, TCK_ERROR, tck_error_from_errno(err), "%s: %s", what, g_strerror(err));
    return FALSE;
}

void
tck_error_retag(GError **error, TckErrorCode code)
{
    GError *old;

    if (!error || !*error)
        return;
    old = *error;
    *error = g_error_new_literal(TCK_ERROR, code, old->message);
    g_error_free(old);
}

void
tck_error_propagate_prefixed(GError **dest, GError *src, TckErrorCode code, const char *fmt, ...)
{
    g_autofree char *prefix = NULL;
    va_list ap;

    if (!src)
        return;
    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(dest, TCK_ERROR, code, "%s%s", prefix, src->message);
    g_error_free(src);
}
