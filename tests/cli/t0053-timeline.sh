#!/bin/sh
# The timeline: init --template ucsd plans the first six months (the
# interviews, meetings 1-3, the later themes); meeting list shows what is
# still planned; validate checks the entries.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-01-31T10:00:00+02:00
export CONVENE_NOW

test_expect_success 'the timeline starts on the day of init and spans about six months' '
	convene init --template ucsd --lang en --name Literacy --site s lit 2>/dev/null && cd lit &&
	convene get timeline --json > ../out &&
	test_grep "{\"id\":\"interviews\",\"date\":\"2026-01-31\"" ../out &&
	test_grep "{\"id\":\"meeting-1\",\"date\":\"2026-02-28\"" ../out &&
	test_grep "{\"id\":\"communications\",\"date\":\"2026-07-31\"" ../out &&
	test $(grep -o "\"status\":\"planned\"" ../out | wc -l) = 8
'

test_expect_success 'meeting list shows the planned entries after the meetings' '
	convene init --template ucsd --lang en --name Literacy --site s lit 2>/dev/null && cd lit &&
	convene meeting list > ../out &&
	cat > ../want <<-\EOT &&
	001  -           planned    -             Meeting 1 – getting to know each other and a shared vision
	002  -           planned    -             Meeting 2 – guiding principles and a common agenda
	003  -           planned    -             Meeting 3 – from success stories to levers for change

	planned on the timeline:
	2026-01-31  interviews      One-on-one interviews with every member before meeting 1 (interview add)
	2026-02-28  meeting-1       Meeting 1 – getting to know each other and a shared vision
	2026-03-31  meeting-2       Meeting 2 – guiding principles and a common agenda
	2026-04-30  meeting-3       Meeting 3 – from success stories to levers for change
	2026-05-31  quick-wins      Quick wins (meeting new --template quick-wins)
	2026-06-30  working-group   Developing the working group (meeting new --template working-group)
	2026-07-31  evaluation      Evaluation and measurement (meeting new --template evaluation)
	2026-07-31  communications  Communications and the elevator pitch (meeting new --template communications)
	EOT
	test_cmp ../want ../out &&
	convene meeting list --json > ../out && ! grep -q timeline ../out
'

test_expect_success 'an entry set done leaves the list; Hebrew heading in a Hebrew initiative' '
	convene init --template ucsd --lang he --name "קריאה" --site s lit 2>/dev/null && cd lit &&
	convene set "timeline[interviews].status" done 2>/dev/null &&
	convene meeting list > ../out &&
	test_grep "מתוכנן בציר הזמן:" ../out &&
	! grep -q "^2026-01-31  interviews" ../out &&
	test_grep "2026-02-28  meeting-1" ../out &&
	convene validate 2>/dev/null
'

test_expect_success 'a blank initiative has no timeline, and meeting list says nothing of one' '
	convene init --template blank --lang en --name b --site s b 2>/dev/null && cd b &&
	convene meeting new 2>/dev/null &&
	convene meeting list > ../out && ! grep -q timeline ../out
'

test_expect_success 'validate: a status that is not one, an entry without a date' '
	convene init --template ucsd --lang en --name Literacy --site s lit 2>/dev/null && cd lit &&
	sed -i "0,/status: planned/s//status: soon/" initiative.yaml &&
	test_expect_code 1 convene validate >../err 2>&1 &&
	test_grep "'"'"'status'"'"' must be one of planned, done, dropped; found '"'"'soon'"'"'" ../err &&
	git checkout -q initiative.yaml &&
	sed -i "0,/  date: 2026-01-31/s///" initiative.yaml &&
	test_expect_code 1 convene validate >../err 2>&1 &&
	test_grep "a timeline entry needs '"'"'date'"'"'" ../err
'

test_done
