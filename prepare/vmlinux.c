/* vmlinux.c — the fast kernel: the uncompressed ELF vmlinux inside an x86
 * bzImage, kept when it carries the PVH entry note so that QEMU can boot
 * it directly, skipping the kernel's own decompression (seconds under TCG). */
#include <config.h>

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>

#include "prepare.h"
#include <tck/error.h>

/* The x86 boot protocol's setup header (Documentation/arch/x86/boot.rst):
 * offsets into the bzImage of the fields we read. */
enum {
    BZ_SETUP_SECTS = 0x1f1,     /* u8: 512-byte setup sectors (0 means 4) */
    BZ_HEADER_MAGIC = 0x202,    /* "HdrS" */
    BZ_VERSION = 0x206,         /* u16: boot protocol version */
    BZ_PAYLOAD_OFFSET = 0x248,  /* u32: from the protected-mode code; protocol >= 2.08 */
    BZ_PAYLOAD_LENGTH = 0x24c,  /* u32 */
    BZ_HEADER_END = 0x250,
};

/* Xen's ELF note carrying the 32-bit PVH entry point (xen/include/public/elfnote.h). */
#define TCK_XEN_ELFNOTE_PHYS32_ENTRY 18

static guint32
le32(const guint8 *p)
{
    return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

/*
 * The compressed payload of a bzImage, without the 4-byte little-endian
 * uncompressed size the kernel's build appends to it (@size), or NULL
 * with @why saying what the file is not.
 */
static const guint8 *
bzimage_payload(const guint8 *d, gsize len, gsize *plen, guint32 *size, char **why)
{
    guint setup_sects;
    guint16 version;
    gsize pm, off, n;

    if (len < BZ_HEADER_END || memcmp(d + BZ_HEADER_MAGIC, "HdrS", 4) != 0) {
        *why = g_strdup("not an x86 bzImage (no HdrS setup header)");
        return NULL;
    }
    version = d[BZ_VERSION] | d[BZ_VERSION + 1] << 8;
    if (version < 0x208) {
        *why = g_strdup_printf("boot protocol %u.%02u names no payload (needs 2.08)",
                               version >> 8, version & 0xff);
        return NULL;
    }
    setup_sects = d[BZ_SETUP_SECTS] ? d[BZ_SETUP_SECTS] : 4;
    pm = (gsize)(setup_sects + 1) * 512;
    off = le32(d + BZ_PAYLOAD_OFFSET);
    n = le32(d + BZ_PAYLOAD_LENGTH);
    if (n <= 4 || pm + off < pm || pm + off > len || n > len - pm - off) {
        *why = g_strdup("its payload lies outside the file");
        return NULL;
    }
    *plen = n - 4;
    *size = le32(d + pm + off + n - 4);
    return d + pm + off;
}

/* TRUE when the ELF image @d has a PT_NOTE with Xen's PHYS32_ENTRY note. */
static gboolean
elf_has_pvh_note(const guint8 *d, gsize len, char **why)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)d;

    if (len < sizeof(*eh) || memcmp(d, ELFMAG, SELFMAG) != 0) {
        *why = g_strdup("its payload is not an ELF image");
        return FALSE;
    }
    if (d[EI_CLASS] != ELFCLASS64 || d[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_X86_64) {
        *why = g_strdup("its payload is not an x86_64 ELF image");
        return FALSE;
    }
    if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phoff > len ||
        (gsize)eh->e_phnum * sizeof(Elf64_Phdr) > len - eh->e_phoff) {
        *why = g_strdup("its ELF program headers lie outside the image");
        return FALSE;
    }
    for (guint i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *ph = (const Elf64_Phdr *)(d + eh->e_phoff) + i;
        gsize pos, end;

        if (ph->p_type != PT_NOTE || ph->p_offset > len || ph->p_filesz > len - ph->p_offset)
            continue;
        for (pos = ph->p_offset, end = ph->p_offset + ph->p_filesz; pos + sizeof(Elf64_Nhdr) <= end;) {
            const Elf64_Nhdr *nh = (const Elf64_Nhdr *)(d + pos);
            gsize name = pos + sizeof(*nh);
            gsize next = name + ((nh->n_namesz + 3) & ~3u) + ((nh->n_descsz + 3) & ~3u);

            if (next > end || next <= pos)
                break;
            if (nh->n_type == TCK_XEN_ELFNOTE_PHYS32_ENTRY && nh->n_namesz == 4 &&
                memcmp(d + name, "Xen", 4) == 0)
                return TRUE;
            pos = next;
        }
    }
    *why = g_strdup("its ELF image has no PVH entry note (a kernel built without CONFIG_PVH)");
    return FALSE;
}

