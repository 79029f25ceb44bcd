## tests/local.mk — our own tests of libtck's core and the harness.
