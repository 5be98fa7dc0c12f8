#!/bin/sh
# Bundles: two sites with no shared remote and no network carry history
# on a file; git's own bundle tools read ours, and we read git's.
. "$(dirname "$0")/lib.sh"

# a (haifa) starts; b (beersheva) joins from a's whole-history bundle.
two_sites() {
	convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site haifa a 2>/dev/null &&
	(cd a && convene bundle create ../all.bundle 2>/dev/null) &&
	convene clone -q --site beersheva all.bundle b 2>/dev/null
}

test_expect_success 'bundle round trip between two sites with no remote' '
	two_sites &&
	(cd a && git bundle verify ../all.bundle) >verify 2>&1 && test_grep "is okay" verify &&
	test_grep "records a complete history" verify &&
	(cd b && convene validate >/dev/null 2>&1 && git config convene.site) > site &&
	echo beersheva > want && test_cmp want site &&
	(cd a && convene note 1 opening "נכתב בחיפה" 2>/dev/null) &&
	(cd b && convene note 1 opening "נכתב בבאר שבע" 2>/dev/null &&
	 convene bundle create ../to-haifa.bundle 2>../err) &&
	test_grep "to-haifa.bundle: 2 commits, the whole history" err &&
	(cd a && convene sync ../to-haifa.bundle 2>../err) &&
	test_grep "merged" err &&
	(cd a && convene bundle create --for beersheva ../to-beersheva.bundle 2>../err) &&
	test_grep "what beersheva lacks" err &&
	(cd a && git bundle verify ../to-beersheva.bundle) >verify 2>&1 && test_grep "is okay" verify &&
	test_grep "The bundle requires this ref" verify &&
	(cd b && git bundle verify ../to-beersheva.bundle >/dev/null 2>&1) &&
	(cd b && convene sync ../to-beersheva.bundle 2>../err) &&
	test_grep "fast-forward" err &&
	cmp a/meetings/001.yaml b/meetings/001.yaml &&
	test_grep "נכתב בחיפה" b/meetings/001.yaml &&
	test_grep "נכתב בבאר שבע" b/meetings/001.yaml &&
	test "$(git -C a rev-parse HEAD)" = "$(git -C b rev-parse HEAD)" &&
	git -C a fsck --no-progress --no-dangling 2>&1 | { ! grep -v "^notice"; } &&
	git -C b fsck --no-progress --no-dangling 2>&1 | { ! grep -v "^notice"; } &&
	(cd b && test_expect_code 1 convene bundle create --for haifa ../again.bundle 2>../err) &&
	test_grep "nothing to bundle: haifa has every commit" err && ! test -e again.bundle
'

test_expect_success 'git clone reads our bundle; we read a git bundle create file' '
	two_sites &&
	git clone -q all.bundle plain && diff -r -x .git plain a &&
	(cd plain && git config user.name "Avi Cohen" &&
	 sed -i "s/^name: .*/name: Literacy, by git/" initiative.yaml &&
	 git commit -qam "a hand edit, by git" && git bundle create -q ../git.bundle --all) &&
	(cd b && convene sync ../git.bundle 2>/dev/null) &&
	test_grep "name: Literacy, by git" b/initiative.yaml
'

test_expect_success 'bad bundles: missing prerequisites, not a bundle, a broken pack; nothing changes' '
	two_sites &&
	(cd a && convene note 1 opening "one" 2>/dev/null && convene sync ../all.bundle >/dev/null 2>&1;
	 convene bundle create ../whole.bundle 2>/dev/null) &&
	(cd b && convene note 1 opening "two" 2>/dev/null && convene bundle create ../b.bundle 2>/dev/null) &&
	(cd a && convene sync ../b.bundle 2>/dev/null && convene note 1 opening "three" 2>/dev/null &&
	 convene bundle create --for beersheva ../thin.bundle 2>/dev/null) &&
	convene init --template blank --site tlv c 2>/dev/null &&
	git -C c rev-parse HEAD > before &&
	(cd c && test_expect_code 1 convene sync ../thin.bundle 2>../err) &&
	test_grep "builds on 1 commit this initiative does not have" err &&
	test_grep "convene bundle create FILE (without --for)" err &&
	printf "hello\n" > c/not.bundle &&
	(cd c && test_expect_code 1 convene sync not.bundle 2>../err) &&
	test_grep "is not a git bundle" err &&
	head -c 400 whole.bundle > cut.bundle &&
	(cd c && test_expect_code 1 convene sync ../cut.bundle 2>../err) &&
	test_grep "broken" err &&
	git -C c rev-parse HEAD > after && cmp before after &&
	(cd c && test_expect_code 2 convene sync ../nowhere.bundle 2>../err) &&
	test_grep "cannot open" err
'

test_expect_success 'a bundle with a hole, a filtered bundle, another initiative: refused, nothing changed' '
	two_sites &&
	(cd a && convene member add "Yael Mizrahi" --id yael 2>/dev/null && convene note 1 opening "one" 2>/dev/null) &&
	(cd a && base=$(git rev-parse HEAD~2) && tip=$(git rev-parse HEAD) &&
	 printf "# v2 git bundle\n-%s x\n%s refs/heads/main\n\n" $base $tip > ../hole.bundle &&
	 git rev-list --objects $base..$tip | grep -v members/yael.yaml | cut -d" " -f1 |
	 git pack-objects --stdout >> ../hole.bundle &&
	 printf "# v3 git bundle\n@object-format=sha1\n@filter=blob:none\n%s refs/heads/main\n\n" $tip > ../filtered.bundle &&
	 git rev-list --objects $tip | cut -d" " -f1 | git pack-objects --stdout >> ../filtered.bundle) &&
	git -C b rev-parse HEAD > before &&
	(cd b && test_expect_code 1 convene sync ../hole.bundle 2>../err) &&
	test_grep "is incomplete" err &&
	(cd b && test_expect_code 1 convene sync ../filtered.bundle 2>../err) &&
	test_grep "filtered.bundle:3:1: error:" err && test_grep "needs '\''filter=blob:none'\''" err &&
	convene init --template blank --site x other 2>/dev/null &&
	(cd other && convene bundle create ../other.bundle 2>/dev/null) &&
	(cd b && test_expect_code 4 convene sync ../other.bundle 2>../err) &&
	test_grep "shares no history" err &&
	git -C b rev-parse HEAD > after && cmp before after &&
	(cd b && git status --porcelain) > st && ! test -s st &&
	(cd a && convene bundle create ../good.bundle 2>/dev/null) && (cd b && convene sync -q ../good.bundle) &&
	test_grep "one" b/meetings/001.yaml && test -f b/members/yael.yaml
'

test_expect_success 'bundle create commits hand edits first' '
	two_sites &&
	(cd a && sed -i "s/^name: .*/name: Carried by hand/" initiative.yaml &&
	 convene bundle create ../hand.bundle 2>../err) &&
	test_grep "hand edits: initiative.yaml" err &&
	(cd b && convene sync -q ../hand.bundle) && test_grep "name: Carried by hand" b/initiative.yaml
'

test_done
