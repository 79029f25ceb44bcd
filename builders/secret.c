/*
 * secret.c — the secret XML builder: flags, description and usage.
 */
#include <config.h>

#include <tck/builders.h>
#include <tck/error.h>
#include "builder-private.h"

/* Usage types and the element that names what the secret is for. */
typedef struct {
    const char *type;
    const char *element;
} TckSecretUsage;

static const TckSecretUsage tck_secret_usages[] = {
    { "volume", "volume" },
    { "ceph", "name" },
    { "iscsi", "target" },
    { "tls", "name" },
    { "vtpm", "name" },
};

struct _TckSecretBuilder {
    TckXmlBuild x;
    gboolean has_usage;
};

TckSecretBuilder *
tck_secret_builder_new(gboolean ephemeral, gboolean private_)
{
    TckSecretBuilder *b = g_new0(TckSecretBuilder, 1);

    tck_build_init(&b->x, "secret");
    tck_build_prop(&b->x, b->x.root, "ephemeral", ephemeral ? "yes" : "no");
    tck_build_prop(&b->x, b->x.root, "private", private_ ? "yes" : "no");
    return b;
}

void
tck_secret_builder_free(TckSecretBuilder *b)
{
    if (!b)
        return;
    tck_build_clear(&b->x);
    g_free(b);
}

void
tck_secret_builder_set_uuid(TckSecretBuilder *b, const char *uuid)
{
    if (!uuid || !g_uuid_string_is_valid(uuid)) {
        tck_build_fail(&b->x, "'%s' is not a UUID", uuid ? uuid : "(none)");
        return;
    }
    tck_build_child(&b->x, b->x.root, "uuid", uuid);
}

void
tck_secret_builder_set_description(TckSecretBuilder *b, const char *text)
{
    tck_build_child(&b->x, b->x.root, "description", text);
}

void
tck_secret_builder_set_usage(TckSecretBuilder *b, const char *type, const char *id)
{
    xmlNodePtr usage;

    if (b->has_usage) {
        tck_build_fail(&b->x, "a secret has one usage");
        return;
    }
    for (gsize i = 0; type && i < G_N_ELEMENTS(tck_secret_usages); i++) {
        if (!g_str_equal(tck_secret_usages[i].type, type))
            continue;
        if (!id || !*id) {
            tck_build_fail(&b->x, "a %s secret usage needs its %s", type, tck_secret_usages[i].element);
            return;
        }
        if (g_str_equal(type, "volume") && !g_path_is_absolute(id)) {
            tck_build_fail(&b->x, "a volume secret usage needs an absolute path, not '%s'", id);
            return;
        }
        usage = tck_build_child(&b->x, b->x.root, "usage", NULL);
        tck_build_prop(&b->x, usage, "type", type);
        tck_build_child(&b->x, usage, tck_secret_usages[i].element, id);
        b->has_usage = TRUE;
        return;
    }
    /* A usage the table does not know is passed through, its id as <name>. */
    if (!tck_build_need(&b->x, "secret usage", type))
        return;
    usage = tck_build_child(&b->x, b->x.root, "usage", NULL);
    tck_build_prop(&b->x, usage, "type", type);
    tck_build_child(&b->x, usage, "name", id);
    b->has_usage = TRUE;
}

char *
tck_secret_builder_to_xml(TckSecretBuilder *b, GError **error)
{
    return tck_build_finish(&b->x, "secret", error);
}
