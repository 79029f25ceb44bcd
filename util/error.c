/* error.c — the TCK_ERROR quark and errno mapping. */
#include <config.h>
#include <errno.h>
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
