#!/bin/sh
# subgroup add, list; member join, leave-subgroup: who is in a subgroup is
# in each member's file, so two sites adding members to one subgroup merge.
. "$(dirname "$0")/lib.sh"

# ./lit with dana and yossi, and the subgroup recruiting
lit_with_people() {
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana 2>/dev/null &&
	convene member add "יוסי כהן" --id yossi 2>/dev/null &&
	convene subgroup add "גיוס והכשרה" --id recruiting 2>/dev/null
}

test_expect_success 'subgroup add: ids from the name, g-XXXX for Hebrew, one commit each' '
	lit_with_people &&
	convene subgroup add "Data & Evaluation" --description "מדידה ולמידה" --lead dana 2>../err &&
	test_grep "subgroup added: Data & Evaluation (data-evaluation)" ../err &&
	git log -1 --format=%s > ../subject &&
	echo "subgroup added: Data & Evaluation (data-evaluation)" > ../want &&
	test_cmp ../want ../subject &&
	convene subgroup add "נתונים" 2>/dev/null &&
	convene get --json subgroups > ../out &&
	jq -r ".[].id" ../out > ../ids &&
	test "$(sed -n 1p ../ids)" = recruiting &&
	test "$(sed -n 2p ../ids)" = data-evaluation &&
	sed -n 3p ../ids | grep -qx "g-[0-9a-f]\{4\}" &&
	jq -r ".[1].lead, .[1].description, .[0].name" ../out > ../fields &&
	printf "dana\nמדידה ולמידה\nגיוס והכשרה\n" > ../want &&
	test_cmp ../want ../fields &&
	grep -q "^- id: recruiting$" initiative.yaml &&
	grep -q "^  name: גיוס והכשרה$" initiative.yaml &&
	convene validate 2>/dev/null &&
	git status --porcelain > ../dirty && test_cmp /dev/null ../dirty
'

test_expect_success 'subgroup add errors: a taken id, a bad id, an unknown lead, no name' '
	lit_with_people &&
	git rev-parse HEAD > ../before &&
	test_expect_code 2 convene subgroup add "Recruiting" 2>../err &&
	test_grep "a subgroup '"'"'recruiting'"'"' exists already; give another id with --id" ../err &&
	test_expect_code 2 convene subgroup add x --id "Not An Id" 2>../err &&
	test_grep "is not an id" ../err &&
	test_expect_code 1 convene subgroup add x --lead dnaa 2>../err &&
	test_grep "unknown member '"'"'dnaa'"'"' in '"'"'--lead'"'"'" ../err &&
	test_expect_code 2 convene subgroup add 2>../err &&
	test_grep "subgroup add takes the subgroup'"'"'s name" ../err &&
	test_expect_code 2 convene subgroup add "$(printf "two\nlines")" 2>../err &&
	test_expect_code 2 convene subgroup add x --id a --id b 2>../err &&
	test_expect_code 2 convene subgroup frob 2>../err &&
	git rev-parse HEAD > ../after && test_cmp ../before ../after &&
	convene validate 2>/dev/null
'

test_expect_success 'member join and leave-subgroup: the member file, list, JSON' '
	lit_with_people &&
	convene subgroup add Data --id data 2>/dev/null &&
	convene member join dana recruiting 2>../err &&
	test_grep "subgroup recruiting: dana joined" ../err &&
	test "$(git log -1 --format=%s)" = "subgroup recruiting: dana joined" &&
	convene member join yossi recruiting 2>/dev/null &&
	convene member join yossi data 2>/dev/null &&
	convene validate 2>/dev/null &&
	convene subgroup list > ../out &&
	printf "ID          NAME         MEMBERS\nrecruiting  גיוס והכשרה  2: dana, yossi\ndata        Data         1: yossi\n" > ../want &&
	test_cmp ../want ../out &&
	convene subgroup list --json > ../out &&
	jq -c "[.[] | {id, members}]" ../out > ../got &&
	echo "[{\"id\":\"recruiting\",\"members\":[\"dana\",\"yossi\"]},{\"id\":\"data\",\"members\":[\"yossi\"]}]" > ../want &&
	test_cmp ../want ../got &&
	convene member join dana recruiting 2>../err &&
	test_grep "nothing to change: dana is in recruiting already" ../err &&
	convene member leave-subgroup yossi recruiting 2>../err &&
	test_grep "subgroup recruiting: yossi left" ../err &&
	printf "subgroups:\n- data\n" > ../want &&
	sed -n "/^subgroups:/,/^[a-z]/p" members/yossi.yaml | grep -v "^joined" > ../got &&
	test_cmp ../want ../got &&
	convene member leave-subgroup yossi data 2>/dev/null &&
	! grep -q subgroups members/yossi.yaml &&
	convene validate 2>/dev/null
