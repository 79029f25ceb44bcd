/* fuzz-caps.c — libFuzzer target: the capabilities reader. */
#include <config.h>
#include <glib.h>
#include <tck/caps.h>

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckHost) host = tck_host_parse((const char *) data, size, "fuzz-caps.xml", &error);

    g_assert(host || error);
    return 0;
}
