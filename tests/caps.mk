## tests/caps.mk — build rules for tests (filled in by its owner).
