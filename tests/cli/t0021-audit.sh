#!/bin/sh
# The audit commands on a scripted history: edits at two sites (haifa,
# beersheva), a meeting-tied edit, a merge that records a conflict over
# the vision and its resolution; then history (text and JSON), show --at,
# diff in words, log filters and archive (against git archive).
. "$(dirname "$0")/lib.sh"

at() { CONVENE_NOW=$1; export CONVENE_NOW; }

# The story, in ./a (haifa) and ./b (beersheva) through ./hub.git.
story() {
	git init -q --bare hub.git &&
	at 2026-01-10T10:00:00+02:00 && convene init --template ucsd --lang en --name Literacy --site haifa a 2>/dev/null &&
	cd a && convene remote add hub ../hub.git 2>/dev/null && convene sync -q &&
	at 2026-02-01T18:00:00+02:00 && convene set vision "Every child reads." 2>/dev/null &&
	at 2026-02-01T18:30:00+02:00 && convene member add "Dana Levi" --id dana 2>/dev/null &&
	convene attend 1 dana 2>/dev/null &&
	at 2026-03-01T18:00:00+02:00 &&
	sed -i "s/^vision:.*/vision: Every child in the Negev reads by grade 3./" initiative.yaml &&
	convene commit -m "$(printf "vision, as agreed at meeting 2\n\nConvene-Meeting: 002")" 2>/dev/null &&
	convene sync -q && cd .. &&
	at 2026-03-02T09:00:00+02:00 && convene clone -q --site beersheva hub.git b 2>/dev/null &&
	cd a && at 2026-03-05T12:00:00+02:00 &&
	convene set vision "Every child in the Negev reads with joy by grade 3." 2>/dev/null && convene sync -q &&
	cd ../b && at 2026-03-06T12:00:00+03:00 &&
	convene set vision "כל ילד וכל משפחה בנגב קוראים עד כיתה ג." 2>/dev/null && convene sync -q 2>/dev/null &&
	at 2026-03-10T19:00:00+02:00 && convene resolve vision --side 2 2>/dev/null && convene sync -q &&
	cd ../a && at 2026-03-11T08:00:00+02:00 && convene sync -q && cd .. &&
	unset CONVENE_NOW
}

# The short id of the commit whose subject is $1 (in ./a).
id() {
	git -C a log --format="%h %s" | grep -F -- " $1" | head -1 | cut -c1-7
}

# The short id of the commit made at $1 (2026-03-05T12:00, in ./a).
id_at() {
	git -C a log --format="%h %ad" --date=format:%Y-%m-%dT%H:%M | grep -F -- " $1" | head -1 | cut -c1-7
}

test_expect_success 'history: every change of the vision, forks and the resolution, newest first' '
	story &&
	(cd a && convene history vision) > out &&
	cat > want <<-EOT &&
	2026-03-10 19:00 +0200  $(id_at 2026-03-10T19:00)  Dana Levi <dana@example.org>  @beersheva
	    resolve vision: took side 2 (Dana Levi <dana@example.org> beersheva 2026-03-06 $(id "set vision"))
	    resolved:
	      כל ילד וכל משפחה בנגב קוראים עד כיתה ג.

	2026-03-06 12:00 +0300  $(id "sync with origin")  Dana Levi <dana@example.org>  @beersheva
	    sync with origin: merge $(id_at 2026-03-05T12:00)  (a merge)
	    a conflict recorded; its sides:
	      !conflict
	      base: Every child in the Negev reads by grade 3.
	      sides:
	      - from: Dana Levi <dana@example.org> haifa 2026-03-05 $(id_at 2026-03-05T12:00)
	        value: Every child in the Negev reads with joy by grade 3.
	      - from: Dana Levi <dana@example.org> beersheva 2026-03-06 $(id "set vision")
	        value: כל ילד וכל משפחה בנגב קוראים עד כיתה ג.

	2026-03-06 12:00 +0300  $(id "set vision")  Dana Levi <dana@example.org>  @beersheva
	    set vision
	      [-Every child in the Negev reads by grade 3.-]{+כל ילד וכל משפחה בנגב קוראים עד כיתה ג.+}

	2026-03-05 12:00 +0200  $(id_at 2026-03-05T12:00)  Dana Levi <dana@example.org>  @haifa
	    set vision  (made concurrently, merged later)
	      Every child in the Negev reads {+with joy +}by grade 3.

	2026-03-01 18:00 +0200  $(id_at 2026-03-01T18:00)  Dana Levi <dana@example.org>  @haifa  meeting 002
	    vision, as agreed at meeting 2
	      Every child [-reads.-]{+in the Negev reads by grade 3.+}

	2026-02-01 18:00 +0200  $(id_at 2026-02-01T18:00)  Dana Levi <dana@example.org>  @haifa
	    set vision
	    set:
	      Every child reads.

	EOT
	test_cmp want out
