/*
 * test-config.c — unit tests of the config reader (libtck/config.c).
 *
 * Validates: both file forms (upstream's 2.x YAML keys and the flat
 * "key = value" form) read into the same tree; every accessor; the search
 * order (explicit path, $LIBVIRT_TCK_CONFIG, XDG, system file, built-in
 * default); the masked dump and the hash; and that bad files (missing,
 * unreadable, malformed, wrong types, binary, huge) give one-line
 * TCK_ERROR_CONFIG errors naming the file and, where it applies, the line.
 */
#include <config.h>

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <tck/config.h>
#include <tck/error.h>

static char *
fixture(const char *name)
{
    const char *srcdir = g_getenv("top_srcdir");

    return g_build_filename(srcdir ? srcdir : ABS_TOP_SRCDIR, "tests", "config", name, NULL);
}

/* A fresh temporary directory, removed (with its plain files) by the caller. */
static char *
make_tmpdir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("tck-config-XXXXXX", &error);

    g_assert_no_error(error);
    return dir;
}

static void
rm_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;

    if (!dir) {
        g_remove(path);
        return;
    }
    while ((name = g_dir_read_name(dir))) {
        g_autofree char *child = g_build_filename(path, name, NULL);
        rm_tree(child);
    }
    g_dir_close(dir);
    g_rmdir(path);
}

static char *
write_file(const char *dir, const char *name, const char *data, gssize len)
{
    g_autoptr(GError) error = NULL;
    char *path = g_build_filename(dir, name, NULL);
    g_autofree char *parent = g_path_get_dirname(path);

    g_assert_cmpint(g_mkdir_with_parents(parent, 0700), ==, 0);
    g_file_set_contents(path, data, len, &error);
    g_assert_no_error(error);
    return path;
}

/* The error is TCK_ERROR_CONFIG, one line, and names what it must. */
static void
assert_config_error(const GError *error, const char *must_contain)
{
    g_assert_nonnull(error);
    g_assert_error(error, TCK_ERROR, TCK_ERROR_CONFIG);
    g_assert_null(strchr(error->message, '\n'));
    g_assert_true(g_str_has_prefix(error->message, "config "));
    if (!strstr(error->message, must_contain))
        g_error("error message \"%s\" does not contain \"%s\"", error->message, must_contain);
}

static TckConfig *
load_string(const char *text, GError **error)
{
    return tck_config_load_data(text, strlen(text), "mem.yml", error);
}

static guint
line_count(const char *text)
{
    guint lines = 0;

    for (const char *p = text; *p; p++)
        if (*p == '\n')
            lines++;
    return lines;
}

static void
assert_strv(GStrv got, const char *const *want)
{
    g_assert_nonnull(got);
    g_assert_cmpuint(g_strv_length(got), ==, g_strv_length((GStrv)want));
    for (guint i = 0; want[i]; i++)
        g_assert_cmpstr(got[i], ==, want[i]);
}

/* ---- defaults --------------------------------------------------------- */

static void
test_default(void)
{
    g_autoptr(TckConfig) cfg = tck_config_new_default();

    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///default");
    g_assert_cmpstr(tck_config_get_string(cfg, "uri"), ==, "test:///default");
    g_assert_null(tck_config_get_path(cfg));
    g_assert_null(tck_config_get_string(cfg, "scratch_dir"));
    g_assert_null(tck_config_lookup(cfg, "kernels"));
}

static void
test_empty_files(void)
{
    static const char *const names[] = { "empty.yml", "comments-only.yml" };

    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autoptr(GError) error = NULL;
        g_autofree char *path = fixture(names[i]);
        g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);

        g_assert_no_error(error);
        g_assert_cmpstr(tck_config_get_path(cfg), ==, path);
        g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///default");
        g_assert_cmpuint(tck_config_node_n_children(tck_config_lookup(cfg, "")), ==, 0);
    }
    {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckConfig) cfg = load_string("~\n", &error);
        g_assert_no_error(error);
        g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///default");
    }
}

/* ---- YAML form -------------------------------------------------------- */

