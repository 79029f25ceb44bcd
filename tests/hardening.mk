## tests/hardening.mk — issue 10: what a hostile or unlucky world does to a
## run.  Each test pins one finding down (see the header of each script).

TESTS += \
	tests/hardening-report.sh \
	tests/hardening-runner.sh \
	tests/live-storage-safety.sh
dist_noinst_SCRIPTS += \
	tests/hardening-report.sh \
	tests/hardening-runner.sh \
	tests/live-storage-safety.sh \
	tests/hardening/storage-safety-inner.sh