'

test_expect_success 'history --json and --reverse; a whole file; a field never set' '
	story &&
	(cd a && convene history --json vision) > json &&
	cat > want.json <<-EOT &&
	[
	 {"commit":"$(id_at 2026-03-10T19:00)","date":"2026-03-10 19:00 +0200","author":"Dana Levi","email":"dana@example.org","site":"beersheva","meeting":null,"subject":"resolve vision: took side 2 (Dana Levi <dana@example.org> beersheva 2026-03-06 $(id "set vision"))","merge":false,"mainline":true,"conflict":false,"before":"!conflict\nbase: Every child in the Negev reads by grade 3.\nsides:\n- from: Dana Levi <dana@example.org> haifa 2026-03-05 $(id_at 2026-03-05T12:00)\n  value: Every child in the Negev reads with joy by grade 3.\n- from: Dana Levi <dana@example.org> beersheva 2026-03-06 $(id "set vision")\n  value: כל ילד וכל משפחה בנגב קוראים עד כיתה ג.\n","after":"כל ילד וכל משפחה בנגב קוראים עד כיתה ג."},
	 {"commit":"$(id "sync with origin")","date":"2026-03-06 12:00 +0300","author":"Dana Levi","email":"dana@example.org","site":"beersheva","meeting":null,"subject":"sync with origin: merge $(id_at 2026-03-05T12:00)","merge":true,"mainline":true,"conflict":true,"before":"כל ילד וכל משפחה בנגב קוראים עד כיתה ג.","after":"!conflict\nbase: Every child in the Negev reads by grade 3.\nsides:\n- from: Dana Levi <dana@example.org> haifa 2026-03-05 $(id_at 2026-03-05T12:00)\n  value: Every child in the Negev reads with joy by grade 3.\n- from: Dana Levi <dana@example.org> beersheva 2026-03-06 $(id "set vision")\n  value: כל ילד וכל משפחה בנגב קוראים עד כיתה ג.\n"},
	 {"commit":"$(id "set vision")","date":"2026-03-06 12:00 +0300","author":"Dana Levi","email":"dana@example.org","site":"beersheva","meeting":null,"subject":"set vision","merge":false,"mainline":true,"conflict":false,"before":"Every child in the Negev reads by grade 3.","after":"כל ילד וכל משפחה בנגב קוראים עד כיתה ג."},
	 {"commit":"$(id_at 2026-03-05T12:00)","date":"2026-03-05 12:00 +0200","author":"Dana Levi","email":"dana@example.org","site":"haifa","meeting":null,"subject":"set vision","merge":false,"mainline":false,"conflict":false,"before":"Every child in the Negev reads by grade 3.","after":"Every child in the Negev reads with joy by grade 3."},
	 {"commit":"$(id_at 2026-03-01T18:00)","date":"2026-03-01 18:00 +0200","author":"Dana Levi","email":"dana@example.org","site":"haifa","meeting":"002","subject":"vision, as agreed at meeting 2","merge":false,"mainline":true,"conflict":false,"before":"Every child reads.","after":"Every child in the Negev reads by grade 3."},
	 {"commit":"$(id_at 2026-02-01T18:00)","date":"2026-02-01 18:00 +0200","author":"Dana Levi","email":"dana@example.org","site":"haifa","meeting":null,"subject":"set vision","merge":false,"mainline":true,"conflict":false,"before":null,"after":"Every child reads."}
	]
	EOT
	test_cmp want.json json &&
	test_grep "\"subject\":\"vision, as agreed at meeting 2\",\"merge\":false,\"mainline\":true,\"conflict\":false,\"before\":\"Every child reads.\",\"after\":\"Every child in the Negev reads by grade 3.\"}" json &&
	test_grep "\"meeting\":\"002\"" json &&
	test_grep "\"merge\":true,\"mainline\":true,\"conflict\":true" json &&
	test $(grep -c "\"commit\"" json) = 6 &&
	(cd a && convene history --reverse vision) | head -1 > first &&
	test_grep "2026-02-01 18:00 +0200" first &&
	(cd a && convene history members/dana.yaml) > file &&
	test $(grep -c "^2026-" file) = 1 && test_grep "member added: Dana Levi (dana)" file &&
	(cd a && convene history meetings/001.yaml:attendees) > att &&
	test_grep "meeting 001: 1 attending" att && test_grep "      - dana" att &&
	(cd a && convene history mission 2>../err) > none && test_grep "never set" err &&
	(cd a && convene history "members/nobody.yaml:name" 2>../err2 >../none2) && test ! -s none2 && test_grep "never set" err2