'

test_expect_success 'join errors: an unknown subgroup names the nearest, unknown member, usage' '
	lit_with_people &&
	git rev-parse HEAD > ../before &&
	test_expect_code 1 convene member join dana recruting 2>../err &&
	test_grep "unknown subgroup '"'"'recruting'"'"' in '"'"'SUBGROUP'"'"'; did you mean '"'"'recruiting'"'"'?" ../err &&
	test_expect_code 1 convene member join dana finance 2>../err &&
	test_grep "unknown subgroup '"'"'finance'"'"'" ../err &&
	test_expect_code 1 convene member join nobody recruiting 2>../err &&
	test_grep "members/nobody.yaml" ../err &&
	test_expect_code 1 convene member leave-subgroup dana recruiting 2>../err &&
	test_grep "dana is not in subgroup '"'"'recruiting'"'"'" ../err &&
	test_expect_code 2 convene member join dana 2>../err &&
	test_grep "member join takes a member'"'"'s id and a subgroup'"'"'s id" ../err &&
	test_expect_code 2 convene member join dana "Not Id" 2>../err &&
	test_expect_code 2 convene member join dana recruiting extra 2>../err &&
	git rev-parse HEAD > ../after && test_cmp ../before ../after &&
	convene validate 2>/dev/null
'

test_expect_success 'validate: a member in an unknown subgroup, at file:line:col, with did you mean' '
	lit_with_people &&
	printf "id: dana\nname: Dana Levi\nsubgroups:\n- recruting\n" > members/dana.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "members/dana.yaml:4:3: error: unknown subgroup '"'"'recruting'"'"' in '"'"'subgroups'"'"'; did you mean '"'"'recruiting'"'"'?" ../out
'

test_expect_success 'two sites add different members to one subgroup at once: both in after sync' '
	lit_with_people &&
	git init -q --bare ../hub.git &&
	convene remote add hub ../hub.git 2>/dev/null &&
	convene sync -q 2>/dev/null &&
	cd .. && convene clone --site haifa hub.git b 2>/dev/null &&
	(cd lit && convene member join dana recruiting 2>/dev/null) &&
	(cd b && convene member join yossi recruiting 2>/dev/null &&
	 convene subgroup add Families --id families 2>/dev/null) &&
	(cd lit && convene subgroup add Data --id data 2>/dev/null && convene sync -q 2>/dev/null) &&
	(cd b && convene sync -q 2>/dev/null) &&
	(cd lit && convene sync -q 2>/dev/null) &&
	for site in lit b; do
		(cd $site && convene validate 2>/dev/null &&
		 convene subgroup list --json > ../$site.json &&
		 convene conflicts > ../$site.conflicts 2>&1) || return 1
	done &&
	test_cmp lit.json b.json &&
	jq -c "[.[] | [.id, .members]]" lit.json > got &&
	echo "[[\"recruiting\",[\"dana\",\"yossi\"]],[\"data\",[]],[\"families\",[]]]" > want &&
	test_cmp want got &&
	(cd lit && git diff --quiet HEAD && test "$(git rev-parse HEAD)" = "$(cd ../b && git rev-parse HEAD)")
'

test_done
