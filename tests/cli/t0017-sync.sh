#!/bin/sh
# sync and clone between three sites (a: haifa, b: beersheva, c: tlv),
# over a bare repository by path, git daemon and git http-backend behind
# lighttpd, both on 127.0.0.1 on free ports.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"
TESTS=$(cd "$(dirname "$0")" && pwd)

start_daemon || exit 1
start_http || exit 1

# The scenarios of issue 5, over one kind of remote: $1 names it, $2 is
# the URL prefix of the served repositories.
scenarios() {
	kind=$1 base=$2

	test_expect_success "$kind: notes taken at two sites at once all arrive everywhere" '
		new_bare notes-$kind && url="$base/notes-$kind.git" &&
		three_sites "$url" &&
		(cd a && convene note 1 opening "הערה מחיפה" 2>/dev/null && convene note 1 opening "second from haifa" 2>/dev/null) &&
		(cd b && convene note 1 opening "הערה מבאר שבע" 2>/dev/null) &&
		(cd a && convene sync -q) && (cd b && convene sync -q) &&
		(cd a && convene sync -q) && (cd c && convene sync -q) &&
		for site in a b c; do
			test_grep "הערה מחיפה" $site/meetings/001.yaml &&
			test_grep "second from haifa" $site/meetings/001.yaml &&
			test_grep "הערה מבאר שבע" $site/meetings/001.yaml || exit 1
		done &&
		cmp a/meetings/001.yaml b/meetings/001.yaml &&
		cmp a/meetings/001.yaml c/meetings/001.yaml &&
		(cd b && git log --format=%s -1 > ../subject && git log --format=%B -1 > ../body) &&
		test_grep "sync with origin: merge" subject &&
		test_grep "Convene-Site: beersheva" body &&
		(cd c && convene validate) &&
		converged "$url"
	'

	test_expect_success "$kind: the vision changed at two sites: a conflict, seen at c, resolved there" '
		new_bare vision-$kind && url="$base/vision-$kind.git" &&
		three_sites "$url" &&
		(cd a && convene set vision "כל ילד קורא עד כיתה ג" 2>/dev/null) &&
		(cd b && convene set vision "Every child reads by grade 3" 2>/dev/null) &&
		(cd a && convene sync -q) && (cd b && convene sync 2>../err) &&
		test_grep "initiative.yaml: 1 conflict recorded" err &&
		(cd c && convene sync -q) &&
		(cd c && convene conflicts) > list &&
		test_grep "כל ילד קורא עד כיתה ג" list &&
		test_grep "Every child reads by grade 3" list &&
		test_grep "haifa" list && test_grep "beersheva" list &&
		(cd c && test_expect_code 1 convene validate >/dev/null 2>&1) &&
		(cd c && convene resolve vision --side 1 2>/dev/null && convene sync -q) &&
		(cd a && convene sync -q) && (cd b && convene sync -q) &&
		for site in a b c; do
			(cd $site && convene validate >/dev/null 2>&1 && convene get vision) > got.$site || exit 1
		done &&
		cmp got.a got.b && cmp got.a got.c &&
		converged "$url"
	'

	test_expect_success "$kind: a member deleted at a and edited at b: nothing is lost" '
		new_bare member-$kind && url="$base/member-$kind.git" &&
		three_sites "$url" &&
		(cd a && convene member add "Yael Mizrahi" --id yael --org "עמותת אור" 2>/dev/null && convene sync -q) &&
		(cd b && convene sync -q) &&
		(cd a && git rm -q members/yael.yaml && convene commit -m "yael moved away" 2>/dev/null) &&
		(cd b && convene set members/yael.yaml:organization "ספריית באר שבע" 2>/dev/null) &&
		(cd a && convene sync -q) && (cd b && convene sync -q 2>../err) &&
		test_grep "ספריית באר שבע" b/members/yael.yaml &&
		head -1 b/members/yael.yaml > first && test_grep "!conflict" first &&
		(cd b && convene conflicts) > list && test_grep "members/yael.yaml" list &&
		(cd a && convene sync -q) && (cd c && convene sync -q) &&
		cmp b/members/yael.yaml a/members/yael.yaml &&
		cmp b/members/yael.yaml c/members/yael.yaml &&
		converged "$url"
	'
}

scenarios path "$SRV"
scenarios daemon "$DAEMON_URL"
scenarios http "$HTTP_URL"

