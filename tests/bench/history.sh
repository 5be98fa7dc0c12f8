#!/bin/sh
# make bench, history: a repository of 10,000 commits (made with git
# fast-import) where every 20th changes the vision, every 20th another
# field of initiative.yaml, and the rest change members' files.
# convene history vision against git log --format=%H -- initiative.yaml
# (which does less: no parsing) and git log -p -- initiative.yaml.
set -eu
: "${CONVENE:?}" "${BUILD:?}"
n=${HISTORY_COMMITS:-10000}
top="$BUILD/bench/history"
rm -rf "$top" && mkdir -p "$top/home"
export HOME="$top/home" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Bench"
git config --global user.email "bench@example.org"
git init -q "$top/repo"
cd "$top/repo"
awk -v n="$n" 'BEGIN {
	t = 1767225600
	for (i = 1; i <= n; i++) {
		printf "commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0200\n", t + i * 600
		msg = "edit " i "\n\nConvene-Site: site" (i % 3) "\n"
		printf "data %d\n%s", length(msg), msg
		if (i == 1 || i % 20 == 0 || i % 20 == 10) {
			v = int(i / 20)
			body = "name: Literacy\nlanguage: en\nvision: |\n  Every child reads by grade 3, version " v ".\n  Every family takes part.\nmission: mission " int(i / 10) "\n"
			printf "M 100644 inline initiative.yaml\ndata %d\n%s\n", length(body), body
		} else {
			body = "id: m" (i % 500) "\nname: Member " (i % 500) "\nrole: member\nnote: edit " i "\n"
			printf "M 100644 inline members/m%d.yaml\ndata %d\n%s\n", i % 500, length(body), body
		}
	}
}' | git fast-import --quiet
git reset -q --hard main
ms() {  # wall time in ms of one run of "$@"
	s=$(date +%s%N)
	"$@" > /dev/null 2>&1
	echo $(( ($(date +%s%N) - s) / 1000000 ))
}
min() { [ "$1" -lt "$2" ] && echo "$1" || echo "$2"; }
# best of 5, the three taken in turn so that a slower moment of the
# machine falls on all of them alike
c=999999 g1=999999 g2=999999
for k in 1 2 3 4 5; do
	c=$(min "$c" "$(ms "$CONVENE" history vision)")
	g1=$(min "$g1" "$(ms git log --format=%H -- initiative.yaml)")
	g2=$(min "$g2" "$(ms git log -p -- initiative.yaml)")
done
changes=$("$CONVENE" history vision | grep -c '^20[0-9][0-9]-')
touched=$(git log --format=%H -- initiative.yaml | wc -l)
echo "history: $n commits, $touched touch initiative.yaml, $changes change the vision"
echo "  convene history vision:                    ${c} ms (best of 5)"
echo "  git log --format=%H -- initiative.yaml:    ${g1} ms (best of 5)"
echo "  git log -p -- initiative.yaml:             ${g2} ms (best of 5)"
awk -v c="$c" -v a="$g1" -v b="$g2" 'BEGIN { if (a < 1) a = 1; if (b < 1) b = 1
	printf "  time ratio:                                %.2fx git log --format=%%H (target: within 1.5x), %.2fx git log -p (target: below 1)\n", c / a, c / b }'
