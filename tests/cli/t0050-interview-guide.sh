#!/bin/sh
# The interview guide (DESIGN §8): init --template ucsd writes
# interview_questions; interview add asks them on a terminal (or with
# --ask, from a pipe); summary follows their order.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW
GOLDEN=$(cd "$(dirname "$0")/../golden" && pwd)

people() {
	convene init --template ucsd --lang "$1" --name "קריאה מוקדמת בנגב" --site beersheva lit 2>/dev/null && cd lit &&
	convene member add "Rina" --id rina 2>/dev/null &&
	convene member add "דנה" --id dana 2>/dev/null
}

for lang in he en; do
	test_expect_success "init --template ucsd --lang $lang writes the guide and the timeline: initiative.yaml as written" '
		convene init --template ucsd --lang $lang --name "קריאה מוקדמת בנגב" --site s lit 2>/dev/null && cd lit &&
		test_cmp "$GOLDEN/templates/$lang/initiative.yaml" initiative.yaml &&
		convene validate 2>../err && test_grep "no problems" ../err
	'
done

test_expect_success 'the guide has the same ids in both languages; blank has none' '
	convene init --template ucsd --lang he --name x --site s he 2>/dev/null &&
	convene init --template ucsd --lang en --name x --site s en 2>/dev/null &&
	convene -C he get interview_questions --json > ../he.json &&
	convene -C en get interview_questions --json > ../en.json &&
	sed "s/\"text\":\"[^\"]*\"//g" ../he.json > ../he && sed "s/\"text\":\"[^\"]*\"//g" ../en.json > ../en &&
	test_cmp ../he ../en &&
	for q in motivation strengths perspective assets challenges success; do
		test_grep "\"id\":\"$q\"" ../he || return 1
	done &&
	convene init --template blank --lang en --name x --site s b 2>/dev/null &&
	! grep -q interview_questions b/initiative.yaml
'

test_expect_success 'interview add --ask from a pipe: each question in turn, an empty line skips, the end of input ends' '
	people he &&
	printf "הבת שלי בכיתה א\n\nקול של הורים\n\r\nספריה שכונתית\n" > ../in &&
	convene interview add rina --by dana --ask < ../in > ../out 2> ../err &&
	test ! -s ../out &&
	grep -v "^\[[0-9a-f]*\] interview" ../err > ../transcript &&
	test_cmp "$GOLDEN/interview/ask-pipe.he.err" ../transcript &&
	test_grep "interview rina-1: rina interviewed by dana" ../err &&
	test_cmp "$GOLDEN/interview/ask-pipe.he.yaml" interviews/rina-1.yaml &&
	convene validate 2>/dev/null
'

