## assets/local.mk — the asset cache, catalog and host sources (their own
## convenience library), and the data files libvirt-tck-prepare builds
## assets from.

noinst_LTLIBRARIES += assets/libtck-assets.la
assets_libtck_assets_la_SOURCES = \
	assets/cache.c \
	assets/sha256.c \
	assets/verify.c \
	assets/lookup.c \
	assets/catalog.c \
	assets/host.c \
	assets/tck/asset-cache.h \
	assets/tck/asset-sources.h

tckinclude_HEADERS += assets/tck/assets.h

## Data: found in the source tree when run from the build tree.
assetsdatadir = $(pkgdatadir)
dist_assetsdata_DATA = \
	assets/init.sh \
	assets/container-init.sh \
	assets/xen-dom0-init.sh \
	assets/xen-dom0.sh \
	assets/isolinux.cfg \
	assets/catalog.conf