static void
test_yaml_upstream(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("upstream.yml");
    g_autoptr(TckConfig) cfg = tck_config_load(path, &error);
    g_auto(GStrv) ostype = NULL;
    g_auto(GStrv) nics = NULL;
    g_auto(GStrv) blocks = NULL;
    const TckConfigNode *node;

    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_path(cfg), ==, path);
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "qemu:///system");
    g_assert_cmpstr(tck_config_get_string(cfg, "otheruri"), ==, "qemu+ssh://peer.example.org/system");
    g_assert_cmpstr(tck_config_get_string(cfg, "scratch_dir"), ==, "/var/tmp/tck-scratch");
    g_assert_null(tck_config_get_string(cfg, "scratch_usage_limit"));

    g_assert_cmpstr(tck_config_get_string(cfg, "images/0/osname"), ==, "fedora-40");

    node = tck_config_lookup(cfg, "kernels");
    g_assert_cmpint(tck_config_node_type(node), ==, TCK_CONFIG_LIST);
    g_assert_cmpuint(tck_config_node_n_children(node), ==, 2);
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/0/arch"), ==, "x86_64");
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "kernels/0/arch")), ==, 14);
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "uri")), ==, 3);
    ostype = tck_config_get_strv(cfg, "kernels/0/ostype");
    assert_strv(ostype, (const char *const[]){ "hvm", "xen", NULL });
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/0/initrd"), ==,
                    "http://mirror.example.org/pxeboot/initrd.img");
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/1/ostype"), ==, "uml");
    g_assert_null(tck_config_get_string(cfg, "kernels/1/kernel"));   /* a map, not a scalar */
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/1/kernel/uncompress"), ==, "bzip2");
    g_assert_null(tck_config_lookup(cfg, "kernels/2"));
    g_assert_null(tck_config_lookup(cfg, "kernels/x"));
    g_assert_null(tck_config_lookup(cfg, "uri/0"));

    /* `host_usb_devices:` followed only by comments is an empty list. */
    node = tck_config_lookup(cfg, "host_usb_devices");
    g_assert_nonnull(node);
    g_assert_cmpint(tck_config_node_type(node), ==, TCK_CONFIG_LIST);
    g_assert_cmpuint(tck_config_node_n_children(node), ==, 0);

    /* Scalars keep their text: 0000 and 07 are not numbers here. */
    g_assert_cmpstr(tck_config_get_string(cfg, "host_pci_devices/0/domain"), ==, "0000");
    g_assert_cmpstr(tck_config_get_string(cfg, "host_pci_devices/0/slot"), ==, "07");

    g_assert_cmpstr(tck_config_get_string(cfg, "host_block_devices/0"), ==, "/dev/vdb");
    g_assert_cmpstr(tck_config_get_string(cfg, "host_block_devices/1/size"), ==, "989184");
    blocks = tck_config_get_strv(cfg, "host_block_devices");
    g_assert_null(blocks);   /* entry 1 is a map: not a list of scalars */

    nics = tck_config_get_strv(cfg, "host_network_devices");
    assert_strv(nics, (const char *const[]){ "eth1", "eth2", NULL });
    g_assert_cmpstr(tck_config_get_string(cfg, "nvram_file_template"), ==,
                    "/usr/share/OVMF/OVMF_VARS.fd");
}

static void
test_node_api(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = load_string("x_b: 1\nx_a:\n  - x\n  - {k: v}\nx_c: {z: 1, y: 2}\n", &error);
    const TckConfigNode *root;
    const TckConfigNode *list;
    const TckConfigNode *map;

    g_assert_no_error(error);
    root = tck_config_lookup(cfg, "");
    g_assert_true(root == tck_config_lookup(cfg, NULL));
    g_assert_cmpint(tck_config_node_type(root), ==, TCK_CONFIG_MAP);
    g_assert_cmpuint(tck_config_node_n_children(root), ==, 3);
    /* Keys keep the file's order. */
    g_assert_cmpstr(tck_config_node_key(root, 0), ==, "x_b");
    g_assert_cmpstr(tck_config_node_key(root, 1), ==, "x_a");
    g_assert_cmpstr(tck_config_node_key(root, 2), ==, "x_c");
    g_assert_null(tck_config_node_key(root, 3));
    g_assert_cmpstr(tck_config_node_scalar(tck_config_node_child(root, 0)), ==, "1");
    g_assert_null(tck_config_node_scalar(root));

    list = tck_config_node_get(root, "x_a");
    g_assert_cmpint(tck_config_node_type(list), ==, TCK_CONFIG_LIST);
    g_assert_cmpuint(tck_config_node_line(list), ==, 3);
    g_assert_null(tck_config_node_key(list, 0));
    g_assert_cmpstr(tck_config_node_scalar(tck_config_node_child(list, 0)), ==, "x");
    g_assert_null(tck_config_node_child(list, 2));
    map = tck_config_node_child(list, 1);
    g_assert_cmpint(tck_config_node_type(map), ==, TCK_CONFIG_MAP);
    g_assert_cmpstr(tck_config_node_scalar(tck_config_node_get(map, "k")), ==, "v");
    g_assert_null(tck_config_node_get(map, "nope"));
    g_assert_null(tck_config_node_get(list, "k"));
    g_assert_cmpuint(tck_config_node_n_children(tck_config_node_get(root, "x_b")), ==, 0);

    /* NULL nodes (a failed lookup) are safe to inspect. */
    g_assert_null(tck_config_node_scalar(NULL));
    g_assert_cmpuint(tck_config_node_n_children(NULL), ==, 0);
    g_assert_null(tck_config_node_child(NULL, 0));
    g_assert_null(tck_config_node_get(NULL, "a"));
    g_assert_cmpuint(tck_config_node_line(NULL), ==, 0);
}

/*
 * A key the schema does not know is an error naming FILE:LINE, with a
 * "did you mean" when a known key is close: a typo must never pass
 * unseen (`urri:` once ran test:///default and exited 0).
 */
