## tck/sandbox.mk — build rules for tck (filled in by its owner).
