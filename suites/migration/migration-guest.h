/*
 * migration-guest.h — the guest the migration scenarios move: the generic
 * guest without its disks.  libvirt 9.0 refuses ("Migration without shared
 * storage is unsafe") a disk on any file system it does not know as a
 * cluster or network one, and moving memory and devices needs no disk.
 */
#pragma once

#include <tck/tck.h>

static inline char *
migration_guest_xml(TckTest *t, const char *suffix)
{
    g_autofree char *xml = tck_generic_domain_xml(t, suffix);
    g_autoptr(GError) error = NULL;
    char *diskless = tck_xml_remove(xml, "/domain/devices/disk", &error);

    if (!diskless)
        tck_bail_out(t, "cannot remove the guest's disks: %s", error->message);
    return diskless;
}
