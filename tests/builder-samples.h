/*
 * builder-samples.h — XML from every builder in the configurations our
 * tests check (schema validation, round trips, content), and the generic
 * guest for every guest each capabilities fixture offers.
 */
#pragma once

#include <glib.h>
#include <tck/builders.h>
#include <tck/caps.h>

typedef struct {
    char *name;          /* "domain/full", "generic/xen-x86_64.xml/hvm/i686" */
    const char *schema;  /* "domain.rng", "network.rng", ... */
    char *xml;
    TckGuestPlan *plan;  /* generic samples: the plan it was built for */
} TckSample;

void tck_sample_free(TckSample *sample);

/* A name with characters XML must escape. */
#define TCK_HOSTILE_NAME "tck-1a2b3c4d-<&'\">-name"

/* The capabilities fixture @name under tests/caps/. */
char *tck_sample_fixture_path(const char *name);

/* (element-type TckSample) every builder, several configurations each. */
GPtrArray *tck_samples_builders(void);

/* (element-type TckSample) the generic guest for each guest arch x
 * os_type of every fixture (each forced in turn), with placeholder assets. */
GPtrArray *tck_samples_generic(void);
