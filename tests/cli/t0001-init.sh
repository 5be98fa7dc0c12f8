#!/bin/sh
# init: a new initiative through libgit2, seen by the real git CLI.
. "$(dirname "$0")/lib.sh"

test_expect_success 'init --template ucsd --lang he makes a repository with one commit' '
	convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site beersheva lit 2>err &&
	test_grep "Initialized initiative" err &&
	cd lit &&
	git fsck --strict &&
	test "$(git rev-list --count HEAD)" = 1 &&
	git log -1 --format=%an%n%ae%n%B > ../log &&
	test_grep "Dana Levi" ../log &&
	test_grep "dana@example.org" ../log &&
	test_grep "init: קריאה מוקדמת בנגב" ../log &&
	test_grep "Convene-Site: beersheva" ../log &&
	git ls-files > ../files &&
	printf ".gitattributes\ninitiative.yaml\nmeetings/001.yaml\nmeetings/002.yaml\nmeetings/003.yaml\n" > ../want &&
	test_cmp ../want ../files &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'init writes the merge driver, the attributes and the site' '
	init_lit && cd lit &&
	test "$(git config convene.site)" = beersheva &&
	test "$(git config merge.convene.name)" = "convene YAML merge" &&
	git config merge.convene.driver > driver &&
	test_grep "merge-file %O %A %B %P" driver &&
	echo "*.yaml merge=convene" > want &&
	test_cmp want .gitattributes &&
	git check-attr merge meetings/001.yaml > attr &&
	test_grep "merge: convene" attr
'

test_expect_success 'the ucsd meetings have the agenda ids of DESIGN 5, in Hebrew' '
	init_lit && cd lit &&
	for m in 001 002 003; do grep "^- id: " meetings/$m.yaml | sed "s/- id: //" | tr "\n" " "; echo; done > ids &&
	printf "%s\n" "opening why-here landscape framework vision-to-mission next-steps " \
		"opening principles common-agenda next-steps " \
		"opening review-agenda success-stories levers next-steps " > want &&
	test_cmp want ids &&
	grep -c "prompt: |" meetings/001.yaml > n && echo 6 > want && test_cmp want n &&
	test_grep "title: פתיחה" meetings/001.yaml &&
	test_grep "status: planned" meetings/003.yaml &&
	! grep -q "\\\\u05" meetings/*.yaml initiative.yaml
'

test_expect_success 'init --lang en writes the English template; validate is clean' '
	convene init --lang en --name "Early reading" --site haifa lit 2>/dev/null && cd lit &&
	test_grep "title: Opening" meetings/002.yaml &&
	test_grep "language: en" initiative.yaml &&
	convene validate 2>err &&
	test_grep "checked 4 files (1 initiative, 3 meetings): no problems" err
'

test_expect_success 'init --template blank writes initiative.yaml only' '
	convene init --template blank --lang en --name X --site s lit 2>/dev/null &&
	(cd lit && git ls-files) > files &&
	printf ".gitattributes\ninitiative.yaml\n" > want &&
	test_cmp want files
'

test_expect_success '--lang defaults from LANG' '
	LANG=he_IL.UTF-8 convene init --name X --site s a 2>/dev/null &&
	test_grep "language: he" a/initiative.yaml &&
	LANG=en_US.UTF-8 convene init --name X --site s b 2>/dev/null &&
	test_grep "language: en" b/initiative.yaml
'

test_expect_success 'init in the current empty folder, name from the folder' '
	mkdir literacy && cd literacy &&
	convene init --site s 2>/dev/null &&
	test_grep "name: literacy" initiative.yaml &&
	git log --oneline > log && test_grep "init: literacy" log
'

test_expect_success 'init refuses a non-empty folder and changes nothing in it' '
	mkdir full && echo keep > full/notes.txt &&
	test_expect_code 2 convene init --name X --site s full 2>err &&
	test_grep "is not empty" err &&
	test_grep "hint:" err &&
	ls -A full > list && echo notes.txt > want && test_cmp want list
'

test_expect_success 'init without a git identity says how to set it and writes nothing' '
	git config --global --unset user.name &&
	test_expect_code 2 convene init --name X --site s lit 2>err &&
	test_grep "user.name and user.email are not set" err &&
	test_grep "git config --global user.name" err &&
	test_grep "git config --global user.email" err &&
	test ! -e lit
'

test_expect_success 'init refuses bad arguments with exit 2' '
	test_expect_code 2 convene init --lang fr --name X --site s a 2>err &&
	test_grep "unknown language" err &&
	test_expect_code 2 convene init --template big --name X --site s b 2>err &&
	test_grep "unknown template" err &&
	test_expect_code 2 convene init --site "Beer Sheva" --name X c 2>err &&
	test_grep "must be an id" err &&
	test_expect_code 2 convene init --name X --site s d e 2>err &&
	test_expect_code 2 convene init --bogus 2>err &&
	test ! -e a && test ! -e b && test ! -e c && test ! -e d
'

test_done
