/*
 * devices.h — what tests of resources and devices share: a fresh disk file
 * of the test's own, and the one way to turn "this driver cannot do that"
 * into a skip that names the feature.
 */
#pragma once

#include <glib.h>
#include <libvirt/libvirt.h>
#include <tck/test.h>
#include <tck/builders.h>

G_BEGIN_DECLS

/**
 * tck_test_disk:
 * @t: the test
 * @suffix: what the disk is for; the file is named after tck_name(t, suffix)
 * @format: "raw" (a sparse 16 MiB file) or "qcow2" (a copy of the asset
 *   cache's empty qcow2 disk)
 *
 * Makes a disk in the test's scratch directory.  Where no guest runs (the
 * test driver) a raw placeholder stands in for either format.  A missing
 * qcow2 asset skips the test, naming the prepare command; an I/O error
 * bails out.
 *
 * Returns: (transfer full): the disk's absolute path.
 */
char *tck_test_disk(TckTest *t, const char *suffix, const char *format);

/**
 * tck_xml_with_qcow2_disk:
 * @t: the test
 * @xml: a generic guest's XML
 * @suffix: names the new disk file
 *
 * The guest with its first disk replaced by a qcow2 disk of its own
 * (tck_test_disk()), for snapshots and block jobs that need one.  A guest
 * without disks comes back unchanged.  Bails out when @xml cannot be edited.
 *
 * Returns: (transfer full): the edited XML.
 */
char *tck_xml_with_qcow2_disk(TckTest *t, const char *xml, const char *suffix);

/**
 * tck_snapshot_create:
 * @t: the test
 * @dom: the domain
 * @name: the snapshot's name
 * @description: (nullable): its description
 * @flags: virDomainSnapshotCreateFlags
 *
 * virDomainSnapshotCreateXML() with the XML of the snapshot builder
 * (bails out when that cannot be built).
 *
 * Returns: the snapshot, or NULL with libvirt's error set.
 */
virDomainSnapshotPtr tck_snapshot_create(TckTest *t, virDomainPtr dom, const char *name,
                                         const char *description, unsigned int flags);

/**
 * tck_generic_disk_target:
 * @t: the test
 * @xml: a generic guest's XML
 *
 * The target ("vda") of the generic guest's first disk.  A plan whose
 * guests have no disks (containers) skips the whole test, saying so.
 *
 * Returns: (transfer full): the target.
 */
char *tck_generic_disk_target(TckTest *t, const char *xml);

/* The number of @dom's snapshots virDomainListAllSnapshots lists with @flags, or -1. */
int tck_snapshot_count(virDomainPtr dom, unsigned int flags);

/**
 * tck_unsupported:
 * Returns: TRUE when libvirt's last error says the driver lacks a feature
 * (VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED,
 * VIR_ERR_ARGUMENT_UNSUPPORTED or VIR_ERR_CONFIG_UNSUPPORTED, or the
 * VIR_ERR_INVALID_ARG "unsupported flags" of a driver's flag check).
 */
gboolean tck_unsupported(void);

/**
 * tck_skip_unsupported:
 * @t: the test
 * @count: how many checks to skip
 * @feature: what the driver lacks, as the user knows it
 *   ("balloon statistics (virDomainMemoryStats)")
 *
 * Call right after a libvirt call failed.  When tck_unsupported() holds,
 * skips @count checks with a reason naming @feature, the driver and
 * libvirt's message, and returns TRUE.  Otherwise does nothing and returns
 * FALSE, so that the caller's check fails on the real error.
 */
gboolean tck_skip_unsupported(TckTest *t, int count, const char *feature);

/**
 * tck_test_network:
 * @t: the test
 * @suffix: what the network is for; its name is tck_name(t, suffix)
 *
 * Starts a transient, isolated network of the test's own (no forward, no
 * address, so no DHCP server), recorded in the ledger first, for guests'
 * interfaces to join.  Bails out when it cannot be started.
 *
 * Returns: (transfer full): the network.
 */
virNetworkPtr tck_test_network(TckTest *t, const char *suffix);

/* A random locally administered MAC address in QEMU's 52:54:00 range. */
char *tck_random_mac(void);

/* The domain type of a domain XML ("qemu", "lxc", "test"...); never NULL. */
char *tck_domain_xml_type(const char *xml);

G_END_DECLS