test_expect_success 'sync with nothing to do says so and changes nothing' '
	new_bare idle && three_sites "$SRV/idle.git" &&
	(cd b && git rev-parse HEAD > ../before && convene sync 2>../err && git rev-parse HEAD > ../after) &&
	cmp before after && test_grep "in sync with origin" err
'

test_expect_success 'hand edits are committed first; invalid ones refuse the sync' '
	new_bare hand && three_sites "$SRV/hand.git" &&
	(cd a && sed -i "s/^name: .*/name: Literacy in the Negev/" initiative.yaml && convene sync -q) &&
	(cd c && convene sync -q) && test_grep "name: Literacy in the Negev" c/initiative.yaml &&
	(cd a && echo "bogus: [" >> initiative.yaml && git rev-parse HEAD > ../before &&
	 test_expect_code 1 convene sync 2>../err && git rev-parse HEAD > ../after) &&
	cmp before after && test_grep "initiative.yaml:" err &&
	test_grep "nothing was committed" err
'

test_expect_success 'remote unreachable: exit 3, commits kept and counted; the next sync sends them' '
	new_bare later && three_sites "$SRV/later.git" &&
	port=$(random_port) &&
	while git ls-remote "git://127.0.0.1:$port/x" >/dev/null 2>&1; do port=$(random_port); done &&
	(cd b && convene remote add down "git://127.0.0.1:$port/later.git" 2>/dev/null &&
	 convene note 1 opening "written offline" 2>/dev/null &&
	 convene note 1 opening "still offline" 2>/dev/null &&
	 test_expect_code 3 convene sync down 2>../err) &&
	test_grep "cannot reach git://127.0.0.1:$port/later.git" err &&
	test_grep "3 commits wait to be pushed to down" err &&
	(cd b && convene remote add usb /nonexistent/stick/later.git 2>/dev/null &&
	 test_expect_code 3 convene sync usb 2>../err2) &&
	test_grep "cannot reach /nonexistent/stick/later.git" err2 &&
	(cd b && convene remote add dns git://no-such-host.invalid/later.git 2>/dev/null &&
	 test_expect_code 3 convene sync dns 2>../err3) &&
	test_grep "cannot reach git://no-such-host.invalid/later.git" err3 &&
	(cd b && git log --format=%s > ../log) && test_grep "note on opening" log &&
	(cd b && convene sync origin -q) && (cd c && convene sync -q) &&
	test_grep "written offline" c/meetings/001.yaml &&
	test_grep "still offline" c/meetings/001.yaml &&
	(cd a && convene sync -q) && converged "$SRV/later.git"
'

refuse_pushes() {
	mkdir -p "$1/hooks" &&
	printf "#!/bin/sh\necho \"policy: the hub is read-only during the audit\" >&2\nexit 1\n" > "$1/hooks/pre-receive" &&
	chmod +x "$1/hooks/pre-receive"
}

for kind in daemon http; do
	if [ $kind = daemon ]; then base=$DAEMON_URL; else base=$HTTP_URL; fi
	test_expect_success "$kind: a push the server refuses: its reason, exit 4, nothing lost" '
		new_bare refuse-$kind && url="$base/refuse-$kind.git" &&
		three_sites "$url" &&
		refuse_pushes "$SRV/refuse-$kind.git" &&
		git -C "$SRV/refuse-$kind.git" rev-parse HEAD > before &&
		(cd a && convene note 1 opening "kept here" 2>/dev/null &&
		 test_expect_code 4 convene sync 2>../err) &&
		test_grep "refused the push" err &&
		test_grep "policy: the hub is read-only during the audit" err &&
		git -C "$SRV/refuse-$kind.git" rev-parse HEAD > after && cmp before after &&
		test_grep "kept here" a/meetings/001.yaml &&
		(cd a && git log -1 --format=%s) > last && test_grep "note on opening" last &&
		rm "$SRV/refuse-$kind.git/hooks/pre-receive" &&
		(cd a && convene sync -q) && (cd c && convene sync -q) &&
		test_grep "kept here" c/meetings/001.yaml &&
		(cd b && convene sync -q) && converged "$url"
	'
done