'

test_expect_success 'history follows a file that git sees renamed' '
	story && cd a &&
	git mv members/dana.yaml members/dana-levi.yaml &&
	sed -i "s/^id: dana$/id: dana-levi/" members/dana-levi.yaml &&
	git add -A && git commit -qm "dana gets her full name as id" &&
	convene history members/dana-levi.yaml > ../h &&
	test $(grep -c "^20" ../h) = 2 &&
	test_grep "dana gets her full name as id" ../h &&
	test_grep "member added: Dana Levi (dana)" ../h &&
	test_grep "id: [-dana-]{+dana-levi+}" ../h
'

test_expect_success 'history follows a rename made after a commit that changed nothing' '
	story && cd a &&
	git commit -q --allow-empty -m "nothing" &&
	git mv members/dana.yaml members/dana-levi.yaml && git commit -qm "pure rename" &&
	convene history members/dana-levi.yaml > ../h &&
	test $(grep -c "^20" ../h) = 1 &&
	test_grep "member added: Dana Levi (dana)" ../h
'

test_expect_success 'history reads the same from git'"'"'s packs as from loose objects' '
	story && cd a &&
	convene history --json vision > ../loose && convene history --json members/dana.yaml >> ../loose &&
	git repack -adq && rm .git/objects/pack/*.idx &&
	git index-pack --index-version=2,0x40 .git/objects/pack/*.pack > /dev/null &&
	git fsck --no-dangling 2>/dev/null &&
	convene history --json vision > ../packed && convene history --json members/dana.yaml >> ../packed &&
	test_cmp ../loose ../packed
'

test_expect_success 'show --at: the value before and after each change' '
	story && cd a &&
	test_expect_code 1 convene show vision --at 2026-01-05 2>../err &&
	test_grep "did not exist yet on 2026-01-05" ../err &&
	convene show vision --at 2026-01-10 2>/dev/null > v0 && ! test -s v0 &&
	convene show vision --at 2026-02-01 2>../err > v1 && echo "Every child reads." > want && test_cmp want v1 &&
	test_grep "as of $(cd .. && id "meeting 001: 1 attending"), 2026-02-01 18:30 +0200 (Dana Levi @haifa)" ../err &&
	convene show vision --at 2026-02-28 2>/dev/null > v2 && test_cmp want v2 &&
	convene show vision --at 2026-03-01 2>/dev/null > v3 &&
	echo "Every child in the Negev reads by grade 3." > want && test_cmp want v3 &&
	convene show vision --at 2026-03-20 2>/dev/null > v4 &&
	echo "כל ילד וכל משפחה בנגב קוראים עד כיתה ג." > want && test_cmp want v4 &&
	convene show vision --at HEAD~1 2>/dev/null > v5 && test_grep "!conflict" v5 &&
	convene show --json vision --at 2026-02-01 2>/dev/null > j && echo "\"Every child reads.\"" > want && test_cmp want j &&
	convene show members/dana.yaml --at 2026-03-01 2>/dev/null > m && test_grep "name: Dana Levi" m &&
	test_expect_code 1 convene show members/dana.yaml --at 2026-01-20 2>../err &&
	test_grep "members/dana.yaml did not exist then" ../err &&
	test_expect_code 1 convene show vision --at no-such-rev 2>../err &&
	test_grep "neither a date (YYYY-MM-DD) nor a commit" ../err &&
	test_expect_code 2 convene show vision 2>/dev/null
'

test_expect_success 'diff: what changed, in words' '
	story && cd a &&
	convene diff 2026-01-10 2026-02-01 2>/dev/null > ../d1 &&
	printf "vision set\nmember added: Dana Levi (dana)\nmeeting 001: attendees changed\n" > ../want &&
	sort ../want > ../w && sort ../d1 > ../g && test_cmp ../w ../g &&
	convene diff 2026-02-01 2026-03-31 2>/dev/null > ../d2 && echo "vision changed" > ../want && test_cmp ../want ../d2 &&
	convene diff --json 2026-02-01 2026-03-31 2>/dev/null > ../j &&
	printf "[\n {\"file\":\"initiative.yaml\",\"change\":\"vision changed\"}\n]\n" > ../want && test_cmp ../want ../j &&
	convene note 2 principles "עיקרון ראשון" 2>/dev/null && convene note 2 principles "second" 2>/dev/null &&
	convene decide 2 principles "we decide" 2>/dev/null &&
	convene principle add "Every voice counts" 2>/dev/null &&
	convene diff HEAD~4 2>/dev/null > ../d3 &&
	printf "principles added: Every voice counts\n2 notes added to meeting 002\n1 decision added to meeting 002\n" > ../want &&
	test_cmp ../want ../d3 &&
	convene interview add dana --by dana --date 2026-03-20 2>/dev/null &&
	convene diff HEAD~1 2>/dev/null > ../d5 &&
	echo "interview added: with dana, by dana (dana-1)" > ../want && test_cmp ../want ../d5 &&
	sed -i "s/^name: .*/name: Literacy Negev/" initiative.yaml && echo "stray" > notes.txt &&
	convene diff 2>/dev/null > ../d4 && echo "name changed" > ../want && test_cmp ../want ../d4
