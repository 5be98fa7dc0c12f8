#!/bin/sh
# make bench, age: sealing and opening one confidential answer with
# core/age.c (build/agebench: 1 KiB for 5 recipients, armored).
set -eu
: "${BUILD:?}"
"$BUILD/agebench" "${AGE_ROUNDS:-2000}"
