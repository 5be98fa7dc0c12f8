#!/bin/sh
# Two convene processes editing at once never corrupt the repository and
# never lose an edit; killed ones leave nothing that blocks the next.
. "$(dirname "$0")/lib.sh"

test_expect_success '2 processes x 50 notes on the same meeting: all 100 are there' '
	init_lit && cd lit &&
	writer() {
		i=1
		while [ $i -le 50 ]; do
			convene note 1 why-here "note $1-$i" 2>>../err.$1 || echo "failed $1-$i" >> ../failed
			i=$((i + 1))
		done
	} &&
	{ writer a & } && pa=$! &&
	{ writer b & } && pb=$! &&
	wait $pa && wait $pb &&
	test ! -e ../failed &&
	git fsck --strict &&
	test "$(git rev-list --count HEAD)" = 101 &&
	grep -c "text: note [ab]-" meetings/001.yaml > ../count && echo 100 > ../want && test_cmp ../want ../count &&
	for who in a b; do
		i=1
		while [ $i -le 50 ]; do grep -q "text: note $who-$i\$" meetings/001.yaml || { echo "lost $who-$i"; exit 1; }; i=$((i + 1)); done
	done &&
	convene validate 2>/dev/null &&
	test -z "$(git status --porcelain)"
'

test_done
