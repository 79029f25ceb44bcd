## suites/network/local.mk — virtual network scenarios.  050-100 share
## the host-side checks (bridge, firewall, dnsmasq) of host-side.c.

NETWORK_HOST_SIDE = suites/network/host-side.c suites/network/host-side.h

suitesnetworkdir = $(pkglibexecdir)/suites/network
suitesnetwork_PROGRAMS = \
	suites/network/010-transient-lifecycle \
	suites/network/020-persistent-lifecycle \
	suites/network/030-autostart \
	suites/network/040-state-errors \
	suites/network/050-forward-isolated \
	suites/network/060-forward-nat \
	suites/network/070-forward-route \
	suites/network/080-forward-open \
	suites/network/090-dnsmasq-dhcp \
	suites/network/100-dhcp-lease \
	suites/network/110-ports \
	suites/network/120-update-dhcp-host \
	suites/network/130-invalid-operations \
	suites/network/140-list-own
suites_network_010_transient_lifecycle_LDADD = $(SUITE_LDADD)
suites_network_020_persistent_lifecycle_LDADD = $(SUITE_LDADD)
suites_network_030_autostart_LDADD = $(SUITE_LDADD)
suites_network_040_state_errors_LDADD = $(SUITE_LDADD)
suites_network_050_forward_isolated_SOURCES = suites/network/050-forward-isolated.c $(NETWORK_HOST_SIDE)
suites_network_050_forward_isolated_LDADD = $(SUITE_LDADD)
suites_network_060_forward_nat_SOURCES = suites/network/060-forward-nat.c $(NETWORK_HOST_SIDE)
suites_network_060_forward_nat_LDADD = $(SUITE_LDADD)
suites_network_070_forward_route_SOURCES = suites/network/070-forward-route.c $(NETWORK_HOST_SIDE)
suites_network_070_forward_route_LDADD = $(SUITE_LDADD)
suites_network_080_forward_open_SOURCES = suites/network/080-forward-open.c $(NETWORK_HOST_SIDE)
suites_network_080_forward_open_LDADD = $(SUITE_LDADD)
suites_network_090_dnsmasq_dhcp_SOURCES = suites/network/090-dnsmasq-dhcp.c $(NETWORK_HOST_SIDE)
suites_network_090_dnsmasq_dhcp_LDADD = $(SUITE_LDADD)
suites_network_100_dhcp_lease_SOURCES = suites/network/100-dhcp-lease.c $(NETWORK_HOST_SIDE)
suites_network_100_dhcp_lease_LDADD = $(SUITE_LDADD)
suites_network_110_ports_LDADD = $(SUITE_LDADD)
suites_network_120_update_dhcp_host_LDADD = $(SUITE_LDADD)
suites_network_130_invalid_operations_LDADD = $(SUITE_LDADD)
suites_network_140_list_own_LDADD = $(SUITE_LDADD)
