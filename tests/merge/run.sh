#!/bin/sh
# The merge cases: tests/merge/<case>/{base,ours,theirs,expected}.yaml
# (base.yaml may be missing: added on both sides), optional `exit` (the
# code convene merge-file must end with; 0 when absent), optional README.
# For each case: the result is exactly expected.yaml; merging the other
# way round (theirs into ours, labels following their files) gives the
# same bytes (but for a line merge of a side that is not YAML: git's
# markers put ours first); and the result is in canonical form.
# Known gaps live in tests/merge/failing/ and are not run.
# Usage: tests/merge/run.sh [CASEDIR...]; $CONVENE is the binary.
here=$(cd "$(dirname "$0")" && pwd)
: "${CONVENE:=$here/../../convene}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- "$here"/*/
for case in "$@"; do
	case=${case%/}
	name=$(basename "$case")
	[ "$name" = failing ] && continue
	[ -f "$case/expected.yaml" ] || continue
	want_rc=0
	[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
	if [ -f "$case/base.yaml" ]; then cp "$case/base.yaml" "$tmp/base"; else : > "$tmp/base"; fi
	cp "$case/ours.yaml" "$tmp/a"
	cp "$case/theirs.yaml" "$tmp/b"
	cp "$case/theirs.yaml" "$tmp/b2"
	cp "$case/ours.yaml" "$tmp/a2"
	"$CONVENE" merge-file -L ours -L base -L theirs "$tmp/base" "$tmp/a" "$tmp/b" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	"$CONVENE" merge-file -L theirs -L base -L ours "$tmp/base" "$tmp/b2" "$tmp/a2" > /dev/null 2>&1
	rc2=$?
	why=""
	if [ "$rc" != "$want_rc" ]; then why="exit $rc, want $want_rc"
	elif ! cmp -s "$case/expected.yaml" "$tmp/a"; then why="result differs from expected.yaml"
	elif ! grep -q '^<<<<<<< ' "$tmp/a" && { [ "$rc2" != "$rc" ] || ! cmp -s "$tmp/a" "$tmp/b2"; }; then
		why="not symmetric: theirs into ours gives other bytes"
	else
		mkdir -p "$tmp/fmt/meetings" && cp "$tmp/a" "$tmp/fmt/meetings/001.yaml"
		git init -q "$tmp/fmt" 2>/dev/null
		if ! grep -q '<<<<<<<' "$tmp/a" && ! (cd "$tmp/fmt" && "$CONVENE" fmt --check meetings/001.yaml > /dev/null 2>&1); then
			why="the result is not in canonical form"
		fi
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "not ok merge/$name: $why"
		diff -u "$case/expected.yaml" "$tmp/a" | sed 's/^/  /'
		[ -s "$tmp/err" ] && sed 's/^/  stderr: /' "$tmp/err"
		if [ "$why" != "${why#not symmetric}" ]; then diff -u "$tmp/a" "$tmp/b2" | sed 's/^/  /'; fi
	fi
done
echo "# merge cases: $pass passed, $fail failed"
[ -n "$RESULTS" ] && echo "$pass $fail" >> "$RESULTS"
[ "$fail" = 0 ]