/* Decompresses @payload into @out with libarchive's raw reader and filters. */
static gboolean
payload_decompress(const guint8 *payload, gsize len, guint32 size, const char *kernel,
                   const char *out, char **why, GError **error)
{
    guint64 written = 0;
    struct archive *a = archive_read_new();
    struct archive_entry *entry;
    g_autofree char *buf = g_malloc(1 << 20);
    FILE *f = NULL;
    la_ssize_t n;
    gboolean ok = FALSE;

    archive_read_support_filter_xz(a);
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_filter_lzma(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_lz4(a);
    archive_read_support_format_raw(a);
    if (archive_read_open_memory(a, payload, len) != ARCHIVE_OK ||
        archive_read_next_header(a, &entry) != ARCHIVE_OK) {
        /* LZO, say, or a header libarchive cannot take: the kernel stays compressed */
        *why = g_strdup_printf("its payload is in no compression libarchive reads (%s)",
                               archive_error_string(a));
        ok = TRUE;
        goto out;
    }
    if (archive_filter_count(a) < 2) {
        *why = g_strdup("its payload is in no compression libarchive reads");
        ok = TRUE;
        goto out;
    }
    if (!(f = fopen(out, "we"))) {
        tck_asset_set_errno(error, errno, "create", out);
        goto out;
    }
    while ((n = archive_read_data(a, buf, 1 << 20)) > 0) {
        if (fwrite(buf, 1, n, f) != (size_t)n) {
            tck_asset_set_errno(error, errno, "write", out);
            goto out;
        }
        written += n;
    }
    if (n < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD, "cannot decompress the %s payload of %s: %s",
                    archive_filter_name(a, 0), kernel, archive_error_string(a));
        goto out;
    }
    if (written != size) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_BUILD,
                    "the %s payload of %s decompressed to %" G_GUINT64_FORMAT " bytes, not the %u its trailer says",
                    archive_filter_name(a, 0), kernel, written, size);
        goto out;
    }
    if (fflush(f) != 0 || fsync(fileno(f)) < 0) {
        tck_asset_set_errno(error, errno, "write", out);
        goto out;
    }
    ok = TRUE;
out:
    if (f && fclose(f) != 0 && ok && !*why) {
        tck_asset_set_errno(error, errno, "write", out);
        ok = FALSE;
    }
    archive_read_free(a);
    return ok;
}

gboolean
tck_vmlinux_extract(const char *kernel, const char *out, char **why, GError **error)
{
    g_autoptr(GError) local = NULL;
    g_autoptr(GMappedFile) in = g_mapped_file_new(kernel, FALSE, &local);
    g_autoptr(GMappedFile) elf = NULL;
    const guint8 *payload;
    gsize plen = 0;
    guint32 size = 0;

    *why = NULL;
    if (!in) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_HOST_INPUT, "cannot read %s: %s", kernel,
                    local->message);
        return FALSE;
    }
    payload = bzimage_payload((const guint8 *)g_mapped_file_get_contents(in),
                              g_mapped_file_get_length(in), &plen, &size, why);
    if (!payload)
        return TRUE;
    if (!payload_decompress(payload, plen, size, kernel, out, why, error))
        return FALSE;
    if (*why)
        return TRUE;
    if (!(elf = g_mapped_file_new(out, FALSE, &local))) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot read %s: %s", out, local->message);
        return FALSE;
    }
    elf_has_pvh_note((const guint8 *)g_mapped_file_get_contents(elf), g_mapped_file_get_length(elf),
                     why);
    return TRUE;
}
