/*
 * hostnet.c — the host's links, addresses and routes over rtnetlink, and
 * its firewall rules from iptables-save/ebtables-save, parsed per rule.
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>

#include <tck/error.h>
#include <tck/hostnet.h>

typedef struct {
    int ifindex;
    char *name;
    char *kind;
} HostLink;

typedef struct {
    int ifindex;
    guint32 addr;          /* network byte order */
    guint prefix;
} HostPrefix;              /* an address (ifindex set) or a route (ifindex = output, may be 0) */

struct _TckHostNet {
    GArray *links;         /* HostLink */
    GArray *addrs;         /* HostPrefix */
    GArray *routes;        /* HostPrefix */
};

static void
host_link_clear(gpointer p)
{
    HostLink *l = p;

    g_free(l->name);
    g_free(l->kind);
}

void
tck_host_net_free(TckHostNet *h)
{
    if (!h)
        return;
    g_array_unref(h->links);
    g_array_unref(h->addrs);
    g_array_unref(h->routes);
    g_free(h);
}

/* ---- rtnetlink ----------------------------------------------------- */

typedef void (*NlParse)(TckHostNet *h, struct nlmsghdr *msg);

static void
parse_link(TckHostNet *h, struct nlmsghdr *msg)
{
    struct ifinfomsg *ifi = NLMSG_DATA(msg);
    int len = IFLA_PAYLOAD(msg);
    HostLink link = { .ifindex = ifi->ifi_index };

    for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == IFLA_IFNAME) {
            link.name = g_strndup(RTA_DATA(a), RTA_PAYLOAD(a));
        } else if (a->rta_type == IFLA_LINKINFO) {
            int ilen = RTA_PAYLOAD(a);

            for (struct rtattr *i = RTA_DATA(a); RTA_OK(i, ilen); i = RTA_NEXT(i, ilen)) {
                if (i->rta_type == IFLA_INFO_KIND)
                    link.kind = g_strndup(RTA_DATA(i), RTA_PAYLOAD(i));
            }
        }
    }
    if (!link.name) {
        g_free(link.kind);
        return;
    }
    if (!link.kind)
        link.kind = g_strdup("");
    g_array_append_val(h->links, link);
}

static void
parse_addr(TckHostNet *h, struct nlmsghdr *msg)
{
    struct ifaddrmsg *ifa = NLMSG_DATA(msg);
    int len = IFA_PAYLOAD(msg);
    HostPrefix p = { .ifindex = ifa->ifa_index, .prefix = ifa->ifa_prefixlen };
    gboolean have = FALSE;

    if (ifa->ifa_family != AF_INET)
        return;
    for (struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        /* IFA_LOCAL is the interface's own address (IFA_ADDRESS is the peer on p2p links). */
        if ((a->rta_type == IFA_LOCAL || (a->rta_type == IFA_ADDRESS && !have)) &&
            RTA_PAYLOAD(a) == 4) {
            memcpy(&p.addr, RTA_DATA(a), 4);
            have = TRUE;
        }
    }
    if (have)
        g_array_append_val(h->addrs, p);
}

static void
parse_route(TckHostNet *h, struct nlmsghdr *msg)
{
    struct rtmsg *rtm = NLMSG_DATA(msg);
    int len = RTM_PAYLOAD(msg);
    HostPrefix p = { .prefix = rtm->rtm_dst_len };

    if (rtm->rtm_family != AF_INET)
        return;
    for (struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_DST && RTA_PAYLOAD(a) == 4)
            memcpy(&p.addr, RTA_DATA(a), 4);
        else if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) == 4)
            memcpy(&p.ifindex, RTA_DATA(a), 4);
    }
    g_array_append_val(h->routes, p);
}

static const struct {
    int type;
    const char *what;
    NlParse parse;
} nl_dumps[] = {
    { RTM_GETLINK, "links", parse_link },
    { RTM_GETADDR, "addresses", parse_addr },
    { RTM_GETROUTE, "routes", parse_route },
};

