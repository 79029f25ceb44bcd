/*
 * test-fuzz-regressions.c — every crash the fuzz targets (tests/fuzz/)
 * found, as a test of the plain build.  Inputs are placed at the very end
 * of a page followed by an inaccessible one, so that reading one byte
 * past them crashes here too, not only under ASan.
 */
#include <config.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib.h>
#include <tck/caps.h>

/* @len bytes of @data, unterminated, right before a PROT_NONE page. */
static const char *
at_page_end(const char *data, gsize len, void **map, gsize *map_len)
{
    gsize page = (gsize) sysconf(_SC_PAGESIZE);
    char *p;

    g_assert_cmpuint(len, <=, page);
    *map_len = 2 * page;
    p = mmap(NULL, *map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    g_assert(p != MAP_FAILED);
    g_assert_cmpint(mprotect(p + page, page, PROT_NONE), ==, 0);
    memcpy(p + page - len, data, len);
    *map = p;
    return p + page - len;
}

/* fuzz-caps and fuzz-domcaps: a blank document that is not NUL-terminated
 * was scanned past its end (strspn) before it was called empty. */
static void
test_blank_unterminated(void)
{
    static const char *const inputs[] = { "\r", " \t\n", "\n\n\n\n" };

    for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
        g_autoptr(GError) e1 = NULL;
        g_autoptr(GError) e2 = NULL;
        void *map;
        gsize map_len;
        const char *xml = at_page_end(inputs[i], strlen(inputs[i]), &map, &map_len);
        g_autoptr(TckHost) host = tck_host_parse(xml, strlen(inputs[i]), "blank.xml", &e1);
        g_autoptr(TckDomainCaps) dcaps = tck_domain_caps_parse(xml, strlen(inputs[i]), "blank.xml", &e2);

        g_assert_null(host);
        g_assert_nonnull(e1);
        g_assert_nonnull(strstr(e1->message, "the document is empty"));
        g_assert_null(dcaps);
        g_assert_nonnull(e2);
        munmap(map, map_len);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/fuzz-regressions/caps-blank-unterminated", test_blank_unterminated);
    return g_test_run();
}
