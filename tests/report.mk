## tests/report.mk — build rules for tests (filled in by its owner).
