/* fuzz-report-xml.c — libFuzzer target: the stored report reader. */
#include <config.h>
#include <glib.h>
#include "tck/report.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckRun) run = tck_report_xml_parse((const char *) data, size, "fuzz-report.xml", &error);

    g_assert(run || error);
    return 0;
}
