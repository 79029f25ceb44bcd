## builders/local.mk — build rules for builders (filled in by its owner).
