/*
 * test.c — the life of one test program: --describe, config, run id,
 * ledger, connection, object names, the TAP plan, and the cleanup at the end.
 */
#include <config.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libvirt/virterror.h>
#include <tck/needs.h>
#include <tck/guest.h>
#include "events-private.h"
#include "fs-util.h"
#include "test-private.h"
#include "virt-util.h"

struct _TckTest {
    TckTestInfo info;
    char *name;            /* "domain/050-transient-lifecycle" */
    char *tag;             /* "domain-050" */
    char *run_id;
    gboolean standalone;   /* not under the harness: we made our own run */
    TckConfig *config;
    char *uri;
    virConnectPtr conn;
    char *driver;
    TckTapWriter *tap;
    char *ledger_path;
    TckLedger *ledger;
    char *scratch_dir;
    char *own_tmp;         /* temp dir to remove at the end (standalone) */
    GHashTable *names;     /* suffix -> full name */
    GHashTable *data;      /* key -> TestData */
    gboolean ended;
};

typedef struct {
    gpointer data;
    GDestroyNotify destroy;
} TestData;

static void
test_data_free(gpointer p)
{
    TestData *d = p;
    if (d->destroy)
        d->destroy(d->data);
    g_free(d);
}

/* "suites/domain/050-transient-lifecycle" -> "domain/050-transient-lifecycle". */
static char *
name_from_argv0(const char *argv0)
{
    g_autofree char *base = g_path_get_basename(argv0);
    g_autofree char *dir = g_path_get_dirname(argv0);
    g_autofree char *area = g_path_get_basename(dir);

    if (g_str_has_prefix(base, "lt-"))    /* libtool's wrapped binaries */
        memmove(base, base + 3, strlen(base) - 2);
    if (!*area || g_str_equal(area, ".") || g_str_equal(area, "/"))
        return g_steal_pointer(&base);
    return g_strdup_printf("%s/%s", area, base);
}

/* "domain/050-transient-lifecycle" -> "domain-050"; without digits, a short slug. */
static char *
tag_from_name(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    g_autofree char *area = slash ? g_strndup(name, slash - name) : g_strdup("test");
    GString *tag = g_string_new(NULL);
    gsize n = 0;

    for (const char *p = area; *p && n < 12; p++, n++)
        g_string_append_c(tag, g_ascii_isalnum(*p) ? g_ascii_tolower(*p) : '-');
    g_string_append_c(tag, '-');
    if (g_ascii_isdigit(base[0])) {
        for (const char *p = base; g_ascii_isdigit(*p); p++)
            g_string_append_c(tag, *p);
    } else {
        n = 0;
        for (const char *p = base; *p && n < 12; p++, n++)
            g_string_append_c(tag, g_ascii_isalnum(*p) ? g_ascii_tolower(*p) : '-');
    }
    return g_string_free(tag, FALSE);
}

static G_NORETURN void
describe(const TckTestInfo *info, const char *name)
{
    const TckDescription d = {
        .name = (char *) name,
        .summary = (char *) info->summary,
        .plan = info->plan,
        .needs = (GStrv) info->needs,
        .exclusive = (GStrv) info->exclusive,
    };
    g_autofree char *text = tck_describe_format(&d);

    fputs(text, stdout);
    fflush(stdout);
    exit(0);
}

/* Environment the harness sets, folded into config keys. */
static const struct {
    const char *env;
    const char *key;
} env_overrides[] = {
    { TCK_ENV_URI, "uri" },
    { TCK_ENV_ASSET_CACHE, "asset_cache" },
    { TCK_ENV_OS_TYPE, "os_type" },
    { TCK_ENV_ARCH, "arch" },
    { TCK_ENV_BOOT, "boot" },
    { TCK_ENV_GUEST_CONSOLE, "guest_console" },
};

/*
 * Skip the whole test, before its plan, when a declared need is missing;
 * bail out on a need outside the vocabulary (a bug in the test).
 */
