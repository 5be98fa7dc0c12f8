#!/bin/sh
# Confidential interviews (DESIGN §7): readers add|rm|list, interview add
# --confidential and seal, what a reader and anyone else see, validate.
# Keys are made with Debian's age-keygen; the user of each test (its HOME)
# is dana, a reader once added; yossi's key is in ../yh (run as him with
# XDG_CONFIG_HOME=$YH).
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

# dana (this user's key), yossi (his own key), rina (no key)
setup() {
	init_lit && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	convene member add Yossi --id yossi 2>/dev/null &&
	convene member add Rina --id rina 2>/dev/null &&
	mkdir -p "$XDG_CONFIG_HOME/convene" ../yh/convene &&
	age-keygen -o "$XDG_CONFIG_HOME/convene/identity" 2>/dev/null &&
	age-keygen -o ../yh/convene/identity 2>/dev/null &&
	YH=$(cd ../yh && pwd) &&
	mkdir ../tmp && TMPDIR=$(cd ../tmp && pwd) && export TMPDIR &&
	convene set members/dana.yaml:age "$(age-keygen -y "$XDG_CONFIG_HOME/convene/identity")" 2>/dev/null &&
	convene set members/yossi.yaml:age "$(age-keygen -y "$YH/convene/identity")" 2>/dev/null
}

# Every object of the repository, the work tree and the temporary folder
# convene ran with searched for a word: fails when it is found anywhere.
nowhere() {
	! git cat-file --batch-all-objects --batch | grep -a -q -- "$1" &&
	! grep -r -a -q --exclude-dir=.git -- "$1" . &&
	! grep -r -a -q -- "$1" "$TMPDIR"
}

test_expect_success 'readers add refuses a member with no age: key and an unknown member' '
	setup &&
	convene readers list > ../out && test_grep "no readers" ../out &&
	test_expect_code 1 convene readers add rina 2>../err &&
	test_grep "member '"'"'rina'"'"' has no age: key in members/rina.yaml" ../err &&
	test_expect_code 1 convene readers add dnaa 2>../err &&
	test_grep "unknown member '"'"'dnaa'"'"'; did you mean '"'"'dana'"'"'?" ../err &&
	test_expect_code 2 convene readers add 2>/dev/null &&
	test -z "$(git status --porcelain)" && ! grep -q readers initiative.yaml &&
	convene readers add dana 2>../err && test_grep "readers: add dana" ../err &&
	convene readers list > ../out &&
	printf "dana            %s\n" "$(convene get members/dana.yaml:age)" > ../want && test_cmp ../want ../out &&
	convene readers list --json > ../out &&
	test_grep "{\"id\":\"dana\",\"age\":\"age1" ../out &&
	test -z "$(git status --porcelain)" && convene validate 2>/dev/null
'

test_expect_success 'interview add --confidential with no readers writes nothing (exit 2)' '
	setup && head=$(git rev-parse HEAD) &&
	test_expect_code 2 convene interview add rina --by dana --confidential --answer motivation=hush-word 2>../err &&
	test_grep "convene readers add MEMBER... first" ../err &&
	test ! -e interviews/rina-1.yaml && test "$(git rev-parse HEAD)" = "$head" &&
	test -z "$(git status --porcelain)" && nowhere hush-word
'

test_expect_success 'interview add --confidential seals every answer and the notes: ciphertext only, anywhere' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation="the hush-word" \
		--answer strengths="$(printf "two\nlines")" --notes "quiet-notes" 2>/dev/null &&
	nowhere hush-word && nowhere quiet-notes &&
	test "$(grep -c "!secret |" interviews/rina-1.yaml)" = 3 &&
	convene get interviews/rina-1.yaml:sealed_for > ../out &&
	convene get members/dana.yaml:age > ../want && test_grep "$(cat ../want)" ../out &&
	convene validate 2>/dev/null &&
	sed -n "/^  motivation: !secret/,/END AGE/p" interviews/rina-1.yaml | sed "1d; s/^    //" > ../value.age &&
	age -d -i "$XDG_CONFIG_HOME/convene/identity" ../value.age > ../plain &&
	printf "convene:interviews/rina-1.yaml:answers.motivation\nthe hush-word" > ../want &&
	test_cmp ../want ../plain
'