'

test_expect_success 'diff: edits inside a meeting, files the layout does not name, long Hebrew' '
	story && cd a &&
	convene note 2 principles "first note" 2>/dev/null &&
	sed -i "s/first note/first note, corrected/" meetings/002.yaml &&
	convene diff 2>/dev/null > ../d1 && echo "1 note changed in meeting 002" > ../want &&
	test_cmp ../want ../d1 &&
	sed -i "s/^  title: Our principles$/  title: What we hold to/" meetings/002.yaml &&
	git commit -qam "edits by hand" &&
	convene diff HEAD~1 2>/dev/null > ../d2 &&
	printf "agenda item principles changed in meeting 002\n1 note changed in meeting 002\n" > ../want &&
	test_cmp ../want ../d2 &&
	echo "Who is who." > members/README.md && git add members && git commit -qm readme &&
	convene diff HEAD~1 2>/dev/null > ../d3 && echo "members/README.md added" > ../want &&
	test_cmp ../want ../d3 &&
	# cut for the message in the middle of a letter (2 + 14 * 13 + 11 bytes)
	convene principle add "ab$(printf "שוויון%.0s " $(seq 40))" 2>/dev/null &&
	convene diff HEAD~1 2>/dev/null > ../d4 && convene diff --json HEAD~1 2>/dev/null > ../d5 &&
	iconv -f UTF-8 -t UTF-8 ../d4 > /dev/null && iconv -f UTF-8 -t UTF-8 ../d5 > /dev/null &&
	grep -q "^principles added: abשוויון שוויון .* שוויו\.\.\.$" ../d4
'

