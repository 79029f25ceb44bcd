/*
 * cli.h — the entry points of libvirt-tck's subcommands.  main.c picks
 * one from the first argument; each lives in its own file and returns
 * the process exit status (see exit-codes.h).
 */
#pragma once

/* libvirt-tck [OPTIONS] [TEST...]: run tests (tck/cmd-run.c). */
int tck_cmd_run(int argc, char **argv);

/* libvirt-tck capabilities [...]: print the guest plan (tck/cmd-capabilities.c). */
int tck_cmd_capabilities(int argc, char **argv);

/* libvirt-tck report [...]: re-render, mask and compare stored runs (tck/cmd-report.c). */
int tck_cmd_report(int argc, char **argv);
