#!/bin/sh
# convene --version: the version the build was given (scripts/version.sh).
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

test_expect_success '--version prints "convene version X", X a version, exit 0' '
	convene --version > out &&
	test "$(wc -l < out)" = 1 &&
	grep -Eqx "convene version [0-9]+\.[0-9]+[0-9A-Za-z.+~-]*" out
'

test_expect_success '--version works outside an initiative and before -C' '
	mkdir empty &&
	(cd empty && convene --version) > a &&
	convene -C empty --version > b &&
	test_cmp a b
'

test_expect_success 'the version script: the given version first, else the fallback outside git' '
	(cd "$SRC" && CONVENE_VERSION=2.3.4-1 sh scripts/version.sh 0.1.0) > v &&
	echo 2.3.4-1 > want && test_cmp want v &&
	mkdir tarball && cp "$SRC/scripts/version.sh" tarball/ &&
	(cd tarball && sh version.sh 0.9.0) > v &&
	echo 0.9.0 > want && test_cmp want v
'

test_expect_success 'the version script: a tag v1.2.0 gives 1.2.0, commits after it describe' '
	git init -q repo && cp "$SRC/scripts/version.sh" repo/ &&
	(cd repo && git add version.sh && git commit -q -m one && git tag v1.2.0 &&
	 sh version.sh 0.1.0 > ../v1 &&
	 echo x >> version.sh && sh version.sh 0.1.0 > ../v2) &&
	echo 1.2.0 > want && test_cmp want v1 &&
	echo 1.2.0-dirty > want && test_cmp want v2
'

test_expect_success 'the version script: no tag yet, the fallback and the commit' '
	git init -q repo && cp "$SRC/scripts/version.sh" repo/ &&
	(cd repo && git add version.sh && git commit -q -m one &&
	 sh version.sh 0.1.0 > ../v && git rev-parse --short HEAD > ../h) &&
	echo "0.1.0-g$(cat h)" > want && test_cmp want v
'

test_done