test_expect_success 'log filters: meeting, site, author, since' '
	story && cd a &&
	convene log --meeting 2 > l && test $(wc -l < l) = 1 && test_grep "vision, as agreed at meeting 2" l &&
	convene log --meeting 001 > l && test_grep "meeting 001: 1 attending" l && test $(wc -l < l) = 1 &&
	convene log --site beersheva > l && test $(wc -l < l) = 3 &&
	! grep -q "@haifa" l &&
	convene log --since 2026-03-05 --site haifa > l && test $(wc -l < l) = 1 &&
	test_grep "2026-03-05 12:00  Dana Levi @haifa  set vision" l &&
	convene log --author nobody > l && ! test -s l &&
	convene log --author dana@example.org -n 2 > l && test $(wc -l < l) = 2 &&
	convene log --json --meeting 2 > j && test_grep "\"meeting\":\"002\"" j &&
	test_expect_code 2 convene log --since March 2>/dev/null &&
	test_expect_code 2 convene log --meeting x 2>/dev/null
'

test_expect_success 'what is not a day, a number or an option is refused, and says so' '
	story && cd a &&
	test_expect_code 2 convene show vision --at 2026-02-30 2>../err &&
	test_grep "2026-02-30 is not a day of the calendar" ../err &&
	test_expect_code 2 convene diff 2026-13-01 2>../err && test_grep "is not a day" ../err &&
	convene show vision --at 2028-02-29 > ../v 2>/dev/null &&
	test_expect_code 2 convene log --since 2026-02-30 2>../err && test_grep "YYYY-MM-DD" ../err &&
	test_expect_code 2 convene log -n 2x 2>../err && test_grep "-n takes a number" ../err &&
	test_expect_code 2 convene show vision --at 2>../err &&
	test_grep "convene: error: --at needs a value" ../err && ! grep -q "unknown option" ../err &&
	test_expect_code 2 convene log --bogus 2>../err &&
	test_grep "convene: error: unknown option --bogus" ../err &&
	test_expect_code 2 convene history --json=yes vision 2>../err &&
	test_grep "convene: error: --json takes no value" ../err &&
	convene log --meeting 002 > ../m2 && test $(wc -l < ../m2) -ge 1 &&
	convene log --meeting 1000 > ../m && ! test -s ../m &&
	git commit -q --allow-empty -m "meeting 1000: far ahead" &&
	convene log --meeting 1000 > ../m && test $(wc -l < ../m) = 1 &&
	convene log --meeting 100 > ../m && ! test -s ../m
'

test_expect_success 'a note on meeting 1000 is found by log --meeting 1000, not 100' '
	init_lit && cd lit &&
	printf "number: 1000\ntitle: far\nstatus: planned\nagenda:\n- id: opening\n  title: o\n" > meetings/1000.yaml &&
	printf "number: 100\ntitle: near\nstatus: planned\nagenda:\n- id: opening\n  title: o\n" > meetings/100.yaml &&
	git add -A && git commit -qm "two meetings by hand" &&
	convene note 1000 opening hello 2>../err &&
	test_grep "meeting 1000: note on opening" ../err &&
	convene log --meeting 1000 > ../m &&
	test $(wc -l < ../m) = 1 &&
	convene log --meeting 100 > ../m && ! test -s ../m
'

test_expect_success 'nothing committed yet; a history cut short' '
	git init -q empty && (cd empty && echo "name: Literacy" > initiative.yaml &&
	convene diff > ../d 2>/dev/null && echo "name set" > ../want && test_cmp ../want ../d &&
	test_expect_code 1 convene show vision --at HEAD 2>../err &&
	test_grep "nothing is committed yet" ../err &&
	test_expect_code 1 convene archive ../e.tar.gz 2>../err &&
	test_grep "nothing is committed yet" ../err && ! test -e ../e.tar.gz) &&
	story && git clone -q --depth 2 "file://$PWD/a" shallow &&
	(cd shallow && test_expect_code 5 convene log > ../out 2>../err &&
	test_grep "is the repository complete?" ../err &&
	test_expect_code 5 convene history vision > ../out 2>../err &&
	test_grep "cannot read a commit (is the repository complete? git fsck tells): object not found" ../err) &&
	(cd a && convene set mission "Read." 2>/dev/null && convene set mission "Read more." 2>/dev/null &&
	tree=$(git rev-parse HEAD~1^{tree}) &&
	rm .git/objects/$(echo $tree | cut -c1-2)/$(echo $tree | cut -c3-) &&
	test_expect_code 5 convene history vision > ../out 2>../err &&
	test_grep "cannot read a tree" ../err)