test_expect_success 'a pipe without --ask is read as before: nothing asked, nothing read' '
	people en &&
	echo "not an answer" | convene interview add rina --by dana 2>../err &&
	! grep -q "questions" ../err &&
	! grep -q answers interviews/rina-1.yaml &&
	echo "not an answer" | convene interview add dana --by rina --answer motivation=kids 2>../err &&
	! grep -q "questions" ../err &&
	convene get interviews/dana-1.yaml:answers > ../out && echo "motivation: kids" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'through tmux, as a person types: asked on a terminal without --ask' '
	{ command -v tmux >/dev/null || { echo "tmux missing: make test-deps installs it"; exit 1; }; } &&
	people en &&
	sock="$TRASH/tmux.sock" &&
	tmux -S "$sock" new-session -d -x 160 -y 50 "cd $PWD && CONVENE_NOW=$CONVENE_NOW HOME=$HOME PATH=$PATH convene interview add rina --by dana --answer success=\"all read\" --ask; convene interview add dana --by rina; sleep 30" &&
	n=0 && while tmux -S "$sock" capture-pane -p > ../screen &&
		! grep -q "\[1/5\] motivation" ../screen && [ $n -lt 500 ]; do
		sleep 0.02; n=$((n + 1))
	done &&
	tmux -S "$sock" send-keys "My daughter starts school" Enter &&
	tmux -S "$sock" send-keys Enter &&
	tmux -S "$sock" send-keys "a parent voice" Enter &&
	tmux -S "$sock" send-keys C-d &&
	n=0 && while tmux -S "$sock" capture-pane -p > ../screen &&
		! grep -q "Interview of dana" ../screen && [ $n -lt 500 ]; do
		sleep 0.02; n=$((n + 1))
	done &&
	tmux -S "$sock" send-keys "בגלל הילדים" Enter &&
	tmux -S "$sock" send-keys C-d &&
	n=0 && while tmux -S "$sock" capture-pane -p > ../screen &&
		! grep -q "interview dana-1: dana interviewed by rina" ../screen && [ $n -lt 500 ]; do
		sleep 0.02; n=$((n + 1))
	done &&
	tmux -S "$sock" kill-server &&
	test_grep "> My daughter starts school" ../screen &&
	test_grep "[3/5] perspective" ../screen &&
	test_grep "2 of 5 questions answered." ../screen &&
	test_grep "1 of 6 questions answered." ../screen &&
	test_cmp "$GOLDEN/interview/ask-tty.en.yaml" interviews/rina-1.yaml &&
	convene get interviews/dana-1.yaml:answers > ../out &&
	echo "motivation: בגלל הילדים" > ../want && test_cmp ../want ../out &&
	convene validate 2>/dev/null
'

test_expect_success '--answer outside the guide is kept, after the guide'"'"'s questions' '
	people en &&
	convene interview add rina --by dana --answer funding=grants --answer success="every child reads" \
		--answer motivation=kids --answer zz-other=x 2>/dev/null &&
	sed -n "/^answers:/,\$p" interviews/rina-1.yaml > ../out &&
	printf "answers:\n  motivation: kids\n  success: every child reads\n  funding: grants\n  zz-other: x\n" > ../want &&
	test_cmp ../want ../out &&
	convene validate 2>/dev/null
'

test_expect_success 'interview summary follows the guide, each under its question; the others after, by id' '
	people en &&
	convene interview add rina --by dana --answer funding=grants --answer success="all read" 2>/dev/null &&
	convene interview add dana --by rina --answer assets="a hall" --answer motivation="my kids" 2>/dev/null &&
	convene interview summary > ../out &&
	cat > ../want <<-\EOT &&
	What draws you to this working group, and why is it important to you to take part?
	(motivation, 1 answer)
	  dana: my kids

	Which strengths, resources, programmes or partnerships – in your organisation or elsewhere – do you know of that the initiative could build on?
	(assets, 1 answer)
	  dana: a hall

	If the initiative succeeds, what will be different in a few years? What would success look like to you?
	(success, 1 answer)
	  rina: all read

	funding (1 answer)
	  rina: grants
	EOT
	test_cmp ../want ../out &&
	convene interview summary --json > ../out &&
	test_grep "{\"question\":\"assets\",\"text\":\"Which strengths" ../out &&
	test_grep "{\"question\":\"funding\",\"answers\"" ../out
'

test_expect_success '--ask: refused with --planned, and with no guide to ask' '
	people en &&
	test_expect_code 2 convene interview add rina --by dana --ask --planned < /dev/null 2>../err &&
	test_grep "a --planned one has no answers yet" ../err &&
	cd .. && convene init --template blank --lang en --name b --site s b 2>/dev/null && cd b &&
	convene member add Rina --id rina 2>/dev/null &&
	test_expect_code 1 convene interview add rina --by rina --ask < /dev/null 2>../err &&
	test_grep "initiative.yaml has no interview_questions to ask" ../err && test ! -e interviews
'

test_expect_success '--ask for a member who is not there fails before asking' '
	people en &&
	test_expect_code 1 convene interview add ghost --by dana --ask < /dev/null 2>../err &&
	test_grep "unknown member" ../err && ! grep -q "questions" ../err
'

test_done
