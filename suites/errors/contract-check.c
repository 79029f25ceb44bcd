/*
 * contract-check.c — the generic error-contract checker (contract-check.h).
 *
 * Three tables drive it:
 *  - the contracts table (suites/errors/contracts.yml): API, condition, code;
 *  - the API table below: how to call each API from a set of arguments;
 *  - the condition table below: how to make each condition's arguments,
 *    from fixtures that this test creates and owns.
 * Nothing here touches an object the test did not create: lookups of
 * missing objects use names of this run that were never created, and a
 * read-only connection only ever sees this test's own fixtures.
 */
#include <config.h>
#include <string.h>
#include <libvirt/virterror.h>
#include <tck/builders.h>
#include <tck/contracts.h>
#include "contract-check.h"
#include "virt-util.h"
#include "xpath.h"

/* ---- Arguments ------------------------------------------------------- */

/* Everything an API of the table may take; each API reads what it needs. */
typedef struct {
    virConnectPtr conn;
    virDomainPtr dom;
    virNetworkPtr net;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virNWFilterPtr nwfilter;
    virSecretPtr secret;
    virInterfacePtr iface;
    virNodeDevicePtr dev;
    const char *name;            /* a name argument (lookup, rename, disk) */
    const char *uuid;            /* a UUID string argument */
    const unsigned char *uuid_raw;
    int id;
    const char *xml;             /* the XML argument of the API's kind */
    const char *path;            /* a file argument */
    unsigned int flags;
    unsigned int number;         /* a count or size argument */
    virStreamPtr stream;         /* a new stream on the connection (consoles) */
    GPtrArray *keep;             /* strings the arguments point into */
} Args;

/* @s, kept alive with the arguments. */
static const char *
keep(Args *a, char *s)
{
    g_ptr_array_add(a->keep, s);
    return s;
}

typedef int (*Invoke)(Args *a);

static int ret_dom(virDomainPtr o) { if (!o) return -1; virDomainFree(o); return 0; }
static int ret_net(virNetworkPtr o) { if (!o) return -1; virNetworkFree(o); return 0; }
static int ret_pool(virStoragePoolPtr o) { if (!o) return -1; virStoragePoolFree(o); return 0; }
static int ret_vol(virStorageVolPtr o) { if (!o) return -1; virStorageVolFree(o); return 0; }
static int ret_nwf(virNWFilterPtr o) { if (!o) return -1; virNWFilterFree(o); return 0; }
static int ret_sec(virSecretPtr o) { if (!o) return -1; virSecretFree(o); return 0; }
static int ret_if(virInterfacePtr o) { if (!o) return -1; virInterfaceFree(o); return 0; }
static int ret_dev(virNodeDevicePtr o) { if (!o) return -1; virNodeDeviceFree(o); return 0; }
static int ret_snap(virDomainSnapshotPtr o) { if (!o) return -1; virDomainSnapshotFree(o); return 0; }
static int ret_port(virNetworkPortPtr o) { if (!o) return -1; virNetworkPortFree(o); return 0; }
static int ret_bind(virNWFilterBindingPtr o) { if (!o) return -1; virNWFilterBindingFree(o); return 0; }
static int ret_str(char *s) { if (!s) return -1; free(s); return 0; }
static int ret_cstr(const char *s) { return s ? 0 : -1; }

/* The result of a call as 0 (success) or -1 (failure), freeing what it returned. */
#define RESULT(x) _Generic((x), \
    virDomainPtr: ret_dom, virNetworkPtr: ret_net, virStoragePoolPtr: ret_pool, \
    virStorageVolPtr: ret_vol, virNWFilterPtr: ret_nwf, virSecretPtr: ret_sec, \
    virInterfacePtr: ret_if, virNodeDevicePtr: ret_dev, virDomainSnapshotPtr: ret_snap, \
    virNetworkPortPtr: ret_port, virNWFilterBindingPtr: ret_bind, \
    char *: ret_str, const char *: ret_cstr)(x)

/* One invoker per API, named after it. */
#define INVOKE(api) static int inv_##api(Args *a)

/* ---- Connection ---- */
INVOKE(virConnectGetCapabilities) { return RESULT(virConnectGetCapabilities(a->conn)); }
INVOKE(virConnectGetHostname) { return RESULT(virConnectGetHostname(a->conn)); }
INVOKE(virConnectGetType) { return RESULT(virConnectGetType(a->conn)); }
INVOKE(virConnectGetURI) { return RESULT(virConnectGetURI(a->conn)); }
INVOKE(virConnectGetSysinfo) { return RESULT(virConnectGetSysinfo(a->conn, a->flags)); }
INVOKE(virConnectGetVersion) { return virConnectGetVersion(a->conn, a->name ? &(unsigned long){ 0 } : NULL); }
INVOKE(virConnectGetLibVersion) { return virConnectGetLibVersion(a->conn, a->name ? &(unsigned long){ 0 } : NULL); }
INVOKE(virConnectIsAlive) { return virConnectIsAlive(a->conn); }
INVOKE(virConnectIsEncrypted) { return virConnectIsEncrypted(a->conn); }
INVOKE(virConnectIsSecure) { return virConnectIsSecure(a->conn); }
INVOKE(virNodeGetInfo) { virNodeInfo i; return virNodeGetInfo(a->conn, a->name ? &i : NULL); }
INVOKE(virNodeGetFreeMemory) { return virNodeGetFreeMemory(a->conn) ? 0 : -1; }
INVOKE(virConnectGetMaxVcpus) { return virConnectGetMaxVcpus(a->conn, NULL); }
INVOKE(virNodeGetSecurityModel) { virSecurityModel m; return virNodeGetSecurityModel(a->conn, a->name ? &m : NULL); }