static void
test_unknown_keys(void)
{
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        { "urri: qemu:///system\n", "config mem.yml:1: unknown key 'urri'; did you mean 'uri'?" },
        { "uri: test:///default\nscrach_dir: /x\n",
          "config mem.yml:2: unknown key 'scrach_dir'; did you mean 'scratch_dir'?" },
        { "asset-cache: /x\n", "config mem.yml:1: unknown key 'asset-cache'; did you mean 'asset_cache'?" },
        { "uri: test:///default\nfrobnicate: [1, 2]\n",
          "config mem.yml:2: unknown key 'frobnicate' (libvirt-tck.conf(5) lists the keys" },
        { "kernels:\n  - arch: x86_64\n    kernal: /boot/vmlinuz\n",
          "config mem.yml:3: 'kernels' entry 1: unknown key 'kernal'; did you mean 'kernel'?" },
        { "kernels:\n  - arch: x86_64\n    colour: blue\n",
          "config mem.yml:3: 'kernels' entry 1: unknown key 'colour' (libvirt-tck.conf(5)" },
        { "nfs_server:\n  hots: nfs.example.org\n",
          "config mem.yml:2: nfs_server: unknown key 'hots'; did you mean 'host'?" },
        { "uri = test:///default\nurl = qemu:///system\n",
          "config mem.yml:2: unknown key 'url'; did you mean 'uri'?" },
    };
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) err = NULL;
        g_autoptr(TckConfig) bad = load_string(cases[i].text, &err);

        g_assert_null(bad);
        assert_config_error(err, cases[i].message);
    }

    /* Keys starting x_ are a vendor's own; known but unused keys get a debug note. */
    g_test_expect_message("tck-config", G_LOG_LEVEL_DEBUG, "*mem.yml:3: key 'otheruri' is accepted but not used*");
    cfg = load_string("uri: test:///default\nx_frobnicate: [1, 2]\notheruri: x\n"
                      "kernels:\n  - arch: x86_64\n    x_colour: blue\n", &error);
    g_test_assert_expected_messages();
    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_string(cfg, "x_frobnicate/1"), ==, "2");
}

/* ---- flat form -------------------------------------------------------- */

static void
test_flat(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("flat.conf");
    g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);
    g_auto(GStrv) ostype = NULL;
    g_auto(GStrv) nics = NULL;
    const TckConfigNode *node;

    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "qemu:///session");
    g_assert_cmpstr(tck_config_get_string(cfg, "scratch_dir"), ==, "/var/tmp/tck flat");
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "uri")), ==, 3);

    node = tck_config_lookup(cfg, "kernels");
    g_assert_cmpint(tck_config_node_type(node), ==, TCK_CONFIG_LIST);
    g_assert_cmpuint(tck_config_node_n_children(node), ==, 2);
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/0/arch"), ==, "x86_64");
    ostype = tck_config_get_strv(cfg, "kernels/0/ostype");
    assert_strv(ostype, (const char *const[]){ "hvm", "xen", NULL });
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels/1/kernel"), ==, "/boot/vmlinuz-arm64");
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "kernels/1/arch")), ==, 10);

    nics = tck_config_get_strv(cfg, "host_network_devices");
    assert_strv(nics, (const char *const[]){ "eth1", "eth2", NULL });

    /* `otheruri =` is present but empty. */
    g_assert_nonnull(tck_config_lookup(cfg, "otheruri"));
    g_assert_null(tck_config_get_string(cfg, "otheruri"));
}

static void
test_flat_equivalent(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *flat_path = fixture("equiv.conf");
    g_autofree char *yaml_path = fixture("equiv.yml");
    g_autoptr(TckConfig) flat = tck_config_load_file(flat_path, &error);
    g_autoptr(TckConfig) yaml = NULL;
    g_autofree char *flat_hash = NULL;
    g_autofree char *yaml_hash = NULL;

    g_assert_no_error(error);
    yaml = tck_config_load_file(yaml_path, &error);
    g_assert_no_error(error);
    flat_hash = tck_config_hash(flat);
    yaml_hash = tck_config_hash(yaml);
    g_assert_cmpstr(flat_hash, ==, yaml_hash);
}

static void
test_flat_errors(void)
{
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        { "uri = x\njust words\n", "config mem.yml:2: expected 'key = value'" },
        { "uri = x\nbad key = 1\n", "config mem.yml:2: invalid key 'bad key'" },
        { "kernels.0.arch = a\nkernels.2.arch = b\n", "config mem.yml:2: 'kernels.2' skips ahead" },
        { "a = 1\na.b = 2\n", "config mem.yml:2: 'a' already has a value (line 1)" },
        { "a.b = 1\na = 2\n", "config mem.yml:2: 'a' is a map (line 1)" },
        { "l.0 = 1\nl.0 = 2\n", "config mem.yml:2: 'l.0' is already set (line 1)" },
        { "l.0 = 1\nl.x = 2\n", "config mem.yml:2: 'l' is a list (line 1): expected an index" },
        { "a..b = 1\n", "config mem.yml:1: key 'a..b' has an empty part" },
        { "kernels = (\n  {\n", "config mem.yml:1: nested '(' blocks are not supported" },
        { "uri = a\nuri = b\n", "config mem.yml:1: 'uri' must be a scalar (a libvirt URI), not a list" },
        { "kernels = x86_64\n", "config mem.yml:1: 'kernels' must be a list of maps, not a scalar" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckConfig) cfg = load_string(cases[i].text, &error);

        g_assert_null(cfg);
        assert_config_error(error, cases[i].message);
    }
}

