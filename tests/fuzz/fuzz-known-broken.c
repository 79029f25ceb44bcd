/* fuzz-known-broken.c — libFuzzer target: the known-broken reader. */
#include <config.h>
#include <glib.h>
#include "tck/known-broken.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckKnownBroken) kb = tck_known_broken_new();

    if (!tck_known_broken_load_data(kb, (const char *) data, size, "fuzz.yml", &error))
        g_assert(error);
    return 0;
}
