#!/bin/sh
# The version convene reports: CONVENE_VERSION when given (debian/rules passes
# the package's), else `git describe` of this tree (a tag v1.2.0 gives
# 1.2.0; with no tag yet, the fallback and the commit: 0.1.0-ga279e8c),
# else the fallback alone (a tarball, no git).
# Usage: scripts/version.sh FALLBACK
fallback=$1
if [ -n "${CONVENE_VERSION:-}" ]; then
	echo "$CONVENE_VERSION"
	exit 0
fi
# only this tree's own repository: a tarball unpacked inside another
# repository must not take that one's version
if [ -e .git ] && d=$(git describe --tags --always --dirty 2>/dev/null) && [ -n "$d" ]; then
	case $d in
	v[0-9]*) echo "${d#v}" ;;
	[0-9]*.*) echo "$d" ;;
	*) echo "$fallback-g$d" ;;
	esac
	exit 0
fi
echo "$fallback"
