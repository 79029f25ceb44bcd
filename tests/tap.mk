## tests/tap.mk — build rules for tests (filled in by its owner).
