#!/bin/sh
# make bench, sync: two sites each make 100 commits (notes) while apart;
# then one of them syncs.  convene sync against `git pull --no-rebase &&
# git push` from the same starting state (the hub and the site copied
# afresh for every run); best of 3 each.  Twice: notes on different
# meetings (no file merged), then on the same agenda item (the YAML
# merge: in-process for convene, `convene merge-file` run by git).
set -eu
: "${CONVENE:?}" "${BUILD:?}"
top="$BUILD/bench/sync"
rm -rf "$top" && mkdir -p "$top/home"
export HOME="$top/home" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Bench"
git config --global user.email "bench@example.org"
git config --global init.defaultBranch main
cd "$top"
n=${SYNC_COMMITS:-100}
git init -q --bare hub.git
"$CONVENE" init --template ucsd --lang he --name "bench" --site a a >/dev/null 2>&1
(cd a && "$CONVENE" remote add origin ../hub.git 2>/dev/null && "$CONVENE" sync -q)
"$CONVENE" clone -q --site b "$top/hub.git" b 2>/dev/null
# $1: the meeting site b writes to (a writes to meeting 1)
scenario() {
	rm -rf a b hub.git start-hub.git start-b
	git init -q --bare hub.git
	"$CONVENE" init --template ucsd --lang he --name "bench" --site a a >/dev/null 2>&1
	(cd a && "$CONVENE" remote add origin ../hub.git 2>/dev/null && "$CONVENE" sync -q)
	"$CONVENE" clone -q --site b "$top/hub.git" b 2>/dev/null
	i=0
	while [ $i -lt "$n" ]; do
		(cd a && "$CONVENE" note 1 opening "note $i from a" >/dev/null 2>&1)
		(cd b && "$CONVENE" note "$1" opening "note $i from b" >/dev/null 2>&1)
		i=$((i + 1))
	done
	(cd a && "$CONVENE" sync -q)
	cp -a hub.git start-hub.git && cp -a b start-b
}

run() {  # restores the start, then times "$@" in b; prints ms
	rm -rf hub.git b && cp -a start-hub.git hub.git && cp -a start-b b
	cd b
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
	e=$(( ($(date +%s%N) - s) / 1000000 ))
	cd ..
	echo $e
}
gitsync() { git pull -q --no-rebase origin main && git push -q origin main; }

measure() {  # $1: what the scenario is
	cm=999999 gm=999999
	for k in 1 2 3; do
		t=$(run "$CONVENE" sync -q); [ "$t" -lt $cm ] && cm=$t
		merged=$(git -C b rev-list --count HEAD)
		notes=$(grep -c "^    text: note" b/meetings/001.yaml || true)
		t=$(run gitsync); [ "$t" -lt $gm ] && gm=$t
	done
	gmerged=$(git -C b rev-list --count HEAD)
	gnotes=$(grep -c "^    text: note" b/meetings/001.yaml || true)
	files=$(git -C b ls-files | wc -l)
	kib=$(du -sk hub.git | cut -f1)
	echo "sync: $n new commits at each of two sites ($files files, hub $kib KiB), $1; site b syncs"
	echo "  convene sync:                     ${cm} ms (best of 3), $merged commits, $notes notes in meeting 1 after"
	echo "  git pull --no-rebase && git push: ${gm} ms (best of 3), $gmerged commits, $gnotes notes in meeting 1 after"
	awk -v c="$cm" -v g="$gm" 'BEGIN { if (g < 1) g = 1; printf "  time ratio:                       %.2fx git (target: no slower than the git CLI)\n", c / g }'
}

scenario 2
measure "notes on different meetings"
scenario 1
measure "notes on the same agenda item (a YAML merge)"
