/* iso.c — the BIOS-bootable ISO: El Torito with isolinux, booting the cached
 * kernel and initrd with a serial console (libarchive's iso9660 writer). */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "prepare.h"
#include <tck/error.h>

static const char *const iso_options[] = {
    "iso9660:boot=isolinux/isolinux.bin",        /* no leading '/': must match the entry */
    "iso9660:boot-catalog=isolinux/boot.cat",
    "iso9660:boot-load-size=4",
    "iso9660:boot-info-table",
    "iso9660:boot-type=no-emulation",
    "iso9660:rockridge=strict",                  /* keep our modes as given */
    "iso9660:joliet",
    "iso9660:volume-id=TCK_BOOT",
    "iso9660:!pad",
};

/* The two ISO 9660 date encodings libarchive writes for its volume "birth
 * time": 7-byte directory-record dates and 17-byte volume-descriptor dates,
 * both in local time with a 15-minute-unit GMT offset. */
static void
encode_dates(time_t t, gboolean local, guint8 rec[7], char vd[17])
{
    struct tm tm;
    long off;

    if (local)
        localtime_r(&t, &tm);
    else
        gmtime_r(&t, &tm);
    off = local ? tm.tm_gmtoff / (60 * 15) : 0;
    rec[0] = tm.tm_year;
    rec[1] = tm.tm_mon + 1;
    rec[2] = tm.tm_mday;
    rec[3] = tm.tm_hour;
    rec[4] = tm.tm_min;
    rec[5] = tm.tm_sec;
    rec[6] = (guint8)(gint8)off;
    g_snprintf(vd, 17, "%04d%02d%02d%02d%02d%02d00", tm.tm_year + 1900, tm.tm_mon + 1,
               tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    vd[16] = (char)(gint8)off;
}

static void
replace_all(guint8 *img, gsize len, const void *from, const void *to, gsize n)
{
    guint8 *p = img;

    while ((p = memmem(p, len - (p - img), from, n)) != NULL) {
        memcpy(p, to, n);
        p += n;
    }
}

/*
 * libarchive stamps the root directory and the volume descriptors with the
 * time the image was written (dates and a ctime(3) line) and has no option
 * to pin it; rewrite that
 * time (any second in [@t0, @t1]) to the fixed epoch so that the same
 * inputs give the same bytes.  Only the first @meta_len bytes are scanned.
 */
static gboolean
pin_volume_times(const char *out, time_t t0, time_t t1, gsize meta_len, GError **error)
{
    int fd = open(out, O_RDWR | O_CLOEXEC);
    struct stat st;
    guint8 *img;
    guint8 to_rec[7];
    char to_vd[17];
    char to_info[32];

    if (fd < 0 || fstat(fd, &st) < 0) {
        tck_asset_set_errno(error, errno, "open", out);
        if (fd >= 0)
            close(fd);
        return FALSE;
    }
    meta_len = MIN(meta_len, (gsize)st.st_size);
    img = mmap(NULL, meta_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (img == MAP_FAILED) {
        tck_asset_set_errno(error, errno, "map", out);
        return FALSE;
    }
    encode_dates(TCK_PREPARE_EPOCH, FALSE, to_rec, to_vd);
    {
        time_t epoch = TCK_PREPARE_EPOCH;
        struct tm tm;
        gmtime_r(&epoch, &tm);
        asctime_r(&tm, to_info);
    }
    for (time_t t = t0; t <= t1; t++) {
        guint8 rec[7];
        char vd[17];
        char info[32];
        encode_dates(t, TRUE, rec, vd);
        replace_all(img, meta_len, vd, to_vd, 17);
        replace_all(img, meta_len, rec, to_rec, 7);
        /* and the ctime(3) line in the application-use "INFO" block */
        ctime_r(&t, info);
        replace_all(img, meta_len, info, to_info, 24);
    }
    msync(img, meta_len, MS_SYNC);
    munmap(img, meta_len);
    return TRUE;
}

gboolean
tck_iso_build(const char *out, const char *kernel, const char *initrd, const char *isolinux_bin,
              const char *ldlinux_c32, const char *cfg, GError **error)
{
    TckArchiveWriter w = { .a = archive_write_new(), .out = out };
    time_t t0 = time(NULL), t1;
    gboolean ok = tck_archive_check(&w, archive_write_set_format_iso9660(w.a), "iso9660", error);

    for (gsize i = 0; ok && i < G_N_ELEMENTS(iso_options); i++)
        ok = tck_archive_check(&w, archive_write_set_options(w.a, iso_options[i]), iso_options[i],
                               error);
    ok = ok && tck_archive_check(&w, archive_write_open_filename(w.a, out), "open", error) &&
         tck_archive_add_dir(&w, "boot", 0755, error) &&
         tck_archive_add_file(&w, "boot/vmlinuz", 0644, kernel, error) &&
         tck_archive_add_file(&w, "boot/initrd.img", 0644, initrd, error) &&
         tck_archive_add_dir(&w, "isolinux", 0755, error) &&
         tck_archive_add_file(&w, "isolinux/isolinux.bin", 0644, isolinux_bin, error) &&
         tck_archive_add_file(&w, "isolinux/ldlinux.c32", 0644, ldlinux_c32, error) &&
         tck_archive_add_file(&w, "isolinux/isolinux.cfg", 0644, cfg, error);
    /* everything is laid out and written here */
    if (ok)
        ok = tck_archive_check(&w, archive_write_close(w.a), "close", error);
    archive_write_free(w.a);
    t1 = time(NULL);
    /* the system area, descriptors, path tables and directories of our
     * seven entries lie in the first MiB; the 7- and 17-byte date patterns
     * of one given second practically never occur in file data */
    return ok && pin_volume_times(out, t0, t1, 1 << 20, error);
}
