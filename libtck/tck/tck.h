/*
 * tck.h — the one header a libvirt-tck test program includes.
 *
 * A test program is a small C program that prints TAP version 13 on
 * stdout.  It calls tck_test_begin() with its metadata and plan, uses the
 * tck_ok_*() checks, creates libvirt objects with names from tck_name()
 * (recorded in the run's ledger), and ends with tck_test_end().  Cleanup
 * of everything the test created happens there, and again in the harness
 * should the program crash.  See libtck(3) for a complete example.
 */
#pragma once

#include <tck/error.h>
#include <tck/protocol.h>
#include <tck/config.h>
#include <tck/test.h>
#include <tck/checks.h>
#include <tck/ledger.h>
#include <tck/needs.h>
#include <tck/guest.h>
#include <tck/xml.h>
#include <tck/hostnet.h>
#include <tck/network.h>
#include <tck/devices.h>
#include <tck/storage.h>
#include <tck/secret.h>
#include <tck/events.h>
#include <tck/domain.h>
