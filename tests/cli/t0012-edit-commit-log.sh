#!/bin/sh
# edit PATH (reopened with the errors until valid), commit, log.
. "$(dirname "$0")/lib.sh"

test_expect_success 'edit: a valid change is written and committed' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	sed -i "s/role: member/role: backbone/" "$1"
	EOT
	chmod +x ../ed &&
	EDITOR=../ed convene edit members/yossi.yaml 2>../err &&
	test_grep "edit members/yossi.yaml" ../err &&
	test_grep "role: backbone" members/yossi.yaml &&
	test -z "$(git status --porcelain)" && test "$(git rev-list --count HEAD)" = 3
'

test_expect_success 'edit: an invalid save reopens with the errors on top, then the fix is taken' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	n=$(cat ../calls 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ../calls
	cp "$1" ../seen.$n
	if [ $n = 1 ]; then sed -i "s/role: member/role: boss/" "$1"; else sed -i "s/role: boss/role: funder/" "$1"; fi
	EOT
	chmod +x ../ed &&
	EDITOR=../ed convene edit members/yossi.yaml 2>../err &&
	test "$(cat ../calls)" = 2 &&
	head -2 ../seen.2 > ../top &&
	test_grep "# convene: members/yossi.yaml has 1 error" ../top &&
	test_grep "# convene: line 6, column 7: '"'"'role'"'"' must be one of" ../top &&
	sed -n 6p ../seen.2 > ../line6 && test_grep "role: boss" ../line6 &&
	test_grep "role: funder" members/yossi.yaml && ! grep -q "# convene" members/yossi.yaml
'

test_expect_success 'edit: giving up (saving unchanged) changes nothing, exit 1' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cp members/yossi.yaml ../before &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	n=$(cat ../calls 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ../calls
	[ $n = 1 ] && sed -i "s/role: member/role: boss/" "$1"
	exit 0
	EOT
	chmod +x ../ed &&
	test_expect_code 1 env EDITOR=../ed convene edit members/yossi.yaml 2>../err &&
	test_grep "gave up" ../err &&
	test_cmp ../before members/yossi.yaml && test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'edit: an editor that fails, a path outside the layout' '
	init_lit && cd lit &&
	test_expect_code 2 env EDITOR=false convene edit initiative.yaml 2>/dev/null &&
	test_expect_code 2 convene edit ../x.yaml 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'member edit and meeting edit open the right file' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	echo "$1" >> ../opened
	sed -i "s/^title: .*/title: renamed/; s/^role: .*/role: funder/" "$1"
	EOT
	chmod +x ../ed &&
	EDITOR=../ed convene member edit yossi 2>/dev/null &&
	EDITOR=../ed convene meeting edit 2 2>/dev/null &&
	test_grep "role: funder" members/yossi.yaml &&
	test_grep "title: renamed" meetings/002.yaml &&
	test "$(wc -l < ../opened)" = 2 &&
	test_expect_code 2 convene member edit "Not Id" 2>/dev/null &&
	test_expect_code 2 convene meeting edit x 2>/dev/null
'

test_expect_success 'read commands answer --json: interview list, principle list, outcome show' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene interview add yossi --by yossi --date 2026-01-05 2>/dev/null &&
	convene principle add "שקיפות" --id p-open 2>/dev/null &&
	convene outcome add "Reading" --id reading 2>/dev/null &&
	convene interview list --json > ../out &&
	test_grep "{\"id\":\"yossi-1\",\"member\":\"yossi\",\"interviewer\":\"yossi\",\"date\":\"2026-01-05\",\"status\":\"done\"}" ../out &&
	convene principle list --json > ../out && test_grep "{\"id\":\"p-open\",\"text\":\"שקיפות\"}" ../out &&
	convene outcome show --json reading > ../out && test_grep "\"title\":\"Reading\"" ../out &&
	convene outcome list --json > ../out && test_grep "\"indicators\":0" ../out
'

test_expect_success 'commit: hand edits, validated first, with the site trailer' '
	init_lit && cd lit &&
	mkdir members && printf "id: x\\nname: X\\nrole: boss\\n" > members/x.yaml &&
	test_expect_code 1 convene commit -m "add x" 2>../err &&
	test_grep "members/x.yaml:3:7: error" ../err && test_grep "nothing was committed" ../err &&
	test "$(git rev-list --count HEAD)" = 1 &&
	sed -i "s/boss/member/" members/x.yaml &&
	convene commit -m "add x" 2>../err &&
	test_grep "add x (1 file)" ../err &&
	git log -1 --format=%B > ../msg && test_grep "Convene-Site: beersheva" ../msg &&
	test -z "$(git status --porcelain)" &&
	convene commit 2>../err && test_grep "nothing to commit" ../err &&
	printf "name: y\\nlanguage: he\\n" > initiative.yaml && rm members/x.yaml &&
	convene commit 2>../err && test_grep "hand edits: initiative.yaml, members/x.yaml" ../err &&
	test -z "$(git status --porcelain)" && git fsck --strict
'

test_expect_success 'log: who, where, what; -n and --json' '
	init_lit && cd lit &&
	convene set vision "x" 2>/dev/null &&
	convene log > ../out &&
	test "$(wc -l < ../out)" = 2 &&
	head -1 ../out | grep -q "^[0-9a-f]\\{7\\}  [0-9-]\\{10\\} [0-9:]\\{5\\}  Dana Levi @beersheva  set vision$" &&
	convene log -n 1 --json > ../out &&
	test_grep "\"author\":\"Dana Levi\",\"email\":\"dana@example.org\",\"site\":\"beersheva\",\"meeting\":null,\"subject\":\"set vision\",\"merge\":false}" ../out &&
	test_expect_code 2 convene log -n x 2>/dev/null
'

test_done