/* One value where a list of values fits is a one-element list, in both forms. */
static void
test_single_value_list(void)
{
    static const char *const texts[] = {
        "host_network_devices = eth1\nhost_block_devices = /dev/vdb\n",
        "host_network_devices: eth1\nhost_block_devices: /dev/vdb\n",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckConfig) cfg = load_string(texts[i], &error);
        g_auto(GStrv) nics = NULL;

        g_assert_no_error(error);
        g_assert_cmpint(tck_config_node_type(tck_config_lookup(cfg, "host_network_devices")), ==,
                        TCK_CONFIG_LIST);
        nics = tck_config_get_strv(cfg, "host_network_devices");
        assert_strv(nics, (const char *const[]){ "eth1", NULL });
        g_assert_cmpstr(tck_config_get_string(cfg, "host_block_devices/0"), ==, "/dev/vdb");
    }
}

static void
test_detect_form(void)
{
    static const struct {
        const char *text;
        const char *uri;
    } cases[] = {
        { "uri: test:///default?x=1\n", "test:///default?x=1" },    /* YAML, '=' in a value */
        { "# c\n\n  uri = test:///flat\n", "test:///flat" },        /* flat after comments */
        { "---\nuri: test:///yaml\n", "test:///yaml" },
        { "\xEF\xBB\xBFuri = test:///bom\n", "test:///bom" },       /* a UTF-8 BOM */
        { "uri=test:///tight\r\nscratch_dir=/x\r\n", "test:///tight" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckConfig) cfg = load_string(cases[i].text, &error);

        g_assert_no_error(error);
        g_assert_cmpstr(tck_config_get_uri(cfg), ==, cases[i].uri);
    }
}

/* ---- accessors and overrides ------------------------------------------ */

static void
test_set_string(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("upstream.yml");
    g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);

    g_assert_no_error(error);
    tck_config_set_string(cfg, "uri", "test:///override");
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///override");
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "uri")), ==, 0);

    /* New keys land at the top level; lists can be overridden by a scalar. */
    tck_config_set_string(cfg, "arch", "aarch64");
    g_assert_cmpstr(tck_config_get_string(cfg, "arch"), ==, "aarch64");
    tck_config_set_string(cfg, "kernels", "none");
    g_assert_cmpstr(tck_config_get_string(cfg, "kernels"), ==, "none");

    /* NULL removes; an unset or empty uri falls back to the default. */
    tck_config_set_string(cfg, "uri", NULL);
    g_assert_null(tck_config_lookup(cfg, "uri"));
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///default");
    g_assert_cmpstr(tck_config_get_string(cfg, "arch"), ==, "aarch64");
    g_assert_cmpstr(tck_config_get_string(cfg, "host_network_devices/1"), ==, "eth2");
    tck_config_set_string(cfg, "uri", "");
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///default");
    tck_config_set_string(cfg, "nothing-here", NULL);

    /* Bytes that are not UTF-8 (e.g. from the environment) stay dumpable. */
    tck_config_set_string(cfg, "asset_cache", "/tmp/\xff\xfe");
    g_assert_true(g_utf8_validate(tck_config_get_string(cfg, "asset_cache"), -1, NULL));
    g_free(tck_config_dump_masked(cfg));
}

static void
test_get_strv(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = load_string("x_one: a\nx_many: [a, b, c]\nx_map: {k: v}\n"
                                           "x_mixed: [a, [b]]\nx_none:\nx_holes: [a, ~, b]\n", &error);
    g_auto(GStrv) one = NULL;
    g_auto(GStrv) many = NULL;
    g_auto(GStrv) none = NULL;
    g_auto(GStrv) holes = NULL;

    g_assert_no_error(error);
    one = tck_config_get_strv(cfg, "x_one");
    assert_strv(one, (const char *const[]){ "a", NULL });
    many = tck_config_get_strv(cfg, "x_many");
    assert_strv(many, (const char *const[]){ "a", "b", "c", NULL });
    none = tck_config_get_strv(cfg, "x_none");
    assert_strv(none, (const char *const[]){ NULL });
    holes = tck_config_get_strv(cfg, "x_holes");
    assert_strv(holes, (const char *const[]){ "a", "b", NULL });
    g_assert_null(tck_config_get_strv(cfg, "x_map"));
    g_assert_null(tck_config_get_strv(cfg, "x_mixed"));
    g_assert_null(tck_config_get_strv(cfg, "absent"));
    g_assert_null(tck_config_get_string(cfg, "x_none"));
    g_assert_null(tck_config_get_string(cfg, "x_many"));
}

/* ---- dump and hash ---------------------------------------------------- */

