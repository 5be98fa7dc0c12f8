#!/bin/sh
# notes M: interactive note-taking, through a pipe and through tmux.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

people() {
	init_lit && cd lit &&
	convene member add "דנה" --id dana 2>/dev/null &&
	convene member add "Yossi" --id yossi 2>/dev/null
}

test_expect_success 'through a pipe: each line a note, commands move, decide, act, attend' '
	people &&
	cat >../input <<-\EOT &&
	welcome everyone
	/next
	כי הילדים שלנו
	/decide נפגשים כל חודש
	/action send the summary @yossi due:2026-02-08
	/go next-steps
	/attend dana yossi
	last words
	/bogus
	/quit
	this is after quit
	EOT
	convene notes 1 --by dana < ../input > ../out 2> ../err &&
	test ! -s ../out &&
	test_grep "[1/6] opening — פתיחה" ../err &&
	test_grep "3 notes saved in meetings/001.yaml" ../err &&
	test_grep "unknown command /bogus" ../err &&
	! grep -q "why-here>" ../err &&
	convene get meetings/001.yaml:agenda[opening].notes > ../n1 && test_grep "text: welcome everyone" ../n1 &&
	convene get meetings/001.yaml:agenda[why-here].notes > ../n2 && test_grep "text: כי הילדים שלנו" ../n2 &&
	convene get meetings/001.yaml:agenda[why-here].decisions > ../d && test_grep "text: נפגשים כל חודש" ../d &&
	convene get meetings/001.yaml:agenda[why-here].actions > ../a &&
	test_grep "text: send the summary" ../a && test_grep "owner: yossi" ../a && test_grep "due: 2026-02-08" ../a &&
	convene get meetings/001.yaml:agenda[next-steps].notes > ../n3 && test_grep "text: last words" ../n3 &&
	! grep -q "after quit" meetings/001.yaml &&
	test_grep "by: dana" ../n1 &&
	test "$(git rev-list --count HEAD)" = $((3 + 3 + 1 + 1 + 1)) &&
	git fsck --strict && convene validate 2>/dev/null
'

test_expect_success 'every line is committed as it is typed: a killed session keeps what it saved' '
	people &&
	mkfifo ../pipe &&
	{ convene notes 1 < ../pipe 2>/dev/null & } && pid=$! &&
	exec 7> ../pipe &&
	echo "first" >&7 && echo "second" >&7 &&
	n=0 && while [ "$(git rev-list --count HEAD)" -lt 5 ] && [ $n -lt 500 ]; do sleep 0.02; n=$((n + 1)); done &&
	kill -9 $pid && exec 7>&- &&
	git show HEAD:meetings/001.yaml > ../head &&
	test_grep "text: first" ../head && test_grep "text: second" ../head &&
	git fsck --strict
'

test_expect_success 'through tmux, as a person types: prompts, Hebrew, item titles' '
	{ command -v tmux >/dev/null || { echo "tmux missing: make test-deps installs it"; exit 1; }; } &&
	people &&
	sock="$TRASH/tmux.sock" &&
	tmux -S "$sock" new-session -d -x 120 -y 40 "cd $PWD && CONVENE_NOW=$CONVENE_NOW HOME=$HOME PATH=$PATH convene notes 2 --by yossi; sleep 30" &&
	tmux -S "$sock" send-keys "פתחנו בזמן" Enter &&
	tmux -S "$sock" send-keys "/n" Enter &&
	tmux -S "$sock" send-keys "עיקרון: המשפחות קודם" Enter &&
	# the commit comes before its line on the screen: wait for the line
	n=0 && while tmux -S "$sock" capture-pane -p > ../screen &&
		! grep -q "note on principles" ../screen && [ $n -lt 500 ]; do
		sleep 0.02; n=$((n + 1))
	done &&
	tmux -S "$sock" send-keys "/q" Enter &&
	sleep 0.2 && tmux -S "$sock" kill-server &&
	test_grep "principles>" ../screen &&
	test_grep "[1/4] opening" ../screen &&
	test_grep "meeting 002: note on principles" ../screen &&
	convene get meetings/002.yaml:agenda[principles].notes > ../n &&
	test_grep "text: '"'"'עיקרון: המשפחות קודם'"'"'" ../n &&
	convene get meetings/002.yaml:agenda[opening].notes > ../n && test_grep "text: פתחנו בזמן" ../n
'

test_expect_success 'notes refuses a meeting that does not exist or has no agenda' '
	people &&
	test_expect_code 1 convene notes 9 < /dev/null 2>/dev/null &&
	printf "number: 4\\ntitle: t\\nstatus: planned\\n" > meetings/004.yaml &&
	test_expect_code 1 convene notes 4 < /dev/null 2>../err && test_grep "no agenda items" ../err
'

test_done
