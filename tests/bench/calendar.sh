#!/bin/sh
# make bench, calendar: the large synthetic initiative (gen-initiative,
# as run.sh makes it: 1,000 meetings), committed, with a time zone and a
# facilitator, and then CAL_MOVES commits that each move one meeting (so
# the history query has a history to walk).  convene calendar of every
# meeting against convene validate of the same repository; best of 3.
set -eu
: "${CONVENE:?}" "${BUILD:?}"
sizes=${BENCH_SIZES:-"2000 1000 8 10"}
moves=${CAL_MOVES:-200}
top="$BUILD/bench/calendar"
repo="$top/repo"
export HOME="$top/home" GIT_CONFIG_NOSYSTEM=1
if [ ! -f "$top/.made" ] || [ "$(cat "$top/.made")" != "$sizes $moves" ]; then
	rm -rf "$top" && mkdir -p "$top/home"
	git config --global user.name "Bench" && git config --global user.email bench@example.org
	# shellcheck disable=SC2086
	"$BUILD/gen-initiative" "$repo" $sizes
	(cd "$repo" &&
		printf 'timezone: Asia/Jerusalem\n' >> initiative.yaml &&
		sed -i 's/^role: member$/role: facilitator/' members/m-0.yaml &&
		git init -q && git config convene.site bench &&
		git add -A && git commit -q -m "synthetic initiative" &&
		i=1 &&
		while [ $i -le "$moves" ]; do
			f=$(printf 'meetings/%03d.yaml' $(( (i * 37) % 1000 + 1 ))) &&
			sed -i "s/^start: .*/start: \"$(printf %02d $(( 8 + i % 12 ))):30\"/" "$f" &&
			git commit -q -m "move $f" "$f" &&
			i=$((i + 1))
		done)
	echo "$sizes $moves" > "$top/.made"
fi
cd "$repo"
files=$(find initiative.yaml members interviews meetings outcomes -name '*.yaml' | sort)
bytes=$(cat $files | wc -c)
nmeetings=$(ls meetings | wc -l)
commits=$(git rev-list --count HEAD)

best() {  # best wall time in ms of 3 runs of "$@", and the max RSS in KiB
	b="" rss=0
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$top/time" "$@" > "$top/out" 2> /dev/null || true
		read -r t m <<-EOT
		$(tail -n 1 "$top/time")
		EOT
		ms=$(echo "$t" | awk '{ printf "%d", $1 * 1000 }')
		[ -z "$b" ] || [ "$ms" -lt "$b" ] && b=$ms
		[ "$m" -gt "$rss" ] && rss=$m
	done
	echo "$b $rss"
}

"$CONVENE" calendar > "$top/feed.ics" 2> "$top/calendar.err" || {
	echo "bench: convene calendar failed:" >&2
	head "$top/calendar.err" >&2
	exit 1
}
events=$(grep -c '^BEGIN:VEVENT' "$top/feed.ics")
moved=$(grep -c '^SEQUENCE:[1-9]' "$top/feed.ics" || true)
set -- $(best "$CONVENE" validate)
val_ms=$1 val_rss=$2
set -- $(best "$CONVENE" calendar)
cal_ms=$1 cal_rss=$2
echo "calendar: $nmeetings meetings, $(($bytes / 1024)) KiB of data in $(echo "$files" | wc -l) files, $commits commits ($moves moving a meeting)"
echo "  convene validate:     ${val_ms} ms, max RSS ${val_rss} KiB"
echo "  convene calendar:     ${cal_ms} ms, max RSS ${cal_rss} KiB; $events events, $moved with SEQUENCE > 0, $(($(wc -c < "$top/feed.ics") / 1024)) KiB"
awk -v c="$cal_ms" -v v="$val_ms" -v t="$bytes" 'BEGIN { if (v < 1) v = 1
	printf "  time ratio:           %.2fx validate (target: within 1x), on %.1f MiB of data\n", c / v, t / 1048576 }'