static void
test_dump_masked(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("secrets.yml");
    g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);
    g_autofree char *dump = NULL;
    g_autoptr(TckConfig) again = NULL;

    g_assert_no_error(error);
    dump = tck_config_dump_masked(cfg);
    g_test_message("dump:\n%s", dump);

    /* No secret survives. */
    static const char *const secrets[] = {
        "hunter2", "s3cr3t-root", "chap-pass", "tok-123", "user1-cred", "user2-cred", "/root/.ssh/id",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(secrets); i++)
        if (strstr(dump, secrets[i]))
            g_error("secret '%s' is in the dump", secrets[i]);

    /* What is not secret is kept. */
    static const char *const kept[] = {
        "qemu+ssh://admin:********@virt.example.org/system?keyfile=********&no_verify=1",
        "qemu+tls://operator@peer.example.org/system",
        "rootpassword: '********'", "host: iscsi.example.org", "iqn.2024-01.org.example:disk",
        "api_token: '********'",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(kept); i++)
        if (!strstr(dump, kept[i]))
            g_error("'%s' is not in the dump", kept[i]);

    /* The dump is YAML that reads back to the same shape; null stays null, "" and "~" stay strings. */
    again = tck_config_load_data(dump, strlen(dump), "dump", &error);
    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_string(again, "rootpassword"), ==, "********");
    g_assert_cmpstr(tck_config_get_string(again, "x_custom/note"), ==, "~");
    g_assert_cmpstr(tck_config_get_string(again, "x_custom/empty"), ==, "");
    g_assert_nonnull(tck_config_lookup(again, "x_custom/nothing"));
    g_assert_null(tck_config_get_string(again, "x_custom/nothing"));
    g_assert_cmpuint(tck_config_node_n_children(tck_config_lookup(again, "x_custom/credentials")), ==, 2);
}

static void
test_dump_roundtrip(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("upstream.yml");
    g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);
    g_autofree char *dump = NULL;
    g_autoptr(TckConfig) again = NULL;
    g_autofree char *h1 = NULL;
    g_autofree char *h2 = NULL;

    g_assert_no_error(error);
    dump = tck_config_dump_masked(cfg);
    again = tck_config_load_data(dump, strlen(dump), "dump", &error);
    g_assert_no_error(error);
    h1 = tck_config_hash(cfg);
    h2 = tck_config_hash(again);
    g_assert_cmpstr(h1, ==, h2);
    g_assert_cmpstr(tck_config_get_string(again, "host_pci_devices/0/slot"), ==, "07");
}

static void
test_hash(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) a = load_string("uri: test:///default\nscratch_dir: /x\n", &error);
    g_autoptr(TckConfig) b = load_string("scratch_dir: /x\nuri: test:///default\n", &error);
    g_autoptr(TckConfig) c = load_string("scratch_dir: /y\nuri: test:///default\n", &error);
    g_autofree char *ha = tck_config_hash(a);
    g_autofree char *hb = tck_config_hash(b);
    g_autofree char *hc = tck_config_hash(c);
    g_autofree char *hc2 = NULL;

    g_assert_no_error(error);
    g_assert_cmpuint(strlen(ha), ==, 64);
    g_assert_cmpstr(ha, ==, hb);      /* key order does not matter */
    g_assert_cmpstr(ha, !=, hc);      /* content does */
    tck_config_set_string(c, "scratch_dir", "/x");
    hc2 = tck_config_hash(c);
    g_assert_cmpstr(ha, ==, hc2);
}

/* ---- search order ----------------------------------------------------- */

typedef struct {
    char *dir;
    char *xdg;            /* a user config dir */
    char *system;         /* a system file path */
    char *explicit;
    char *env;
} SearchFixture;

static void
search_setup(SearchFixture *f, gconstpointer data)
{
    f->dir = make_tmpdir();
    f->xdg = g_build_filename(f->dir, "xdg", NULL);
    f->system = write_file(f->dir, "etc/libvirt-tck/default.yml", "uri: test:///system\n", -1);
    f->explicit = write_file(f->dir, "explicit.yml", "uri: test:///explicit\n", -1);
    f->env = write_file(f->dir, "env.conf", "uri = test:///env\n", -1);
    g_free(write_file(f->xdg, "libvirt-tck/default.yml", "uri: test:///xdg\n", -1));
    g_unsetenv("LIBVIRT_TCK_CONFIG");
}

static void
search_teardown(SearchFixture *f, gconstpointer data)
{
    g_unsetenv("LIBVIRT_TCK_CONFIG");
    rm_tree(f->dir);
    g_free(f->dir);
    g_free(f->xdg);
    g_free(f->system);
    g_free(f->explicit);
    g_free(f->env);
}

static void
assert_search(SearchFixture *f, const char *explicit, const char *want_uri, const char *want_path)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = tck_config_load_search(explicit, f->xdg, f->system, &error);

    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, want_uri);
    g_assert_cmpstr(tck_config_get_path(cfg), ==, want_path);
}

