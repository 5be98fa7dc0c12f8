#!/bin/sh
# merge-file as git's merge driver: plain `git merge` between two sites
# uses it (init configured it) and merges notes that git's line merge
# could not; a real conflict is recorded as valid YAML.
. "$(dirname "$0")/lib.sh"

two_sites() {
	init_lit &&
	convene -C lit member add "דנה" --id dana 2>/dev/null &&
	cp -R lit haifa && git -C haifa config convene.site haifa
}

test_expect_success 'notes taken at two sites on one agenda item: git merge is clean' '
	two_sites &&
	(cd lit && CONVENE_NOW=2026-02-01T17:05:00+02:00 convene note 1 why-here "מבאר שבע" 2>/dev/null) &&
	(cd haifa && CONVENE_NOW=2026-02-01T17:07:00+02:00 convene note 1 why-here "from Haifa" 2>/dev/null) &&
	cd lit && git pull -q --no-rebase --no-edit ../haifa main 2>../err &&
	convene get meetings/001.yaml:agenda[why-here].notes > ../notes &&
	test_grep "text: מבאר שבע" ../notes && test_grep "text: from Haifa" ../notes &&
	test "$(grep -c "^- id:" ../notes)" = 2 &&
	convene validate 2>/dev/null && convene fmt --check &&
	git fsck --strict --no-dangling &&
	git log -1 --format=%p > ../parents && test "$(wc -w < ../parents)" = 2
'

test_expect_success 'without the driver, git line merge of the same change conflicts' '
	two_sites &&
	(cd lit && convene note 1 why-here "מבאר שבע" 2>/dev/null) &&
	(cd haifa && convene note 1 why-here "from Haifa" 2>/dev/null) &&
	cd lit && echo "*.yaml -merge" > .git/info/attributes &&
	git config --unset merge.convene.driver &&
	! git pull -q --no-rebase --no-edit ../haifa main >/dev/null 2>&1 &&
	git merge --abort
'

test_expect_success 'the vision changed at both sites: git merge records a !conflict, validate says so' '
	two_sites &&
	(cd lit && convene set vision "כל ילד קורא" 2>/dev/null) &&
	(cd haifa && convene set vision "every child reads" 2>/dev/null) &&
	cd lit && ! git pull -q --no-rebase --no-edit ../haifa main > ../out 2>&1 &&
	test_grep "vision: !conflict" initiative.yaml &&
	test_grep "value: כל ילד קורא" initiative.yaml &&
	test_grep "value: every child reads" initiative.yaml &&
	! grep -q "<<<<<<<" initiative.yaml &&
	test_expect_code 1 convene validate > ../v 2>/dev/null &&
	test_grep "initiative.yaml:5:9: error: unresolved conflict in '"'"'vision'"'"'" ../v
'

test_expect_success 'merge-file: exit codes, labels in from, a side that is not YAML' '
	printf "vision: a\\n" > base && printf "vision: b\\n" > ours && printf "vision: c\\n" > theirs &&
	test_expect_code 1 convene merge-file -L "Dana haifa" -L base -L "Avi beersheva" base ours theirs 2>err &&
	test_grep "from: Dana haifa" ours && test_grep "from: Avi beersheva" ours &&
	printf "vision: a\\nmission: m\\n" > base && printf "vision: b\\nmission: m\\n" > ours &&
	printf "vision: a\\nmission: x\\n" > theirs &&
	convene merge-file base ours theirs &&
	printf "vision: b\\nmission: x\\n" > want && test_cmp want ours &&
	printf "vision: [\\n" > ours &&
	test_expect_code 1 convene merge-file base ours theirs 2>err &&
	test_grep "cannot be merged as YAML" err && test_grep "<<<<<<< ours" ours &&
	test_expect_code 2 convene merge-file base ours 2>/dev/null &&
	test_expect_code 2 convene merge-file base ours missing 2>/dev/null
'

conflicted() {
	two_sites &&
	(cd lit && convene set vision "כל ילד קורא" 2>/dev/null &&
		convene note 1 why-here "a note" 2>/dev/null) &&
	(cd haifa && convene set vision "every child reads" 2>/dev/null) &&
	cd lit && test_expect_code 1 git pull -q --no-rebase --no-edit ../haifa main > /dev/null 2>&1 &&
	git add -A && git commit -qm "merge with a conflict"
}

test_expect_success 'conflicts lists each conflict with its field and numbered sides' '
	conflicted &&
	convene conflicts > ../out &&
	cat > ../want <<-\EOT &&
	initiative.yaml:5:9: vision
	  base:     (none)
	  side 1:   every child reads   (theirs)
	  side 2:   כל ילד קורא   (ours)
	1 conflict; settle each with: convene resolve FIELD --side N
	EOT
	test_cmp ../want ../out &&
	convene conflicts --json > ../out &&
	test_grep "\"field\":\"vision\"" ../out &&
	test_grep "{\"side\":2,\"from\":\"ours\",\"value\":\"כל ילד קורא\"}" ../out
'