static void
check_needs(TckTest *t)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = NULL;
    TckNeedsContext ctx = { .config = t->config, .guest_boots = -1 };

    if (!t->info.needs || !t->info.needs[0])
        return;
    ctx.conn = tck_test_connect(t);
    if (g_strv_contains(t->info.needs, "guest-boots"))
        ctx.guest_boots = tck_guest_boots(t) ? 1 : 0;
    missing = tck_needs_missing(&ctx, t->info.needs, &error);
    if (error)
        tck_bail_out(t, "%s", error->message);
    if (missing)
        tck_skip_all(t, "%s", missing);
}

static G_NORETURN void
early_bail(TckTapWriter *tap, const char *msg)
{
    tck_tap_writer_bail_out(tap, msg);
    exit(255);
}

TckTest *
tck_test_begin(const TckTestInfo *info, int argc, char **argv)
{
    g_autoptr(TckTest) t = g_new0(TckTest, 1);
    g_autoptr(GError) error = NULL;
    const char *env_name = g_getenv(TCK_ENV_TEST_NAME);
    const char *env;

    t->info = *info;
    t->name = env_name && *env_name ? g_strdup(env_name) : name_from_argv0(argc > 0 ? argv[0] : "test");
    t->tag = tag_from_name(t->name);

    for (int i = 1; i < argc; i++) {
        if (g_str_equal(argv[i], TCK_DESCRIBE_OPTION))
            describe(info, t->name);
        if (g_str_equal(argv[i], "--help") || g_str_equal(argv[i], "-h")) {
            printf("Usage: %s [--describe]\n\n%s\n\n"
                   "Prints TAP on stdout. Run it with prove or libvirt-tck; see libtck(3).\n",
                   argv[0], info->summary ? info->summary : "");
            exit(0);
        }
    }

    setvbuf(stdout, NULL, _IOLBF, 0);
    t->tap = tck_tap_writer_new(stdout);
    tck_tap_writer_header(t->tap);
    t->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    t->data = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, test_data_free);

    if (virInitialize() < 0)
        early_bail(t->tap, "cannot initialize libvirt");
    /* errors are reported as TAP diagnostics, not by libvirt's printer */
    tck_virt_quiet_errors();

    if (!(t->config = tck_config_load(g_getenv(TCK_ENV_CONFIG), &error))) {
        g_autofree char *msg = g_strdup_printf("config: %s", error->message);
        early_bail(t->tap, msg);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(env_overrides); i++)
        if ((env = g_getenv(env_overrides[i].env)) && *env)
            tck_config_set_string(t->config, env_overrides[i].key, env);
    t->uri = g_strdup(tck_config_get_uri(t->config));

    env = g_getenv(TCK_ENV_RUN_ID);
    if (env && *env) {
        if (!tck_run_id_valid(env)) {
            g_autofree char *msg = g_strdup_printf(TCK_ENV_RUN_ID " '%s' is not %d lowercase hex digits",
                                                   env, TCK_RUN_ID_LEN);
            early_bail(t->tap, msg);
        }
        t->run_id = g_strdup(env);
    } else {
        t->run_id = tck_run_id_new();
        t->standalone = TRUE;
    }

    env = g_getenv(TCK_ENV_SCRATCH_DIR);
    if (env && *env && !t->standalone) {
        t->scratch_dir = g_strdup(env);
    } else {
        g_autofree char *tmpl = g_strdup_printf("libvirt-tck-%s-XXXXXX", t->run_id);
        if (!(t->own_tmp = g_dir_make_tmp(tmpl, &error))) {
            g_autofree char *msg = g_strdup_printf("cannot make a scratch dir: %s", error->message);
            early_bail(t->tap, msg);
        }
        /* The hypervisor's user must be able to reach guest logs in here. */
        g_chmod(t->own_tmp, 0755);
        t->scratch_dir = g_strdup(t->own_tmp);
    }
    if (g_mkdir_with_parents(t->scratch_dir, 0755) < 0) {
        g_autofree char *msg = g_strdup_printf("cannot create scratch dir %s: %s",
                                               t->scratch_dir, g_strerror(errno));
        early_bail(t->tap, msg);
    }

    env = g_getenv(TCK_ENV_LEDGER);
    t->ledger_path = env && *env && !t->standalone ? g_strdup(env)
                                                   : g_build_filename(t->scratch_dir, "ledger", NULL);
    if (!(t->ledger = tck_ledger_open(t->ledger_path, t->run_id, &error)))
        early_bail(t->tap, error->message);

    check_needs(t);
    if (info->plan > 0)
        tck_tap_writer_plan(t->tap, info->plan, NULL);
    return g_steal_pointer(&t);
}