test_expect_success 'the remote moves while we merge: fetched and merged again' '
	new_bare race && three_sites "$SRV/race.git" &&
	(cd c && convene note 1 opening "from tlv" 2>/dev/null && convene sync -q) &&
	mkdir -p a/.git/hooks &&
	printf "#!/bin/sh\n[ -e ../raced ] && exit 0\ntouch ../raced\ncd ../b && convene note 1 opening \"from beersheva, racing\" 2>/dev/null && convene sync -q\n" > a/.git/hooks/pre-push &&
	chmod +x a/.git/hooks/pre-push &&
	(cd a && convene note 1 opening "from haifa" 2>/dev/null && convene sync 2>../err) &&
	test_grep "moved while we merged; fetching again" err &&
	(cd b && convene sync -q) && (cd c && convene sync -q) &&
	for site in a b c; do
		test_grep "from beersheva, racing" $site/meetings/001.yaml &&
		test_grep "from haifa" $site/meetings/001.yaml &&
		test_grep "from tlv" $site/meetings/001.yaml || exit 1
	done &&
	rm a/.git/hooks/pre-push && converged "$SRV/race.git"
'

test_expect_success 'a file that is not YAML changed at two sites: both versions kept, the sync goes on' '
	new_bare text && three_sites "$SRV/text.git" &&
	(cd a && echo "agenda printed for the hall" > README.txt && git add README.txt &&
	 convene commit -m "a readme" 2>/dev/null && convene sync -q) &&
	(cd b && convene sync -q) &&
	(cd a && echo "version a" > README.txt && convene note 1 opening "a note" 2>/dev/null &&
	 convene sync -q 2>/dev/null) &&
	(cd b && echo "version b" > README.txt && convene sync 2>../err) &&
	test_grep "README.txt changed at both sites: both versions are in it" err &&
	test_grep "a note" b/meetings/001.yaml &&
	test_grep "version a" b/README.txt && test_grep "version b" b/README.txt &&
	(cd b && convene note 1 opening "during the conflict" 2>/dev/null) &&
	(cd b && echo "version a and b" > README.txt && convene commit -m "README settled" 2>/dev/null &&
	 convene sync -q) &&
	(cd a && convene sync -q) && (cd c && convene sync -q) &&
	test_grep "version a and b" c/README.txt &&
	test_grep "during the conflict" c/meetings/001.yaml &&
	converged "$SRV/text.git"
'

test_expect_success 'a sync killed while it writes the merged files: the next one finishes it, nothing lost' '
	new_bare crash && three_sites "$SRV/crash.git" &&
	cc -shared -fPIC -o die.so "$TESTS/die.c" -ldl &&
	(cd a && convene note 1 opening "a: one" 2>/dev/null && convene note 2 opening "a: two" 2>/dev/null &&
	 convene set vision "from a" 2>/dev/null && convene sync -q) &&
	(cd b && convene note 3 opening "b: three" 2>/dev/null &&
	 { DIE_AT=meetings/002.yaml LD_PRELOAD=$PWD/../die.so ASAN_OPTIONS=verify_asan_link_order=0 \
	   convene sync -q 2>/dev/null; echo $? > ../killed; }) &&
	echo 137 > want && test_cmp want killed &&
	! test -e b/.git/MERGE_HEAD &&
	(cd b && convene sync 2>../err) && test_grep "finished the merge" err &&
	(cd b && git log -1 --format=%s) > last && test_grep "sync with origin: merge" last &&
	(cd a && convene sync -q) && (cd c && convene sync -q) &&
	for site in a b c; do
		test_grep "a: one" $site/meetings/001.yaml && test_grep "a: two" $site/meetings/002.yaml &&
		test_grep "b: three" $site/meetings/003.yaml && test_grep "vision: from a" $site/initiative.yaml || exit 1
	done &&
	converged "$SRV/crash.git"
'

test_expect_success 'a file renamed at one site and deleted at the other; unrelated histories refused' '
	new_bare moved && three_sites "$SRV/moved.git" &&
	(cd a && sed "s/^number: 3$/number: 4/" meetings/003.yaml > meetings/004.yaml && git rm -q meetings/003.yaml &&
	 convene commit -m "meeting 3 becomes 4" 2>/dev/null && convene sync -q) &&
	(cd b && git rm -q meetings/003.yaml && convene commit -m "meeting 3 cancelled" 2>/dev/null &&
	 convene sync -q) &&
	test -f b/meetings/004.yaml && ! test -e b/meetings/003.yaml &&
	(cd a && convene sync -q) && (cd c && convene sync -q) && converged "$SRV/moved.git" &&
	convene init --template blank --site x other 2>/dev/null &&
	(cd b && convene remote add other ../other 2>/dev/null && git rev-parse HEAD > ../before &&
	 test_expect_code 4 convene sync other 2>../err && git rev-parse HEAD > ../after) &&
	test_grep "shares no history with this initiative" err && cmp before after
