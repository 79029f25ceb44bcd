/* fuzz-domcaps.c — libFuzzer target: the domain capabilities reader. */
#include <config.h>
#include <glib.h>
#include <tck/caps.h>

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckDomainCaps) dcaps = tck_domain_caps_parse((const char *) data, size, "fuzz-domcaps.xml", &error);

    g_assert(dcaps || error);
    return 0;
}