static gboolean
nl_dump(int fd, gsize which, TckHostNet *h, GError **error)
{
    struct {
        struct nlmsghdr nh;
        struct rtgenmsg g;
        char pad[sizeof(struct ifinfomsg)]; /* RTM_GETLINK wants room for an ifinfomsg */
    } req = { 0 };
    static guint32 seq;
    char buf[32768];

    req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
    req.nh.nlmsg_type = nl_dumps[which].type;
    req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.nh.nlmsg_seq = ++seq;
    req.g.rtgen_family = nl_dumps[which].type == RTM_GETLINK ? AF_UNSPEC : AF_INET;
    if (send(fd, &req, req.nh.nlmsg_len, 0) < 0)
        goto fail;
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof(buf), 0);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            goto fail;
        for (struct nlmsghdr *msg = (struct nlmsghdr *) buf; NLMSG_OK(msg, (guint) n);
             msg = NLMSG_NEXT(msg, n)) {
            if (msg->nlmsg_type == NLMSG_DONE)
                return TRUE;
            if (msg->nlmsg_type == NLMSG_ERROR) {
                struct nlmsgerr *e = NLMSG_DATA(msg);

                errno = -e->error;
                goto fail;
            }
            nl_dumps[which].parse(h, msg);
        }
    }

fail:
    g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot dump the host's %s over rtnetlink: %s",
                nl_dumps[which].what, g_strerror(errno));
    return FALSE;
}

TckHostNet *
tck_host_net_read(GError **error)
{
    g_autoptr(TckHostNet) h = g_new0(TckHostNet, 1);
    int fd;

    h->links = g_array_new(FALSE, TRUE, sizeof(HostLink));
    g_array_set_clear_func(h->links, host_link_clear);
    h->addrs = g_array_new(FALSE, TRUE, sizeof(HostPrefix));
    h->routes = g_array_new(FALSE, TRUE, sizeof(HostPrefix));

    fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_IO, "cannot open an rtnetlink socket: %s",
                    g_strerror(errno));
        return NULL;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(nl_dumps); i++) {
        if (!nl_dump(fd, i, h, error)) {
            close(fd);
            return NULL;
        }
    }
    close(fd);
    return g_steal_pointer(&h);
}

static const HostLink *
find_link(TckHostNet *h, const char *ifname)
{
    for (guint i = 0; ifname && i < h->links->len; i++) {
        const HostLink *l = &g_array_index(h->links, HostLink, i);

        if (g_str_equal(l->name, ifname))
            return l;
    }
    return NULL;
}

const char *
tck_host_net_link_kind(TckHostNet *h, const char *ifname)
{
    const HostLink *l = find_link(h, ifname);

    return l ? l->kind : NULL;
}

gboolean
tck_host_net_has_address(TckHostNet *h, const char *ifname, const char *address, guint prefix)
{
    const HostLink *l = find_link(h, ifname);
    struct in_addr want;

    if (!l || inet_pton(AF_INET, address, &want) != 1)
        return FALSE;
    for (guint i = 0; i < h->addrs->len; i++) {
        const HostPrefix *p = &g_array_index(h->addrs, HostPrefix, i);

        if (p->ifindex == l->ifindex && p->addr == want.s_addr && p->prefix == prefix)
            return TRUE;
    }
    return FALSE;
}

static guint32
mask_of(guint prefix)
{
    return prefix == 0 ? 0 : htonl(~0u << (32 - prefix));
}

/* Two prefixes overlap when they agree on the shorter one's bits. */
static gboolean
prefixes_overlap(guint32 a, guint alen, guint32 b, guint blen)
{
    guint32 mask = mask_of(MIN(alen, blen));

    return (a & mask) == (b & mask);
}