'

test_expect_success 'hooks: post-merge, pre-push (refuses), post-sync, with git arguments' '
	new_bare hooks && three_sites "$SRV/hooks.git" &&
	(cd a && convene note 1 opening "one" 2>/dev/null && convene sync -q) &&
	mkdir -p b/.git/hooks &&
	printf "#!/bin/sh\necho \"post-merge \$*\" >> ../hooks.log\n" > b/.git/hooks/post-merge &&
	printf "#!/bin/sh\necho \"pre-push \$*\" >> ../hooks.log\ncat >> ../hooks.log\nexit 1\n" > b/.git/hooks/pre-push &&
	printf "#!/bin/sh\necho \"post-sync \$*\" >> ../hooks.log\n" > b/.git/hooks/post-sync &&
	chmod +x b/.git/hooks/* &&
	(cd b && convene note 1 opening "two" 2>/dev/null &&
	 test_expect_code 4 convene sync 2>../err) &&
	test_grep "pre-push hook refused" err &&
	test_grep "post-merge 0" hooks.log &&
	test_grep "pre-push origin $SRV/hooks.git" hooks.log &&
	test_grep "refs/heads/main $(git -C b rev-parse HEAD) refs/heads/main $(git -C a rev-parse HEAD)" hooks.log &&
	! grep -q post-sync hooks.log &&
	rm b/.git/hooks/pre-push && (cd b && convene sync -q) &&
	test_grep "post-sync origin" hooks.log
'

test_expect_success 'clone: site and merge driver set; errors for a bad URL or a busy folder' '
	new_bare cl && three_sites "$SRV/cl.git" &&
	test "$(git -C b config convene.site)" = beersheva &&
	git -C b config merge.convene.driver > driver && test_grep "merge-file %O %A %B %P" driver &&
	convene clone -q "$SRV/cl.git" 2>/dev/null && test -f cl/initiative.yaml &&
	test_expect_code 2 convene clone "$SRV/cl.git" b 2>err && test_grep "not empty" err &&
	test_expect_code 3 convene clone "$SRV/none.git" none 2>err && test_grep "cannot reach" err &&
	! test -e none
'

test_expect_success 'status: to push, to fetch, last synced, conflicts; text and JSON' '
	new_bare st && three_sites "$SRV/st.git" &&
	(cd b && CONVENE_NOW=2026-03-01T10:00:00+02:00 convene sync -q) &&
	(cd a && convene note 1 opening "from haifa" 2>/dev/null && convene sync -q) &&
	(cd b && convene note 1 opening "one" 2>/dev/null && convene note 1 opening "two" 2>/dev/null &&
	 git fetch -q origin && convene status) > out &&
	test_grep "remotes:" out &&
	test_grep "  origin     2 to push, 1 to fetch (as of the last sync); last synced 2026-03-01T10:00:00+02:00" out &&
	(cd b && convene remote add usb ../nowhere.git 2>/dev/null && convene status --json) > json &&
	test_grep "{\"name\":\"origin\",\"url\":\"$SRV/st.git\",\"ahead\":2,\"behind\":1,\"synced\":\"2026-03-01T10:00:00+02:00\"}" json &&
	test_grep "{\"name\":\"usb\",\"url\":\"../nowhere.git\",\"ahead\":3,\"behind\":null,\"synced\":null}" json &&
	test_grep "\"conflicts\":0" json &&
	(cd a && convene set vision "A" 2>/dev/null && convene sync -q) &&
	(cd b && convene set vision "B" 2>/dev/null && convene sync -q origin 2>/dev/null && test_expect_code 1 convene status) > out2 &&
	test_grep "conflicts:  1 unresolved" out2
'

test_expect_success 'sync errors: no remote, several remotes, an unknown one' '
	init_lit && cd lit &&
	test_expect_code 2 convene sync 2>../err && test_grep "no remote to sync with" ../err &&
	convene remote add one ../x.git 2>/dev/null && convene remote add two ../y.git 2>/dev/null &&
	test_expect_code 2 convene sync 2>../err && test_grep "there are 2 remotes; which one?" ../err &&
	test_expect_code 2 convene sync three 2>../err && test_grep "no remote named" ../err &&
	test_expect_code 2 convene sync --bogus 2>/dev/null
'

test_done