/* ---- Domain, on the connection ---- */
INVOKE(virDomainLookupByName) { return RESULT(virDomainLookupByName(a->conn, a->name)); }
INVOKE(virDomainLookupByUUIDString) { return RESULT(virDomainLookupByUUIDString(a->conn, a->uuid)); }
INVOKE(virDomainLookupByUUID) { return RESULT(virDomainLookupByUUID(a->conn, a->uuid_raw)); }
INVOKE(virDomainLookupByID) { return RESULT(virDomainLookupByID(a->conn, a->id)); }
INVOKE(virDomainDefineXML) { return RESULT(virDomainDefineXML(a->conn, a->xml)); }
INVOKE(virDomainDefineXMLFlags) { return RESULT(virDomainDefineXMLFlags(a->conn, a->xml, a->flags)); }
INVOKE(virDomainCreateXML) { return RESULT(virDomainCreateXML(a->conn, a->xml, a->flags)); }
INVOKE(virDomainRestore) { return virDomainRestore(a->conn, a->path); }
INVOKE(virDomainRestoreFlags) { return virDomainRestoreFlags(a->conn, a->path, NULL, a->flags); }
INVOKE(virDomainSaveImageGetXMLDesc) { return RESULT(virDomainSaveImageGetXMLDesc(a->conn, a->path, a->flags)); }
INVOKE(virConnectListAllDomains) { return virConnectListAllDomains(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfDomains) { return virConnectNumOfDomains(a->conn) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfDefinedDomains) { return virConnectNumOfDefinedDomains(a->conn) < 0 ? -1 : 0; }
INVOKE(virConnectListDomains) { int ids[4]; return virConnectListDomains(a->conn, a->name ? ids : NULL, 4) < 0 ? -1 : 0; }

/* ---- Domain, on the object ---- */
INVOKE(virDomainCreate) { return virDomainCreate(a->dom); }
INVOKE(virDomainCreateWithFlags) { return virDomainCreateWithFlags(a->dom, a->flags); }
INVOKE(virDomainSuspend) { return virDomainSuspend(a->dom); }
INVOKE(virDomainResume) { return virDomainResume(a->dom); }
INVOKE(virDomainShutdown) { return virDomainShutdown(a->dom); }
INVOKE(virDomainShutdownFlags) { return virDomainShutdownFlags(a->dom, a->flags); }
INVOKE(virDomainReboot) { return virDomainReboot(a->dom, a->flags); }
INVOKE(virDomainReset) { return virDomainReset(a->dom, a->flags); }
INVOKE(virDomainDestroy) { return virDomainDestroy(a->dom); }
INVOKE(virDomainDestroyFlags) { return virDomainDestroyFlags(a->dom, a->flags); }
INVOKE(virDomainUndefine) { return virDomainUndefine(a->dom); }
INVOKE(virDomainUndefineFlags) { return virDomainUndefineFlags(a->dom, a->flags); }
INVOKE(virDomainGetXMLDesc) { return RESULT(virDomainGetXMLDesc(a->dom, a->flags)); }
INVOKE(virDomainGetInfo) { virDomainInfo i; return virDomainGetInfo(a->dom, a->name ? &i : NULL); }
INVOKE(virDomainGetState) { int s, r; return virDomainGetState(a->dom, a->name ? &s : NULL, &r, a->flags); }
INVOKE(virDomainGetVcpus) { virVcpuInfo i[1]; return virDomainGetVcpus(a->dom, i, 1, NULL, 0) < 0 ? -1 : 0; }
INVOKE(virDomainGetVcpusFlags) { return virDomainGetVcpusFlags(a->dom, a->flags) < 0 ? -1 : 0; }
INVOKE(virDomainGetMaxVcpus) { return virDomainGetMaxVcpus(a->dom) < 0 ? -1 : 0; }
INVOKE(virDomainSetVcpus) { return virDomainSetVcpus(a->dom, a->number); }
INVOKE(virDomainSetVcpusFlags) { return virDomainSetVcpusFlags(a->dom, a->number, a->flags); }
INVOKE(virDomainSetMemory) { return virDomainSetMemory(a->dom, a->number); }
INVOKE(virDomainSetMaxMemory) { return virDomainSetMaxMemory(a->dom, a->number); }
INVOKE(virDomainSetMemoryFlags) { return virDomainSetMemoryFlags(a->dom, a->number, a->flags); }
INVOKE(virDomainGetMaxMemory) { return virDomainGetMaxMemory(a->dom) ? 0 : -1; }
INVOKE(virDomainSave) { return virDomainSave(a->dom, a->path); }
INVOKE(virDomainSaveFlags) { return virDomainSaveFlags(a->dom, a->path, NULL, a->flags); }
INVOKE(virDomainManagedSave) { return virDomainManagedSave(a->dom, a->flags); }
INVOKE(virDomainHasManagedSaveImage) { return virDomainHasManagedSaveImage(a->dom, a->flags) < 0 ? -1 : 0; }
INVOKE(virDomainManagedSaveRemove) { return virDomainManagedSaveRemove(a->dom, a->flags); }
INVOKE(virDomainCoreDump) { return virDomainCoreDump(a->dom, a->path, a->flags); }
INVOKE(virDomainAttachDevice) { return virDomainAttachDevice(a->dom, a->xml); }
INVOKE(virDomainAttachDeviceFlags) { return virDomainAttachDeviceFlags(a->dom, a->xml, a->flags); }
INVOKE(virDomainDetachDevice) { return virDomainDetachDevice(a->dom, a->xml); }
INVOKE(virDomainDetachDeviceFlags) { return virDomainDetachDeviceFlags(a->dom, a->xml, a->flags); }
INVOKE(virDomainUpdateDeviceFlags) { return virDomainUpdateDeviceFlags(a->dom, a->xml, a->flags); }
INVOKE(virDomainSetAutostart) { return virDomainSetAutostart(a->dom, 1); }
INVOKE(virDomainGetAutostart) { int v; return virDomainGetAutostart(a->dom, a->name ? &v : NULL); }
INVOKE(virDomainGetID) { return virDomainGetID(a->dom) == (unsigned int) -1 && virGetLastError() ? -1 : 0; }
INVOKE(virDomainGetName) { return RESULT(virDomainGetName(a->dom)); }
INVOKE(virDomainGetUUIDString) { char b[VIR_UUID_STRING_BUFLEN]; return virDomainGetUUIDString(a->dom, a->name ? b : NULL); }
INVOKE(virDomainGetUUID) { unsigned char b[VIR_UUID_BUFLEN]; return virDomainGetUUID(a->dom, a->name ? b : NULL); }
INVOKE(virDomainGetOSType) { return RESULT(virDomainGetOSType(a->dom)); }
INVOKE(virDomainGetSchedulerType) { int n; return RESULT(virDomainGetSchedulerType(a->dom, &n)); }
INVOKE(virDomainIsActive) { return virDomainIsActive(a->dom) < 0 ? -1 : 0; }
INVOKE(virDomainIsPersistent) { return virDomainIsPersistent(a->dom) < 0 ? -1 : 0; }
INVOKE(virDomainIsUpdated) { return virDomainIsUpdated(a->dom) < 0 ? -1 : 0; }
INVOKE(virDomainGetJobInfo) { virDomainJobInfo i; return virDomainGetJobInfo(a->dom, a->name ? &i : NULL); }
INVOKE(virDomainAbortJob) { return virDomainAbortJob(a->dom); }
INVOKE(virDomainSnapshotCreateXML) { return RESULT(virDomainSnapshotCreateXML(a->dom, a->xml, a->flags)); }
INVOKE(virDomainSnapshotNum) { return virDomainSnapshotNum(a->dom, a->flags) < 0 ? -1 : 0; }
INVOKE(virDomainListAllSnapshots) { return virDomainListAllSnapshots(a->dom, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virDomainSnapshotLookupByName) { return RESULT(virDomainSnapshotLookupByName(a->dom, a->name, a->flags)); }
INVOKE(virDomainHasCurrentSnapshot) { return virDomainHasCurrentSnapshot(a->dom, a->flags) < 0 ? -1 : 0; }
INVOKE(virDomainSnapshotCurrent) { return RESULT(virDomainSnapshotCurrent(a->dom, a->flags)); }
INVOKE(virDomainSetMetadata)
{
    return virDomainSetMetadata(a->dom, VIR_DOMAIN_METADATA_DESCRIPTION, "tck", NULL, NULL, a->flags);
}
INVOKE(virDomainGetMetadata) { return RESULT(virDomainGetMetadata(a->dom, VIR_DOMAIN_METADATA_TITLE, NULL, a->flags)); }
INVOKE(virDomainRename) { return virDomainRename(a->dom, a->name, a->flags); }
INVOKE(virDomainInjectNMI) { return virDomainInjectNMI(a->dom, a->flags); }
INVOKE(virDomainSendKey)
{
    unsigned int keys[] = { 28 };   /* Linux KEY_ENTER */
    return virDomainSendKey(a->dom, VIR_KEYCODE_SET_LINUX, 10, keys, 1, a->flags);
}
INVOKE(virDomainMemoryStats)
{
    virDomainMemoryStatStruct s[VIR_DOMAIN_MEMORY_STAT_NR];
    return virDomainMemoryStats(a->dom, s, VIR_DOMAIN_MEMORY_STAT_NR, a->flags) < 0 ? -1 : 0;
}
INVOKE(virDomainGetBlockInfo) { virDomainBlockInfo i; return virDomainGetBlockInfo(a->dom, a->name, &i, a->flags); }
INVOKE(virDomainBlockStats) { virDomainBlockStatsStruct s; return virDomainBlockStats(a->dom, a->name, &s, sizeof(s)); }
INVOKE(virDomainInterfaceStats)
{
    virDomainInterfaceStatsStruct s;
    return virDomainInterfaceStats(a->dom, a->name, &s, sizeof(s));
}
INVOKE(virDomainBlockResize) { return virDomainBlockResize(a->dom, a->name, a->number, a->flags); }
INVOKE(virDomainGetHostname) { return RESULT(virDomainGetHostname(a->dom, a->flags)); }
INVOKE(virDomainPinVcpu) { unsigned char map[1] = { 1 }; return virDomainPinVcpu(a->dom, a->number, map, 1); }
INVOKE(virDomainGetControlInfo) { virDomainControlInfo i; return virDomainGetControlInfo(a->dom, &i, a->flags); }
INVOKE(virDomainGetTime) { long long s; unsigned int ns; return virDomainGetTime(a->dom, &s, &ns, a->flags); }
INVOKE(virDomainOpenConsole) { return virDomainOpenConsole(a->dom, NULL, a->stream, a->flags); }

/* ---- Network ---- */
INVOKE(virNetworkLookupByName) { return RESULT(virNetworkLookupByName(a->conn, a->name)); }
INVOKE(virNetworkLookupByUUIDString) { return RESULT(virNetworkLookupByUUIDString(a->conn, a->uuid)); }
INVOKE(virNetworkLookupByUUID) { return RESULT(virNetworkLookupByUUID(a->conn, a->uuid_raw)); }
INVOKE(virNetworkDefineXML) { return RESULT(virNetworkDefineXML(a->conn, a->xml)); }
INVOKE(virNetworkDefineXMLFlags) { return RESULT(virNetworkDefineXMLFlags(a->conn, a->xml, a->flags)); }
INVOKE(virNetworkCreateXML) { return RESULT(virNetworkCreateXML(a->conn, a->xml)); }
INVOKE(virNetworkCreateXMLFlags) { return RESULT(virNetworkCreateXMLFlags(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllNetworks) { return virConnectListAllNetworks(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfNetworks) { return virConnectNumOfNetworks(a->conn) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfDefinedNetworks) { return virConnectNumOfDefinedNetworks(a->conn) < 0 ? -1 : 0; }
INVOKE(virNetworkCreate) { return virNetworkCreate(a->net); }
INVOKE(virNetworkDestroy) { return virNetworkDestroy(a->net); }
INVOKE(virNetworkUndefine) { return virNetworkUndefine(a->net); }
INVOKE(virNetworkGetXMLDesc) { return RESULT(virNetworkGetXMLDesc(a->net, a->flags)); }
INVOKE(virNetworkGetBridgeName) { return RESULT(virNetworkGetBridgeName(a->net)); }
INVOKE(virNetworkSetAutostart) { return virNetworkSetAutostart(a->net, 1); }
INVOKE(virNetworkGetAutostart) { int v; return virNetworkGetAutostart(a->net, a->name ? &v : NULL); }
INVOKE(virNetworkIsActive) { return virNetworkIsActive(a->net) < 0 ? -1 : 0; }
INVOKE(virNetworkIsPersistent) { return virNetworkIsPersistent(a->net) < 0 ? -1 : 0; }
INVOKE(virNetworkGetName) { return RESULT(virNetworkGetName(a->net)); }
INVOKE(virNetworkGetUUIDString) { char b[VIR_UUID_STRING_BUFLEN]; return virNetworkGetUUIDString(a->net, a->name ? b : NULL); }
INVOKE(virNetworkUpdate)
{
    return virNetworkUpdate(a->net, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST,
                            -1, a->xml, a->flags);
}
INVOKE(virNetworkGetDHCPLeases)
{
    virNetworkDHCPLeasePtr *leases = NULL;
    int n = virNetworkGetDHCPLeases(a->net, NULL, &leases, a->flags);

    for (int i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
    return n < 0 ? -1 : 0;
}
INVOKE(virNetworkListAllPorts) { return virNetworkListAllPorts(a->net, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virNetworkPortLookupByUUIDString) { return RESULT(virNetworkPortLookupByUUIDString(a->net, a->uuid)); }
INVOKE(virNetworkPortCreateXML) { return RESULT(virNetworkPortCreateXML(a->net, a->xml, a->flags)); }

/* ---- Storage pools ---- */
INVOKE(virStoragePoolLookupByName) { return RESULT(virStoragePoolLookupByName(a->conn, a->name)); }
INVOKE(virStoragePoolLookupByUUIDString) { return RESULT(virStoragePoolLookupByUUIDString(a->conn, a->uuid)); }
INVOKE(virStoragePoolLookupByUUID) { return RESULT(virStoragePoolLookupByUUID(a->conn, a->uuid_raw)); }
INVOKE(virStoragePoolDefineXML) { return RESULT(virStoragePoolDefineXML(a->conn, a->xml, a->flags)); }
INVOKE(virStoragePoolCreateXML) { return RESULT(virStoragePoolCreateXML(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllStoragePools) { return virConnectListAllStoragePools(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfStoragePools) { return virConnectNumOfStoragePools(a->conn) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfDefinedStoragePools) { return virConnectNumOfDefinedStoragePools(a->conn) < 0 ? -1 : 0; }
INVOKE(virStoragePoolCreate) { return virStoragePoolCreate(a->pool, a->flags); }
INVOKE(virStoragePoolBuild) { return virStoragePoolBuild(a->pool, a->flags); }
INVOKE(virStoragePoolDestroy) { return virStoragePoolDestroy(a->pool); }
INVOKE(virStoragePoolUndefine) { return virStoragePoolUndefine(a->pool); }
INVOKE(virStoragePoolRefresh) { return virStoragePoolRefresh(a->pool, a->flags); }
INVOKE(virStoragePoolGetInfo) { virStoragePoolInfo i; return virStoragePoolGetInfo(a->pool, a->name ? &i : NULL); }
INVOKE(virStoragePoolGetXMLDesc) { return RESULT(virStoragePoolGetXMLDesc(a->pool, a->flags)); }
INVOKE(virStoragePoolSetAutostart) { return virStoragePoolSetAutostart(a->pool, 1); }
INVOKE(virStoragePoolGetAutostart) { int v; return virStoragePoolGetAutostart(a->pool, a->name ? &v : NULL); }
INVOKE(virStoragePoolIsActive) { return virStoragePoolIsActive(a->pool) < 0 ? -1 : 0; }
INVOKE(virStoragePoolIsPersistent) { return virStoragePoolIsPersistent(a->pool) < 0 ? -1 : 0; }
INVOKE(virStoragePoolNumOfVolumes) { return virStoragePoolNumOfVolumes(a->pool) < 0 ? -1 : 0; }
INVOKE(virStoragePoolListAllVolumes) { return virStoragePoolListAllVolumes(a->pool, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virStoragePoolGetName) { return RESULT(virStoragePoolGetName(a->pool)); }
INVOKE(virStoragePoolGetUUIDString)
{
    char b[VIR_UUID_STRING_BUFLEN];
    return virStoragePoolGetUUIDString(a->pool, a->name ? b : NULL);
}
INVOKE(virStorageVolCreateXML) { return RESULT(virStorageVolCreateXML(a->pool, a->xml, a->flags)); }
INVOKE(virStorageVolLookupByName) { return RESULT(virStorageVolLookupByName(a->pool, a->name)); }

/* ---- Storage volumes ---- */
INVOKE(virStorageVolLookupByKey) { return RESULT(virStorageVolLookupByKey(a->conn, a->path)); }
INVOKE(virStorageVolLookupByPath) { return RESULT(virStorageVolLookupByPath(a->conn, a->path)); }
INVOKE(virStorageVolDelete) { return virStorageVolDelete(a->vol, a->flags); }
INVOKE(virStorageVolWipe) { return virStorageVolWipe(a->vol, a->flags); }
INVOKE(virStorageVolWipePattern) { return virStorageVolWipePattern(a->vol, VIR_STORAGE_VOL_WIPE_ALG_ZERO, a->flags); }
INVOKE(virStorageVolGetInfo) { virStorageVolInfo i; return virStorageVolGetInfo(a->vol, a->name ? &i : NULL); }
INVOKE(virStorageVolGetInfoFlags) { virStorageVolInfo i; return virStorageVolGetInfoFlags(a->vol, &i, a->flags); }
INVOKE(virStorageVolGetXMLDesc) { return RESULT(virStorageVolGetXMLDesc(a->vol, a->flags)); }
INVOKE(virStorageVolGetPath) { return RESULT(virStorageVolGetPath(a->vol)); }
INVOKE(virStorageVolGetName) { return RESULT(virStorageVolGetName(a->vol)); }
INVOKE(virStorageVolGetKey) { return RESULT(virStorageVolGetKey(a->vol)); }
INVOKE(virStorageVolResize) { return virStorageVolResize(a->vol, a->number, a->flags); }
INVOKE(virStoragePoolLookupByVolume) { return RESULT(virStoragePoolLookupByVolume(a->vol)); }

/* ---- Network filters ---- */
INVOKE(virNWFilterLookupByName) { return RESULT(virNWFilterLookupByName(a->conn, a->name)); }
INVOKE(virNWFilterLookupByUUIDString) { return RESULT(virNWFilterLookupByUUIDString(a->conn, a->uuid)); }
INVOKE(virNWFilterLookupByUUID) { return RESULT(virNWFilterLookupByUUID(a->conn, a->uuid_raw)); }
INVOKE(virNWFilterDefineXML) { return RESULT(virNWFilterDefineXML(a->conn, a->xml)); }
INVOKE(virNWFilterDefineXMLFlags) { return RESULT(virNWFilterDefineXMLFlags(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllNWFilters) { return virConnectListAllNWFilters(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfNWFilters) { return virConnectNumOfNWFilters(a->conn) < 0 ? -1 : 0; }
INVOKE(virNWFilterBindingLookupByPortDev) { return RESULT(virNWFilterBindingLookupByPortDev(a->conn, a->name)); }
INVOKE(virNWFilterBindingCreateXML) { return RESULT(virNWFilterBindingCreateXML(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllNWFilterBindings)
{
    return virConnectListAllNWFilterBindings(a->conn, NULL, a->flags) < 0 ? -1 : 0;
}
INVOKE(virNWFilterUndefine) { return virNWFilterUndefine(a->nwfilter); }
INVOKE(virNWFilterGetXMLDesc) { return RESULT(virNWFilterGetXMLDesc(a->nwfilter, a->flags)); }
INVOKE(virNWFilterGetName) { return RESULT(virNWFilterGetName(a->nwfilter)); }
INVOKE(virNWFilterGetUUIDString)
{
    char b[VIR_UUID_STRING_BUFLEN];
    return virNWFilterGetUUIDString(a->nwfilter, a->name ? b : NULL);
}

/* ---- Secrets ---- */
INVOKE(virSecretLookupByUUIDString) { return RESULT(virSecretLookupByUUIDString(a->conn, a->uuid)); }
INVOKE(virSecretLookupByUUID) { return RESULT(virSecretLookupByUUID(a->conn, a->uuid_raw)); }
INVOKE(virSecretLookupByUsage) { return RESULT(virSecretLookupByUsage(a->conn, VIR_SECRET_USAGE_TYPE_VOLUME, a->path)); }
INVOKE(virSecretDefineXML) { return RESULT(virSecretDefineXML(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllSecrets) { return virConnectListAllSecrets(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfSecrets) { return virConnectNumOfSecrets(a->conn) < 0 ? -1 : 0; }
INVOKE(virSecretGetValue)
{
    size_t n = 0;
    unsigned char *v = virSecretGetValue(a->secret, &n, a->flags);

    if (!v)
        return -1;
    free(v);
    return 0;
}
INVOKE(virSecretSetValue)
{
    const unsigned char v[] = "tck";
    return virSecretSetValue(a->secret, a->name ? v : NULL, 3, a->flags);
}
INVOKE(virSecretUndefine) { return virSecretUndefine(a->secret); }
INVOKE(virSecretGetXMLDesc) { return RESULT(virSecretGetXMLDesc(a->secret, a->flags)); }
INVOKE(virSecretGetUUIDString) { char b[VIR_UUID_STRING_BUFLEN]; return virSecretGetUUIDString(a->secret, a->name ? b : NULL); }
INVOKE(virSecretGetUsageID) { return RESULT(virSecretGetUsageID(a->secret)); }
INVOKE(virSecretGetUsageType) { return virSecretGetUsageType(a->secret) < 0 ? -1 : 0; }

/* ---- Host interfaces ---- */
INVOKE(virInterfaceLookupByName) { return RESULT(virInterfaceLookupByName(a->conn, a->name)); }
INVOKE(virInterfaceLookupByMACString) { return RESULT(virInterfaceLookupByMACString(a->conn, a->path)); }
INVOKE(virInterfaceDefineXML) { return RESULT(virInterfaceDefineXML(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllInterfaces) { return virConnectListAllInterfaces(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfInterfaces) { return virConnectNumOfInterfaces(a->conn) < 0 ? -1 : 0; }
INVOKE(virConnectNumOfDefinedInterfaces) { return virConnectNumOfDefinedInterfaces(a->conn) < 0 ? -1 : 0; }
INVOKE(virInterfaceCreate) { return virInterfaceCreate(a->iface, a->flags); }
INVOKE(virInterfaceDestroy) { return virInterfaceDestroy(a->iface, a->flags); }
INVOKE(virInterfaceUndefine) { return virInterfaceUndefine(a->iface); }
INVOKE(virInterfaceGetXMLDesc) { return RESULT(virInterfaceGetXMLDesc(a->iface, a->flags)); }
INVOKE(virInterfaceIsActive) { return virInterfaceIsActive(a->iface) < 0 ? -1 : 0; }
INVOKE(virInterfaceGetName) { return RESULT(virInterfaceGetName(a->iface)); }
INVOKE(virInterfaceGetMACString) { return RESULT(virInterfaceGetMACString(a->iface)); }
INVOKE(virInterfaceChangeBegin) { return virInterfaceChangeBegin(a->conn, a->flags); }

/* ---- Node devices ---- */
INVOKE(virNodeDeviceLookupByName) { return RESULT(virNodeDeviceLookupByName(a->conn, a->name)); }
INVOKE(virNodeDeviceCreateXML) { return RESULT(virNodeDeviceCreateXML(a->conn, a->xml, a->flags)); }
INVOKE(virNodeDeviceDefineXML) { return RESULT(virNodeDeviceDefineXML(a->conn, a->xml, a->flags)); }
INVOKE(virConnectListAllNodeDevices) { return virConnectListAllNodeDevices(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virNodeNumOfDevices) { return virNodeNumOfDevices(a->conn, NULL, a->flags) < 0 ? -1 : 0; }
INVOKE(virNodeDeviceGetXMLDesc) { return RESULT(virNodeDeviceGetXMLDesc(a->dev, a->flags)); }
INVOKE(virNodeDeviceGetName) { return RESULT(virNodeDeviceGetName(a->dev)); }
INVOKE(virNodeDeviceGetParent) { virResetLastError(); return virNodeDeviceGetParent(a->dev) || !virGetLastError() ? 0 : -1; }
INVOKE(virNodeDeviceNumOfCaps) { return virNodeDeviceNumOfCaps(a->dev) < 0 ? -1 : 0; }
INVOKE(virNodeDeviceDestroy) { return virNodeDeviceDestroy(a->dev); }
INVOKE(virNodeDeviceUndefine) { return virNodeDeviceUndefine(a->dev, a->flags); }
INVOKE(virNodeDeviceCreate) { return virNodeDeviceCreate(a->dev, a->flags); }
INVOKE(virNodeDeviceDettach) { return virNodeDeviceDettach(a->dev); }
INVOKE(virNodeDeviceReAttach) { return virNodeDeviceReAttach(a->dev); }
INVOKE(virNodeDeviceReset) { return virNodeDeviceReset(a->dev); }

/* Which XML an API takes, so a condition can make the right document. */
typedef enum {
    XML_NONE, XML_DOMAIN, XML_DEVICE, XML_SNAPSHOT, XML_NETWORK, XML_DHCP_HOST, XML_PORT,
    XML_POOL, XML_VOLUME, XML_NWFILTER, XML_BINDING, XML_SECRET, XML_INTERFACE, XML_NODEDEV,
} XmlKind;

typedef struct {
    const char *api;
    TckContractKind kind;
    gboolean on_conn;     /* takes the connection, not an object of @kind */
    XmlKind xml;
    Invoke invoke;
} ApiRow;

#define API(fn, kind, on_conn, xml) { #fn, TCK_CONTRACT_##kind, on_conn, xml, inv_##fn }

static const ApiRow api_table[] = {
    API(virConnectGetCapabilities, CONNECT, TRUE, XML_NONE),
    API(virConnectGetHostname, CONNECT, TRUE, XML_NONE),
    API(virConnectGetType, CONNECT, TRUE, XML_NONE),
    API(virConnectGetURI, CONNECT, TRUE, XML_NONE),
    API(virConnectGetSysinfo, CONNECT, TRUE, XML_NONE),
    API(virConnectGetVersion, CONNECT, TRUE, XML_NONE),
    API(virConnectGetLibVersion, CONNECT, TRUE, XML_NONE),
    API(virConnectIsAlive, CONNECT, TRUE, XML_NONE),
    API(virConnectIsEncrypted, CONNECT, TRUE, XML_NONE),
    API(virConnectIsSecure, CONNECT, TRUE, XML_NONE),
    API(virNodeGetInfo, CONNECT, TRUE, XML_NONE),
    API(virNodeGetFreeMemory, CONNECT, TRUE, XML_NONE),
    API(virConnectGetMaxVcpus, CONNECT, TRUE, XML_NONE),
    API(virNodeGetSecurityModel, CONNECT, TRUE, XML_NONE),

    API(virDomainLookupByName, DOMAIN, TRUE, XML_NONE),
    API(virDomainLookupByUUIDString, DOMAIN, TRUE, XML_NONE),
    API(virDomainLookupByUUID, DOMAIN, TRUE, XML_NONE),
    API(virDomainLookupByID, DOMAIN, TRUE, XML_NONE),
    API(virDomainDefineXML, DOMAIN, TRUE, XML_DOMAIN),
    API(virDomainDefineXMLFlags, DOMAIN, TRUE, XML_DOMAIN),
    API(virDomainCreateXML, DOMAIN, TRUE, XML_DOMAIN),
    API(virDomainRestore, DOMAIN, TRUE, XML_NONE),
    API(virDomainRestoreFlags, DOMAIN, TRUE, XML_NONE),
    API(virDomainSaveImageGetXMLDesc, DOMAIN, TRUE, XML_NONE),
    API(virConnectListAllDomains, DOMAIN, TRUE, XML_NONE),
    API(virConnectNumOfDomains, DOMAIN, TRUE, XML_NONE),
    API(virConnectNumOfDefinedDomains, DOMAIN, TRUE, XML_NONE),
    API(virConnectListDomains, DOMAIN, TRUE, XML_NONE),
    API(virDomainCreate, DOMAIN, FALSE, XML_NONE),
    API(virDomainCreateWithFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainSuspend, DOMAIN, FALSE, XML_NONE),
    API(virDomainResume, DOMAIN, FALSE, XML_NONE),
    API(virDomainShutdown, DOMAIN, FALSE, XML_NONE),
    API(virDomainShutdownFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainReboot, DOMAIN, FALSE, XML_NONE),
    API(virDomainReset, DOMAIN, FALSE, XML_NONE),
    API(virDomainDestroy, DOMAIN, FALSE, XML_NONE),
    API(virDomainDestroyFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainUndefine, DOMAIN, FALSE, XML_NONE),
    API(virDomainUndefineFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetXMLDesc, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetInfo, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetState, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetVcpus, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetVcpusFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetMaxVcpus, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetVcpus, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetVcpusFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetMemory, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetMaxMemory, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetMemoryFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetMaxMemory, DOMAIN, FALSE, XML_NONE),
    API(virDomainSave, DOMAIN, FALSE, XML_NONE),
    API(virDomainSaveFlags, DOMAIN, FALSE, XML_NONE),
    API(virDomainManagedSave, DOMAIN, FALSE, XML_NONE),
    API(virDomainHasManagedSaveImage, DOMAIN, FALSE, XML_NONE),
    API(virDomainManagedSaveRemove, DOMAIN, FALSE, XML_NONE),
    API(virDomainCoreDump, DOMAIN, FALSE, XML_NONE),
    API(virDomainAttachDevice, DOMAIN, FALSE, XML_DEVICE),
    API(virDomainAttachDeviceFlags, DOMAIN, FALSE, XML_DEVICE),
    API(virDomainDetachDevice, DOMAIN, FALSE, XML_DEVICE),
    API(virDomainDetachDeviceFlags, DOMAIN, FALSE, XML_DEVICE),
    API(virDomainUpdateDeviceFlags, DOMAIN, FALSE, XML_DEVICE),
    API(virDomainSetAutostart, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetAutostart, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetID, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetName, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetUUIDString, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetUUID, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetOSType, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetSchedulerType, DOMAIN, FALSE, XML_NONE),
    API(virDomainIsActive, DOMAIN, FALSE, XML_NONE),
    API(virDomainIsPersistent, DOMAIN, FALSE, XML_NONE),
    API(virDomainIsUpdated, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetJobInfo, DOMAIN, FALSE, XML_NONE),
    API(virDomainAbortJob, DOMAIN, FALSE, XML_NONE),
    API(virDomainSnapshotCreateXML, DOMAIN, FALSE, XML_SNAPSHOT),
    API(virDomainSnapshotNum, DOMAIN, FALSE, XML_NONE),
    API(virDomainListAllSnapshots, DOMAIN, FALSE, XML_NONE),
    API(virDomainSnapshotLookupByName, DOMAIN, FALSE, XML_NONE),
    API(virDomainHasCurrentSnapshot, DOMAIN, FALSE, XML_NONE),
    API(virDomainSnapshotCurrent, DOMAIN, FALSE, XML_NONE),
    API(virDomainSetMetadata, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetMetadata, DOMAIN, FALSE, XML_NONE),
    API(virDomainRename, DOMAIN, FALSE, XML_NONE),
    API(virDomainInjectNMI, DOMAIN, FALSE, XML_NONE),
    API(virDomainSendKey, DOMAIN, FALSE, XML_NONE),
    API(virDomainMemoryStats, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetBlockInfo, DOMAIN, FALSE, XML_NONE),
    API(virDomainBlockStats, DOMAIN, FALSE, XML_NONE),
    API(virDomainInterfaceStats, DOMAIN, FALSE, XML_NONE),
    API(virDomainBlockResize, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetHostname, DOMAIN, FALSE, XML_NONE),
    API(virDomainPinVcpu, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetControlInfo, DOMAIN, FALSE, XML_NONE),
    API(virDomainGetTime, DOMAIN, FALSE, XML_NONE),
    API(virDomainOpenConsole, DOMAIN, FALSE, XML_NONE),

    API(virNetworkLookupByName, NETWORK, TRUE, XML_NONE),
    API(virNetworkLookupByUUIDString, NETWORK, TRUE, XML_NONE),
    API(virNetworkLookupByUUID, NETWORK, TRUE, XML_NONE),
    API(virNetworkDefineXML, NETWORK, TRUE, XML_NETWORK),
    API(virNetworkDefineXMLFlags, NETWORK, TRUE, XML_NETWORK),
    API(virNetworkCreateXML, NETWORK, TRUE, XML_NETWORK),
    API(virNetworkCreateXMLFlags, NETWORK, TRUE, XML_NETWORK),
    API(virConnectListAllNetworks, NETWORK, TRUE, XML_NONE),
    API(virConnectNumOfNetworks, NETWORK, TRUE, XML_NONE),
    API(virConnectNumOfDefinedNetworks, NETWORK, TRUE, XML_NONE),
    API(virNetworkCreate, NETWORK, FALSE, XML_NONE),
    API(virNetworkDestroy, NETWORK, FALSE, XML_NONE),
    API(virNetworkUndefine, NETWORK, FALSE, XML_NONE),
    API(virNetworkGetXMLDesc, NETWORK, FALSE, XML_NONE),
    API(virNetworkGetBridgeName, NETWORK, FALSE, XML_NONE),
    API(virNetworkSetAutostart, NETWORK, FALSE, XML_NONE),
    API(virNetworkGetAutostart, NETWORK, FALSE, XML_NONE),
    API(virNetworkIsActive, NETWORK, FALSE, XML_NONE),
    API(virNetworkIsPersistent, NETWORK, FALSE, XML_NONE),
    API(virNetworkGetName, NETWORK, FALSE, XML_NONE),
    API(virNetworkGetUUIDString, NETWORK, FALSE, XML_NONE),
    API(virNetworkUpdate, NETWORK, FALSE, XML_DHCP_HOST),
    API(virNetworkGetDHCPLeases, NETWORK, FALSE, XML_NONE),
    API(virNetworkListAllPorts, NETWORK, FALSE, XML_NONE),
    API(virNetworkPortLookupByUUIDString, NETWORK, FALSE, XML_NONE),
    API(virNetworkPortCreateXML, NETWORK, FALSE, XML_PORT),

    API(virStoragePoolLookupByName, POOL, TRUE, XML_NONE),
    API(virStoragePoolLookupByUUIDString, POOL, TRUE, XML_NONE),
    API(virStoragePoolLookupByUUID, POOL, TRUE, XML_NONE),
    API(virStoragePoolDefineXML, POOL, TRUE, XML_POOL),
    API(virStoragePoolCreateXML, POOL, TRUE, XML_POOL),
    API(virConnectListAllStoragePools, POOL, TRUE, XML_NONE),
    API(virConnectNumOfStoragePools, POOL, TRUE, XML_NONE),
    API(virConnectNumOfDefinedStoragePools, POOL, TRUE, XML_NONE),
    API(virStoragePoolCreate, POOL, FALSE, XML_NONE),
    API(virStoragePoolBuild, POOL, FALSE, XML_NONE),
    API(virStoragePoolDestroy, POOL, FALSE, XML_NONE),
    API(virStoragePoolUndefine, POOL, FALSE, XML_NONE),
    API(virStoragePoolRefresh, POOL, FALSE, XML_NONE),
    API(virStoragePoolGetInfo, POOL, FALSE, XML_NONE),
    API(virStoragePoolGetXMLDesc, POOL, FALSE, XML_NONE),
    API(virStoragePoolSetAutostart, POOL, FALSE, XML_NONE),
    API(virStoragePoolGetAutostart, POOL, FALSE, XML_NONE),
    API(virStoragePoolIsActive, POOL, FALSE, XML_NONE),
    API(virStoragePoolIsPersistent, POOL, FALSE, XML_NONE),
    API(virStoragePoolNumOfVolumes, POOL, FALSE, XML_NONE),
    API(virStoragePoolListAllVolumes, POOL, FALSE, XML_NONE),
    API(virStoragePoolGetName, POOL, FALSE, XML_NONE),
    API(virStoragePoolGetUUIDString, POOL, FALSE, XML_NONE),
    API(virStorageVolCreateXML, VOLUME, FALSE, XML_VOLUME),
    API(virStorageVolLookupByName, VOLUME, FALSE, XML_NONE),

    API(virStorageVolLookupByKey, VOLUME, TRUE, XML_NONE),
    API(virStorageVolLookupByPath, VOLUME, TRUE, XML_NONE),
    API(virStorageVolDelete, VOLUME, FALSE, XML_NONE),
    API(virStorageVolWipe, VOLUME, FALSE, XML_NONE),
    API(virStorageVolWipePattern, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetInfo, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetInfoFlags, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetXMLDesc, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetPath, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetName, VOLUME, FALSE, XML_NONE),
    API(virStorageVolGetKey, VOLUME, FALSE, XML_NONE),
    API(virStorageVolResize, VOLUME, FALSE, XML_NONE),
    API(virStoragePoolLookupByVolume, VOLUME, FALSE, XML_NONE),

    API(virNWFilterLookupByName, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterLookupByUUIDString, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterLookupByUUID, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterDefineXML, NWFILTER, TRUE, XML_NWFILTER),
    API(virNWFilterDefineXMLFlags, NWFILTER, TRUE, XML_NWFILTER),
    API(virConnectListAllNWFilters, NWFILTER, TRUE, XML_NONE),
    API(virConnectNumOfNWFilters, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterBindingLookupByPortDev, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterBindingCreateXML, NWFILTER, TRUE, XML_BINDING),
    API(virConnectListAllNWFilterBindings, NWFILTER, TRUE, XML_NONE),
    API(virNWFilterUndefine, NWFILTER, FALSE, XML_NONE),
    API(virNWFilterGetXMLDesc, NWFILTER, FALSE, XML_NONE),
    API(virNWFilterGetName, NWFILTER, FALSE, XML_NONE),
    API(virNWFilterGetUUIDString, NWFILTER, FALSE, XML_NONE),

    API(virSecretLookupByUUIDString, SECRET, TRUE, XML_NONE),
    API(virSecretLookupByUUID, SECRET, TRUE, XML_NONE),
    API(virSecretLookupByUsage, SECRET, TRUE, XML_NONE),
    API(virSecretDefineXML, SECRET, TRUE, XML_SECRET),
    API(virConnectListAllSecrets, SECRET, TRUE, XML_NONE),
    API(virConnectNumOfSecrets, SECRET, TRUE, XML_NONE),
    API(virSecretGetValue, SECRET, FALSE, XML_NONE),
    API(virSecretSetValue, SECRET, FALSE, XML_NONE),
    API(virSecretUndefine, SECRET, FALSE, XML_NONE),
    API(virSecretGetXMLDesc, SECRET, FALSE, XML_NONE),
    API(virSecretGetUUIDString, SECRET, FALSE, XML_NONE),
    API(virSecretGetUsageID, SECRET, FALSE, XML_NONE),
    API(virSecretGetUsageType, SECRET, FALSE, XML_NONE),

    API(virInterfaceLookupByName, INTERFACE, TRUE, XML_NONE),
    API(virInterfaceLookupByMACString, INTERFACE, TRUE, XML_NONE),
    API(virInterfaceDefineXML, INTERFACE, TRUE, XML_INTERFACE),
    API(virConnectListAllInterfaces, INTERFACE, TRUE, XML_NONE),
    API(virConnectNumOfInterfaces, INTERFACE, TRUE, XML_NONE),
    API(virConnectNumOfDefinedInterfaces, INTERFACE, TRUE, XML_NONE),
    API(virInterfaceChangeBegin, INTERFACE, TRUE, XML_NONE),
    API(virInterfaceCreate, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceDestroy, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceUndefine, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceGetXMLDesc, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceIsActive, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceGetName, INTERFACE, FALSE, XML_NONE),
    API(virInterfaceGetMACString, INTERFACE, FALSE, XML_NONE),

    API(virNodeDeviceLookupByName, NODEDEV, TRUE, XML_NONE),
    API(virNodeDeviceCreateXML, NODEDEV, TRUE, XML_NODEDEV),
    API(virNodeDeviceDefineXML, NODEDEV, TRUE, XML_NODEDEV),
    API(virConnectListAllNodeDevices, NODEDEV, TRUE, XML_NONE),
    API(virNodeNumOfDevices, NODEDEV, TRUE, XML_NONE),
    API(virNodeDeviceGetXMLDesc, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceGetName, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceGetParent, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceNumOfCaps, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceDestroy, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceUndefine, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceCreate, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceDettach, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceReAttach, NODEDEV, FALSE, XML_NONE),
    API(virNodeDeviceReset, NODEDEV, FALSE, XML_NONE),
};

static const ApiRow *
api_row(const char *api)
{
    for (gsize i = 0; i < G_N_ELEMENTS(api_table); i++)
        if (g_str_equal(api_table[i].api, api))
            return &api_table[i];
    return NULL;
}

int
tck_contract_api_kind(const char *api)
{
    const ApiRow *row = api_row(api);
    return row ? (int) row->kind : -1;
}

/* ---- Fixtures: objects of this test's own, by state ------------------- */

typedef enum {
    STATE_DEFAULT,      /* the kind's ordinary object (see default_state) */
    STATE_INACTIVE,     /* persistent, not running (a volume: in a stopped pool) */
    STATE_RUNNING,      /* persistent and running */
    STATE_TRANSIENT,    /* running without a config (a secret: ephemeral) */
    STATE_REMOVED,      /* a handle whose object was undefined or deleted */
    STATE_LAST
} FixtureState;

static const char *const state_names[STATE_LAST] = {
    [STATE_DEFAULT] = "default", [STATE_INACTIVE] = "inactive", [STATE_RUNNING] = "running",
    [STATE_TRANSIENT] = "transient", [STATE_REMOVED] = "removed",
};

typedef struct {
    TckTest *t;
    virConnectPtr conn;
    virConnectPtr ro;            /* read-only, opened on first use */
    gboolean ro_tried;
    TckContractKind kind;
    gpointer obj[STATE_LAST];
    char *why_not[STATE_LAST];   /* why a fixture cannot be made here */
    virStoragePoolPtr vol_pool[2]; /* volume fixtures live in these: active, stopped */
    guint serial;
} Checker;

static void
free_object(TckContractKind kind, gpointer obj)
{
    if (!obj)
        return;
    switch (kind) {
    case TCK_CONTRACT_DOMAIN: virDomainFree(obj); break;
    case TCK_CONTRACT_NETWORK: virNetworkFree(obj); break;
    case TCK_CONTRACT_POOL: virStoragePoolFree(obj); break;
    case TCK_CONTRACT_VOLUME: virStorageVolFree(obj); break;
    case TCK_CONTRACT_NWFILTER: virNWFilterFree(obj); break;
    case TCK_CONTRACT_SECRET: virSecretFree(obj); break;
    case TCK_CONTRACT_INTERFACE: virInterfaceFree(obj); break;
    case TCK_CONTRACT_NODEDEV: virNodeDeviceFree(obj); break;
    case TCK_CONTRACT_CONNECT:
    case TCK_CONTRACT_LAST: break;
    }
}

/* Forget every fixture: after a call that should have failed succeeded,
 * none of them can be trusted to be in its state.  The objects stay in
 * the ledger and are removed at the end. */
static void
drop_fixtures(Checker *c)
{
    for (int s = 0; s < STATE_LAST; s++) {
        free_object(c->kind, c->obj[s]);
        c->obj[s] = NULL;
        g_clear_pointer(&c->why_not[s], g_free);
    }
    for (int i = 0; i < 2; i++)
        g_clear_pointer(&c->vol_pool[i], virStoragePoolFree);
}

static char *
last_error(const char *what)
{
    return g_strdup_printf("%s failed: %s", what, virGetLastErrorMessage());
}

/* A suffix for the next object of this test: "c-<kind>-N". */
static char *
next_suffix(Checker *c, const char *what)
{
    return g_strdup_printf("c-%s-%u", what, ++c->serial);
}

static char *
bail_xml(Checker *c, char *xml, GError *error)
{
    if (!xml)
        tck_bail_out(c->t, "cannot build a fixture's XML: %s", error ? error->message : "?");
    return xml;
}

/* An element with @text and NULL-terminated attribute name, value pairs,
 * under @parent (or a new document's root when @parent is NULL). */
static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *text, ...)
{
    xmlNodePtr node;
    va_list ap;
    const char *attr;

    if (parent) {
        node = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    } else {
        xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
        node = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL);
        xmlDocSetRootElement(doc, node);
    }
    if (text)
        xmlNodeAddContent(node, BAD_CAST text);
    va_start(ap, text);
    while ((attr = va_arg(ap, const char *)))
        xmlNewProp(node, BAD_CAST attr, BAD_CAST va_arg(ap, const char *));
    va_end(ap);
    return node;
}

/* The document of @root as a string; frees the document. */
static char *
xml_string(xmlNodePtr root)
{
    g_autoptr(xmlDoc) doc = root->doc;
    return tck_xml_to_string(doc);
}

/* A valid document of @kind naming an object of this test that does not exist yet. */
static char *
new_document(Checker *c, XmlKind kind, const char *suffix)
{
    g_autoptr(GError) error = NULL;
    const char *scratch = tck_test_scratch_dir(c->t);

    switch (kind) {
    case XML_DOMAIN:
        return tck_generic_domain_xml(c->t, suffix);
    case XML_NETWORK: {
        g_autoptr(TckNetworkBuilder) b = tck_network_builder_new(tck_own(c->t, TCK_OBJECT_NETWORK, suffix, NULL));
        char *xml = tck_network_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_POOL: {
        g_autofree char *dir = g_build_filename(scratch, suffix, NULL);
        g_autoptr(TckPoolBuilder) b = tck_pool_builder_new("dir", tck_own(c->t, TCK_OBJECT_POOL, suffix, NULL));
        char *xml;

        g_mkdir_with_parents(dir, 0755);
        tck_pool_builder_set_target(b, dir);
        xml = tck_pool_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_VOLUME: {
        const char *pool = c->vol_pool[0] ? virStoragePoolGetName(c->vol_pool[0]) : "none";
        g_autoptr(TckVolumeBuilder) b = tck_volume_builder_new(tck_own(c->t, TCK_OBJECT_VOLUME, suffix, pool));

        tck_volume_builder_set_capacity(b, 1024 * 1024);
        tck_volume_builder_set_format(b, "raw");
        char *xml = tck_volume_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_NWFILTER: {
        g_autoptr(TckNWFilterBuilder) b = tck_nwfilter_builder_new(tck_own(c->t, TCK_OBJECT_NWFILTER, suffix, NULL), NULL);
        char *xml = tck_nwfilter_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_SECRET: {
        g_autoptr(TckSecretBuilder) b = tck_secret_builder_new(FALSE, FALSE);

        tck_secret_builder_set_usage(b, "ceph", tck_own(c->t, TCK_OBJECT_SECRET, suffix, NULL));
        char *xml = tck_secret_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_INTERFACE: {
        /* Not through the builder: a name of this run is longer than a
         * kernel interface name may be, and no row lets the define succeed. */
        xmlNodePtr iface = el(NULL, "interface", NULL, "type", "ethernet",
                              "name", tck_own(c->t, TCK_OBJECT_INTERFACE, suffix, NULL), NULL);

        el(iface, "start", NULL, "mode", "none", NULL);
        return xml_string(iface);
    }
    case XML_DEVICE: {
        g_autofree char *img = g_strdup_printf("%s/%s.img", scratch, suffix);
        xmlNodePtr disk = el(NULL, "disk", NULL, "type", "file", "device", "disk", NULL);

        el(disk, "source", NULL, "file", img, NULL);
        el(disk, "target", NULL, "dev", "vdx", "bus", "virtio", NULL);
        return xml_string(disk);
    }
    case XML_SNAPSHOT: {
        g_autoptr(TckSnapshotBuilder) b = tck_snapshot_builder_new(tck_name(c->t, suffix));
        char *xml = tck_snapshot_builder_to_xml(b, &error);
        return bail_xml(c, xml, error);
    }
    case XML_DHCP_HOST:
        return xml_string(el(NULL, "host", NULL, "mac", "52:54:00:7c:4b:01", "name", "tck",
                             "ip", "192.0.2.77", NULL));
    case XML_PORT: {
        g_autofree char *keep_uuid = g_uuid_string_random();
        xmlNodePtr port = el(NULL, "networkport", NULL, NULL);
        xmlNodePtr owner = el(port, "owner", NULL, NULL);

        el(owner, "name", tck_name(c->t, suffix), NULL);
        el(owner, "uuid", "8e1d5bbd-4b3a-4c4f-9f60-0d7a7c0b7c01", NULL);
        el(port, "uuid", keep_uuid, NULL);
        el(port, "mac", NULL, "address", "52:54:00:7c:4b:02", NULL);
        return xml_string(port);
    }
    case XML_BINDING: {
        xmlNodePtr binding = el(NULL, "filterbinding", NULL, NULL);
        xmlNodePtr owner = el(binding, "owner", NULL, NULL);

        el(owner, "name", tck_name(c->t, suffix), NULL);
        el(owner, "uuid", "8e1d5bbd-4b3a-4c4f-9f60-0d7a7c0b7c02", NULL);
        el(binding, "portdev", NULL, "name", tck_name(c->t, "portdev"), NULL);
        el(binding, "mac", NULL, "address", "52:54:00:7c:4b:03", NULL);
        el(binding, "filterref", NULL, "filter", tck_name(c->t, "nofilter"), NULL);
        return xml_string(binding);
    }
    case XML_NODEDEV: {
        xmlNodePtr dev = el(NULL, "device", NULL, NULL);
        xmlNodePtr cap;

        el(dev, "name", tck_name(c->t, suffix), NULL);
        el(dev, "parent", tck_name(c->t, "noparent"), NULL);
        cap = el(dev, "capability", NULL, "type", "mdev", NULL);
        el(cap, "type", NULL, "id", "tck-none", NULL);
        return xml_string(dev);
    }
    case XML_NONE:
        break;
    }
    return NULL;
}

/* The kind's ordinary object: a volume is ordinarily in an active pool. */
static FixtureState
default_state(TckContractKind kind)
{
    return kind == TCK_CONTRACT_VOLUME ? STATE_RUNNING : STATE_INACTIVE;
}

/* Read-only node-device APIs: the only ones a host device is handed to. */
static const char *const nodedev_readers[] = {
    "virNodeDeviceGetXMLDesc", "virNodeDeviceGetName", "virNodeDeviceGetParent",
    "virNodeDeviceNumOfCaps", NULL,
};

/* The pools volume fixtures live in: [0] active, [1] stopped after its volume was made. */
static char *
ensure_vol_pools(Checker *c)
{
    for (int i = 0; i < 2; i++) {
        g_autofree char *suffix = NULL, *xml = NULL;

        if (c->vol_pool[i])
            continue;
        suffix = next_suffix(c, i ? "vpool-stopped" : "vpool");
        xml = new_document(c, XML_POOL, suffix);
        /* The one to be stopped is persistent: a stopped transient pool is gone. */
        if (i == 0)
            c->vol_pool[i] = virStoragePoolCreateXML(c->conn, xml, 0);
        else if ((c->vol_pool[i] = virStoragePoolDefineXML(c->conn, xml, 0)) &&
                 virStoragePoolCreate(c->vol_pool[i], 0) < 0)
            g_clear_pointer(&c->vol_pool[i], virStoragePoolFree);
        if (!c->vol_pool[i])
            return last_error("making a volume fixture's pool");
    }
    return NULL;
}

/*
 * The four calls that put a domain, network or pool fixture into its
 * state, one row per kind, so one maker serves all three.
 */
typedef struct {
    XmlKind xml;
    const char *word;                                  /* its suffix word */
    const char *create_api, *define_api, *start_api, *undefine_api;
    gpointer (*create_xml)(virConnectPtr conn, const char *xml);
    gpointer (*define_xml)(virConnectPtr conn, const char *xml);
    int (*start)(gpointer obj);
    int (*undefine)(gpointer obj);
    TckContractKind kind;                              /* for freeing */
} Lifecycle;

static gpointer dom_create_xml(virConnectPtr c, const char *x) { return virDomainCreateXML(c, x, 0); }
static gpointer dom_define_xml(virConnectPtr c, const char *x) { return virDomainDefineXML(c, x); }
static int dom_start(gpointer o) { return virDomainCreate(o); }
static int dom_undefine(gpointer o) { return virDomainUndefine(o); }
static gpointer net_create_xml(virConnectPtr c, const char *x) { return virNetworkCreateXML(c, x); }
static gpointer net_define_xml(virConnectPtr c, const char *x) { return virNetworkDefineXML(c, x); }
static int net_start(gpointer o) { return virNetworkCreate(o); }
static int net_undefine(gpointer o) { return virNetworkUndefine(o); }
static gpointer pool_create_xml(virConnectPtr c, const char *x) { return virStoragePoolCreateXML(c, x, 0); }
static gpointer pool_define_xml(virConnectPtr c, const char *x) { return virStoragePoolDefineXML(c, x, 0); }
static int pool_start(gpointer o) { return virStoragePoolCreate(o, 0); }
static int pool_undefine(gpointer o) { return virStoragePoolUndefine(o); }

static const Lifecycle lifecycles[] = {
    { XML_DOMAIN, "dom", "virDomainCreateXML", "virDomainDefineXML", "virDomainCreate", "virDomainUndefine",
      dom_create_xml, dom_define_xml, dom_start, dom_undefine, TCK_CONTRACT_DOMAIN },
    { XML_NETWORK, "net", "virNetworkCreateXML", "virNetworkDefineXML", "virNetworkCreate", "virNetworkUndefine",
      net_create_xml, net_define_xml, net_start, net_undefine, TCK_CONTRACT_NETWORK },
    { XML_POOL, "pool", "virStoragePoolCreateXML", "virStoragePoolDefineXML", "virStoragePoolCreate",
      "virStoragePoolUndefine", pool_create_xml, pool_define_xml, pool_start, pool_undefine, TCK_CONTRACT_POOL },
};

/* A fixture of @l's kind in @state: transient (created), or defined, then started or undefined. */
static gpointer
make_by_lifecycle(Checker *c, const Lifecycle *l, FixtureState state, char **why)
{
    g_autofree char *suffix = next_suffix(c, l->word);
    g_autofree char *xml = new_document(c, l->xml, suffix);
    const char *failed = NULL;
    gpointer obj;

    if (state == STATE_TRANSIENT) {
        if (!(obj = l->create_xml(c->conn, xml)))
            *why = last_error(l->create_api);
        return obj;
    }
    if (!(obj = l->define_xml(c->conn, xml))) {
        *why = last_error(l->define_api);
        return NULL;
    }
    if (state == STATE_RUNNING && l->start(obj) < 0)
        failed = l->start_api;
    else if (state == STATE_REMOVED && l->undefine(obj) < 0)
        failed = l->undefine_api;
    if (failed) {
        *why = last_error(failed);
        free_object(l->kind, obj);
        return NULL;
    }
    return obj;
}

static gpointer
make_domain(Checker *c, FixtureState state, char **why)
{
    return make_by_lifecycle(c, &lifecycles[0], state, why);
}

static gpointer
make_network(Checker *c, FixtureState state, char **why)
{
    return make_by_lifecycle(c, &lifecycles[1], state, why);
}

static gpointer
make_pool(Checker *c, FixtureState state, char **why)
{
    return make_by_lifecycle(c, &lifecycles[2], state, why);
}

static gpointer
make_volume(Checker *c, FixtureState state, char **why)
{
    g_autofree char *suffix = NULL, *xml = NULL;
    int in = state == STATE_INACTIVE ? 1 : 0;
    virStorageVolPtr v;

    if (state == STATE_TRANSIENT) {
        *why = g_strdup("volumes have no transient form");
        return NULL;
    }
    if ((*why = ensure_vol_pools(c)))
        return NULL;
    suffix = next_suffix(c, "vol");
    xml = new_document(c, XML_VOLUME, suffix);
    /* The volume's ledger parent is the active pool; name it in the right one. */
    if (in) {
        g_autofree char *fixed = tck_xml_set_text(xml, "/volume/name", tck_own(c->t, TCK_OBJECT_VOLUME, suffix,
                                                  virStoragePoolGetName(c->vol_pool[1])), NULL);
        g_free(xml);
        xml = g_steal_pointer(&fixed);
    }
    if (!(v = virStorageVolCreateXML(c->vol_pool[in], xml, 0))) {
        *why = last_error("virStorageVolCreateXML of a fixture");
        return NULL;
    }
    if ((state == STATE_REMOVED && virStorageVolDelete(v, 0) < 0) ||
        (state == STATE_INACTIVE && virStoragePoolDestroy(c->vol_pool[1]) < 0)) {
        *why = last_error(state == STATE_REMOVED ? "virStorageVolDelete of a fixture"
                                                 : "virStoragePoolDestroy of a volume fixture's pool");
        virStorageVolFree(v);
        return NULL;
    }
    return v;
}

static gpointer
make_nwfilter(Checker *c, FixtureState state, char **why)
{
    g_autofree char *suffix = next_suffix(c, "filter");
    g_autofree char *xml = new_document(c, XML_NWFILTER, suffix);
    virNWFilterPtr f;

    if (state == STATE_TRANSIENT) {
        *why = g_strdup("network filters have no transient form");
        return NULL;
    }
    if (!(f = virNWFilterDefineXML(c->conn, xml))) {
        *why = last_error("virNWFilterDefineXML of a fixture");
        return NULL;
    }
    if (state == STATE_REMOVED && virNWFilterUndefine(f) < 0) {
        *why = last_error("virNWFilterUndefine of a fixture");
        virNWFilterFree(f);
        return NULL;
    }
    return f;
}

static gpointer
make_secret(Checker *c, FixtureState state, char **why)
{
    g_autofree char *suffix = next_suffix(c, "secret");
    g_autofree char *xml = new_document(c, XML_SECRET, suffix);
    virSecretPtr s;

    if (state == STATE_TRANSIENT) {
        g_autofree char *eph = tck_xml_set_text(xml, "/secret/@ephemeral", "yes", NULL);
        g_free(xml);
        xml = g_steal_pointer(&eph);
    }
    if (!xml || !(s = virSecretDefineXML(c->conn, xml, 0))) {
        *why = last_error("virSecretDefineXML of a fixture");
        return NULL;
    }
    if (state == STATE_REMOVED && virSecretUndefine(s) < 0) {
        *why = last_error("virSecretUndefine of a fixture");
        virSecretFree(s);
        return NULL;
    }
    return s;
}

static gpointer
make_interface(Checker *c, FixtureState state G_GNUC_UNUSED, char **why)
{
    /* Defining a host interface writes the host's network config: only on a
     * NIC the config allow-lists, which these rows do not need. */
    *why = g_strdup_printf("host interfaces are changed only on a NIC from the config's host_network_devices, "
                           "and no contract row here is worth touching one (%s)", tck_test_uri(c->t));
    return NULL;
}

static gpointer
make_nodedev(Checker *c, FixtureState state, char **why)
{
    virNodeDevicePtr *devs = NULL;
    virNodeDevicePtr dev = NULL;
    int n;

    if (state != STATE_INACTIVE) {
        *why = g_strdup_printf("node-device fixtures are the host's own devices, which are never changed");
        return NULL;
    }
    if ((n = virConnectListAllNodeDevices(c->conn, &devs, 0)) < 0) {
        *why = last_error("virConnectListAllNodeDevices");
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (!dev)
            dev = devs[i];
        else
            virNodeDeviceFree(devs[i]);
    }
    free(devs);
    if (!dev)
        *why = g_strdup("the host lists no node devices");
    return dev;
}

typedef gpointer (*MakeFixture)(Checker *c, FixtureState state, char **why);

static const MakeFixture fixture_makers[TCK_CONTRACT_LAST] = {
    [TCK_CONTRACT_DOMAIN] = make_domain,
    [TCK_CONTRACT_NETWORK] = make_network,
    [TCK_CONTRACT_POOL] = make_pool,
    [TCK_CONTRACT_VOLUME] = make_volume,
    [TCK_CONTRACT_NWFILTER] = make_nwfilter,
    [TCK_CONTRACT_SECRET] = make_secret,
    [TCK_CONTRACT_INTERFACE] = make_interface,
    [TCK_CONTRACT_NODEDEV] = make_nodedev,
};

/* The fixture in @state, made on first use; NULL with @why when it cannot be. */
static gpointer
fixture(Checker *c, FixtureState state, const char **why)
{
    if (state == STATE_DEFAULT)
        state = default_state(c->kind);
    /* Filters and secrets have no running state: defined is all they are. */
    if (state == STATE_RUNNING && (c->kind == TCK_CONTRACT_NWFILTER || c->kind == TCK_CONTRACT_SECRET))
        state = STATE_INACTIVE;
    if (!c->obj[state] && !c->why_not[state] && fixture_makers[c->kind])
        c->obj[state] = fixture_makers[c->kind](c, state, &c->why_not[state]);
    *why = c->why_not[state];
    return c->obj[state];
}

/* The name and UUID of a fixture, for duplicates and lookups. */
static char *
fixture_name(TckContractKind kind, gpointer obj)
{
    switch (kind) {
    case TCK_CONTRACT_DOMAIN: return g_strdup(virDomainGetName(obj));
    case TCK_CONTRACT_NETWORK: return g_strdup(virNetworkGetName(obj));
    case TCK_CONTRACT_POOL: return g_strdup(virStoragePoolGetName(obj));
    case TCK_CONTRACT_VOLUME: return g_strdup(virStorageVolGetKey(obj));
    case TCK_CONTRACT_NWFILTER: return g_strdup(virNWFilterGetName(obj));
    case TCK_CONTRACT_SECRET: return g_strdup(virSecretGetUsageID(obj));
    case TCK_CONTRACT_INTERFACE: return g_strdup(virInterfaceGetName(obj));
    case TCK_CONTRACT_NODEDEV: return g_strdup(virNodeDeviceGetName(obj));
    default: return NULL;
    }
}

static char *
fixture_uuid(TckContractKind kind, gpointer obj)
{
    char buf[VIR_UUID_STRING_BUFLEN];
    int rc = -1;

    switch (kind) {
    case TCK_CONTRACT_DOMAIN: rc = virDomainGetUUIDString(obj, buf); break;
    case TCK_CONTRACT_NETWORK: rc = virNetworkGetUUIDString(obj, buf); break;
    case TCK_CONTRACT_POOL: rc = virStoragePoolGetUUIDString(obj, buf); break;
    case TCK_CONTRACT_NWFILTER: rc = virNWFilterGetUUIDString(obj, buf); break;
    case TCK_CONTRACT_SECRET: rc = virSecretGetUUIDString(obj, buf); break;
    default: break;
    }
    return rc == 0 ? g_strdup(buf) : NULL;
}

/* @obj of this test, seen through the read-only connection. */
static gpointer
through(virConnectPtr ro, TckContractKind kind, gpointer obj)
{
    g_autofree char *uuid = fixture_uuid(kind, obj);
    g_autofree char *name = fixture_name(kind, obj);

    switch (kind) {
    case TCK_CONTRACT_DOMAIN: return virDomainLookupByUUIDString(ro, uuid);
    case TCK_CONTRACT_NETWORK: return virNetworkLookupByUUIDString(ro, uuid);
    case TCK_CONTRACT_POOL: return virStoragePoolLookupByUUIDString(ro, uuid);
    case TCK_CONTRACT_VOLUME: return virStorageVolLookupByKey(ro, name);
    case TCK_CONTRACT_NWFILTER: return virNWFilterLookupByUUIDString(ro, uuid);
    case TCK_CONTRACT_SECRET: return virSecretLookupByUUIDString(ro, uuid);
    case TCK_CONTRACT_INTERFACE: return virInterfaceLookupByName(ro, name);
    case TCK_CONTRACT_NODEDEV: return virNodeDeviceLookupByName(ro, name);
    default: return NULL;
    }
}

static void
set_object(Args *a, TckContractKind kind, gpointer obj)
{
    switch (kind) {
    case TCK_CONTRACT_DOMAIN: a->dom = obj; break;
    case TCK_CONTRACT_NETWORK: a->net = obj; break;
    case TCK_CONTRACT_POOL: a->pool = obj; break;
    case TCK_CONTRACT_VOLUME: a->vol = obj; break;
    case TCK_CONTRACT_NWFILTER: a->nwfilter = obj; break;
    case TCK_CONTRACT_SECRET: a->secret = obj; break;
    case TCK_CONTRACT_INTERFACE: a->iface = obj; break;
    case TCK_CONTRACT_NODEDEV: a->dev = obj; break;
    default: break;
    }
}

/* ---- Conditions -------------------------------------------------------- */

typedef enum { CONN_RW, CONN_NULL, CONN_RO } ConnUse;
/*
 * OBJ_FIXTURE: the call is handed a fixture (a call on the connection
 * ignores it); OBJ_CLASH: even a call on the connection needs one, to
 * clash with.
 */
typedef enum { OBJ_NONE, OBJ_FIXTURE, OBJ_CLASH } ObjUse;

typedef struct {
    const char *name;
    ConnUse conn;
    ObjUse obj;
    FixtureState state;                 /* unless the row names one */
    /* Changes to the ordinary arguments; returns why not, or NULL. */
    char *(*tweak)(Checker *c, const ApiRow *api, gpointer fix, Args *a);
} Condition;

static char *
tweak_null_args(Checker *c G_GNUC_UNUSED, const ApiRow *api G_GNUC_UNUSED, gpointer fix G_GNUC_UNUSED, Args *a)
{
    a->name = a->uuid = a->xml = a->path = NULL;
    a->uuid_raw = NULL;
    return NULL;
}

static char *
tweak_invalid_args(Checker *c G_GNUC_UNUSED, const ApiRow *api G_GNUC_UNUSED, gpointer fix G_GNUC_UNUSED, Args *a)
{
    a->id = -1;
    a->uuid = "not-a-uuid";
    a->number = 0;
    a->path = "";
    return NULL;
}

static char *
tweak_duplicate(Checker *c, const ApiRow *api, gpointer fix, Args *a, gboolean by_name)
{
    static const struct { TckContractKind kind; const char *name; const char *uuid; } paths[] = {
        { TCK_CONTRACT_DOMAIN, "/domain/name", "/domain/uuid" },
        { TCK_CONTRACT_NETWORK, "/network/name", "/network/uuid" },
        { TCK_CONTRACT_POOL, "/pool/name", "/pool/uuid" },
        { TCK_CONTRACT_VOLUME, "/volume/name", NULL },
        { TCK_CONTRACT_NWFILTER, "/filter/@name", "/filter/uuid" },
        { TCK_CONTRACT_SECRET, "/secret/usage/name", "/secret/uuid" },
        { TCK_CONTRACT_INTERFACE, "/interface/@name", NULL },
    };
    g_autofree char *value = NULL;
    const char *path = NULL;
    char *edited;

    for (gsize i = 0; i < G_N_ELEMENTS(paths); i++)
        if (paths[i].kind == api->kind)
            path = by_name ? paths[i].name : paths[i].uuid;
    if (!path || !a->xml)
        return g_strdup_printf("%s objects have no %s to clash on", tck_contract_kind_name(api->kind),
                               by_name ? "name" : "UUID");
    value = by_name ? fixture_name(api->kind, fix) : fixture_uuid(api->kind, fix);
    if (by_name && api->kind == TCK_CONTRACT_VOLUME)
        value = (g_free(value), g_strdup(virStorageVolGetName(fix)));
    if (!value || !(edited = tck_xml_set_text(a->xml, path, value, NULL)))
        tck_bail_out(c->t, "cannot make a duplicate of a %s fixture", tck_contract_kind_name(api->kind));
    a->xml = keep(a, edited);
    return NULL;
}

static char *
tweak_dup_name(Checker *c, const ApiRow *api, gpointer fix, Args *a)
{
    return tweak_duplicate(c, api, fix, a, TRUE);
}

static char *
tweak_dup_uuid(Checker *c, const ApiRow *api, gpointer fix, Args *a)
{
    return tweak_duplicate(c, api, fix, a, FALSE);
}

static char *
tweak_malformed(Checker *c G_GNUC_UNUSED, const ApiRow *api G_GNUC_UNUSED, gpointer fix G_GNUC_UNUSED, Args *a)
{
    a->xml = "<tck-not-well-formed";
    return NULL;
}

static char *
tweak_bad_flag(Checker *c G_GNUC_UNUSED, const ApiRow *api G_GNUC_UNUSED, gpointer fix G_GNUC_UNUSED, Args *a)
{
    a->flags = TCK_CONTRACT_BAD_FLAG;
    return NULL;
}

static const Condition conditions[] = {
    { "NULL object", CONN_RW, OBJ_NONE, STATE_DEFAULT, NULL },
    { "NULL connection", CONN_NULL, OBJ_NONE, STATE_DEFAULT, NULL },
    { "NULL argument", CONN_RW, OBJ_FIXTURE, STATE_DEFAULT, tweak_null_args },
    { "invalid argument", CONN_RW, OBJ_FIXTURE, STATE_DEFAULT, tweak_invalid_args },
    { "no such object", CONN_RW, OBJ_FIXTURE, STATE_DEFAULT, NULL },
    { "removed object", CONN_RW, OBJ_FIXTURE, STATE_REMOVED, NULL },
    { "duplicate name", CONN_RW, OBJ_CLASH, STATE_DEFAULT, tweak_dup_name },
    { "duplicate UUID", CONN_RW, OBJ_CLASH, STATE_DEFAULT, tweak_dup_uuid },
    { "inactive object", CONN_RW, OBJ_FIXTURE, STATE_INACTIVE, NULL },
    { "active object", CONN_RW, OBJ_FIXTURE, STATE_RUNNING, NULL },
    { "transient object", CONN_RW, OBJ_FIXTURE, STATE_TRANSIENT, NULL },
    { "malformed XML", CONN_RW, OBJ_FIXTURE, STATE_DEFAULT, tweak_malformed },
    { "unsupported flag", CONN_RW, OBJ_FIXTURE, STATE_DEFAULT, tweak_bad_flag },
    { "read-only connection", CONN_RO, OBJ_FIXTURE, STATE_DEFAULT, NULL },
};

static const Condition *
condition_row(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(conditions); i++)
        if (g_str_equal(conditions[i].name, name))
            return &conditions[i];
    return NULL;
}

static FixtureState
state_from_name(const char *name, FixtureState fallback)
{
    for (int s = 0; name && s < STATE_LAST; s++)
        if (g_str_equal(state_names[s], name))
            return s;
    return fallback;
}

/* ---- The run ------------------------------------------------------------ */

static const char *const kind_names[TCK_CONTRACT_LAST] = {
    [TCK_CONTRACT_CONNECT] = "connection", [TCK_CONTRACT_DOMAIN] = "domain",
    [TCK_CONTRACT_NETWORK] = "network", [TCK_CONTRACT_POOL] = "storage pool",
    [TCK_CONTRACT_VOLUME] = "storage volume", [TCK_CONTRACT_NWFILTER] = "network filter",
    [TCK_CONTRACT_SECRET] = "secret", [TCK_CONTRACT_INTERFACE] = "host interface",
    [TCK_CONTRACT_NODEDEV] = "node device",
};

const char *
tck_contract_kind_name(TckContractKind kind)
{
    return kind < TCK_CONTRACT_LAST ? kind_names[kind] : "?";
}

/* What libvirt said about the call, taken at once. */
typedef struct {
    int ret;
    int code;
    int domain;
    char *message;
} Answer;

static virConnectPtr
read_only(Checker *c)
{
    if (!c->ro_tried) {
        c->ro_tried = TRUE;
        c->ro = tck_virt_open(tck_test_uri(c->t), TCK_VIRT_OPEN_READ_ONLY, NULL);
    }
    return c->ro;
}

/* The ledger's kind for names of @kind's objects. */
static const TckObjectKind ledger_kinds[TCK_CONTRACT_LAST] = {
    [TCK_CONTRACT_CONNECT] = TCK_OBJECT_LAST, [TCK_CONTRACT_DOMAIN] = TCK_OBJECT_DOMAIN,
    [TCK_CONTRACT_NETWORK] = TCK_OBJECT_NETWORK, [TCK_CONTRACT_POOL] = TCK_OBJECT_POOL,
    [TCK_CONTRACT_VOLUME] = TCK_OBJECT_VOLUME, [TCK_CONTRACT_NWFILTER] = TCK_OBJECT_NWFILTER,
    [TCK_CONTRACT_SECRET] = TCK_OBJECT_SECRET, [TCK_CONTRACT_INTERFACE] = TCK_OBJECT_INTERFACE,
    [TCK_CONTRACT_NODEDEV] = TCK_OBJECT_LAST,
};

/*
 * A name of this test that no object has.  It is in the ledger, since a
 * call that should fail but succeeds (a rename, a define) may give it to
 * an object.
 */
static const char *
never_made_name(Checker *c, TckContractKind kind)
{
    TckObjectKind lk = ledger_kinds[kind];

    if (lk == TCK_OBJECT_LAST)
        return tck_name(c->t, "c-never-made");
    return tck_own(c->t, lk, "c-never-made", lk == TCK_OBJECT_VOLUME && c->vol_pool[0]
                   ? virStoragePoolGetName(c->vol_pool[0]) : NULL);
}

/* The 16 bytes of a UUID string (libvirt has no public parser). */
static void
parse_uuid(const char *str, unsigned char *out)
{
    guint n = 0;

    memset(out, 0, VIR_UUID_BUFLEN);
    for (const char *p = str; *p && n < 2 * VIR_UUID_BUFLEN; p++) {
        if (!g_ascii_isxdigit(*p))
            continue;
        out[n / 2] |= (unsigned char) (g_ascii_xdigit_value(*p) << (n % 2 ? 0 : 4));
        n++;
    }
}

/*
 * The arguments of one row; NULL when they are ready, else why the row
 * cannot be checked here (a skip).  *@ro_obj is an object to free after.
 */
static char *
arguments(Checker *c, const TckContract *row, const ApiRow *api, const Condition *cond, Args *a,
          gpointer *ro_obj, gpointer *ro_pool, unsigned char *uuid_buf)
{
    FixtureState state = state_from_name(row->state, cond->state);
    gboolean wants_fixture = api->kind != TCK_CONTRACT_CONNECT &&
                             (cond->obj == OBJ_CLASH || (cond->obj == OBJ_FIXTURE && !api->on_conn));
    gpointer fix = NULL;
    const char *why = NULL;

    /* Ordinary arguments: names of this test that no object has. */
    a->conn = c->conn;
    a->name = never_made_name(c, api->kind);
    a->uuid = keep(a, g_uuid_string_random());
    parse_uuid(a->uuid, uuid_buf);
    a->uuid_raw = uuid_buf;
    a->id = G_MAXINT - 7;
    a->path = api->kind == TCK_CONTRACT_INTERFACE
        ? keep(a, g_strdup_printf("02:7c:%02x:%02x:%02x:%02x", g_random_int_range(0, 256),
                                  g_random_int_range(0, 256), g_random_int_range(0, 256), g_random_int_range(0, 256)))
        : keep(a, g_build_filename(tck_host_dir(c->t), tck_name(c->t, "c-never-made-file"), NULL));
    a->number = 1;
    if (api->kind == TCK_CONTRACT_NODEDEV && !api->on_conn && wants_fixture &&
        !g_strv_contains(nodedev_readers, api->api))
        return g_strdup_printf("%s would change a host device; only readers are handed one", api->api);

    if (wants_fixture) {
        if (!(fix = fixture(c, state, &why)))
            return g_strdup_printf("no %s %s fixture: %s", state_names[state == STATE_DEFAULT ? default_state(c->kind) : state],
                                   tck_contract_kind_name(c->kind), why ? why : "?");
        if (api->kind == TCK_CONTRACT_VOLUME && !api->on_conn)
            a->pool = c->vol_pool[state == STATE_INACTIVE ? 1 : 0];
    }
    if (api->xml != XML_NONE) {
        g_autofree char *suffix = next_suffix(c, "new");
        a->xml = keep(a, new_document(c, api->xml, suffix));
    }
    if (cond->conn == CONN_NULL)
        a->conn = NULL;
    if (cond->conn == CONN_RO) {
        if (!(a->conn = read_only(c)))
            return g_strdup_printf("cannot open %s read-only: %s", tck_test_uri(c->t), virGetLastErrorMessage());
        if (fix && !(*ro_obj = through(a->conn, c->kind, fix)))
            return g_strdup_printf("a read-only connection to %s does not see this test's %s", tck_test_uri(c->t),
                                   tck_contract_kind_name(c->kind));
    }
    if (fix && !api->on_conn)
        set_object(a, api->kind, *ro_obj ? *ro_obj : fix);
    /* Pool-level volume calls take the volume fixture's pool, through the same connection. */
    if (a->pool && a->conn != c->conn && a->conn &&
        !(a->pool = *ro_pool = through(a->conn, TCK_CONTRACT_POOL, a->pool)))
        return g_strdup_printf("a read-only connection to %s does not see this test's storage pool",
                               tck_test_uri(c->t));
    if (a->conn)
        a->stream = virStreamNew(a->conn, 0);
    if (cond->tweak)
        return cond->tweak(c, api, fix, a);
    return NULL;
}

static Answer
call(const ApiRow *api, Args *a)
{
    Answer ans = { 0 };
    virErrorPtr err;

    virResetLastError();
    ans.ret = api->invoke(a);
    if (ans.ret < 0 && (err = virGetLastError())) {
        ans.code = err->code;
        ans.domain = err->domain;
        ans.message = g_strdup(err->message);
    }
    return ans;
}

static void
check_row(Checker *c, const TckContract *row)
{
    const ApiRow *api = api_row(row->api);
    const Condition *cond = condition_row(row->condition);
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func(g_free);
    Args a = { .keep = kept };
    gpointer ro_obj = NULL, ro_pool = NULL;
    unsigned char uuid_buf[VIR_UUID_BUFLEN];
    g_autofree char *why_not = NULL;
    /* the check's name, also when it is skipped: the same row on every driver */
    g_autofree char *name = g_strdup_printf("%s / %s", row->api, row->condition);
    Answer ans;

    if (!api || !cond) {
        tck_ok(c->t, FALSE, "%s", name);
        tck_diag(c->t, "line %u: the checker cannot call %s under '%s'", row->line, row->api, row->condition);
        return;
    }
    tck_diag(c->t, "%s under '%s' must fail with %s%s%s", row->api, row->condition, row->code,
             row->domain ? " in " : "", row->domain ? row->domain : "");
    if ((why_not = arguments(c, row, api, cond, &a, &ro_obj, &ro_pool, uuid_buf))) {
        tck_skip_check(c->t, name, "%s", why_not);
        free_object(c->kind, ro_obj);
        free_object(TCK_CONTRACT_POOL, ro_pool);
        if (a.stream)
            virStreamFree(a.stream);
        return;
    }
    ans = call(api, &a);
    if (a.stream) {
        if (ans.ret >= 0)
            virStreamAbort(a.stream);
        virStreamFree(a.stream);
    }
    free_object(c->kind, ro_obj);
    free_object(TCK_CONTRACT_POOL, ro_pool);

    if (ans.ret >= 0) {
        tck_ok(c->t, FALSE, "%s", name);
        tck_diag(c->t, "expected %s, but the call succeeded", row->code);
        drop_fixtures(c);
    } else if (ans.code == VIR_ERR_NO_SUPPORT && row->code_value != VIR_ERR_NO_SUPPORT) {
        tck_skip_check(c->t, name, "the driver does not support %s (%s)",
                       row->api, ans.message ? ans.message : "VIR_ERR_NO_SUPPORT");
    } else {
        gboolean code_ok = ans.code == row->code_value;
        gboolean domain_ok = row->domain_value < 0 || ans.domain == row->domain_value;

        tck_ok(c->t, code_ok && domain_ok, "%s", name);
        if (!code_ok)
            tck_diag(c->t, "expected %s, got %s: %s", row->code, tck_error_code_name(ans.code),
                     ans.message ? ans.message : "(no message)");
        else if (!domain_ok)
            tck_diag(c->t, "expected the error from %s, got error domain %d: %s", row->domain, ans.domain,
                     ans.message ? ans.message : "(no message)");
    }
    g_free(ans.message);
}

int
tck_contract_check_main(int argc, char **argv, TckContractKind kind, const char *summary,
                        const char *const *needs)
{
    g_autofree char *path = tck_contracts_default_path();
    g_autofree char *schema = tck_contracts_default_schema();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = tck_contracts_load(path, schema, tck_contracts_api_xml(), &error);
    g_autoptr(GPtrArray) mine = g_ptr_array_new();
    TckTestInfo info = { .summary = summary, .needs = needs };
    g_autoptr(TckTest) t = NULL;
    Checker c = { .kind = kind };
    int status;

    for (guint i = 0; rows && i < rows->len; i++) {
        TckContract *row = rows->pdata[i];
        if (tck_contract_api_kind(row->api) == (int) kind)
            g_ptr_array_add(mine, row);
    }
    info.plan = (int) mine->len;
    t = tck_test_begin(&info, argc, argv);
    if (!rows)
        tck_bail_out(t, "%s", error->message);
    if (mine->len == 0)
        tck_skip_all(t, "%s has no %s rows", path, tck_contract_kind_name(kind));

    c.t = t;
    c.conn = tck_test_connect(t);
    tck_diag(t, "Checking %u %s contracts of %s on %s", mine->len, tck_contract_kind_name(kind), path,
             tck_test_uri(t));
    for (guint i = 0; i < mine->len; i++)
        check_row(&c, mine->pdata[i]);

    drop_fixtures(&c);
    status = tck_test_end(t);
    if (c.ro)
        virConnectClose(c.ro);
    return status;
}
