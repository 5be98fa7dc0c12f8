#!/bin/sh
# make bench, confidential interviews: `interview summary` as a reader over
# 500 confidential interviews (three answers and notes each, every value
# its own age file: one X25519 unwrap each) against the same summary of
# the same 500 interviews in plain text: the first (no file-key cache)
# and the next ones (the reader's file keys from .git/convene/keys).
# Target: within 3x.
set -eu
: "${CONVENE:?}" "${BUILD:?}"
n=${BENCH_INTERVIEWS:-500}
top="$BUILD/bench/confidential"
export XDG_CONFIG_HOME="$top/config" GIT_CONFIG_NOSYSTEM=1 TZ=UTC
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.org

# An initiative of members dana, m1..mN and N interviews, committed.
make_initiative() {  # DIR CONFIDENTIAL(0|1)
	rm -rf "$1"
	"$CONVENE" init --name Bench --lang en --site bench "$1" > /dev/null 2>&1
	git -C "$1" config user.name Bench && git -C "$1" config user.email bench@example.org
	git -C "$1" config convene.member dana
	mkdir -p "$1/interviews" "$1/members"
	awk -v n="$n" -v c="$2" -v dir="$1" 'BEGIN {
		printf "id: dana\nname: Dana\n" > (dir "/members/dana.yaml")
		for (i = 1; i <= n; i++) {
			printf "id: m%d\nname: Member %d\n", i, i > (dir "/members/m" i ".yaml")
			f = dir "/interviews/m" i "-1.yaml"
			printf "id: m%d-1\nmember: m%d\ninterviewer: dana\ndate: 2026-01-05\n", i, i > f
			printf "answers:\n  motivation: what brings member %d here, in a sentence or two\n", i > f
			printf "  strengths: what they are good at, %d\n  concerns: what worries them, %d\n", i, i > f
			printf "notes: the interviewer'"'"'s notes on %d\n", i > f
			if (c) printf "confidential: true\n" > f
			close(f)
		}
	}'
	(cd "$1" && git add -A && git commit -q -m "bench data")
}

# (in tenths of a millisecond: time(1)'s %e counts in 10 ms steps, a
# half of the plain summary)
best() {  # best wall time in ms of 5 runs of "$@" in the current folder
	b=""
	for i in 1 2 3 4 5; do
		[ -z "${NOCACHE:-}" ] || rm -f .git/convene/keys
		t0=$(date +%s%N)
		"$@" > /dev/null 2>&1
		t1=$(date +%s%N)
		us=$(( (t1 - t0) / 100000 ))
		[ -z "$b" ] || [ "$us" -lt "$b" ] && b=$us
	done
	awk -v t="$b" 'BEGIN { printf "%.1f", t / 10 }'
}

mkdir -p "$top"
if [ ! -f "$top/.n" ] || [ "$(cat "$top/.n")" != "$n" ]; then
	rm -rf "$top/config"
	make_initiative "$top/plain" 0
	make_initiative "$top/sealed" 1
	(cd "$top/sealed" && "$CONVENE" key new > /dev/null 2>&1 && "$CONVENE" key publish > /dev/null 2>&1)
	# readers add seals every confidential value for the new readers
	s0=$(date +%s%N)
	(cd "$top/sealed" && "$CONVENE" readers add dana > /dev/null 2>&1)
	s1=$(date +%s%N)
	echo $(( (s1 - s0) / 1000000 )) > "$top/seal_ms"
	echo "$n" > "$top/.n"
fi
grep -q "!secret" "$top/sealed/interviews/m1-1.yaml"
(cd "$top/sealed" && "$CONVENE" interview summary | grep -q "(confidential)")
plain=$(cd "$top/plain" && best "$CONVENE" interview summary)
# a reader's first summary (no .git/convene/keys: one X25519 per value,
# and the cache written), then the next ones (the file keys from it)
first=$(cd "$top/sealed" && NOCACHE=1 best "$CONVENE" interview summary)
(cd "$top/sealed" && "$CONVENE" interview summary > /dev/null 2>&1 && test -s .git/convene/keys)
sealed=$(cd "$top/sealed" && best "$CONVENE" interview summary)
echo "interview summary over $n interviews, 4 values each:"
echo "  plain:                ${plain} ms"
echo "  confidential, reader, no key cache: ${first} ms ($((n * 3)) answers opened, one X25519 each; the notes are not in a summary)"
echo "  confidential, reader, cached keys:  ${sealed} ms (the file keys from .git/convene/keys)"
awk -v a="$first" -v b="$plain" 'BEGIN { if (b < 1) b = 1; printf "  time ratio, no cache:   %.2fx the plain summary\n", a / b }'
awk -v a="$sealed" -v b="$plain" 'BEGIN { if (b < 1) b = 1; printf "  time ratio, cached:     %.2fx the plain summary (target: within 3x)\n", a / b }'
echo "  readers add (sealing all $((n * 4)) values anew, one commit): $(cat "$top/seal_ms") ms"