static void
test_search_order(SearchFixture *f, gconstpointer data)
{
    g_autofree char *xdg_file = g_build_filename(f->xdg, "libvirt-tck", "default.yml", NULL);

    g_setenv("LIBVIRT_TCK_CONFIG", f->env, TRUE);
    assert_search(f, f->explicit, "test:///explicit", f->explicit);
    assert_search(f, NULL, "test:///env", f->env);

    g_setenv("LIBVIRT_TCK_CONFIG", "", TRUE);   /* empty counts as unset */
    assert_search(f, NULL, "test:///xdg", xdg_file);
    g_unsetenv("LIBVIRT_TCK_CONFIG");
    assert_search(f, NULL, "test:///xdg", xdg_file);

    g_assert_cmpint(g_remove(xdg_file), ==, 0);
    assert_search(f, NULL, "test:///system", f->system);

    g_assert_cmpint(g_remove(f->system), ==, 0);
    assert_search(f, NULL, "test:///default", NULL);
}

static void
test_search_missing(SearchFixture *f, gconstpointer data)
{
    g_autofree char *missing = g_build_filename(f->dir, "no-such.yml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;
    g_autofree char *want = NULL;

    /* A named file that is missing is an error, never a silent fallback. */
    cfg = tck_config_load_search(missing, f->xdg, f->system, &error);
    g_assert_null(cfg);
    want = g_strdup_printf("config %s: cannot open: ", missing);
    assert_config_error(error, want);
    g_clear_error(&error);

    g_setenv("LIBVIRT_TCK_CONFIG", missing, TRUE);
    cfg = tck_config_load_search(NULL, f->xdg, f->system, &error);
    g_assert_null(cfg);
    assert_config_error(error, want);
    assert_config_error(error, "(named by $LIBVIRT_TCK_CONFIG)");
    g_clear_error(&error);

    /* An XDG or system file that exists but is broken is an error too. */
    g_unsetenv("LIBVIRT_TCK_CONFIG");
    g_free(write_file(f->xdg, "libvirt-tck/default.yml", "uri: [\n", -1));
    cfg = tck_config_load_search(NULL, f->xdg, f->system, &error);
    g_assert_null(cfg);
    assert_config_error(error, "xdg/libvirt-tck/default.yml:");

    g_clear_error(&error);
    cfg = tck_config_load_search("", f->xdg, f->system, &error);
    g_assert_null(cfg);
    assert_config_error(error, "empty file name");
}

/* The public entry point reads the real (isolated) XDG config dir. */
static void
test_search_public(void)
{
    g_autofree char *dir = g_build_filename(g_get_user_config_dir(), "libvirt-tck", NULL);
    g_autofree char *path = g_build_filename(dir, "default.yml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;

    g_unsetenv("LIBVIRT_TCK_CONFIG");
    /* G_TEST_OPTION_ISOLATE_DIRS makes the user config dir a per-test temporary
     * dir; never write into a real user's config. */
    g_assert_true(g_str_has_prefix(g_get_user_config_dir(), g_get_tmp_dir()));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_cmpint(g_mkdir_with_parents(dir, 0700), ==, 0);
    g_file_set_contents(path, "uri: test:///isolated-xdg\n", -1, &error);
    g_assert_no_error(error);

    cfg = tck_config_load(NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///isolated-xdg");
    g_assert_cmpstr(tck_config_get_path(cfg), ==, path);
    g_remove(path);
}

/* ---- bad input -------------------------------------------------------- */

static void
test_bad_syntax(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture("syntax-error.yml");
    g_autoptr(TckConfig) cfg = tck_config_load_file(path, &error);
    g_autofree char *want = g_strdup_printf("config %s:7: mapping values are not allowed", path);

    g_assert_null(cfg);
    assert_config_error(error, want);
}

static void
test_bad_yaml(void)
{
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        { "just a scalar\n", "config mem.yml:1: the top level must be a map of keys, not a scalar" },
        { "- a\n- b\n", "config mem.yml:1: the top level must be a map of keys, not a list" },
        { "uri:\n  - a\n", "config mem.yml:2: 'uri' must be a scalar (a libvirt URI), not a list" },
        { "uri: {a: b}\n", "config mem.yml:1: 'uri' must be a scalar (a libvirt URI), not a map" },
        { "kernels: x86_64\n", "config mem.yml:1: 'kernels' must be a list of maps, not a scalar" },
        { "kernels:\n  - x86_64\n", "config mem.yml:2: 'kernels' must be a list of maps, but entry 1 is a scalar" },
        { "kernels:\n  -\n", "config mem.yml:2: 'kernels' entry 1 is empty" },
        { "kernels:\n  - arch: [a]\n", "config mem.yml:2: 'kernels' entry 1: 'arch' must be a scalar, not a list" },
        { "kernels:\n  - ostype: [hvm, {a: b}]\n",
          "config mem.yml:2: 'kernels' entry 1: 'ostype' must be a scalar or a list of scalars, but item 2 is a map" },
        { "host_network_devices:\n  - {name: eth0}\n",
          "config mem.yml:2: 'host_network_devices' must be a list of scalars, but entry 1 is a map" },
        { "host_block_devices:\n  - [a]\n", "config mem.yml:2: 'host_block_devices' must be a list of paths" },
        { "uri: a\nscratch_dir: b\nuri: c\n", "config mem.yml:3: duplicate key 'uri' (first at line 1)" },
        { "a: &x 1\nb: *x\n", "config mem.yml:2: aliases (*x) are not supported" },
        { "uri: a\n---\nuri: b\n", "config mem.yml:2: more than one YAML document" },
        { "? [a]\n: b\n", "config mem.yml:1: a map key must be a scalar, not a list" },
        { "uri: \"a\\0b\"\n", "config mem.yml:1: a value contains a NUL character" },
        { "uri: [a\n", "config mem.yml:2: did not find expected ',' or ']'" },
        { "uri: \"open\n", "config mem.yml:2: found unexpected end of stream" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(TckConfig) cfg = load_string(cases[i].text, &error);

        g_assert_null(cfg);
        assert_config_error(error, cases[i].message);
    }
}

static void
test_bad_deep(void)
{
    g_autoptr(GString) deep = g_string_new("a: ");
    g_autoptr(GString) flat = g_string_new("a");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;

    for (int i = 0; i < 10000; i++)
        g_string_append_c(deep, '[');
    cfg = load_string(deep->str, &error);
    g_assert_null(cfg);
    assert_config_error(error, "nested deeper than 64 levels");
    g_clear_error(&error);

    for (int i = 0; i < 100; i++)
        g_string_append(flat, ".b");
    g_string_append(flat, " = 1\n");
    cfg = load_string(flat->str, &error);
    g_assert_null(cfg);
    assert_config_error(error, "nested deeper than 64 levels");
}

/* Issue 10 finding 5: a config of many small nodes within the byte cap
 * (a 60 MiB one took 4.4 GB) is refused by its node count, in both forms. */
static void
test_bad_many_nodes(void)
{
    g_autoptr(GString) yaml = g_string_new("x_list: [");
    g_autoptr(GString) flat = g_string_new(NULL);
    g_autoptr(GString) ok = g_string_new("x_list: [");
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;

    for (int i = 0; i < 1100000; i++)
        g_string_append(yaml, "0,");
    g_string_append(yaml, "0]\n");
    cfg = load_string(yaml->str, &error);
    g_assert_null(cfg);
    assert_config_error(error, "more than 1000000 keys and values; a config is far smaller");
    g_clear_error(&error);

    for (int i = 0; i < 1100000; i++)
        g_string_append_printf(flat, "x_k%d = 1\n", i);
    cfg = load_string(flat->str, &error);
    g_assert_null(cfg);
    assert_config_error(error, "more than 1000000 keys and values; a config is far smaller");
    g_clear_error(&error);

    /* well below the cap is fine */
    for (int i = 0; i < 500000; i++)
        g_string_append(ok, "0,");
    g_string_append(ok, "0]\n");
    cfg = load_string(ok->str, &error);
    g_assert_no_error(error);
    g_assert_nonnull(cfg);
}

static void
test_bad_files(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;
    g_autofree char *want = NULL;

    /* A directory where a file is expected. */
    cfg = tck_config_load_file(dir, &error);
    g_assert_null(cfg);
    want = g_strdup_printf("config %s: cannot read: ", dir);
    assert_config_error(error, want);
    g_clear_error(&error);

    /* Missing. */
    {
        g_autofree char *missing = g_build_filename(dir, "absent.yml", NULL);
        g_autofree char *w = g_strdup_printf("config %s: cannot open: ", missing);
        cfg = tck_config_load_file(missing, &error);
        g_assert_null(cfg);
        assert_config_error(error, w);
        g_clear_error(&error);
    }

    /* Binary garbage, including NUL bytes and invalid UTF-8. */
    {
        guint8 junk[4096];
        g_autoptr(GRand) rand = g_rand_new_with_seed(42);
        g_autofree char *path = NULL;

        for (gsize i = 0; i < sizeof(junk); i++)
            junk[i] = g_rand_int_range(rand, 0, 256);
        path = write_file(dir, "garbage.bin", (const char *)junk, sizeof(junk));
        cfg = tck_config_load_file(path, &error);
        g_assert_null(cfg);
        assert_config_error(error, "not UTF-8 text");
        assert_config_error(error, path);
        g_clear_error(&error);
    }

    /* Latin-1 text on line 3: the line is named. */
    cfg = load_string("uri: a\n# ok\nscratch_dir: caf\xe9\n", &error);
    g_assert_null(cfg);
    assert_config_error(error, "config mem.yml:3: not UTF-8 text");
    g_clear_error(&error);

    /* A NUL in flat form, too. */
    cfg = tck_config_load_data("uri = a\0b\n", 10, "nul.conf", &error);
    g_assert_null(cfg);
    assert_config_error(error, "config nul.conf:1: not UTF-8 text");
    g_clear_error(&error);

    /* An endless device is cut off with a clear error. */
    if (g_file_test("/dev/zero", G_FILE_TEST_EXISTS)) {
        cfg = tck_config_load_file("/dev/zero", &error);
        g_assert_null(cfg);
        assert_config_error(error, "config /dev/zero: file is larger than the 16 MiB limit");
        g_clear_error(&error);
    }

    rm_tree(dir);
}

static void
test_bad_unreadable(void)
{
    g_autofree char *dir = NULL;
    g_autofree char *path = NULL;
    g_autofree char *want = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;

    if (geteuid() == 0) {
        g_test_skip("running as root, which reads a mode-000 file anyway "
                    "(the directory case in /config/bad/files covers an unreadable path)");
        return;
    }
    dir = make_tmpdir();
    path = write_file(dir, "locked.yml", "uri: test:///default\n", -1);
    g_assert_cmpint(g_chmod(path, 0), ==, 0);
    cfg = tck_config_load_file(path, &error);
    g_assert_null(cfg);
    want = g_strdup_printf("config %s: cannot open: Permission denied", path);
    assert_config_error(error, want);
    rm_tree(dir);
}

/*
 * 10 MB configs of both forms: 100 000 list entries, a 4 MB value and
 * megabytes of comments.  They must load (and hash) without trouble.
 */
static void
test_huge(void)
{
    const guint n = 100000;
    const gsize target = 10 * 1024 * 1024;
    g_autofree char *dir = make_tmpdir();
    g_autoptr(GString) yaml = g_string_new("# a 10 MB config\nuri: test:///huge\nhost_network_devices:\n");
    g_autoptr(GString) flat = g_string_new("uri = test:///huge-flat\n");
    g_autofree char *big = g_strnfill(4 * 1024 * 1024, 'x');
    g_autoptr(GError) error = NULL;
    g_autoptr(TckConfig) cfg = NULL;
    g_autofree char *ypath = NULL;
    g_autofree char *fpath = NULL;
    g_autofree char *hash = NULL;
    guint yaml_lines;

    for (guint i = 0; i < n; i++) {
        g_string_append_printf(yaml, "  - nic%07u\n", i);
        g_string_append_printf(flat, "host_network_devices = nic%07u\n", i);
    }
    g_string_append_printf(yaml, "x_description: %s\n", big);
    g_string_append_printf(flat, "x_description = %s\n", big);
    while (yaml->len < target)
        g_string_append(yaml, "# padding comment line, padding comment line, padding comment line\n");
    while (flat->len < target)
        g_string_append(flat, "# padding comment line, padding comment line, padding comment line\n");
    g_string_append(yaml, "scratch_dir: /last\n");
    g_string_append(flat, "scratch_dir = /last\n");
    yaml_lines = line_count(yaml->str);
    ypath = write_file(dir, "huge.yml", yaml->str, yaml->len);
    fpath = write_file(dir, "huge.conf", flat->str, flat->len);

    cfg = tck_config_load_file(ypath, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(tck_config_get_uri(cfg), ==, "test:///huge");
    g_assert_cmpuint(tck_config_node_n_children(tck_config_lookup(cfg, "host_network_devices")), ==, n);
    g_assert_cmpuint(strlen(tck_config_get_string(cfg, "x_description")), ==, strlen(big));
    g_assert_cmpuint(tck_config_node_line(tck_config_lookup(cfg, "scratch_dir")), ==, yaml_lines);
    hash = tck_config_hash(cfg);
    g_assert_cmpuint(strlen(hash), ==, 64);
    g_clear_pointer(&cfg, tck_config_free);

    cfg = tck_config_load_file(fpath, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(tck_config_node_n_children(tck_config_lookup(cfg, "host_network_devices")), ==, n);
    g_assert_cmpstr(tck_config_get_string(cfg, "scratch_dir"), ==, "/last");
    g_assert_cmpuint(strlen(tck_config_get_string(cfg, "x_description")), ==, strlen(big));
    rm_tree(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

    g_test_add_func("/config/default", test_default);
    g_test_add_func("/config/empty-files", test_empty_files);
    g_test_add_func("/config/yaml/upstream-keys", test_yaml_upstream);
    g_test_add_func("/config/yaml/node-api", test_node_api);
    g_test_add_func("/config/yaml/unknown-keys", test_unknown_keys);
    g_test_add_func("/config/flat/basic", test_flat);
    g_test_add_func("/config/flat/same-as-yaml", test_flat_equivalent);
    g_test_add_func("/config/flat/errors", test_flat_errors);
    g_test_add_func("/config/flat/single-value-list", test_single_value_list);
    g_test_add_func("/config/detect-form", test_detect_form);
    g_test_add_func("/config/set-string", test_set_string);
    g_test_add_func("/config/get-strv", test_get_strv);
    g_test_add_func("/config/dump/masked", test_dump_masked);
    g_test_add_func("/config/dump/roundtrip", test_dump_roundtrip);
    g_test_add_func("/config/hash", test_hash);
    g_test_add("/config/search/order", SearchFixture, NULL, search_setup, test_search_order,
               search_teardown);
    g_test_add("/config/search/missing", SearchFixture, NULL, search_setup, test_search_missing,
               search_teardown);
    g_test_add_func("/config/search/public-xdg", test_search_public);
    g_test_add_func("/config/bad/syntax-line", test_bad_syntax);
    g_test_add_func("/config/bad/yaml", test_bad_yaml);
    g_test_add_func("/config/bad/deep", test_bad_deep);
    g_test_add_func("/config/bad/many-nodes", test_bad_many_nodes);
    g_test_add_func("/config/bad/files", test_bad_files);
    g_test_add_func("/config/bad/unreadable", test_bad_unreadable);
    g_test_add_func("/config/bad/huge", test_huge);
    return g_test_run();
}
