#!/bin/sh
# run-gtest.sh — runs a GTest program with TAP output for automake's TAP driver.
prog=$1; shift
exec "$prog" --tap "$@"
