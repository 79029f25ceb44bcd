/* fuzz-archive.c — libFuzzer target: the results archive reader, on a memfd. */
#include <config.h>
#include <glib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "tck/report-archive.h"

int LLVMFuzzerTestOneInput(const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput(const guint8 *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = NULL;
    g_autofree char *report = NULL;
    gsize len = 0;
    int fd = memfd_create("fuzz-archive", MFD_CLOEXEC);

    g_assert(fd >= 0);
    g_assert(write(fd, data, size) == (ssize_t) size);
    path = g_strdup_printf("/proc/self/fd/%d", fd);
    report = tck_archive_read_report(path, &len, &error);
    g_assert(report || error);
    close(fd);
    return 0;
}
