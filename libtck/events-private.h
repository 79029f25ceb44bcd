/*
 * events-private.h — libtck's event loop, started by tck_test_connect()
 * before the connection opens (libvirt wants the loop registered first).
 * Not installed.
 */
#pragma once

#include <glib.h>

/* Registers libvirt's default event loop and runs it in a thread, once
 * per process.  Returns FALSE when libvirt refused the registration. */
gboolean tck_event_loop_ensure(void);
