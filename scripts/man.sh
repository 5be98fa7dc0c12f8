#!/bin/sh
# The man pages, into OUT (build/man): convene-COMMAND.1 for each command
# of the table (`convene help --man COMMAND doc/commands/COMMAND.txt`),
# and convene.1: doc/convene.1 with the build's version and, under
# COMMANDS, the list of the commands and their pages.
# Usage: scripts/man.sh CONVENE OUT
set -eu
# the pages are English, whatever the locale of the build
LC_ALL=C
export LC_ALL
unset LANGUAGE
bin=$1 out=$2
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
version=$("$bin" --version | sed 's/^convene version //')
for c in $(LC_ALL=C "$bin" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
	if [ -f "doc/commands/$c.txt" ]; then
		"$bin" help --man "$c" "doc/commands/$c.txt" > "$out.tmp/convene-$c.1"
	else
		"$bin" help --man "$c" > "$out.tmp/convene-$c.1"
	fi
done
"$bin" help --man > "$out.tmp/index"
awk -v version="$version" -v index_file="$out.tmp/index" '
	/^\.TH / { sub(/"convene [^"]*"/, "\"convene " version "\"") }
	{ print }
	/^\.SH COMMANDS$/ { while ((getline l < index_file) > 0) print l }
' doc/convene.1 | sed '/^\.TH /s/-/\\-/g' > "$out.tmp/convene.1"
rm "$out.tmp/index"
rm -rf "$out" && mv "$out.tmp" "$out"
