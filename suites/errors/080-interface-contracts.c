/*
 * 080-interface-contracts — host interface APIs fail with the codes they promise.
 *
 * Every row of suites/errors/contracts.yml whose API works on a host interface is one
 * check, "API / condition": the condition is set up with this test's own
 * objects, the API is called, and the error code (and, where the row
 * names one, the error domain) must be the one the contract promises.
 * A driver that does not implement an API answers VIR_ERR_NO_SUPPORT: the
 * row is then a skip naming the API.  See libvirt-tck-contracts(7).
 */
#include <config.h>
#include "contract-check.h"

int
main(int argc, char **argv)
{
    return tck_contract_check_main(argc, argv, TCK_CONTRACT_INTERFACE,
                                   "every host interface API raises the error its contract promises",
                                   (const char *const[]){ "interface", NULL });
}
