## tck/report.mk — build rules for tck (filled in by its owner).
