/*
 * contract-check.h — the generic checker behind suites/errors/: it reads
 * the contracts table, sets up each row's condition with objects of this
 * test's own (an inactive, a running, a transient or a removed object, a
 * duplicate, a read-only connection, ...), calls the API, and checks the
 * error code and domain.  Each row is one TAP check, "API / condition".
 */
#pragma once

#include <tck/tck.h>

G_BEGIN_DECLS

/* The kinds of object a row's API works on; one checker program each. */
typedef enum {
    TCK_CONTRACT_CONNECT,
    TCK_CONTRACT_DOMAIN,
    TCK_CONTRACT_NETWORK,
    TCK_CONTRACT_POOL,
    TCK_CONTRACT_VOLUME,
    TCK_CONTRACT_NWFILTER,
    TCK_CONTRACT_SECRET,
    TCK_CONTRACT_INTERFACE,
    TCK_CONTRACT_NODEDEV,
    TCK_CONTRACT_LAST
} TckContractKind;

/**
 * tck_contract_check_main:
 * @argc, @argv: the program's arguments
 * @kind: which APIs' rows this program checks
 * @summary: the program's one-line summary for --describe
 * @needs: (nullable): what the driver must have (see libtck(3) NEEDS)
 *
 * Runs every row of the table whose API works on @kind, one check each,
 * and returns the program's exit status.  A table that cannot be read
 * is a bail-out naming the file and line.
 */
int tck_contract_check_main(int argc, char **argv, TckContractKind kind, const char *summary,
                            const char *const *needs);

/*
 * The kind of @api's object (as the checker knows it), or -1 for an API
 * the checker cannot call; a table row naming such an API is refused.
 */
int tck_contract_api_kind(const char *api);

/* "domain", "storage pool", ...: how a kind reads in a sentence. */
const char *tck_contract_kind_name(TckContractKind kind);

G_END_DECLS
