#!/bin/sh
# make bench: convene validate on a large synthetic initiative against a
# bare libyaml parse of the same files; best of 3 runs each, and peak
# memory (max RSS) against the largest file and the whole data.
set -eu
: "${CONVENE:?}" "${BUILD:?}"
dir="$BUILD/bench/initiative"
sizes=${BENCH_SIZES:-"2000 1000 8 10"}
if [ ! -f "$dir/.sizes" ] || [ "$(cat "$dir/.sizes")" != "$sizes" ]; then
	rm -rf "$dir" && mkdir -p "$dir"
	# shellcheck disable=SC2086
	"$BUILD/gen-initiative" "$dir" $sizes
	git init -q "$dir"
	echo "$sizes" > "$dir/.sizes"
fi
cd "$dir"
files=$(find initiative.yaml members interviews meetings outcomes -name '*.yaml' | sort)
nfiles=$(echo "$files" | wc -l)
bytes=$(cat $files | wc -c)
largest=$(ls -l $files | awk '{ if ($5 > m) m = $5 } END { print m }')

best() {  # best wall time in ms of 3 runs of "$@", and the max RSS in KiB
	b=""
	rss=0
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$BUILD/bench/time" "$@" > /dev/null 2>&1 || true
		read -r t m <<-EOT
		$(tail -n 1 "$BUILD/bench/time")
		EOT
		ms=$(echo "$t" | awk '{ printf "%d", $1 * 1000 }')
		[ -z "$b" ] || [ "$ms" -lt "$b" ] && b=$ms
		[ "$m" -gt "$rss" ] && rss=$m
	done
	echo "$b $rss"
}

# shellcheck disable=SC2086
set -- $(best "$BUILD/yamlparse" $files)
base_ms=$1 base_rss=$2
set -- $(best "$CONVENE" validate)
conv_ms=$1 conv_rss=$2
"$CONVENE" validate > /dev/null 2> "$BUILD/bench/validate.err" || {
	echo "bench: convene validate found problems in the synthetic data:" >&2
	head "$BUILD/bench/validate.err" >&2
	exit 1
}
echo "validate: $nfiles files, $(($bytes / 1024)) KiB ($sizes: members meetings items notes), largest file $(($largest / 1024)) KiB"
echo "  libyaml parse only:   ${base_ms} ms, max RSS ${base_rss} KiB"
echo "  convene validate:     ${conv_ms} ms, max RSS ${conv_rss} KiB"
awk -v a="$conv_ms" -v b="$base_ms" 'BEGIN { if (b < 1) b = 1; printf "  time ratio:           %.2fx the bare parse (target: within 2x)\n", a / b }'
awk -v r="$conv_rss" -v l="$largest" -v t="$bytes" 'BEGIN { printf "  memory:               max RSS %.1f MiB; largest file %.2f MiB; all data %.1f MiB\n", r / 1024, l / 1048576, t / 1048576 }'

# Memory must follow the largest file, not the repository: a quarter of
# the data should take about the same peak.
small="$BUILD/bench/small"
if [ ! -f "$small/.sizes" ]; then
	rm -rf "$small" && mkdir -p "$small"
	"$BUILD/gen-initiative" "$small" 500 250 8 10
	git init -q "$small"
	echo small > "$small/.sizes"
