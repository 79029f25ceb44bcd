/*
 * storage-vol.c — the storage volume XML builder: formats, qcow2 compat,
 * backing stores and encryption.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

/* The volume formats we build, and what each can carry. */
typedef struct {
    const char *format;
    gboolean backing;      /* can have a backing store */
    gboolean compat;       /* has a <compat> version */
    const char *const encryption[3];
} TckVolFormat;

static const TckVolFormat tck_vol_formats[] = {
    { "raw", FALSE, FALSE, { "luks", NULL } },
    { "qcow2", TRUE, TRUE, { "luks", "qcow", NULL } },
    { "qed", TRUE, FALSE, { NULL } },
    { "vmdk", TRUE, FALSE, { NULL } },
    { "vdi", FALSE, FALSE, { NULL } },
    { "vpc", FALSE, FALSE, { NULL } },
    { "iso", FALSE, FALSE, { NULL } },
    /* A disk pool's volumes are partitions, whose format is the partition type. */
    { "none", FALSE, FALSE, { NULL } },
    { "linux", FALSE, FALSE, { NULL } },
    { "linux-swap", FALSE, FALSE, { NULL } },
    { "linux-lvm", FALSE, FALSE, { NULL } },
    { "linux-raid", FALSE, FALSE, { NULL } },
    { "fat16", FALSE, FALSE, { NULL } },
    { "fat32", FALSE, FALSE, { NULL } },
    { "extended", FALSE, FALSE, { NULL } },
};

struct _TckVolumeBuilder {
    TckXmlBuild x;
    guint64 capacity;
    guint64 allocation;
    gboolean has_capacity, has_allocation;
    char *format;
    char *compat;
    char *backing_path;
    char *backing_format;
    char *enc_format;
    char *enc_secret;
};

TckVolumeBuilder *
tck_volume_builder_new(const char *name)
{
    TckVolumeBuilder *b = g_new0(TckVolumeBuilder, 1);

    tck_build_init(&b->x, "volume");
    if (!name || !*name || strchr(name, '/'))
        tck_build_fail(&b->x, "a volume needs a name without '/', not '%s'", name ? name : "");
    else
        tck_build_child(&b->x, b->x.root, "name", name);
    return b;
}

void
tck_volume_builder_free(TckVolumeBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b->format);
    g_free(b->compat);
    g_free(b->backing_path);
    g_free(b->backing_format);
    g_free(b->enc_format);
    g_free(b->enc_secret);
    g_free(b);
}

void
tck_volume_builder_set_capacity(TckVolumeBuilder *b, guint64 bytes)
{
    b->capacity = bytes;
    b->has_capacity = TRUE;
}

void
tck_volume_builder_set_allocation(TckVolumeBuilder *b, guint64 bytes)
{
    b->allocation = bytes;
    b->has_allocation = TRUE;
}

void
tck_volume_builder_set_format(TckVolumeBuilder *b, const char *format)
{
    g_free(b->format);
    b->format = g_strdup(format);
}

void
tck_volume_builder_set_compat(TckVolumeBuilder *b, const char *compat)
{
    if (tck_build_need(&b->x, "qcow2 compat", compat)) {
        g_free(b->compat);
        b->compat = g_strdup(compat);
    }
}

void
tck_volume_builder_set_backing_store(TckVolumeBuilder *b, const char *path, const char *format)
{
    if (!path || !g_path_is_absolute(path)) {
        tck_build_fail(&b->x, "a backing store must be an absolute path, not '%s'", path ? path : "");
        return;
    }
    g_free(b->backing_path);
    g_free(b->backing_format);
    b->backing_path = g_strdup(path);
    b->backing_format = g_strdup(format);
}

void
tck_volume_builder_set_encryption(TckVolumeBuilder *b, const char *format, const char *secret_uuid)
{
    if (!secret_uuid || !g_uuid_string_is_valid(secret_uuid)) {
        tck_build_fail(&b->x, "encryption needs a secret UUID, not '%s'",
                       secret_uuid ? secret_uuid : "(none)");
        return;
    }
    g_free(b->enc_format);
    g_free(b->enc_secret);
    b->enc_format = g_strdup(format);
    b->enc_secret = g_strdup(secret_uuid);
}

static const TckVolFormat *
tck_vol_format_find(const char *format)
{
    for (gsize i = 0; format && i < G_N_ELEMENTS(tck_vol_formats); i++) {
        if (g_str_equal(tck_vol_formats[i].format, format))
            return &tck_vol_formats[i];
    }
    return NULL;
}

char *
tck_volume_builder_to_xml(TckVolumeBuilder *b, GError **error)
{
    const char *format = b->format ? b->format : "raw";
    const TckVolFormat *vf = tck_vol_format_find(format);
    g_autofree char *capacity = NULL;
    xmlNodePtr target;

    /* A format the table does not know is passed through, with no rules. */
    if (!b->has_capacity)
        tck_build_fail(&b->x, "a volume needs a capacity");
    if (b->has_allocation && b->allocation > b->capacity)
        tck_build_fail(&b->x, "allocation %" G_GUINT64_FORMAT " exceeds capacity %" G_GUINT64_FORMAT,
                       b->allocation, b->capacity);
    if (vf && b->compat && !vf->compat)
        tck_build_fail(&b->x, "compat %s is for qcow2, not %s", b->compat, format);
    if (vf && b->backing_path && !vf->backing)
        tck_build_fail(&b->x, "a %s volume cannot have a backing store", format);
    if (vf && b->enc_format && !(vf->encryption[0] &&
                           g_strv_contains((const char *const *) vf->encryption, b->enc_format)))
        tck_build_fail(&b->x, "a %s volume cannot use %s encryption", format, b->enc_format);

    capacity = g_strdup_printf("%" G_GUINT64_FORMAT, b->capacity);
    tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "capacity", capacity), "unit", "bytes");
    if (b->has_allocation) {
        g_autofree char *text = g_strdup_printf("%" G_GUINT64_FORMAT, b->allocation);

        tck_build_prop(&b->x, tck_build_child(&b->x, b->x.root, "allocation", text), "unit", "bytes");
    }
    target = tck_build_child(&b->x, b->x.root, "target", NULL);
    tck_build_prop(&b->x, tck_build_child(&b->x, target, "format", NULL), "type", format);
    if (b->compat)
        tck_build_child(&b->x, target, "compat", b->compat);
    if (b->enc_format) {
        xmlNodePtr enc = tck_build_child(&b->x, target, "encryption", NULL);
        xmlNodePtr secret;

        tck_build_prop(&b->x, enc, "format", b->enc_format);
        secret = tck_build_child(&b->x, enc, "secret", NULL);
        tck_build_prop(&b->x, secret, "type", "passphrase");
        tck_build_prop(&b->x, secret, "uuid", b->enc_secret);
    }
    if (b->backing_path) {
        xmlNodePtr backing = tck_build_child(&b->x, b->x.root, "backingStore", NULL);

        tck_build_child(&b->x, backing, "path", b->backing_path);
        if (b->backing_format)
            tck_build_prop(&b->x, tck_build_child(&b->x, backing, "format", NULL), "type",
                           b->backing_format);
    }
    return tck_build_finish(&b->x, "storage volume", error);
}