void
tck_test_drop_connection(TckTest *t)
{
    if (t->conn)
        virConnectClose(t->conn);
    t->conn = NULL;
}

virConnectPtr
tck_test_connect(TckTest *t)
{
    g_autoptr(GError) error = NULL;

    if (t->conn)
        return t->conn;
    /* Before the open: libvirt wants the loop there first.  It delivers
     * domain events and answers a daemon's keepalive pings while we wait. */
    if (!tck_event_loop_ensure())
        tck_bail_out(t, "cannot start libvirt's event loop: %s", virGetLastErrorMessage());
    if (!(t->conn = tck_virt_open(t->uri, TCK_VIRT_OPEN_DEFAULT, &error)))
        tck_bail_out(t, "%s", error->message);
    return t->conn;
}

const char *
tck_test_driver(TckTest *t)
{
    if (!t->driver) {
        const char *type = virConnectGetType(tck_test_connect(t));
        t->driver = g_strdup(type ? type : "unknown");
    }
    return t->driver;
}

const char *
tck_name(TckTest *t, const char *suffix)
{
    const char *name = g_hash_table_lookup(t->names, suffix);
    if (!name) {
        char *full = g_strdup_printf(TCK_NAME_PREFIX "%s-%s-%s", t->run_id, t->tag, suffix);
        g_hash_table_insert(t->names, g_strdup(suffix), full);
        name = full;
    }
    return name;
}

const char *
tck_own(TckTest *t, TckObjectKind kind, const char *suffix, const char *parent)
{
    const char *name = tck_name(t, suffix);
    g_autoptr(GError) error = NULL;

    if (!tck_ledger_record(t->ledger, kind, name, parent, &error))
        tck_bail_out(t, "%s", error->message);
    return name;
}

const char *tck_test_run_id(TckTest *t) { return t->run_id; }
const char *tck_test_uri(TckTest *t) { return t->uri; }
const char *tck_test_name(TckTest *t) { return t->name; }
const char *tck_test_tag(TckTest *t) { return t->tag; }

void
tck_test_record_plan(TckTest *t, const TckGuestPlan *plan)
{
    g_autofree char *run_dir = NULL;
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    if (t->standalone)
        return;
    run_dir = g_path_get_dirname(t->scratch_dir);
    path = g_build_filename(run_dir, TCK_PROTOCOL_PLAN_FILE, NULL);
    text = tck_plan_to_text(plan);
    /* the report loses the plan, the test goes on */
    if (!g_file_set_contents(path, text, -1, &error))
        tck_diag(t, "cannot record the guest plan: %s", error->message);
}
TckConfig *tck_test_config(TckTest *t) { return t->config; }
const char *tck_test_scratch_dir(TckTest *t) { return t->scratch_dir; }
TckTapWriter *tck_test_tap(TckTest *t) { return t->tap; }

gpointer
tck_test_get_data(TckTest *t, const char *key)
{
    TestData *d = g_hash_table_lookup(t->data, key);
    return d ? d->data : NULL;
}