test_expect_success 'resolve --side commits the chosen value; validate is clean again' '
	conflicted &&
	convene resolve vision --side 2 2>../err &&
	test_grep "resolve vision: took side 2 (ours)" ../err &&
	convene get vision > ../v && echo "כל ילד קורא" > ../want && test_cmp ../want ../v &&
	convene validate 2>/dev/null &&
	convene conflicts 2>../err > ../out && test ! -s ../out && test_grep "no conflicts" ../err &&
	git log -1 --format=%s > ../s && test_grep "resolve vision" ../s &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'resolve --value and --base; errors for a field with no conflict or a bad side' '
	conflicted &&
	cp initiative.yaml ../before &&
	test_expect_code 2 convene resolve vision --side 9 2>../err && test_grep "no side 9" ../err &&
	test_expect_code 2 convene resolve vision --side 2x 2>../err && test_grep "--side takes" ../err &&
	test_expect_code 1 convene resolve mission --side 1 2>../err && test_grep "no conflict at" ../err &&
	test_expect_code 2 convene resolve vision 2>/dev/null &&
	test_cmp ../before initiative.yaml &&
	convene resolve vision --value "חזון משותף" 2>/dev/null &&
	convene get vision > ../v && echo "חזון משותף" > ../want && test_cmp ../want ../v
'

# A note edited "here" and deleted "there", merged into a committed
# !conflict in place of the note; $id is the note's id.
note_conflict() {
	init_lit && cd lit &&
	convene note 1 opening "first" 2>/dev/null &&
	git show HEAD:meetings/001.yaml > ../base &&
	sed "s/text: first/text: first, edited/" ../base > ../ours &&
	sed "/^  - id: /,/^    text: first/d; s/^  notes:\$/  notes: []/" ../base > ../theirs &&
	test_expect_code 1 convene merge-file -L here -L base -L there ../base ../ours ../theirs 2>/dev/null &&
	cp ../ours meetings/001.yaml && git commit -qam "merged" &&
	id=$(sed -n "s/^    id: //p" meetings/001.yaml)
}

test_expect_success 'a note edited at one site and deleted at the other: resolve brings it back' '
	note_conflict &&
	convene conflicts > ../out &&
	test_grep "meetings/001.yaml:agenda[opening].notes[$id]" ../out &&
	test_grep "side 1:   (deleted)   (there)" ../out &&
	convene resolve "meetings/001.yaml:agenda[opening].notes[$id]" --side 2 2>/dev/null &&
	convene get "meetings/001.yaml:agenda[opening].notes[$id].text" > ../t &&
	echo "first, edited" > ../want && test_cmp ../want ../t &&
	convene validate 2>/dev/null
'

test_expect_success 'resolve with the deleting side removes the item' '
	note_conflict &&
	convene resolve "meetings/001.yaml:agenda[opening].notes[$id]" --side 1 2>../err &&
	test_grep "took side 1 (there), deleting it" ../err &&
	! grep -q "first" meetings/001.yaml && convene validate 2>/dev/null
'

test_expect_success 'merge-file keeps keys as written, comments through a line merge, big files untouched' '
	printf "\"007\": a\nx: 1\n" > base && printf "\"007\": a\nx: 2\ny: 1\n" > ours && printf "\"007\": a\nx: 1\nz: 1\n" > theirs &&
	convene merge-file base ours theirs && test_grep "\"007\": a" ours &&
	printf "a: 1\nb: 1\nc: 1\n" > base && printf "# ask Dana\na: 1\nb: 1\nc: 1\n" > ours && printf "a: 1\nb: 1\nc: 2\n" > theirs &&
	convene merge-file base ours theirs 2>err && test_grep "# ask Dana" ours && test_grep "c: 2" ours &&
	test_grep "holds comments" err &&
	{ printf "a: |\n"; yes "  line of text" | head -c 9000000; } > base && cp base big && cp base theirs &&
	test_expect_code 1 convene merge-file base big theirs 2>err && test_grep "larger than 8 MiB" err &&
	cmp base big
'

test_expect_success 'a whole file in conflict: resolve with the deleting side removes it' '
	init_lit && cd lit && mkdir members &&
	printf "!conflict\nbase:\n  id: g\n  name: G\nsides:\n- from: here\n- from: there\n  value:\n    id: g\n    name: G2\n" > members/g.yaml &&
	git add -A && git commit -qm conflict &&
	test_expect_code 1 convene member leave g 2>../err && test_grep "whole file is in conflict" ../err &&
	convene resolve members/g.yaml --side 1 2>../err &&
	test_grep "deleting the file" ../err &&
	test ! -e members/g.yaml && test -z "$(git status --porcelain)" &&
	git log -1 --stat --format= > ../stat && test_grep "members/g.yaml" ../stat &&
	convene validate 2>/dev/null
'

test_expect_success 'merge-file: what follows the files is a path, even one that starts with -' '
	printf "a: 1\nb: 1\n" > base &&
	printf "a: 2\nb: 1\n" > ours &&
	printf "a: 1\nb: 3\n" > theirs &&
	convene merge-file -L o -L b -L t base ours theirs -odd.yaml &&
	printf "a: 2\nb: 3\n" > want &&
	test_cmp want ours
'

test_done
