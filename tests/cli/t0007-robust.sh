#!/bin/sh
# Bad input, races and odd files: a clear error, the right exit code, and
# nothing lost or half-written (found by review, kept as tests).
. "$(dirname "$0")/lib.sh"

test_expect_success 'a value that is not UTF-8 is refused at once, not written' '
	init_lit && cd lit &&
	test_expect_code 2 convene set vision "$(printf "bad \\377 byte")" 2>../err &&
	test_grep "not UTF-8 text" ../err &&
	test_expect_code 2 convene set vision "$(printf "bell \\007")" 2>../err &&
	git diff --exit-code && test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'init refuses a name that is not UTF-8 text and makes nothing' '
	test_expect_code 2 convene init --site s --name "$(printf "N\\351")" t 2>err &&
	test_grep "UTF-8" err && test ! -e t &&
	test_expect_code 2 convene init --site s --name "$(printf "a\\001b")" t 2>err &&
	test ! -e t
'

test_expect_success 'a bad --yaml value is reported once, readably' '
	init_lit && cd lit &&
	test_expect_code 2 convene set --yaml vision "[a, b" 2>../err &&
	test "$(grep -c "is not YAML" ../err)" = 1
'

test_expect_success 'messages cut to length stay valid UTF-8' '
	init_lit && cd lit && mkdir members &&
	key=a$(printf "%0400d" 0 | sed "s/0/א/g") &&
	printf "id: x\\nname: X\\n%s: 1\\n" "$key" > members/x.yaml &&
	convene validate --json > ../out &&
	iconv -f UTF-8 -t UTF-8 ../out > /dev/null
'

test_expect_success 'a commit that lands during an edit is not undone: the edit is refused' '
	init_lit && cd lit &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	sed -i "s/^mission:.*/mission: from the other site/" initiative.yaml
	git commit -qam "other site"
	echo "my vision" > "$1"
	EOT
	chmod +x ../ed &&
	test_expect_code 4 env EDITOR=../ed convene set --edit vision 2>../err &&
	test_grep "changed while this edit was made" ../err &&
	git log -1 --format=%s > ../subject && echo "other site" > ../want && test_cmp ../want ../subject &&
	test_grep "mission: from the other site" initiative.yaml &&
	! grep -q "my vision" initiative.yaml
'

test_expect_success 'a file changed on disk during an edit is not overwritten' '
	init_lit && cd lit &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	echo "landscape: written by hand" >> initiative.yaml
	echo "my vision" > "$1"
	EOT
	chmod +x ../ed &&
	test_expect_code 4 env EDITOR=../ed convene set --edit vision 2>../err &&
	test_grep "changed on disk" ../err &&
	test_grep "landscape: written by hand" initiative.yaml &&
	test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'git busy (index.lock) refuses the edit with exit 4 and changes nothing' '
	init_lit && cd lit &&
	touch .git/index.lock &&
	test_expect_code 4 convene set vision x 2>../err &&
	test_grep "git is busy" ../err &&
	rm .git/index.lock &&
	git diff --exit-code && test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'fmt waits for the edit lock too' '
	init_lit && cd lit &&
	printf "name:  x\\nlanguage: he\\n" > initiative.yaml &&
	{ flock -o .git/convene.lock sleep 30 & } && pid=$! && sleep 0.3 &&
	test_expect_code 4 convene fmt 2>../err &&
	kill $pid &&
	test_grep "another convene is editing" ../err &&
	test_grep "name:  x" initiative.yaml
'

test_expect_success 'set --edit on a mapping reads it back as a mapping' '
	init_lit && cd lit &&
	convene set --yaml meetings/001.yaml:location "{address: here}" 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	sed -i "s/here/there/" "$1"
	EOT
	chmod +x ../ed &&
	EDITOR=../ed convene set --edit meetings/001.yaml:location 2>/dev/null &&
	convene get meetings/001.yaml:location.address > ../out &&
	echo there > ../want && test_cmp ../want ../out
'

