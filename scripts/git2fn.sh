#!/bin/sh
# Writes the header store/git2.h includes: from store/git2.list (the
# functions of libgit2 that store/ calls) the X-macro list of them, the
# table of pointers, and a macro for each name that calls through the
# table, so that the calls in store/ read as calls to libgit2.
# Usage: sh scripts/git2fn.sh store/git2.list > OUT
set -eu
list=$1
names=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")
cat <<'HEAD'
/* Made by scripts/git2fn.sh from store/git2.list: do not edit. */
#ifndef CONVENE_GIT2FN_H
#define CONVENE_GIT2FN_H

#define STORE_GIT2_FUNCTIONS(F) \
HEAD
for n in $names; do
	printf '\tF(%s) \\\n' "$n"
done
cat <<'MID'

struct store_git2 {
#define STORE_GIT2_FIELD(name) __typeof__(name) *name;
	STORE_GIT2_FUNCTIONS(STORE_GIT2_FIELD)
#undef STORE_GIT2_FIELD
};

#ifndef STORE_GIT2_NO_NAMES
MID
for n in $names; do
	printf '#define %s STORE_GIT2(%s)\n' "$n" "$n"
done
cat <<'TAIL'
#endif

#endif
TAIL