'

test_expect_success 'archive: tar xzf reads it, the same files as git archive, the same bytes twice' '
	story && cd a &&
	convene archive --at 2026-03-01 ../lit.tar.gz 2>../err &&
	test_grep "lit.tar.gz: 6 files as of $(cd .. && id "vision, as agreed")" ../err &&
	mkdir ../x ../g && tar xzf ../lit.tar.gz -C ../x &&
	git archive "$(cd .. && id "vision, as agreed")" | tar xf - -C ../g &&
	diff -r ../x ../g &&
	convene archive --at 2026-03-01 ../again.tar.gz 2>/dev/null && cmp ../lit.tar.gz ../again.tar.gz &&
	gzip -t ../lit.tar.gz &&
	convene archive --prefix literacy-2026-03-01 --at 2026-03-01 ../p.tar.gz 2>/dev/null &&
	tar tzf ../p.tar.gz > list && test_grep "literacy-2026-03-01/members/dana.yaml" list &&
	test_expect_code 1 convene archive --at 1999-01-01 ../old.tar.gz 2>/dev/null && ! test -e ../old.tar.gz &&
	test_expect_code 2 convene archive --prefix ../up --at HEAD ../bad.tar.gz 2>/dev/null
'

test_expect_success 'archive: names and links too long for ustar, standard output, where it cannot write' '
	story && cd a &&
	long=$(printf "a%.0s" $(seq 80)) && mkdir -p docs/$long/$long && echo a > docs/$long/$long/x.txt &&
	deep=$(printf "b%.0s" $(seq 150)) && mkdir -p docs/$deep && echo b > docs/$deep/$(printf "c%.0s" $(seq 120)) &&
	echo c > "docs/$(printf "פרוטוקול%.0s" $(seq 8)).txt" &&
	ln -s "$(printf "t%.0s" $(seq 130))/target" docs/far &&
	git add -A && git commit -qm "long names" &&
	convene archive --prefix lit/ --at HEAD ../long.tar.gz 2>/dev/null &&
	mkdir ../x ../g && tar xzf ../long.tar.gz -C ../x &&
	git archive --prefix lit/ HEAD | tar xf - -C ../g &&
	diff -r --no-dereference ../x ../g &&
	convene archive --at HEAD - 2>/dev/null | tar tzf - > ../list &&
	git archive HEAD | tar tf - > ../want && test_cmp ../want ../list &&
	test_expect_code 2 convene archive --at HEAD .. 2>../err && test_grep "is a folder" ../err &&
	test_expect_code 2 convene archive --at HEAD ../no/such.tar.gz 2>../err &&
	test_grep "the folder it goes in must exist" ../err &&
	! ls .. | grep -q "such" &&
	test_expect_code 2 convene archive --at 2026-02-30 ../bad.tar.gz 2>../err &&
	test_grep "2026-02-30 is not a day of the calendar" ../err && ! test -e ../bad.tar.gz
'

test_expect_success 'archive: names that are no UTF-8, and the end of every size is zeros' '
	git init -q raw && cd raw &&
	ln -s "$(printf "\200%.0s" $(seq 120))" link &&
	echo x > "$(printf "\277%.0s" $(seq 130))" &&
	git add -A && git commit -qm raw &&
	convene archive --at HEAD ../raw.tar.gz 2>/dev/null &&
	mkdir ../x ../g && tar xzf ../raw.tar.gz -C ../x && git archive HEAD | tar xf - -C ../g &&
	diff -r --no-dereference ../x ../g &&
	# the tar ends in zeros up to a 10240-byte record, whatever the size
	for k in $(seq 0 19); do
		head -c $((k * 512)) /dev/zero | tr "\0" x > pad && git add pad && git commit -qm "pad $k" &&
		convene archive --at HEAD ../p.tar.gz 2>/dev/null &&
		gzip -dc ../p.tar.gz > ../p.tar &&
		test $(($(wc -c < ../p.tar) % 10240)) = 0 &&
		test "$(tail -c 1024 ../p.tar | tr -d "\0" | wc -c)" = 0 || return 1
	done
'

test_done
