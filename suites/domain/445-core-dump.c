/*
 * 445-core-dump — a running guest's memory is dumped to a file.
 *
 * Start the generic guest and dump it to a file of the test's own
 * (virDomainCoreDump): the file is not empty, and the guest still runs
 * afterwards (no CRASH or RESET flag).  A memory-only dump in the raw ELF
 * format (virDomainCoreDumpWithFormat, MEMORY_ONLY) is not empty either.  A dump into a
 * directory that does not exist fails (VIR_ERR_SYSTEM_ERROR or
 * VIR_ERR_OPERATION_FAILED: the driver cannot create the file).  A driver
 * without core dumps answers VIR_ERR_NO_SUPPORT: skipped.
 */
#include <config.h>
#include <glib/gstdio.h>
#include <tck/tck.h>

static const TckTestInfo info = {
    .summary = "a running guest's memory is dumped, and the guest runs on",
    .plan = 7,
    .needs = (const char *const[]){ "domain", NULL },
};

int
main(int argc, char **argv)
{
    g_autoptr(TckTest) t = tck_test_begin(&info, argc, argv);
    virConnectPtr conn = tck_test_connect(t);
    g_autofree char *xml = tck_generic_domain_xml(t, "dump");
    g_autofree char *elf = tck_host_file(t, "memory.elf");
    g_autofree char *plain = tck_host_file(t, "memory.core");
    g_autofree char *nowhere = g_build_filename(tck_host_dir(t), tck_name(t, "no-such-dir"), "memory.core", NULL);
    TckCallOutcome bad;
    int state = -1, reason = -1, ret;
    gboolean dumps = TRUE;
    virDomainPtr dom;

    tck_diag(t, "Starting the generic guest");
    dom = tck_ok_domain(t, virDomainCreateXML(conn, xml, 0), "started the guest");
    if (!dom)
        tck_bail_out(t, "cannot go on without the guest");
    tck_guest_ready_for_save(t, dom, TCK_BOOT_TIMEOUT_S);

    tck_diag(t, "Dumping the guest to %s", plain);
    ret = virDomainCoreDump(dom, plain, 0);
    if (ret < 0 && tck_skip_unsupported(t, 3, "core dumps (virDomainCoreDump)")) {
        dumps = FALSE;
    } else {
        tck_ok_call(t, ret, "dumped the guest");
        tck_ok(t, tck_host_file_size(t, plain) > 0, "the dump file is not empty (%" G_GINT64_FORMAT " bytes)",
               tck_host_file_size(t, plain));
        virDomainGetState(dom, &state, &reason, 0);
        tck_is_int(t, state, VIR_DOMAIN_RUNNING, "the guest still runs");
    }

    tck_diag(t, "Dumping only its memory, in the raw ELF format, to %s", elf);
    ret = virDomainCoreDumpWithFormat(dom, elf, VIR_DOMAIN_CORE_DUMP_FORMAT_RAW, VIR_DUMP_MEMORY_ONLY);
    if (ret < 0 && tck_skip_unsupported(t, 2, "memory-only dumps (virDomainCoreDumpWithFormat, MEMORY_ONLY)")) {
        ;
    } else {
        tck_ok_call(t, ret, "dumped the memory");
        tck_ok(t, tck_host_file_size(t, elf) > 0, "the memory dump is not empty (%" G_GINT64_FORMAT " bytes)", tck_host_file_size(t, elf));
    }

    tck_diag(t, "Dumping into a directory that does not exist");
    if (!dumps) {
        tck_skip(t, 1, "core dumps: not supported by the %s driver", tck_test_driver(t));
        goto out;
    }
    bad = tck_outcome_int(virDomainCoreDump(dom, nowhere, 0));
    tck_ok(t, bad.failed && (bad.code == VIR_ERR_SYSTEM_ERROR || bad.code == VIR_ERR_OPERATION_FAILED),
           "a dump into a missing directory fails with a system or operation error (got %s)",
           bad.failed ? tck_error_code_name(bad.code) : "success");
    g_free(bad.message);

 out:
    g_unlink(elf);
    g_unlink(plain);
    virDomainFree(dom);
    return tck_test_end(t);
}
