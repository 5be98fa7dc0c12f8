#!/bin/sh
# member and interview: files, ids (Hebrew names too), lists, exit codes.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

test_expect_success 'member add with every option writes the file and commits it' '
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --org "עמותת אור" --role facilitator \
		--email dana@example.org --phone "050-1234567" --can-host --address "רחוב הרצל 1" 2>../err &&
	test_grep "member added: דנה לוי (dana)" ../err &&
	cat >../want <<-\EOT &&
	id: dana
	name: דנה לוי
	organization: עמותת אור
	role: facilitator
	email: dana@example.org
	phone: 050-1234567
	can_host: true
	address: רחוב הרצל 1
	joined: 2026-02-01
	EOT
	test_cmp ../want members/dana.yaml &&
	git log -1 --format=%B > ../msg && test_grep "Convene-Site: beersheva" ../msg &&
	test -z "$(git status --porcelain)" && git fsck --strict
'

test_expect_success 'a Hebrew name gets a generated id m-XXXX; a Latin one its slug' '
	init_lit && cd lit &&
	convene member add "יוסי כהן" 2>/dev/null &&
	convene member add "Rina Adler" 2>/dev/null &&
	ls members > ../ls &&
	grep -q "^m-[0-9a-f]\\{4\\}\\.yaml$" ../ls &&
	grep -q "^rina-adler\\.yaml$" ../ls &&
	convene member add "Rina Adler" 2>/dev/null && test -e members/rina-adler-2.yaml
'

test_expect_success 'member add refuses a bad role and an id in use, creating nothing' '
	init_lit && cd lit &&
	test_expect_code 2 convene member add "X" --id x --role boss 2>../err &&
	test_grep "'"'"'--role'"'"' must be one of" ../err && test ! -e members/x.yaml &&
	convene member add "X" --id x 2>/dev/null &&
	test_expect_code 2 convene member add "Y" --id x 2>../err &&
	test_grep "members/x.yaml already exists" ../err &&
	test_expect_code 2 convene member add "Y" --id "Not An Id" 2>../err &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'member list, --json, leave and --all' '
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --role facilitator --can-host --org "עמותת אור" 2>/dev/null &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene member list > ../out &&
	cat >../want <<-\EOT &&
	ID     NAME     ROLE         HOST  ORGANIZATION
	dana   דנה לוי  facilitator  yes   עמותת אור
	yossi  Yossi    member       -     
	EOT
	test_cmp ../want ../out &&
	convene member leave yossi --date 2026-03-01 2>/dev/null &&
	test_grep "left: 2026-03-01" members/yossi.yaml &&
	convene member list > ../out && ! grep -q yossi ../out &&
	convene member list --all > ../out && test_grep "(left 2026-03-01)" ../out &&
	convene member list --all --json > ../out &&
	test_grep "{\"id\":\"dana\",\"name\":\"דנה לוי\",\"role\":\"facilitator\",\"organization\":\"עמותת אור\",\"can_host\":true,\"left\":null}" ../out &&
	test_grep "\"left\":\"2026-03-01\"" ../out
'

test_expect_success 'member show prints the file or JSON; an unknown member exits 1' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene member show yossi > ../out && test_cmp members/yossi.yaml ../out &&
	convene member show --json yossi > ../out &&
	echo "{\"id\":\"yossi\",\"name\":\"Yossi\",\"role\":\"member\",\"joined\":\"2026-02-01\"}" > ../want &&
	test_cmp ../want ../out &&
	test_expect_code 1 convene member show nobody 2>../err && test_grep "no member" ../err &&
	test_expect_code 2 convene member frob 2>/dev/null &&
	test_expect_code 2 convene member 2>/dev/null
'

test_expect_success 'interview add, list, show and summary grouped by question' '
	init_lit && cd lit &&
	convene member add "דנה" --id dana 2>/dev/null &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene member add "Rina" --id rina 2>/dev/null &&
	convene interview add dana --by yossi --date 2026-01-05 --answer motivation="הבת שלי" --answer strengths="ארגון" 2>/dev/null &&
	convene interview add yossi --by dana --date 2026-01-06 --answer motivation="the library" 2>/dev/null &&
	test_expect_code 2 convene interview add rina --by dana --answer motivation="kept-quiet" --confidential 2>../err &&
	test_grep "convene readers add MEMBER..." ../err && test ! -e interviews/rina-1.yaml &&
	age-keygen 2>/dev/null | age-keygen -y > ../key && printf "age: %s\n" "$(cat ../key)" >> members/dana.yaml &&
	printf "readers:\n- dana\n" >> initiative.yaml && convene commit -m "dana reads" 2>/dev/null &&
	convene interview add rina --by dana --answer motivation="kept-quiet" --confidential 2>/dev/null &&
	! grep -q kept-quiet interviews/rina-1.yaml &&
	test -e interviews/dana-1.yaml && test -e interviews/rina-1.yaml &&
	convene interview summary > ../out &&
	cat >../want <<-\EOT &&
	מה מושך אותך לקבוצת העבודה הזו, ולמה חשוב לך לקחת בה חלק?
	(motivation, 2 answers)
	  dana: הבת שלי
	  yossi: the library

	איך העבודה שלך, הערכים שלך והחוזקות המקצועיות שלך מתחברים ליוזמה?
	(strengths, 1 answer)
	  dana: ארגון

	(1 confidential interview not shown: confidential — readable by dana)
	EOT
	test_cmp ../want ../out &&
	! grep -q kept-quiet ../out &&
	convene interview summary --json > ../out && ! grep -q kept-quiet ../out &&
	test_grep "\"confidential\":1" ../out &&
	convene interview list > ../out && test_grep "rina-1" ../out &&
	convene interview show dana-1 > ../out && test_cmp interviews/dana-1.yaml ../out &&
	convene status > ../out && test_grep "interviews: 3 done, 0 planned" ../out
'

test_expect_success 'interview add refuses an unknown member and bad answers' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	test_expect_code 1 convene interview add ghost --by yossi 2>../err &&
	test_grep "unknown member '"'"'ghost'"'"'" ../err && test ! -e interviews &&
	test_expect_code 2 convene interview add yossi --by yossi --answer "Bad Q=x" 2>/dev/null &&
	test_expect_code 2 convene interview add yossi 2>../err && test_grep "with --by" ../err
'

test_expect_success 'a flag is read one way everywhere: confidential: True, can_host: TRUE' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene member add "Rina" --id rina 2>/dev/null &&
	convene interview add rina --by yossi --answer why="a secret" 2>/dev/null &&
	printf "confidential: True\n" >> interviews/rina-1.yaml &&
	printf "can_host: TRUE\n" >> members/yossi.yaml &&
	printf "can_host: \"true\"\n" >> members/rina.yaml &&
	git add -A && git commit -qm "by hand" &&
	convene interview list > ../out && test_grep "(confidential)" ../out &&
	convene interview summary > ../out && ! grep -q "a secret" ../out &&
	convene member list --json > ../out &&
	test_grep "\"id\":\"yossi\"" ../out &&
	sed -n "s/.*\"id\":\"yossi\"[^}]*\"can_host\":\([a-z]*\).*/\1/p" ../out > ../host &&
	echo true > ../want && test_cmp ../want ../host &&
	sed -n "s/.*\"id\":\"rina\"[^}]*\"can_host\":\([a-z]*\).*/\1/p" ../out > ../host &&
	echo false > ../want && test_cmp ../want ../host &&
	convene hosts > ../out && test_grep "next: yossi" ../out && ! grep -q rina ../out
'

test_done