test_expect_success 'a reader sees the text, marked confidential; anyone else who can read it' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word --notes quiet-notes 2>/dev/null &&
	convene interview add yossi --by dana --answer motivation=open-word 2>/dev/null &&
	convene interview show rina-1 > ../out &&
	test_grep "# confidential — opened with your key, not for the group; readable by dana" ../out &&
	test_grep "  motivation: hush-word" ../out && test_grep "notes: quiet-notes" ../out &&
	convene interview summary > ../out &&
	cat > ../want <<-\EOT &&
	מה מושך אותך לקבוצת העבודה הזו, ולמה חשוב לך לקחת בה חלק?
	(motivation, 2 answers)
	  rina: hush-word
	    (confidential)
	  yossi: open-word
	EOT
	test_cmp ../want ../out &&
	convene interview summary --json > ../out &&
	test_grep "{\"member\":\"rina\",\"text\":\"hush-word\",\"confidential\":true}" ../out &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 > ../out &&
	test_grep "  motivation: confidential — readable by dana" ../out && ! grep -q hush-word ../out &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 --json > ../out && ! grep -q hush-word ../out &&
	test_grep "\"motivation\":\"confidential — readable by dana\"" ../out &&
	XDG_CONFIG_HOME=$YH convene interview summary > ../out && ! grep -q hush-word ../out &&
	test_grep "(1 confidential interview not shown: confidential — readable by dana)" ../out &&
	XDG_CONFIG_HOME=$YH convene interview summary --json > ../out && ! grep -q hush-word ../out &&
	test_grep "\"confidential\":1,\"confidential_shown\":0,\"readable_by\":\"dana\"" ../out &&
	XDG_CONFIG_HOME=/nonexistent convene interview show rina-1 > ../out 2>../err && ! grep -q hush-word ../out ../err &&
	convene interview list > ../out && test_grep "(confidential)" ../out &&
	convene interview list --json > ../out &&
	test_grep "\"id\":\"rina-1\",\"member\":\"rina\",\"interviewer\":\"dana\",\"date\":\"2026-02-01\",\"status\":\"done\",\"confidential\":true}" ../out &&
	test_grep "\"id\":\"yossi-1\",\"member\":\"yossi\",\"interviewer\":\"dana\",\"date\":\"2026-02-01\",\"status\":\"done\"}" ../out
'

test_expect_success 'readers add and rm seal every value anew in one commit; rm says old commits stay readable' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word 2>/dev/null &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 > ../out && ! grep -q hush-word ../out &&
	cp interviews/rina-1.yaml ../before &&
	convene readers add yossi 2>../err && test_grep "sealed 1 confidential value anew for 2 readers" ../err &&
	git show --stat --format=%s HEAD > ../out && test_grep "readers: add yossi" ../out &&
	test_grep "initiative.yaml" ../out && test_grep "interviews/rina-1.yaml" ../out &&
	! cmp -s ../before interviews/rina-1.yaml &&
	test "$(convene get --json interviews/rina-1.yaml:sealed_for | grep -o age1 | wc -l)" = 2 &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 > ../out && test_grep "motivation: hush-word" ../out &&
	convene readers rm yossi 2>../err &&
	test_grep "earlier commits stay readable to them" ../err &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 > ../out && ! grep -q hush-word ../out &&
	convene interview show rina-1 > ../out && test_grep "motivation: hush-word" ../out &&
	test_expect_code 1 convene readers rm dana 2>../err && test_grep "leave no reader" ../err &&
	test_expect_code 1 convene readers rm rina 2>../err && test_grep "not a reader" ../err &&
	test -z "$(git status --porcelain)" && convene validate 2>/dev/null && nowhere hush-word &&
	convene history interviews/rina-1.yaml:answers.motivation > ../out &&
	test "$(grep -c "sealed anew, the text unchanged" ../out)" = 2 && test_grep "      hush-word" ../out &&
	XDG_CONFIG_HOME=/nonexistent convene history interviews/rina-1.yaml:answers.motivation > ../out &&
	! grep -q -e hush-word -e "sealed anew" ../out && test_grep "confidential — readable by dana" ../out
'

test_expect_success 'a non-reader cannot change the readers: nothing changes' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word 2>/dev/null &&
	head=$(git rev-parse HEAD) &&
	test_expect_code 1 env XDG_CONFIG_HOME="$YH" convene readers add yossi 2>../err &&
	test_grep "interviews/rina-1.yaml:" ../err && test_grep "answers.motivation: not readable with your key" ../err &&
	! grep -q hush-word ../err &&
	test_expect_code 1 env XDG_CONFIG_HOME=/nonexistent convene readers add yossi 2>../err &&
	test_grep "convene key new" ../err &&
	test "$(git rev-parse HEAD)" = "$head" && test -z "$(git status --porcelain)"
