## capabilities/local.mk — build rules for capabilities (filled in by its owner).
