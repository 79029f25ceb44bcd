/*
 * domain.h — domain helpers a scenario needs again and again: its state
 * and reason as a check, waiting for a state, reading the live or the
 * inactive XML, and skipping what the driver does not implement.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/checks.h>
#include <tck/test.h>

G_BEGIN_DECLS

/* "running/booted", "shutoff/destroyed", ... (numbers for unknown ones); owned by libtck. */
const char *tck_domain_state_word(int state, int reason);

/* Reason TCK_ANY_REASON: only the state is checked. */
#define TCK_ANY_REASON (-1)

/**
 * tck_is_state:
 * @dom: the domain
 * @state: the virDomainState expected
 * @reason: the reason expected (VIR_DOMAIN_RUNNING_BOOTED, ...), or TCK_ANY_REASON
 *
 * Checks virDomainGetState(); on a mismatch the diagnostics name both as
 * words ("paused/user").
 */
gboolean tck_is_state(TckTest *t, virDomainPtr dom, int state, int reason,
                      const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/**
 * tck_domain_wait_state:
 * Polls virDomainGetState() until @dom is in @state (TRUE) or @timeout_ms
 * passed (FALSE).  A domain that disappears (a transient one stopping) counts
 * as VIR_DOMAIN_SHUTOFF.
 */
gboolean tck_domain_wait_state(virDomainPtr dom, int state, guint timeout_ms);

/**
 * tck_domain_xml_text:
 * @dom: the domain
 * @flags: virDomainGetXMLDesc() flags (VIR_DOMAIN_XML_INACTIVE for the next start's config)
 * @xpath: what to read ("/domain/memory", "/domain/description")
 *
 * Returns: (transfer full): the text, or NULL when the XML cannot be read
 * or nothing matches.
 */
char *tck_domain_xml_text(virDomainPtr dom, unsigned int flags, const char *xpath);

/**
 * tck_require:
 * @ret: what a libvirt call returned
 * @api: the API or feature asked for ("virDomainSave")
 *
 * When @ret < 0 and libvirt says VIR_ERR_NO_SUPPORT, the driver lacks the
 * feature: the rest of the test is skipped, naming @api and the driver.
 * Otherwise returns @ret unchanged (libvirt's error kept for the check
 * that wraps it).
 */
int tck_require(TckTest *t, int ret, const char *api);

/**
 * tck_unsupported_reason:
 *
 * Returns: (transfer full) (nullable): libvirt's message when its last
 * error says the driver lacks what was asked (VIR_ERR_NO_SUPPORT,
 * VIR_ERR_OPERATION_UNSUPPORTED, or virCheckFlags()'s VIR_ERR_INVALID_ARG
 * "unsupported flags (0x...)"), else NULL.
 */
char *tck_unsupported_reason(void);

/**
 * tck_require_flag:
 * @ret: what a libvirt call given @flag returned
 * @flag: the flag's name ("VIR_DOMAIN_START_FORCE_BOOT")
 *
 * Like tck_require(), and a driver that refuses the flag itself skips the
 * rest as well: libvirt's virCheckFlags() answers VIR_ERR_INVALID_ARG
 * "unsupported flags (0x...)" for a flag the driver does not implement.
 */
int tck_require_flag(TckTest *t, int ret, const char *flag);

/*
 * tck_ok_error_or_skip(t, CALL, VIR_ERR_CODE, "api", "description", ...):
 * like tck_ok_error(), but a VIR_ERR_NO_SUPPORT answer skips this one check,
 * naming @api, instead of failing it.
 */
gboolean tck_ok_error_or_skip_outcome(TckTest *t, TckCallOutcome outcome, int expected_code,
                                      const char *api, const char *fmt, ...) G_GNUC_PRINTF(5, 6);
#define tck_ok_error_or_skip(t, expr, code, api, ...) \
    tck_ok_error_or_skip_outcome((t), tck_call_outcome(expr), (code), (api), __VA_ARGS__)

G_END_DECLS