test_expect_success 'a symbolic link in the layout is not followed' '
	init_lit && cd lit &&
	mkdir ../elsewhere && printf "id: x\\nname: X\\n" > ../elsewhere/x.yaml &&
	ln -s ../elsewhere members &&
	convene validate 2>/dev/null > ../out &&
	test_grep "members@:1:1: warning: convene does not follow symbolic links" ../out &&
	ln -s ../initiative.yaml meetings/009.yaml &&
	convene validate > ../out 2>/dev/null &&
	test_grep "meetings/009.yaml@" ../out &&
	test_expect_code 1 convene get members/x.yaml 2>../err &&
	test_grep "is a symbolic link" ../err
'

test_expect_success 'a folder named like a file is one warning, and the rest is checked' '
	init_lit && cd lit &&
	mkdir -p members/x.yaml &&
	printf "id: y\\nname: Y\\nrole: boss\\n" > members/y.yaml &&
	test_expect_code 1 convene validate > ../out 2>/dev/null &&
	test_grep "members/x.yaml/:1:1: warning" ../out &&
	test_grep "members/y.yaml:3:7: error" ../out
'

test_expect_success 'get --json writes only numbers JSON can read' '
	init_lit && cd lit && mkdir outcomes &&
	printf "id: o\\ntitle: t\\nindicators:\\n- id: i\\n  name: n\\n  baseline: 01.5\\n  target: -2.5e3\\n" > outcomes/o.yaml &&
	convene get --json outcomes/o.yaml:indicators[i] > ../out &&
	echo "{\"id\":\"i\",\"name\":\"n\",\"baseline\":1.5,\"target\":-2500.0}" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'no edit lands inside a conflict: it would vanish when resolved' '
	init_lit && cd lit &&
	convene member add "Dana" --id dana 2>/dev/null &&
	printf "number: 2\ntitle: t\nstatus: planned\nagenda:\n- !conflict\n  id: opening\n  base:\n  sides:\n  - from: a\n    value:\n      id: opening\n      title: A\n  - from: b\n    value:\n      id: opening\n      title: B\n" > meetings/002.yaml &&
	git add -A && git commit -qm conflict &&
	test_expect_code 1 convene note 2 opening "important" 2>../err &&
	test_grep "this agenda item is in an unresolved conflict" ../err &&
	test_expect_code 1 convene set "meetings/002.yaml:agenda[opening].title" x 2>../err &&
	test_grep "unresolved conflict" ../err &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'an empty or odd file is refused with its name, never a crash' '
	init_lit && cd lit && mkdir members &&
	: > members/e.yaml && git add -A && git commit -qm empty &&
	test_expect_code 1 convene member leave e 2>../err && test_grep "members/e.yaml:1:1: error: the file is empty" ../err &&
	printf -- "- x\n" > initiative.yaml &&
	test_expect_code 1 convene principle add "p" 2>../err && test_grep "does not hold a mapping" ../err &&
	git checkout -q initiative.yaml && printf "id: e\nname: E\n" > members/e.yaml &&
	touch interviews &&
	test_expect_code 5 convene interview add e --by e 2>../err &&
	test_grep "cannot open" ../err
'

test_expect_success 'a hook reads nothing from our input: notes keeps every line' '
	init_lit && cd lit &&
	printf "#!/bin/sh\nread line && echo \"hook ate: \$line\" >&2\nexit 0\n" > .git/hooks/pre-commit &&
	chmod +x .git/hooks/pre-commit &&
	printf "one\ntwo\nthree\n" | convene notes 1 2>../err &&
	test_grep "3 notes saved" ../err && ! grep -q "hook ate" ../err
'

test_expect_success 'edits are refused while a git merge is in progress, with what to do' '
	init_lit && cd lit &&
	git checkout -q -b other && convene set vision b 2>/dev/null &&
	git checkout -q main && convene set vision a 2>/dev/null &&
	test_expect_code 1 git -c merge.convene.driver=false merge other >/dev/null 2>&1 &&
	test -f .git/MERGE_HEAD &&
	test_expect_code 4 convene set mission m 2>../err &&
	test_grep "a git merge" ../err && test_grep "git merge --abort" ../err &&
	git merge --abort
'

test_done
