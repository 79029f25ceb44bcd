/*
 * builder-private.h — what every builder shares: a document under
 * construction, the first error met, and child/attribute helpers that
 * refuse text XML cannot carry (invalid UTF-8, control characters).
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

typedef struct {
    xmlDocPtr doc;
    xmlNodePtr root;
    GError *error;       /* the first problem; later ones are dropped */
} TckXmlBuild;

void tck_build_init(TckXmlBuild *x, const char *root);
void tck_build_clear(TckXmlBuild *x);

/* Record a TCK_ERROR_BUILDER problem unless one is already recorded. */
void tck_build_fail(TckXmlBuild *x, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * TRUE when @value is given (not NULL, not empty); else fails naming @what.
 * Values are passed through as they are: the builders keep no copy of
 * libvirt's schema, so that negative tests can send what libvirt must
 * refuse (validity is checked by the RelaxNG tests, tests/test-schema).
 */
gboolean tck_build_need(TckXmlBuild *x, const char *what, const char *value);

/* A new child element, with @text (nullable) as escaped content. */
xmlNodePtr tck_build_child(TckXmlBuild *x, xmlNodePtr parent, const char *name, const char *text);
/* The first child element called @name, created when missing. */
xmlNodePtr tck_build_child_once(TckXmlBuild *x, xmlNodePtr parent, const char *name);
/* Set an attribute; a NULL @value leaves it out. */
void tck_build_prop(TckXmlBuild *x, xmlNodePtr node, const char *name, const char *value);
void tck_build_prop_uint(TckXmlBuild *x, xmlNodePtr node, const char *name, guint64 value);

/* <mac address=@mac/> under @parent; fails unless @mac is a MAC address. */
void tck_build_mac(TckXmlBuild *x, xmlNodePtr parent, const char *mac);
/* <owner><name/><uuid/></owner> under the root; fails (naming @what) unless both are valid. */
void tck_build_owner(TckXmlBuild *x, const char *what, const char *name, const char *uuid);
/* <filterref filter=@filter> with a <parameter name= value=> per pair of
 * @params (NULL-terminated, nullable) under @parent. */
void tck_build_filterref(TckXmlBuild *x, xmlNodePtr parent, const char *filter,
                         const char *const *params);

/* The document as text, or NULL with the recorded error (prefixed by @what). */
char *tck_build_finish(TckXmlBuild *x, const char *what, GError **error);
