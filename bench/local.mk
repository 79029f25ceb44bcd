## bench/local.mk — build rules for bench (filled in by its owner).
