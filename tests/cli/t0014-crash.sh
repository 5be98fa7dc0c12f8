#!/bin/sh
# A loop that kills convene with SIGKILL at random moments while it commits
# notes: afterwards git fsck is clean, no file is half-written (a killed
# write leaves at most its own <file>.lock, which the next edit drops), the
# next note goes through, and every note whose command exited 0 is in
# history.
. "$(dirname "$0")/lib.sh"

KILLS=${CONVENE_CRASH_KILLS:-220}

test_expect_success "$KILLS notes killed at random moments: nothing acknowledged is lost" '
	init_lit && cd lit &&
	i=1 && killed=0 &&
	while [ $i -le $KILLS ]; do
		convene note 1 opening "crash $i" 2>/dev/null 1>&2 &
		pid=$!
		# sleep 0 to 25 ms: before, during or after the commit
		sleep "0.0$(( $(od -An -N1 -tu1 /dev/urandom) % 26 ))" 2>/dev/null || sleep 0.01
		kill -9 $pid 2>/dev/null && killed=$((killed + 1))
		if wait $pid; then echo $i >> ../acked; fi
		i=$((i + 1))
	done &&
	echo "killed $killed of $KILLS" >&2 &&
	test $killed -ge 1 &&
	git fsck --strict --no-dangling &&
	convene validate &&
	convene note 1 opening "after the storm" &&
	ls meetings > ../ls && ! grep -q "\.lock$" ../ls &&
	git show HEAD:meetings/001.yaml > ../head &&
	test_grep "text: after the storm" ../head &&
	if [ -f ../acked ]; then
		while read -r n; do
			grep -q "text: crash $n\$" ../head || { echo "acknowledged note $n is not in history"; exit 1; }
		done < ../acked
	fi
'

test_done
