/*
 * snapshot.c — the domain snapshot XML builder: name, description,
 * memory state and per-disk snapshot modes.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

struct _TckSnapshotBuilder {
    TckXmlBuild x;
    xmlNodePtr disks;
    gboolean has_memory;
};

TckSnapshotBuilder *
tck_snapshot_builder_new(const char *name)
{
    TckSnapshotBuilder *b = g_new0(TckSnapshotBuilder, 1);

    tck_build_init(&b->x, "domainsnapshot");
    if (name) {
        if (!*name || strchr(name, '/'))
            tck_build_fail(&b->x, "snapshot name '%s' must be non-empty without '/'", name);
        else
            tck_build_child(&b->x, b->x.root, "name", name);
    }
    return b;
}

void
tck_snapshot_builder_free(TckSnapshotBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b);
}

void
tck_snapshot_builder_set_description(TckSnapshotBuilder *b, const char *text)
{
    tck_build_child(&b->x, b->x.root, "description", text);
}

void
tck_snapshot_builder_set_memory(TckSnapshotBuilder *b, const char *snapshot, const char *file)
{
    xmlNodePtr node;

    if (!tck_build_need(&b->x, "memory snapshot mode", snapshot))
        return;
    if (g_str_equal(snapshot, "external") != (file != NULL)) {
        tck_build_fail(&b->x, "an external memory snapshot needs a file, and only it takes one");
        return;
    }
    if (file && !g_path_is_absolute(file)) {
        tck_build_fail(&b->x, "memory snapshot file '%s' must be an absolute path", file);
        return;
    }
    node = tck_build_child(&b->x, b->x.root, "memory", NULL);
    tck_build_prop(&b->x, node, "snapshot", snapshot);
    tck_build_prop(&b->x, node, "file", file);
    b->has_memory = TRUE;
}

void
tck_snapshot_builder_add_disk(TckSnapshotBuilder *b, const char *disk, const char *snapshot,
                              const char *file, const char *format)
{
    xmlNodePtr node;

    if (!disk || !*disk) {
        tck_build_fail(&b->x, "a snapshot disk needs the domain's disk target or path");
        return;
    }
    if (!tck_build_need(&b->x, "disk snapshot mode", snapshot))
        return;
    if (!g_str_equal(snapshot, "external") && (file || format)) {
        tck_build_fail(&b->x, "only an external disk snapshot takes a file and format (disk %s)", disk);
        return;
    }
    if (file && !g_path_is_absolute(file)) {
        tck_build_fail(&b->x, "disk snapshot file '%s' must be an absolute path", file);
        return;
    }
    if (!b->disks)
        b->disks = tck_build_child(&b->x, b->x.root, "disks", NULL);
    node = tck_build_child(&b->x, b->disks, "disk", NULL);
    tck_build_prop(&b->x, node, "name", disk);
    tck_build_prop(&b->x, node, "snapshot", snapshot);
    if (format)
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "driver", NULL), "type", format);
    if (file)
        tck_build_prop(&b->x, tck_build_child(&b->x, node, "source", NULL), "file", file);
}

char *
tck_snapshot_builder_to_xml(TckSnapshotBuilder *b, GError **error)
{
    return tck_build_finish(&b->x, "snapshot", error);
}