'

test_expect_success 'interview seal turns a plain interview confidential and says what history keeps' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --answer motivation=said-aloud 2>/dev/null &&
	convene interview seal rina-1 2>../err &&
	test_grep "the earlier commits still hold interviews/rina-1.yaml in plain text" ../err &&
	test_grep "git filter-repo" ../err &&
	! grep -q said-aloud interviews/rina-1.yaml && test_grep "confidential: true" interviews/rina-1.yaml &&
	git show HEAD~1:interviews/rina-1.yaml > ../old && test_grep said-aloud ../old &&
	convene interview show rina-1 > ../out && test_grep "motivation: said-aloud" ../out &&
	convene interview seal rina-1 2>../err && test_grep "nothing to change" ../err
'

test_expect_success 'validate: plain text in a confidential interview is an error; another set of keys a warning' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word 2>/dev/null &&
	cp interviews/rina-1.yaml ../sealed &&
	sed -i "s/^answers:/answers:\n  strengths: plain-text/" interviews/rina-1.yaml &&
	test_expect_code 1 convene validate 2>../err >../out &&
	cat ../out ../err > ../all &&
	test_grep "interviews/rina-1.yaml:6:14: error: the answer to '"'"'strengths'"'"' of a confidential interview is not sealed" ../all &&
	test_grep "convene interview seal rina-1 seals it" ../all &&
	cp ../sealed interviews/rina-1.yaml &&
	convene set members/dana.yaml:age "$(convene get members/yossi.yaml:age)" 2>/dev/null &&
	convene validate > ../out 2>&1 &&
	test_grep "warning: the values are sealed for other recipients than the current readers" ../out &&
	test_grep "convene readers add/rm" ../out &&
	convene interview seal rina-1 2>../err && test_grep "sealed anew for the readers" ../err &&
	convene validate > ../out 2>&1 && ! grep -q warning ../out &&
	XDG_CONFIG_HOME=$YH convene interview show rina-1 > ../out && test_grep "motivation: hush-word" ../out &&
	convene interview seal rina-1 2>../err && test_grep "nothing to change" ../err
'

test_expect_success 'a tampered, truncated or moved value is refused for that value, with file:line:col' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word --answer strengths=strong-word 2>/dev/null &&
	line=$(grep -n "^  motivation: !secret" interviews/rina-1.yaml | cut -d: -f1) &&
	end=$(awk -v l="$line" "NR > l && /END AGE/ { print NR; exit }" interviews/rina-1.yaml) &&
	last=$((end - 1)) &&
	sed "${last}s/^    A/    B/; t; ${last}s/^    ./    A/" interviews/rina-1.yaml > ../t && cp ../t interviews/rina-1.yaml &&
	! git diff --quiet &&
	convene interview show rina-1 > ../out 2>../err &&
	test_grep "interviews/rina-1.yaml:$line:15: error: answers.motivation: authentication failed" ../err &&
	test_grep "strengths: strong-word" ../out && ! grep -q hush-word ../out &&
	git checkout -q interviews/rina-1.yaml &&
	sed "$((end - 2))d" interviews/rina-1.yaml > ../t && cp ../t interviews/rina-1.yaml &&
	convene interview show rina-1 > ../out 2>../err &&
	test_grep "interviews/rina-1.yaml:$line:15: error: answers.motivation: authentication failed" ../err &&
	! grep -q hush-word ../out ../err &&
	git checkout -q interviews/rina-1.yaml &&
	sed -n "/^  motivation: !secret/,/END AGE/p" interviews/rina-1.yaml | sed 1d > ../m &&
	awk -v m="$(cat ../m)" "/^  strengths: !secret/ { print; print m; skip = 1; next } skip && /END AGE/ { skip = 0; next } !skip" interviews/rina-1.yaml > ../t &&
	cp ../t interviews/rina-1.yaml &&
	convene interview show rina-1 > ../out 2>../err &&
	test_grep "answers.strengths: sealed for another place" ../err &&
	test_grep "(it says it belongs to interviews/rina-1.yaml:answers.motivation)" ../err &&
	! grep -q "strengths: hush-word" ../out
'

test_expect_success 'an identity file that others can read is refused' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word 2>/dev/null &&
	chmod 644 "$XDG_CONFIG_HOME/convene/identity" &&
	test_expect_code 1 convene interview summary > ../out 2>../err &&
	test_grep "chmod 600" ../err && ! grep -q hush-word ../out
