#!/bin/sh
# partner add, list: the organisations the initiative works with, each of
# a kind from a closed list.
. "$(dirname "$0")/lib.sh"

kinds="municipality, school, nonprofit, business, funder, university, government, community, other"

test_expect_success 'partner add: kind, contact, email; list as text and JSON' '
	init_lit && cd lit &&
	convene partner add "עיריית באר שבע" --kind municipality --contact "רינה לוי" --email rina@example.org 2>../err &&
	test_grep "partner added: עיריית באר שבע (org-" ../err &&
	convene partner add "Reading Partners" --kind nonprofit --description "tutors in schools" 2>/dev/null &&
	test "$(git log -1 --format=%s)" = "partner added: Reading Partners (reading-partners)" &&
	convene validate 2>/dev/null &&
	convene partner list --json > ../out &&
	jq -r ".[0].kind, .[0].contact, .[0].email, .[1].id, .[1].description, (.[1].email == null)" ../out > ../got &&
	printf "municipality\nרינה לוי\nrina@example.org\nreading-partners\ntutors in schools\ntrue\n" > ../want &&
	test_cmp ../want ../got &&
	jq -r ".[0].id" ../out | grep -qx "org-[0-9a-f]\{4\}" &&
	id=$(jq -r ".[0].id" ../out) &&
	convene partner list > ../out &&
	printf "ID                NAME              KIND          CONTACT\n%-18sעיריית באר שבע    municipality  רינה לוי <rina@example.org>\nreading-partners  Reading Partners  nonprofit     -\n" "$id" > ../want &&
	test_cmp ../want ../out &&
	grep -q "^  kind: municipality$" initiative.yaml
'

test_expect_success 'partner add errors: a bad kind names the kinds and the nearest; no kind; bad email' '
	init_lit && cd lit &&
	git rev-parse HEAD > ../before &&
	test_expect_code 2 convene partner add "Beit Yatziv" --kind schol 2>../err &&
	test_grep "'"'"'--kind'"'"' must be one of $kinds; found '"'"'schol'"'"'; did you mean '"'"'school'"'"'?" ../err &&
	test_expect_code 2 convene partner add "Beit Yatziv" --kind church 2>../err &&
	test_grep "must be one of $kinds; found '"'"'church'"'"'" ../err &&
	! grep -q "did you mean" ../err &&
	test_expect_code 2 convene partner add "Beit Yatziv" 2>../err &&
	test_grep "partner add needs --kind" ../err &&
	test_expect_code 2 convene partner add "Beit Yatziv" --kind school --email nowhere 2>../err &&
	test_grep "'"'"'--email'"'"' must be an email address" ../err &&
	test_expect_code 2 convene partner add "Beit Yatziv" --kind school --kind funder 2>../err &&
	test_expect_code 2 convene partner add --kind school 2>../err &&
	convene partner add "Beit Yatziv" --kind school 2>/dev/null &&
	git rev-parse HEAD~1 > ../after && test_cmp ../before ../after &&
	test_expect_code 2 convene partner add "Beit Yatziv" --kind school 2>../err &&
	test_grep "a partner '"'"'beit-yatziv'"'"' exists already" ../err &&
	convene validate 2>/dev/null
'

test_expect_success 'validate: a partner of an unknown kind, at file:line:col' '
	init_lit && cd lit &&
	printf "partners:\n- id: city\n  name: City\n  kind: municipalty\n" >> initiative.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	line=$(grep -n "kind: municipalty" initiative.yaml | cut -d: -f1) &&
	test_grep "initiative.yaml:$line:9: error: '"'"'kind'"'"' must be one of $kinds; found '"'"'municipalty'"'"'; did you mean '"'"'municipality'"'"'?" ../out
'

test_expect_success 'status counts subgroups and partners, in text and JSON' '
	init_lit && cd lit &&
	convene status > ../out &&
	! grep -q "subgroups:\|partners:" ../out &&
	convene subgroup add Data --id data 2>/dev/null &&
	convene subgroup add Families --id families 2>/dev/null &&
	convene partner add City --kind municipality 2>/dev/null &&
	convene status > ../out &&
	sed -n 2,4p ../out > ../got &&
	printf "members:    0 active\nsubgroups:  2\npartners:   1\n" > ../want &&
	test_cmp ../want ../got &&
	convene status --json | jq -c "[.subgroups, .partners]" > ../got &&
	echo "[2,1]" > ../want &&
	test_cmp ../want ../got
'

test_done
