#!/bin/sh
# The plaintext of a confidential interview reaches no commit, no file,
# no temporary file, no bundle and, for anyone but a reader, no output
# (issue 15).  One scripted run: add, edit, set, a conflict resolved,
# readers add and rm, sync with a hub, a bundle, a reader's summary (which
# leaves its file-key cache, .git/convene/keys); then every object of
# every repository, the bundle, the work trees (.git too, the cache in
# it) and $TMPDIR are searched for the secret words.  The same run's reading commands by a non-reader
# (rina's key) and by no key at all show none of them.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

WORDS="zebra-word quokka-word narwhal-word okapi-word axolotl-word"

# Fails naming the word and the place when any of WORDS is in the files.
no_words() {
	for w in $WORDS; do
		if grep -r -a -l -- "$w" "$@" 2>/dev/null; then
			echo "found $w"
			return 1
		fi
	done
}

# Every object of a repository, as git stores them (packs included).
objects() {
	git -C "$1" cat-file --batch-all-objects --batch
}

run() {
	git init -q --bare hub.git &&
	mkdir tmp && TMPDIR=$(cd tmp && pwd) && export TMPDIR &&
	mkdir -p "$XDG_CONFIG_HOME/convene" yh/convene rh/convene &&
	age-keygen -o "$XDG_CONFIG_HOME/convene/identity" 2>/dev/null &&
	age-keygen -o yh/convene/identity 2>/dev/null && age-keygen -o rh/convene/identity 2>/dev/null &&
	YH=$(cd yh && pwd) && RH=$(cd rh && pwd) &&
	convene init --template ucsd --lang he --name "קריאה" --site haifa a 2>/dev/null &&
	(cd a && convene member add Dana --id dana 2>/dev/null &&
	 convene member add Yossi --id yossi 2>/dev/null && convene member add Rina --id rina 2>/dev/null &&
	 convene set members/dana.yaml:age "$(age-keygen -y "$XDG_CONFIG_HOME/convene/identity")" 2>/dev/null &&
	 convene set members/yossi.yaml:age "$(age-keygen -y "$YH/convene/identity")" 2>/dev/null &&
	 convene set members/rina.yaml:age "$(age-keygen -y "$RH/convene/identity")" 2>/dev/null &&
	 convene readers add dana 2>/dev/null &&
	 convene interview add rina --by dana --confidential --answer motivation=zebra-word \
		--answer strengths=quokka-word --notes narwhal-word 2>/dev/null &&
	 printf "#!/bin/sh\nsed -i \"s/quokka-word/okapi-word/\" \"\$1\"\n" > ../ed && chmod +x ../ed &&
	 EDITOR=../ed convene edit interviews/rina-1.yaml 2>/dev/null &&
	 convene readers add yossi 2>/dev/null &&
	 convene remote add hub ../hub.git 2>/dev/null && convene sync -q) &&
	convene clone -q --site beersheva "$(pwd)/hub.git" b 2>/dev/null &&
	(cd a && convene set interviews/rina-1.yaml:answers.motivation axolotl-word 2>/dev/null && convene sync -q) &&
	(cd b && XDG_CONFIG_HOME="$YH" convene set interviews/rina-1.yaml:answers.motivation zebra-word-2 2>/dev/null &&
	 XDG_CONFIG_HOME="$YH" convene sync -q 2>/dev/null &&
	 side=$(XDG_CONFIG_HOME="$YH" convene conflicts | sed -n "s/^  side \([0-9]\):   axolotl-word.*/\1/p") &&
	 test -n "$side" &&
	 XDG_CONFIG_HOME="$YH" convene resolve interviews/rina-1.yaml:answers.motivation --side "$side" 2>/dev/null &&
	 XDG_CONFIG_HOME="$YH" convene sync -q) &&
	(cd a && convene sync -q && convene readers rm yossi 2>/dev/null && convene sync -q &&
	 convene bundle create ../all.bundle 2>/dev/null) &&
	(cd b && XDG_CONFIG_HOME="$YH" convene sync -q 2>/dev/null) &&
	(cd a && convene interview summary > /dev/null) &&
	cmp a/interviews/rina-1.yaml b/interviews/rina-1.yaml
}

# What the reading commands print for whoever runs them.
read_all() {
	for c in "interview show rina-1" "interview show rina-1 --json" "interview summary" \
		"interview summary --json" "interview list" "conflicts" "conflicts --json" \
		"history interviews/rina-1.yaml:answers.motivation" \
		"history --json interviews/rina-1.yaml:answers.strengths" \
		"history interviews/rina-1.yaml:notes" "show --at HEAD interviews/rina-1.yaml" \
		"show --at HEAD~3 interviews/rina-1.yaml:answers.motivation" "diff HEAD~5 HEAD" \
		"diff --json HEAD~5 HEAD" "get --json interviews/rina-1.yaml" "log" "status" "validate" \
		"readers list" "agenda 1" "minutes 1"; do
		# every output is kept, whatever the exit: the words are what is checked
		rc=0
		# shellcheck disable=SC2086
		convene $c 2>&1 || rc=$?
		echo "[convene $c: exit $rc]"
	done
}

test_expect_success 'no secret word in any object, the bundle, the work trees or the temporary folder' '
	run &&
	objects a > a.objects && objects b > b.objects && objects hub.git > hub.objects &&
	test -s a.objects && test -s hub.objects &&
	test -s a/.git/convene/keys && no_words a/.git/convene/keys &&
	no_words a.objects b.objects hub.objects all.bundle a b hub.git tmp &&
	git -C a cat-file -p HEAD:interviews/rina-1.yaml > now &&
	test "$(grep -c "!secret |" now)" = 3
'

test_expect_success 'a reader reads every value; a non-reader and no key read none, in any output' '
	run &&
	(cd a && read_all) > reader.out &&
	test_grep "axolotl-word" reader.out && test_grep "okapi-word" reader.out &&
	test_grep "narwhal-word" reader.out &&
	(cd a && XDG_CONFIG_HOME="$RH" read_all) > rina.out &&
	(cd a && XDG_CONFIG_HOME=/nonexistent read_all) > nokey.out &&
	no_words rina.out nokey.out &&
	test_grep "confidential — readable by dana" rina.out &&
	test_grep "confidential — readable by dana" nokey.out &&
	no_words tmp
'

test_expect_success 'a removed reader reads no value sealed since, but the commits of his time, as rm said' '
	run &&
	(cd a && for c in "interview show rina-1" "interview show rina-1 --json" "interview summary" \
		"interview summary --json" "show --at HEAD interviews/rina-1.yaml"; do
		# shellcheck disable=SC2086
		XDG_CONFIG_HOME="$YH" convene $c 2>&1 || exit 1
	done) > yossi.out &&
	no_words yossi.out &&
	(cd a && XDG_CONFIG_HOME="$YH" convene history interviews/rina-1.yaml:answers.motivation) > yossi.out &&
	test_grep "zebra-word" yossi.out
'

test_expect_success 'a value cut out of the YAML is an age file: age -d reads it, its first line the place' '
	run &&
	sed -n "/^notes: !secret/,/END AGE/p" a/interviews/rina-1.yaml | sed "1d; s/^  //" > notes.age &&
	age -d -i "$XDG_CONFIG_HOME/convene/identity" notes.age > plain &&
	printf "convene:interviews/rina-1.yaml:notes\nnarwhal-word" > want && test_cmp want plain &&
	test_expect_code 1 age -d -i "$YH/convene/identity" notes.age 2>/dev/null
'

test_done
