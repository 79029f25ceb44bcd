## prepare/local.mk — build rules for prepare (filled in by its owner).
