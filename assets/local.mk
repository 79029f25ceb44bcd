## assets/local.mk — build rules for assets (filled in by its owner).
