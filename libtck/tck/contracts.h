/*
 * contracts.h — the error-code contracts: which VIR_ERR_* each public API
 * must raise under each condition (suites/errors/contracts.yml).  The
 * table is read and checked here once, for the checker programs in
 * suites/errors/ and for the generated libvirt-tck-contracts(7).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The flag bit no libvirt API defines; "unsupported flag" rows pass it. */
#define TCK_CONTRACT_BAD_FLAG (1u << 27)

typedef struct {
    char *api;          /* "virDomainLookupByName" */
    char *condition;    /* "no such object" */
    char *code;         /* "VIR_ERR_NO_DOMAIN" */
    char *domain;       /* "VIR_FROM_DOMAIN", or NULL: any */
    char *state;        /* the object's state for the call, or NULL: the condition's */
    char *why;
    char *doc;
    int code_value;     /* the virErrorNumber of @code */
    int domain_value;   /* the virErrorDomain of @domain, or -1 */
    guint line;         /* where the row starts in the table */
} TckContract;

void tck_contract_free(TckContract *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(TckContract, tck_contract_free)

/**
 * tck_contracts_load:
 * @path: the table (YAML)
 * @schema: the RelaxNG schema (contracts.rng)
 * @api_xml: libvirt's API description (libvirt-api.xml)
 * @error: return location; messages name "FILE:LINE"
 *
 * Reads the table, validates it against @schema, and checks every row
 * against @api_xml: the API exists, the code and domain are libvirt's,
 * an "unsupported flag" row's API takes flags, and no row is there twice.
 *
 * Returns: (transfer full): the rows in table order (TckContract *), or
 * NULL with @error set.
 */
GPtrArray *tck_contracts_load(const char *path, const char *schema, const char *api_xml,
                              GError **error);

/*
 * Where the table, its schema and libvirt's API file are: $TCK_CONTRACTS,
 * else the source tree's copy for programs in the build tree, else the
 * installed one.  Static strings or newly allocated (free with g_free).
 */
char *tck_contracts_default_path(void);
char *tck_contracts_default_schema(void);
const char *tck_contracts_api_xml(void);

G_END_DECLS