'

test_expect_success 'edit opens a confidential interview in a 0600 file, removed after; unchanged values keep their bytes' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word --answer strengths=keep-word 2>/dev/null &&
	sed -n "/^  strengths: !secret/,/END AGE/p" interviews/rina-1.yaml > ../before &&
	cat > ../ed <<-\EOT &&
	#!/bin/sh
	stat -c %a "$1" > "$1.mode.seen" && cp "$1" "$1.seen" && echo "$1" > ../edited-path &&
	sed -i "s/hush-word/edited-word/" "$1"
	EOT
	chmod +x ../ed && EDITOR=../ed convene edit interviews/rina-1.yaml 2>../err &&
	tmp=$(cat ../edited-path) && test "$(cat "$tmp.mode.seen")" = 600 && test ! -e "$tmp" &&
	test_grep "motivation: hush-word" "$tmp.seen" && rm "$tmp.seen" "$tmp.mode.seen" &&
	sed -n "/^  strengths: !secret/,/END AGE/p" interviews/rina-1.yaml > ../after && test_cmp ../before ../after &&
	! grep -q -e edited-word -e hush-word interviews/rina-1.yaml &&
	convene interview show rina-1 > ../out && test_grep "motivation: edited-word" ../out &&
	nowhere edited-word
'

test_expect_success 'set --edit opens a sealed value for a reader and seals it again; a non-reader cannot' '
	setup && convene readers add dana 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=hush-word 2>/dev/null &&
	printf "#!/bin/sh\ngrep -q hush-word \"\$1\" && sed -i s/hush-word/set-word/ \"\$1\"\n" > ../ed && chmod +x ../ed &&
	EDITOR=../ed convene set --edit interviews/rina-1.yaml:answers.motivation 2>/dev/null &&
	convene interview show rina-1 > ../out && test_grep "motivation: set-word" ../out &&
	nowhere set-word && head=$(git rev-parse HEAD) &&
	test_expect_code 1 env XDG_CONFIG_HOME="$YH" EDITOR=../ed convene set --edit interviews/rina-1.yaml:answers.motivation 2>../err &&
	test_grep "answers.motivation: not readable with your key" ../err &&
	test "$(git rev-parse HEAD)" = "$head"
'

test_expect_success 'member edit --age sets a member'"'"'s recipient in one commit; a bad one is refused naming --age' '
	setup &&
	key=$(age-keygen -y "$YH/convene/identity") &&
	head=$(git rev-parse HEAD) &&
	test_expect_code 2 convene member edit rina --age age1bad 2>../err &&
	test_grep "'"'"'--age'"'"' must be an age recipient (age1...)" ../err &&
	test "$(git rev-parse HEAD)" = "$head" &&
	convene member edit rina --age "$key" 2>/dev/null &&
	test "$(convene get members/rina.yaml:age)" = "$key" &&
	test "$(git log -1 --format=%s)" = "member rina: age recipient" &&
	convene readers add rina 2>/dev/null &&
	convene readers list > ../out && test_grep "rina" ../out && test_grep "$key" ../out
'

test_expect_success 'a reader summary of 40 confidential interviews (opened on threads): every answer, in file order' '
	setup && convene readers add dana 2>/dev/null &&
	i=1 && while test $i -le 40; do
		convene member add "M $i" --id m$i 2>/dev/null &&
		convene interview add m$i --by dana --confidential --answer motivation="word-$i" 2>/dev/null ||
		return 1
		i=$((i + 1))
	done &&
	convene interview summary --json > ../out &&
	i=1 && while test $i -le 40; do
		test_grep "{\"member\":\"m$i\",\"text\":\"word-$i\",\"confidential\":true}" ../out || return 1
		i=$((i + 1))
	done &&
	convene interview summary > ../out &&
	grep "^  m[0-9]*: word-" ../out | sed "s/^  m\([0-9]*\): word-\([0-9]*\)$/\1 \2/" > ../pairs &&
	test "$(wc -l < ../pairs)" = 40 && awk "\$1 != \$2 { exit 1 }" ../pairs &&
	git ls-files interviews | sed "s|^interviews/m||; s|-1.yaml$||" > ../order &&
	cut -d" " -f1 ../pairs > ../shown && test_cmp ../order ../shown &&
	XDG_CONFIG_HOME=$YH convene interview summary > ../out && ! grep -q "word-" ../out &&
	test_grep "(40 confidential interviews not shown" ../out
'

test_done
