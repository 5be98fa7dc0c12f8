#!/bin/sh
# Runs every test: unit tests, CLI tests, the catalogue of bad files.
# Ends with one line: N passed, N failed.
# $CONVENE is the binary, $UNIT the unit test binary.
here=$(cd "$(dirname "$0")" && pwd)
RESULTS=$(mktemp) || exit 1
READER_CORPUS=$(mktemp -d) || exit 1
export RESULTS CONVENE READER_CORPUS
trap 'rm -f "$RESULTS"; rm -rf "$READER_CORPUS"' EXIT
status=0

"$UNIT" > "$RESULTS.unit" 2>&1
cat "$RESULTS.unit"
sed -n 's/^# unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$RESULTS.unit" >> "$RESULTS"
grep -q '^# unit: ' "$RESULTS.unit" || echo "0 1" >> "$RESULTS"
rm -f "$RESULTS.unit"

for t in "$here"/cli/t[0-9]*.sh; do
	sh "$t" || status=1
done
sh "$here/bad/run.sh" || status=1
sh "$here/merge/run.sh" || status=1

awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed\n", p, f; exit f > 0 }' "$RESULTS" || status=1
exit $status
