#!/bin/sh
# A reader's file-key cache, .git/convene/keys (issue 15): what the reader
# opened once is opened again without its X25519.  The output never
# changes with it: the same bytes with the cache, without it, with it
# damaged, sealed for another identity, or when it cannot be written;
# it is 0600, holds no secret word, and only a reader makes one.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

WORDS="marmot-word gecko-word tapir-word"

# dana (this user's key) and yossi (../yh) readers, rina's key (../rh) not;
# two confidential interviews and a plain one.
setup() {
	init_lit && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	convene member add Yossi --id yossi 2>/dev/null &&
	convene member add Rina --id rina 2>/dev/null &&
	mkdir -p "$XDG_CONFIG_HOME/convene" ../yh/convene ../rh/convene &&
	age-keygen -o "$XDG_CONFIG_HOME/convene/identity" 2>/dev/null &&
	age-keygen -o ../yh/convene/identity 2>/dev/null &&
	age-keygen -o ../rh/convene/identity 2>/dev/null &&
	YH=$(cd ../yh && pwd) && RH=$(cd ../rh && pwd) &&
	convene set members/dana.yaml:age "$(age-keygen -y "$XDG_CONFIG_HOME/convene/identity")" 2>/dev/null &&
	convene set members/yossi.yaml:age "$(age-keygen -y "$YH/convene/identity")" 2>/dev/null &&
	convene set members/rina.yaml:age "$(age-keygen -y "$RH/convene/identity")" 2>/dev/null &&
	convene readers add dana yossi 2>/dev/null &&
	convene interview add rina --by dana --confidential --answer motivation=marmot-word \
		--answer strengths=gecko-word --notes tapir-word 2>/dev/null &&
	convene interview add yossi --by dana --confidential --answer motivation=gecko-word 2>/dev/null &&
	convene interview add dana --by yossi --answer motivation=open-word 2>/dev/null
}

no_words() {
	for w in $WORDS; do
		if grep -a -l -- "$w" "$@"; then
			echo "found $w"
			return 1
		fi
	done
}

keys=.git/convene/keys

test_expect_success 'a second summary gives the same bytes, from a 0600 cache that holds no secret word' '
	setup && test ! -e $keys &&
	convene interview summary > ../first 2>../err && test ! -s ../err &&
	test_grep "marmot-word" ../first && test_grep "gecko-word" ../first &&
	test -s $keys && test "$(stat -c %a $keys)" = 600 &&
	no_words $keys && inode=$(stat -c %i $keys) &&
	convene interview summary > ../second 2>../err && test ! -s ../err &&
	test_cmp ../first ../second &&
	test "$(stat -c %i $keys)" = "$inode" &&
	convene interview summary --json > ../json1 && convene interview list > ../list1 &&
	rm $keys &&
	convene interview summary --json > ../json2 && convene interview list > ../list2 &&
	test_cmp ../json1 ../json2 && test_cmp ../list1 ../list2 &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'removed, damaged, cut short or sealed for another identity: the same output' '
	setup && convene interview summary > ../want &&
	rm $keys && convene interview summary > ../out 2>../err && test_cmp ../want ../out &&
	test ! -s ../err && test -s $keys &&
	size=$(stat -c %s $keys) &&
	printf "\001\002\003\004" | dd of=$keys bs=1 seek=60 conv=notrunc 2>/dev/null &&
	test "$(stat -c %s $keys)" = "$size" &&
	inode=$(stat -c %i $keys) &&
	convene interview summary > ../out 2>../err && test_cmp ../want ../out && test ! -s ../err &&
	test "$(stat -c %i $keys)" != "$inode" &&
	head -c 100 $keys > ../cut && cp ../cut $keys &&
	convene interview summary > ../out 2>../err && test_cmp ../want ../out && test ! -s ../err &&
	test "$(stat -c %s $keys)" = "$size" &&
	printf "not a cache\n" > $keys &&
	convene interview summary > ../out 2>../err && test_cmp ../want ../out && test ! -s ../err &&
	test "$(stat -c %s $keys)" = "$size" &&
	XDG_CONFIG_HOME="$YH" convene interview summary > ../yossi 2>../err &&
	test_cmp ../want ../yossi && test ! -s ../err && no_words $keys &&
	convene interview summary > ../out 2>../err && test_cmp ../want ../out && test ! -s ../err
'

test_expect_success 'an edited answer is read anew, the key of the old one dropped' '
	setup && convene interview summary > /dev/null && size=$(stat -c %s $keys) &&
	convene set interviews/rina-1.yaml:answers.motivation "newer words" 2>/dev/null &&
	convene interview summary > ../out &&
	test_grep "newer words" ../out && ! grep -q marmot-word ../out &&
	test "$(stat -c %s $keys)" = "$size" &&
	rm interviews/yossi-1.yaml &&
	convene interview summary > ../out && test_grep "newer words" ../out &&
	test "$(stat -c %s $keys)" -lt "$size"
'

test_expect_success 'a non-reader, or no key, never makes one' '
	setup && XDG_CONFIG_HOME="$RH" convene interview summary > ../out 2>../err &&
	! grep -q marmot-word ../out && test ! -e $keys &&
	XDG_CONFIG_HOME=/nonexistent convene interview summary > ../out 2>../err &&
	XDG_CONFIG_HOME="$RH" convene interview list > ../out 2>../err &&
	XDG_CONFIG_HOME="$RH" convene interview show rina-1 > ../out 2>../err &&
	test ! -e $keys && test ! -e .git/convene/.keys.convene-*
'

test_expect_success 'with .git/convene a plain file the summary works and says nothing' '
	setup && convene interview summary > ../want &&
	rm -r .git/convene && printf "in the way\n" > .git/convene &&
	convene interview summary > ../out 2>../err &&
	test_cmp ../want ../out && test ! -s ../err &&
	test "$(cat .git/convene)" = "in the way"
'

test_done
