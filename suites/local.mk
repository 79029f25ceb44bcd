## suites/local.mk — the test programs, installed under
## $(pkglibexecdir)/suites/AREA/ where the harness finds them.  Each area
## lists its programs in its own suites/AREA/local.mk; every suite program
## links the library core the same way (SUITE_LDADD).

SUITE_LDADD = $(TCK_CORE_LIBS)

include suites/domain/local.mk
include suites/network/local.mk
include suites/nwfilter/local.mk
include suites/interface/local.mk
include suites/storage/local.mk
include suites/secret/local.mk
include suites/nodedev/local.mk
include suites/errors/local.mk