gboolean
tck_host_net_overlaps(TckHostNet *h, const char *network, guint prefix)
{
    struct in_addr net;
    GArray *sets[] = { h->addrs, h->routes };

    if (inet_pton(AF_INET, network, &net) != 1)
        return TRUE;
    for (gsize s = 0; s < G_N_ELEMENTS(sets); s++) {
        for (guint i = 0; i < sets[s]->len; i++) {
            const HostPrefix *p = &g_array_index(sets[s], HostPrefix, i);

            if (p->prefix == 0)
                continue;
            if (prefixes_overlap(p->addr, p->prefix, net.s_addr, prefix))
                return TRUE;
        }
    }
    return FALSE;
}

/* ---- The firewall -------------------------------------------------- */

void
tck_firewall_rule_free(TckFirewallRule *rule)
{
    if (!rule)
        return;
    g_free(rule->table);
    g_free(rule->chain);
    g_strfreev(rule->args);
    g_free(rule);
}

GPtrArray *
tck_firewall_rules(const char *tool, GError **error)
{
    const char *argv[] = { tool, NULL };
    g_autofree char *path = g_find_program_in_path(tool);
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func((GDestroyNotify) tck_firewall_rule_free);
    g_auto(GStrv) lines = NULL;
    g_autofree char *table = NULL;
    int status;

    if (!path) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_NOT_FOUND, "%s is not on PATH", tool);
        return NULL;
    }
    argv[0] = path;
    if (!g_spawn_sync(NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                      error))
        return NULL;
    if (!g_spawn_check_wait_status(status, NULL)) {
        g_set_error(error, TCK_ERROR, TCK_ERROR_FAILED, "%s failed: %s", tool, g_strstrip(err));
        return NULL;
    }
    lines = g_strsplit(out, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        const char *line = lines[i];
        g_auto(GStrv) argv_rule = NULL;
        g_autoptr(GError) local = NULL;
        TckFirewallRule *rule;
        int argc;

        if (line[0] == '*') {
            g_free(table);
            table = g_strdup(line + 1);
            continue;
        }
        if (!g_str_has_prefix(line, "-A "))
            continue;
        if (!g_shell_parse_argv(line, &argc, &argv_rule, &local) || argc < 2) {
            g_set_error(error, TCK_ERROR, TCK_ERROR_FAILED, "%s printed a rule that does not parse: %s",
                        tool, line);
            return NULL;
        }
        rule = g_new0(TckFirewallRule, 1);
        rule->table = g_strdup(table ? table : "");
        rule->chain = g_strdup(argv_rule[1]);
        rule->args = g_strdupv(argv_rule + 2);
        g_ptr_array_add(rules, rule);
    }
    return g_steal_pointer(&rules);
}

gboolean
tck_firewall_rule_has(const TckFirewallRule *rule, const char *word, const char *value)
{
    for (guint i = 0; rule->args[i]; i++) {
        if (!g_str_equal(rule->args[i], word))
            continue;
        if (!value || !*value || (rule->args[i + 1] && g_str_equal(rule->args[i + 1], value)))
            return TRUE;
    }
    return FALSE;
}

guint
tck_firewall_count(GPtrArray *rules, const char *table, const char *const *pairs)
{
    guint n = 0;

    for (guint i = 0; i < rules->len; i++) {
        const TckFirewallRule *r = g_ptr_array_index(rules, i);
        gboolean all = !table || g_str_equal(r->table, table);

        for (guint p = 0; all && pairs && pairs[p] && pairs[p + 1]; p += 2)
            all = tck_firewall_rule_has(r, pairs[p], pairs[p + 1]);
        n += all;
    }
    return n;
}

guint
tck_firewall_mentions(GPtrArray *rules, const char *word)
{
    guint n = 0;

    for (guint i = 0; i < rules->len; i++) {
        const TckFirewallRule *r = g_ptr_array_index(rules, i);
        gboolean hit = strstr(r->chain, word) != NULL;

        for (guint a = 0; !hit && r->args[a]; a++)
            hit = strstr(r->args[a], word) != NULL;
        n += hit;
    }
    return n;
}