void
tck_test_set_data(TckTest *t, const char *key, gpointer data, GDestroyNotify destroy)
{
    TestData *d = g_new0(TestData, 1);
    d->data = data;
    d->destroy = destroy;
    g_hash_table_replace(t->data, g_strdup(key), d);
}

/* ---- TAP writer front ---------------------------------------------- */

void
tck_diag(TckTest *t, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tck_tap_writer_diag(t->tap, msg);
}

void
tck_skip(TckTest *t, int count, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    for (int i = 0; i < count; i++)
        tck_tap_writer_skip(t->tap, NULL, msg);
}

void
tck_skip_check(TckTest *t, const char *description, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tck_tap_writer_skip(t->tap, description, msg);
}

void
tck_todo_start(TckTest *t, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tck_tap_writer_set_todo(t->tap, msg);
}

void
tck_todo_end(TckTest *t)
{
    tck_tap_writer_set_todo(t->tap, NULL);
}

/* Remove what the ledger lists; say so in diagnostics. */
static void
test_cleanup(TckTest *t)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(GString) log = g_string_new(NULL);
    guint failed;

    if (!t->conn || !t->ledger_path)
        return;
    if (!(entries = tck_ledger_read(t->ledger_path, &error))) {
        tck_diag(t, "cleanup: %s", error->message);
        return;
    }
    failed = tck_ledger_cleanup(t->conn, entries, t->run_id, log);
    if (failed)
        tck_diag(t, "cleanup left %u object(s) behind:\n%s", failed, log->str);
}

G_NORETURN void
tck_skip_all(TckTest *t, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;
    int remaining;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (!tck_tap_writer_has_plan(t->tap)) {
        tck_tap_writer_plan(t->tap, 0, msg);
    } else {
        remaining = tck_tap_writer_planned(t->tap) - tck_tap_writer_run(t->tap);
        for (int i = 0; i < remaining; i++)
            tck_tap_writer_skip(t->tap, NULL, msg);
    }
    test_cleanup(t);
    t->ended = TRUE;
    tck_test_free(t);
    exit(0);
}

G_NORETURN void
tck_bail_out(TckTest *t, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tck_tap_writer_bail_out(t->tap, msg);
    test_cleanup(t);
    t->ended = TRUE;
    tck_test_free(t);
    exit(255);
}

int
tck_test_end(TckTest *t)
{
    int planned, run, failed;

    test_cleanup(t);
    if (!tck_tap_writer_has_plan(t->tap))
        tck_tap_writer_plan(t->tap, tck_tap_writer_run(t->tap), NULL);
    planned = tck_tap_writer_planned(t->tap);
    run = tck_tap_writer_run(t->tap);
    failed = tck_tap_writer_failed(t->tap);
    if (planned != run)
        tck_diag(t, "Looks like you planned %d checks but ran %d.", planned, run);
    if (failed)
        tck_diag(t, "Looks like you failed %d check%s of %d run.", failed, failed == 1 ? "" : "s", run);
    t->ended = TRUE;
    fflush(stdout);
    return (failed || planned != run) ? 1 : 0;
}

void
tck_test_free(TckTest *t)
{
    if (!t)
        return;
    if (!t->ended)
        test_cleanup(t);     /* a test that returned early still cleans up */
    if (t->data)
        g_hash_table_unref(t->data);
    t->data = NULL;
    if (t->conn)
        virConnectClose(t->conn);
    tck_ledger_free(t->ledger);
    if (t->own_tmp)
        tck_fs_remove_tree(t->own_tmp);
    g_free(t->own_tmp);
    g_free(t->name);
    g_free(t->tag);
    g_free(t->run_id);
    g_free(t->uri);
    g_free(t->driver);
    g_free(t->ledger_path);
    g_free(t->scratch_dir);
    if (t->names)
        g_hash_table_unref(t->names);
    tck_config_free(t->config);
    tck_tap_writer_free(t->tap);
    g_free(t);
}
