/*
 * protocol.h — the contract between the libvirt-tck harness and a test
 * program, included by both sides: the environment the harness sets, the
 * `--describe` keys, the run-id format, the files a test leaves in its run
 * directory, and how a program declares that it speaks this protocol.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- The environment the harness gives each test ---------------------- */
#define TCK_ENV_URI          "TCK_URI"            /* the libvirt URI under test */
#define TCK_ENV_RUN_ID       "TCK_RUN_ID"         /* the run id (see below) */
#define TCK_ENV_TEST_NAME    "TCK_TEST_NAME"      /* "area/NNN-name" */
#define TCK_ENV_LEDGER       "TCK_LEDGER"         /* the file the test records its objects in */
#define TCK_ENV_SCRATCH_DIR  "TCK_SCRATCH_DIR"    /* the test's own scratch directory */
#define TCK_ENV_CONFIG       "LIBVIRT_TCK_CONFIG" /* the config file */
#define TCK_ENV_ASSET_CACHE  "TCK_ASSET_CACHE"    /* the asset cache directory */
#define TCK_ENV_OS_TYPE      "TCK_OS_TYPE"        /* forced guest OS type */
#define TCK_ENV_ARCH         "TCK_ARCH"           /* forced guest arch */
#define TCK_ENV_BOOT         "TCK_BOOT"           /* forced boot strategy */
#define TCK_ENV_GUEST_CONSOLE "TCK_GUEST_CONSOLE" /* how the marker is read: log or console */

/*
 * ---- What a test leaves for the harness --------------------------------
 * The test's run directory is the parent of $TCK_SCRATCH_DIR.  A test that
 * made a guest plan writes it there (tck_plan_to_text()), and the report
 * shows the plan the tests used.
 */
#define TCK_PROTOCOL_PLAN_FILE "plan.txt"

/*
 * ---- Declaring the protocol ---------------------------------------------
 * A program that speaks `--describe` carries this string (libtck's
 * tck_test_begin() puts it into every test program that links it); the
 * harness asks only such programs to describe themselves, and runs any
 * other executable as plain TAP.
 */
#define TCK_PROTOCOL_DECLARATION "libvirt-tck-protocol: describe/1"

/* TRUE when the program at @path declares TCK_PROTOCOL_DECLARATION. */
gboolean tck_protocol_declared(const char *path);

/* ---- --describe ---------------------------------------------------------- */
#define TCK_DESCRIBE_OPTION "--describe"

/* What `--describe` says, one "key: value" line per field. */
typedef struct {
    char *name;          /* "area/NNN-name" */
    char *summary;
    gint64 plan;         /* the number of checks, 0 when unknown */
    GStrv needs;         /* see libtck(3) NEEDS: object kinds, config:KEY, guest-boots, api:NAME */
    GStrv exclusive;     /* resources the test must hold alone */
} TckDescription;

typedef enum {
    TCK_DESCRIBE_TEXT,
    TCK_DESCRIBE_INT,
    TCK_DESCRIBE_LIST,   /* comma-separated */
} TckDescribeType;

/* One `--describe` key: its name, its type and where it lives in TckDescription. */
typedef struct {
    const char *key;
    TckDescribeType type;
    gsize offset;
} TckDescribeKey;

/* The keys, in the order a test prints them; @n_keys gets their number. */
const TckDescribeKey *tck_describe_keys(gsize *n_keys);

/* The "key: value" lines of @d (transfer full). */
char *tck_describe_format(const TckDescription *d);

/* Reads `--describe` output into @d; unknown keys and other lines are ignored. */
void tck_describe_parse(const char *text, TckDescription *d);

void tck_description_clear(TckDescription *d);

/* ---- Run ids --------------------------------------------------------------
 * A run id is 8 lowercase hex digits; every object a run creates is named
 * "tck-<runid>-<area>-<NNN>-<suffix>".
 */
#define TCK_RUN_ID_LEN 8
#define TCK_NAME_PREFIX "tck-"

/* A new random run id (transfer full). */
char *tck_run_id_new(void);

/* TRUE when @id is a well-formed run id. */
gboolean tck_run_id_valid(const char *id);

/* "tck-<runid>-": the prefix of every object of run @run_id (transfer full). */
char *tck_run_id_prefix(const char *run_id);

/* The run id of an object name "tck-<runid>-<something>", or NULL when @name
 * is not such a name (transfer full). */
char *tck_run_id_from_name(const char *name);

G_END_DECLS
