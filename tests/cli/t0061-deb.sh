#!/bin/sh
# The Debian package: `make deb` builds it (from a copy of the tree, all
# under BUILD); installed into a scratch root with dpkg -x, its binary
# runs, every man page it installs renders without a groff warning, and
# lintian finds no error (its warnings are listed here).
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

if ! command -v dpkg-buildpackage > /dev/null 2>&1; then
	echo "# skipped: dpkg-buildpackage is missing (apt-get install dpkg-dev debhelper)"
	test_done
	exit 0
fi

B="$TRASH/build"
ROOT="$TRASH/root"
VERSION=$(dpkg-parsechangelog -l "$SRC/debian/changelog" -S Version)
before=$(ls "$SRC/.." | grep -c "^convene_")
start=$(date +%s)
# the unit tests that debian/rules runs are make test's already
make -s -C "$SRC" deb BUILD="$B" DEB_OPTIONS=nocheck > "$TRASH/make-deb.log" 2>&1 ||
	{ echo "# make deb failed:"; sed 's/^/#   /' "$TRASH/make-deb.log"; }
echo "# make deb took $(($(date +%s) - start)) s"
DEB=$(ls "$B"/convene_"$VERSION"_*.deb 2>/dev/null | head -n 1)
[ -n "$DEB" ] && dpkg -x "$DEB" "$ROOT"

test_expect_success 'make deb leaves the package in BUILD, nothing beside the source' '
	test -f "$DEB" &&
	test "$(ls "$SRC/.." | grep -c "^convene_")" = "$before" &&
	test ! -e "$SRC/debian/convene" && test ! -e "$SRC/debian/files"
'

test_expect_success 'the package: its name, version, and Depends from shlibdeps' '
	dpkg-deb -f "$DEB" Package Version > got &&
	printf "Package: convene\nVersion: %s\n" "$VERSION" > want &&
	test_cmp want got &&
	dpkg-deb -f "$DEB" Depends > depends &&
	test_grep "libgit2" depends && test_grep "libyaml" depends && test_grep "libc6" depends
'

# shlibdeps sees only what is linked: libical, opened by dlopen() when
# the calendar needs it, and libgit2, opened when a command first needs
# it (store/git2.c), are named by debian/control
test_expect_success 'Depends names libical3 and libgit2, which the binary opens without linking' '
	dpkg-deb -f "$DEB" Depends > depends &&
	test_grep "libical3 (>= 3.0.0)" depends &&
	test_grep "libgit2-1.5" depends &&
	readelf -d "$ROOT/usr/bin/convene" > dynamic &&
	test_grep "[libyaml-0.so.2]" dynamic &&
	! grep "NEEDED.*libical" dynamic &&
	! grep "NEEDED.*libgit2" dynamic
'

test_expect_success 'the packaged binary prints the package'"'"'s version and its help' '
	"$ROOT/usr/bin/convene" --version > got &&
	echo "convene version $VERSION" > want &&
	test_cmp want got &&
	"$ROOT/usr/bin/convene" help > help &&
	test_grep "  note " help && test_grep "exit codes:" help
'

test_expect_success 'the packaged binary finds its translations: help in Hebrew' '
	test -f "$ROOT/usr/share/locale/he/LC_MESSAGES/convene.mo" &&
	he_locale &&
	LANG=he_IL.UTF-8 "$ROOT/usr/bin/convene" help > help &&
	test_grep "פקודות:" help
'

test_expect_success 'it installs the completion, the hook samples and a page per command' '
	test -f "$ROOT/usr/share/bash-completion/completions/convene" &&
	test -f "$ROOT/usr/share/doc/convene/hooks/pre-commit" &&
	test -f "$ROOT/usr/share/doc/convene/hooks/post-sync" &&
	test -f "$ROOT/usr/share/doc/convene/copyright" &&
	test -f "$ROOT/usr/share/man/man1/convene.1.gz" &&
	for c in $("$ROOT/usr/bin/convene" help | sed -n "s/^  \([a-z][a-z-]*\) .*/\1/p"); do
		test -f "$ROOT/usr/share/man/man1/convene-$c.1.gz" ||
		{ echo "no page for $c" >&2; return 1; }
	done
'

test_expect_success 'every installed page renders with no warning' '
	n=0 &&
	for f in "$ROOT"/usr/share/man/man1/*.1.gz; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$f" > page 2> warn &&
		test_cmp /dev/null warn && test -s page || { echo "in $f" >&2; return 1; }
		n=$((n + 1)) || return 1
	done &&
	test "$n" -gt 30
'

test_expect_success 'lintian: no errors (warnings listed)' '
	if lintian "$DEB" > tags 2> lintian.err; then rc=0; else rc=$?; fi &&
	sed "s/^/# lintian: /" tags >&3 &&
	! grep "^E:" tags &&
	test "$rc" = 0
' 3>&1

test_done
