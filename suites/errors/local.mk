## suites/errors/local.mk — the error-code contracts: the table, its
## schema, the generic checker and one checker program per kind of object.

suiteserrorsdir = $(pkglibexecdir)/suites/errors
suiteserrors_PROGRAMS = \
	suites/errors/010-connection-contracts \
	suites/errors/020-domain-contracts \
	suites/errors/030-network-contracts \
	suites/errors/040-pool-contracts \
	suites/errors/050-volume-contracts \
	suites/errors/060-nwfilter-contracts \
	suites/errors/070-secret-contracts \
	suites/errors/080-interface-contracts \
	suites/errors/090-nodedev-contracts

## The checker is linked into each program.
CONTRACT_CHECK = suites/errors/contract-check.c suites/errors/contract-check.h
suites_errors_010_connection_contracts_SOURCES = suites/errors/010-connection-contracts.c $(CONTRACT_CHECK)
suites_errors_020_domain_contracts_SOURCES = suites/errors/020-domain-contracts.c $(CONTRACT_CHECK)
suites_errors_030_network_contracts_SOURCES = suites/errors/030-network-contracts.c $(CONTRACT_CHECK)
suites_errors_040_pool_contracts_SOURCES = suites/errors/040-pool-contracts.c $(CONTRACT_CHECK)
suites_errors_050_volume_contracts_SOURCES = suites/errors/050-volume-contracts.c $(CONTRACT_CHECK)
suites_errors_060_nwfilter_contracts_SOURCES = suites/errors/060-nwfilter-contracts.c $(CONTRACT_CHECK)
suites_errors_070_secret_contracts_SOURCES = suites/errors/070-secret-contracts.c $(CONTRACT_CHECK)
suites_errors_080_interface_contracts_SOURCES = suites/errors/080-interface-contracts.c $(CONTRACT_CHECK)
suites_errors_090_nodedev_contracts_SOURCES = suites/errors/090-nodedev-contracts.c $(CONTRACT_CHECK)
suites_errors_010_connection_contracts_LDADD = $(SUITE_LDADD)
suites_errors_020_domain_contracts_LDADD = $(SUITE_LDADD)
suites_errors_030_network_contracts_LDADD = $(SUITE_LDADD)
suites_errors_040_pool_contracts_LDADD = $(SUITE_LDADD)
suites_errors_050_volume_contracts_LDADD = $(SUITE_LDADD)
suites_errors_060_nwfilter_contracts_LDADD = $(SUITE_LDADD)
suites_errors_070_secret_contracts_LDADD = $(SUITE_LDADD)
suites_errors_080_interface_contracts_LDADD = $(SUITE_LDADD)
suites_errors_090_nodedev_contracts_LDADD = $(SUITE_LDADD)

## The table and its schema are installed with the kit.
dist_pkgdata_DATA += suites/errors/contracts.yml suites/errors/contracts.rng

## libvirt-tck-contracts(7), generated from the table at build time.
## (The tool is built outside suites/, where the harness looks for tests.)
noinst_PROGRAMS += man/contracts-tool
man_contracts_tool_SOURCES = suites/errors/contracts-tool.c $(CONTRACT_CHECK)
man_contracts_tool_LDADD = $(SUITE_LDADD)
nodist_man_MANS = man/libvirt-tck-contracts.7
CLEANFILES += man/libvirt-tck-contracts.7
man/libvirt-tck-contracts.7: $(srcdir)/suites/errors/contracts.yml $(srcdir)/suites/errors/contracts.rng man/contracts-tool$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) man && man/contracts-tool man $(srcdir)/suites/errors/contracts.yml >$@.tmp && mv $@.tmp $@
