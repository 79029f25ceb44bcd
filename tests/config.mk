## tests/config.mk — build rules for tests (filled in by its owner).
