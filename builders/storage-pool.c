/*
 * storage-pool.c — the storage pool XML builder; one table says which
 * source parts each pool type needs.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

/* What a pool type needs in its <source>, and the formats it takes. */
typedef struct {
    const char *type;
    gboolean host;
    gboolean dir;
    gboolean device;
    gboolean name;
    gboolean target;
    const char *const formats[8];
} TckPoolType;

static const TckPoolType tck_pool_types[] = {
    { "dir", FALSE, FALSE, FALSE, FALSE, TRUE, { NULL } },
    { "fs", FALSE, FALSE, TRUE, FALSE, TRUE,
      { "auto", "ext2", "ext3", "ext4", "xfs", "vfat", "btrfs", NULL } },
    { "netfs", TRUE, TRUE, FALSE, FALSE, TRUE, { "auto", "nfs", "glusterfs", "cifs", NULL } },
    { "logical", FALSE, FALSE, FALSE, TRUE, TRUE, { "unknown", "lvm2", NULL } },
    { "disk", FALSE, FALSE, TRUE, FALSE, TRUE, { "dos", "gpt", "mac", "bsd", "sun", "lvm2", NULL } },
    { "iscsi", TRUE, FALSE, TRUE, FALSE, TRUE, { NULL } },
};

struct _TckPoolBuilder {
    TckXmlBuild x;
    const TckPoolType *type;
    xmlNodePtr source;
    gboolean has_host, has_dir, has_device, has_name, has_target;
};

TckPoolBuilder *
tck_pool_builder_new(const char *type, const char *name)
{
    TckPoolBuilder *b = g_new0(TckPoolBuilder, 1);

    tck_build_init(&b->x, "pool");
    for (gsize i = 0; type && i < G_N_ELEMENTS(tck_pool_types); i++) {
        if (g_str_equal(tck_pool_types[i].type, type))
            b->type = &tck_pool_types[i];
    }
    /* A type the table does not know is passed through, with no rules for its <source>. */
    tck_build_need(&b->x, "pool type", type);
    tck_build_prop(&b->x, b->x.root, "type", type);
    if (!name || !*name)
        tck_build_fail(&b->x, "a pool needs a name");
    else
        tck_build_child(&b->x, b->x.root, "name", name);
    return b;
}

void
tck_pool_builder_free(TckPoolBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b);
}

void
tck_pool_builder_set_uuid(TckPoolBuilder *b, const char *uuid)
{
    if (!uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(&b->x, "'%s' is not a UUID", uuid ? uuid : "(none)");
        return;
    }
    tck_build_child(&b->x, b->x.root, "uuid", uuid);
}

void
tck_pool_builder_set_target(TckPoolBuilder *b, const char *path)
{
    if (!path || !g_path_is_absolute(path)) {
        tck_build_fail(&b->x, "a pool target must be an absolute path, not '%s'", path ? path : "");
        return;
    }
    tck_build_child(&b->x, tck_build_child(&b->x, b->x.root, "target", NULL), "path", path);
    b->has_target = TRUE;
}

/* <source>, refusing parts this pool type has no use for. */
static xmlNodePtr
tck_pool_source(TckPoolBuilder *b, const char *part, gboolean wanted)
{
    if (b->type && !wanted) {
        tck_build_fail(&b->x, "a %s pool has no source %s", b->type->type, part);
        return NULL;
    }
    if (!b->source)
        b->source = tck_build_child(&b->x, b->x.root, "source", NULL);
    return b->source;
}

void
tck_pool_builder_set_source_host(TckPoolBuilder *b, const char *host)
{
    xmlNodePtr src = tck_pool_source(b, "host", !b->type || b->type->host);

    if (src) {
        tck_build_prop(&b->x, tck_build_child(&b->x, src, "host", NULL), "name", host);
        b->has_host = TRUE;
    }
}

void
tck_pool_builder_set_source_dir(TckPoolBuilder *b, const char *dir)
{
    xmlNodePtr src = tck_pool_source(b, "dir", !b->type || b->type->dir);

    if (src) {
        tck_build_prop(&b->x, tck_build_child(&b->x, src, "dir", NULL), "path", dir);
        b->has_dir = TRUE;
    }
}

void
tck_pool_builder_add_source_device(TckPoolBuilder *b, const char *path)
{
    /* logical pools may name their physical volumes too. */
    xmlNodePtr src = tck_pool_source(b, "device",
                                     !b->type || b->type->device || g_str_equal(b->type->type, "logical"));

    if (src) {
        tck_build_prop(&b->x, tck_build_child(&b->x, src, "device", NULL), "path", path);
        b->has_device = TRUE;
    }
}

void
tck_pool_builder_set_source_name(TckPoolBuilder *b, const char *name)
{
    xmlNodePtr src = tck_pool_source(b, "name", !b->type || b->type->name);

    if (src) {
        tck_build_child(&b->x, src, "name", name);
        b->has_name = TRUE;
    }
}

void
tck_pool_builder_set_source_format(TckPoolBuilder *b, const char *format)
{
    xmlNodePtr src;
    g_autofree char *what = NULL;

    if (b->type && !b->type->formats[0]) {
        tck_build_fail(&b->x, "a %s pool has no source format", b->type->type);
        return;
    }
    what = g_strdup_printf("%s pool format", b->type ? b->type->type : "storage");
    if (!tck_build_need(&b->x, what, format))
        return;
    src = tck_pool_source(b, "format", TRUE);
    tck_build_prop(&b->x, tck_build_child(&b->x, src, "format", NULL), "type", format);
}

void
tck_pool_builder_set_initiator(TckPoolBuilder *b, const char *iqn)
{
    xmlNodePtr src = tck_pool_source(b, "initiator", !b->type || g_str_equal(b->type->type, "iscsi"));

    if (src) {
        xmlNodePtr init = tck_build_child(&b->x, src, "initiator", NULL);

        tck_build_prop(&b->x, tck_build_child(&b->x, init, "iqn", NULL), "name", iqn);
    }
}

char *
tck_pool_builder_to_xml(TckPoolBuilder *b, GError **error)
{
    static const char *const missing_fmt = "a %s pool needs a source %s";

    if (b->type) {
        if (b->type->host && !b->has_host)
            tck_build_fail(&b->x, missing_fmt, b->type->type, "host");
        if (b->type->dir && !b->has_dir)
            tck_build_fail(&b->x, missing_fmt, b->type->type, "dir");
        if (b->type->device && !b->has_device)
            tck_build_fail(&b->x, missing_fmt, b->type->type, "device");
        if (b->type->name && !b->has_name)
            tck_build_fail(&b->x, missing_fmt, b->type->type, "name");
        if (b->type->target && !b->has_target)
            tck_build_fail(&b->x, "a %s pool needs a target path", b->type->type);
    }
    return tck_build_finish(&b->x, "storage pool", error);
}