fi
cd "$small"
set -- $(best "$CONVENE" validate)
small_bytes=$(cat initiative.yaml members/* interviews/* meetings/* outcomes/* | wc -c)
awk -v r="$2" -v t="$small_bytes" -v R="$conv_rss" -v T="$bytes" 'BEGIN { printf "  memory vs data size:  %.1f MiB of data -> max RSS %.1f MiB; %.1f MiB -> %.1f MiB\n", t / 1048576, r / 1024, T / 1048576, R / 1024 }'

# The time of one note command on the large initiative, against `git add`
# and `git commit` of the same kind of change with the git CLI.
notes=${BENCH_NOTES:-20}
repo="$BUILD/bench/committed"
export HOME="$BUILD/bench/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name "Bench" && git config --global user.email bench@example.org
if [ ! -d "$repo/.git" ]; then
	rm -rf "$repo" && cp -R "$dir" "$repo" && rm -rf "$repo/.git" "$repo/.sizes"
	git init -q "$repo" && (cd "$repo" && git config convene.site bench &&
		git add -A && git commit -q -m "synthetic initiative")
fi
cd "$repo"
git reset -q --hard && git clean -qfd
before=$(git rev-list --count HEAD)
start=$(date +%s%N)
i=1
while [ $i -le $notes ]; do
	"$CONVENE" note 500 item-3 "a bench note, number $i, with some Hebrew: הערה" 2>/dev/null
	i=$((i + 1))
done
conv_ns=$(( $(date +%s%N) - start ))
made=$(( $(git rev-list --count HEAD) - before ))
start=$(date +%s%N)
i=1
while [ $i -le $notes ]; do
	printf '  - id: b%07d\n    site: bench\n    text: a bench note, number %d\n' $i $i >> meetings/501.yaml
	git add meetings/501.yaml && git commit -q -m "meeting 501: note on item-3"
	i=$((i + 1))
done
git_ns=$(( $(date +%s%N) - start ))
echo "note: $notes notes on meeting 500 of the same initiative ($(git ls-files | wc -l) files tracked, $made commits made by convene)"
awk -v c="$conv_ns" -v g="$git_ns" -v n="$notes" 'BEGIN {
	printf "  convene note:         %.1f ms per note\n", c / n / 1e6
	printf "  git add + git commit: %.1f ms per note (the file edited by the shell)\n", g / n / 1e6
	printf "  time ratio:           %.2fx git'"'"'s\n", c / g }'
git reset -q --hard HEAD~$(( $(git rev-list --count HEAD) - before )) 2>/dev/null || true

# The merge: one meeting of about 1 MB, 500 notes added on each side to
# the same agenda items.  convene merge-file against git merge-file on
# the same three files, and the conflicts each reports.
mdir="$BUILD/bench/merge"
rm -rf "$mdir" && "$BUILD/gen-initiative" --merge "$mdir" 4000 500
size=$(wc -c < "$mdir/base.yaml")
cm=999999 gm=999999
for i in 1 2 3; do
	cp "$mdir/ours.yaml" "$mdir/c.yaml"
	s=$(date +%s%N)
	crc=0
	"$CONVENE" merge-file "$mdir/base.yaml" "$mdir/c.yaml" "$mdir/theirs.yaml" 2> "$mdir/c.err" || crc=$?
	e=$(( ($(date +%s%N) - s) / 1000000 )); [ $e -lt $cm ] && cm=$e
	cp "$mdir/ours.yaml" "$mdir/g.yaml"
	s=$(date +%s%N)
	grc=0
	git merge-file "$mdir/g.yaml" "$mdir/base.yaml" "$mdir/theirs.yaml" || grc=$?
	e=$(( ($(date +%s%N) - s) / 1000000 )); [ $e -lt $gm ] && gm=$e
done
set -- $(best "$BUILD/yamlparse" "$mdir/base.yaml" "$mdir/ours.yaml" "$mdir/theirs.yaml")
parse_ms=$1
cconf=$(grep -c '!conflict' "$mdir/c.yaml" || true)
gconf=$(grep -c '^<<<<<<<' "$mdir/g.yaml")
notes_in=$(grep -c '^  - id: ' "$mdir/c.yaml")
echo "merge: a meeting of $((size / 1024)) KiB with 4000 notes; 500 notes added on each side, to the same items"
echo "  convene merge-file:   ${cm} ms (best of 3), exit $crc, $cconf conflicts, $notes_in notes in the result (want 5000)"
echo "  git merge-file:       ${gm} ms (best of 3), exit $grc, $gconf conflicting hunks"
echo "  libyaml parse only:   ${parse_ms} ms for the three files (a floor for any YAML merge)"
awk -v c="$cm" -v g="$gm" -v p="$parse_ms" 'BEGIN { if (g < 1) g = 1; printf "  time ratio:           %.1fx git merge-file (target: within 5x; the parse alone is %.1fx)\n", c / g, p / g }'
