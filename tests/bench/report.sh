#!/bin/sh
# make bench, report: the large synthetic initiative (gen-initiative, as
# run.sh makes it: 2,000 members, 1,000 meetings) committed, then
# REPORT_COMMITS commits on top (made with git fast-import): every 20th
# changes the vision, the others a member's notes.  convene report of
# the whole site against convene validate of the same repository, best
# of 3, and the report's peak memory (max RSS) against the largest file
# and the largest page.  No limits: the numbers are for reading.
set -eu
: "${CONVENE:?}" "${BUILD:?}"
sizes=${BENCH_SIZES:-"2000 1000 8 10"}
n=${REPORT_COMMITS:-10000}
top="$BUILD/bench/report"
repo="$top/repo"
export HOME="$top/home" GIT_CONFIG_NOSYSTEM=1
if [ ! -f "$top/.made" ] || [ "$(cat "$top/.made")" != "$sizes $n" ]; then
	rm -rf "$top" && mkdir -p "$top/home"
	git config --global user.name "Bench" && git config --global user.email bench@example.org
	# shellcheck disable=SC2086
	"$BUILD/gen-initiative" "$repo" $sizes
	(cd "$repo" &&
		git init -q --initial-branch=main && git config convene.site bench &&
		git add -A && git commit -q -m "synthetic initiative" &&
		nmembers=$(ls members | wc -l) &&
		awk -v n="$n" -v nm="$nmembers" 'BEGIN {
			while ((getline line < "initiative.yaml") > 0) {
				if (line ~ /^vision:/) { invision = 1; continue }
				if (invision && line ~ /^  /) continue
				invision = 0
				rest = rest line "\n"
			}
			t = 1767225600
			for (i = 1; i <= n; i++) {
				printf "commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0200\n", t + i * 600
				msg = (i % 40 == 0 ? "meeting " sprintf("%03d", i / 40 % 1000 + 1) ": " : "") "edit " i "\n\nConvene-Site: site" (i % 3) "\n"
				printf "data %d\n%s", length(msg), msg
				if (i == 1)
					printf "from refs/heads/main^0\n"
				if (i % 20 == 0) {
					v = int(i / 20)
					body = rest "vision: |\n  Every child reads by grade 3, version " v ".\n  Every family takes part" (v % 2 ? ", at every site" : "") ".\n"
					printf "M 100644 inline initiative.yaml\ndata %d\n%s\n", length(body), body
				} else {
					f = "members/m-" (i % nm) ".yaml"
					if (!(f in member)) {
						b = ""
						while ((getline line < f) > 0)
							if (line !~ /^notes:/) b = b line "\n"
						close(f)
						member[f] = b
					}
					body = member[f] "notes: edit " i "\n"
					printf "M 100644 inline %s\ndata %d\n%s\n", f, length(body), body
				}
			}
		}' | git fast-import --quiet &&
		git reset -q --hard main)
	echo "$sizes $n" > "$top/.made"
fi
cd "$repo"
files=$(find initiative.yaml members interviews meetings outcomes -name '*.yaml' | sort)
bytes=$(cat $files | wc -c)
largest=$(ls -l $files | awk '{ if ($5 > m) m = $5 } END { print m }')
commits=$(git rev-list --count HEAD)

best() {  # best wall time in ms of 3 runs of "$@", and the max RSS in KiB
	b="" rss=0
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$top/time" "$@" > /dev/null 2>&1 || true
		read -r t m <<-EOT
		$(tail -n 1 "$top/time")
		EOT
		ms=$(echo "$t" | awk '{ printf "%d", $1 * 1000 }')
		[ -z "$b" ] || [ "$ms" -lt "$b" ] && b=$ms
		[ "$m" -gt "$rss" ] && rss=$m
	done
	echo "$b $rss"
}

set -- $(best "$CONVENE" validate)
val_ms=$1 val_rss=$2
set -- $(best "$CONVENE" report "$top/site")
rep_ms=$1 rep_rss=$2
"$CONVENE" report "$top/site" 2> "$top/report.err" || {
	echo "bench: convene report failed:" >&2
	cat "$top/report.err" >&2
	exit 1
}
pages=$(ls "$top/site/meetings" | wc -l)
index=$(wc -c < "$top/site/index.html")
page=$(ls -l "$top/site/meetings" | awk '{ if ($5 > m) m = $5 } END { print m }')
echo "report: $commits commits, $(($bytes / 1024)) KiB of data, $pages meeting pages; index.html $(($index / 1024)) KiB"
echo "  convene validate:     ${val_ms} ms, max RSS ${val_rss} KiB"
awk -v a="$rep_ms" -v b="$val_ms" -v r="$rep_rss" 'BEGIN { if (b < 1) b = 1
	printf "  convene report:       %d ms, %.2fx validate (target: within 3x), max RSS %d KiB\n", a, a / b, r }'
awk -v r="$rep_rss" -v l="$largest" -v p="$page" -v i="$index" -v t="$bytes" 'BEGIN {
	printf "  memory:               max RSS %.1f MiB; largest file %.2f MiB, largest meeting page %.2f MiB, index %.2f MiB; all data %.1f MiB\n", r / 1024, l / 1048576, p / 1048576, i / 1048576, t / 1048576 }'
