/* virt-util.c — opening a libvirt connection with one error shape; the
 * quiet error handler. */
#include <config.h>

#include <libvirt/virterror.h>

#include <tck/error.h>
#include "virt-util.h"

static void
quiet_error_handler(void *opaque, virErrorPtr err)
{
}

void
tck_virt_quiet_errors(void)
{
    virSetErrorFunc(NULL, quiet_error_handler);
}

const char *
tck_virt_last_error(void)
{
    virErrorPtr err = virGetLastError();

    return err && err->message ? err->message : "unknown error";
}

virConnectPtr
tck_virt_open(const char *uri, TckVirtOpenFlags flags, GError **error)
{
    virConnectPtr conn = (flags & TCK_VIRT_OPEN_READ_ONLY) ? virConnectOpenReadOnly(uri) : virConnectOpen(uri);
    g_autofree char *first = NULL;

    if (conn)
        return conn;
    first = g_strdup(tck_virt_last_error());
    if ((flags & TCK_VIRT_OPEN_READ_ONLY_FALLBACK) && !(flags & TCK_VIRT_OPEN_READ_ONLY) &&
        (conn = virConnectOpenReadOnly(uri)))
        return conn;
    g_set_error(error, TCK_ERROR, TCK_ERROR_CONNECT, "cannot connect to '%s': %s", uri, first);
    return NULL;
}
