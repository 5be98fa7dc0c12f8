#!/bin/sh
# status: members, interviews done and missing, meetings, problems.
. "$(dirname "$0")/lib.sh"

setup_people() {
	init_lit && cd lit &&
	mkdir -p members interviews &&
	printf "id: dana\nname: דנה לוי\nrole: facilitator\n" > members/dana.yaml &&
	printf "id: yossi\nname: יוסי כהן\n" > members/yossi.yaml &&
	printf "id: rina\nname: רינה\nleft: 2026-03-01\n" > members/rina.yaml &&
	printf "id: avi\nname: אבי\n" > members/avi.yaml &&
	printf "id: i1\nmember: dana\ninterviewer: yossi\ndate: 2026-01-05\n" > interviews/i1.yaml &&
	printf "id: i2\nmember: yossi\ninterviewer: dana\ndate: 2026-01-20\nstatus: planned\n" > interviews/i2.yaml &&
	convene set meetings/001.yaml:date 2026-02-01 2>/dev/null &&
	convene set --yaml meetings/001.yaml:attendees "[dana, yossi]" 2>/dev/null
}

test_expect_success 'status shows members, interviews done and missing, meetings' '
	setup_people &&
	convene status > out &&
	cat >want <<-\EOT &&
	initiative: קריאה מוקדמת בנגב (he), site beersheva
	members:    3 active, 1 left
	interviews: 1 done, 1 planned; missing: avi, yossi
	meetings:   3
	  001  2026-02-01  planned    2 attending, 0 notes  מפגש 1 – היכרות וחזון משותף
	  002  -           planned    0 attending, 0 notes  מפגש 2 – עקרונות מנחים וסדר יום משותף
	  003  -           planned    0 attending, 0 notes  מפגש 3 – מסיפורי הצלחה למנופים לשינוי
	problems:   none
	EOT
	test_cmp want out
'

test_expect_success 'status --json' '
	setup_people &&
	convene status --json > out &&
	test_grep "\"members\":{\"total\":4,\"active\":3,\"left\":1}" out &&
	test_grep "\"interviews\":{\"done\":1,\"planned\":1,\"missing\":[\"avi\",\"yossi\"]}" out &&
	test_grep "{\"number\":1,\"date\":\"2026-02-01\",\"status\":\"planned\",\"title\":\"מפגש 1 – היכרות וחזון משותף\",\"attendees\":2,\"notes\":0}" out &&
	test_grep "\"errors\":0" out
'

test_expect_success 'status counts problems and exits 1 when there are errors' '
	setup_people &&
	printf "id: x\nname: X\nrole: boss\n" > members/x.yaml &&
	test_expect_code 1 convene status > out &&
	test_grep "problems:   1 error, 0 warnings (see '"'"'convene validate'"'"')" out
'

test_done
