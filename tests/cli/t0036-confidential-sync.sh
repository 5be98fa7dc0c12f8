#!/bin/sh
# Confidential interviews between sites (DESIGN §7, §4): two sites change
# different answers offline and merge cleanly to the same bytes; the same
# answer at both is a conflict of two ciphertexts, shown opened to a
# reader, that a reader settles and a non-reader cannot.  Site a is dana
# (a reader, this HOME's key); site b is yossi (a reader too, his key in
# $YH); rina's key ($RH) reads nothing.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

setup() {
	git init -q --bare hub.git &&
	convene init --template ucsd --lang he --name "קריאה" --site haifa a 2>/dev/null &&
	mkdir -p "$XDG_CONFIG_HOME/convene" yh/convene rh/convene &&
	age-keygen -o "$XDG_CONFIG_HOME/convene/identity" 2>/dev/null &&
	age-keygen -o yh/convene/identity 2>/dev/null && age-keygen -o rh/convene/identity 2>/dev/null &&
	YH=$(cd yh && pwd) && RH=$(cd rh && pwd) &&
	(cd a && convene member add Dana --id dana 2>/dev/null &&
	 convene member add Yossi --id yossi 2>/dev/null && convene member add Rina --id rina 2>/dev/null &&
	 convene set members/dana.yaml:age "$(age-keygen -y "$XDG_CONFIG_HOME/convene/identity")" 2>/dev/null &&
	 convene set members/yossi.yaml:age "$(age-keygen -y "$YH/convene/identity")" 2>/dev/null &&
	 convene readers add dana yossi 2>/dev/null &&
	 convene interview add rina --by dana --confidential --answer motivation=first-word \
		--answer strengths=second-word 2>/dev/null &&
	 convene remote add hub ../hub.git 2>/dev/null && convene sync -q) &&
	convene clone -q --site beersheva "$(pwd)/hub.git" b 2>/dev/null
}

# yossi at site b
at_b() {
	(cd b && XDG_CONFIG_HOME="$YH" "$@")
}

test_expect_success 'different answers changed at two sites merge cleanly, to the same bytes' '
	setup &&
	(cd a && convene set interviews/rina-1.yaml:answers.motivation changed-at-haifa 2>/dev/null) &&
	at_b convene set interviews/rina-1.yaml:answers.strengths changed-at-beersheva 2>/dev/null &&
	(cd a && convene sync -q) && at_b convene sync -q && (cd a && convene sync -q) &&
	cmp a/interviews/rina-1.yaml b/interviews/rina-1.yaml &&
	(cd a && convene validate >/dev/null 2>&1 && convene interview show rina-1) > out &&
	test_grep "motivation: changed-at-haifa" out && test_grep "strengths: changed-at-beersheva" out &&
	! grep -q -e changed-at -e first-word -e second-word a/interviews/rina-1.yaml &&
	for r in a b hub.git; do
		! git -C $r cat-file --batch-all-objects --batch | grep -a -q -e changed-at -e first-word -e second-word || exit 1
	done
'

test_expect_success 'an unchanged answer keeps its ciphertext through an edit of another' '
	setup &&
	(cd a && sed -n "/^  strengths: !secret/,/END AGE/p" interviews/rina-1.yaml > ../before &&
	 convene set interviews/rina-1.yaml:answers.motivation other-word 2>/dev/null &&
	 sed -n "/^  strengths: !secret/,/END AGE/p" interviews/rina-1.yaml > ../after) &&
	test_cmp before after && test -s after &&
	(cd a && head=$(git rev-parse HEAD) &&
	 convene set interviews/rina-1.yaml:answers.motivation other-word 2>../err &&
	 test "$(git rev-parse HEAD)" = "$head") &&
	test_grep "nothing to change" err
'

test_expect_success 'the same answer at both sites: a conflict a reader sees opened and settles, a non-reader cannot' '
	setup &&
	(cd a && convene set interviews/rina-1.yaml:answers.motivation haifa-word 2>/dev/null && convene sync -q) &&
	at_b convene set interviews/rina-1.yaml:answers.motivation beersheva-word 2>/dev/null &&
	at_b convene sync -q 2>/dev/null &&
	at_b convene conflicts > out &&
	test_grep "interviews/rina-1.yaml:answers.motivation" out &&
	test_grep "beersheva-word (confidential)" out && test_grep "haifa-word (confidential)" out &&
	test_grep "first-word (confidential)" out &&
	(cd b && XDG_CONFIG_HOME="$RH" convene conflicts) > out &&
	test_grep "confidential — readable by dana, yossi" out &&
	! grep -q -e haifa-word -e beersheva-word -e first-word out &&
	(cd b && XDG_CONFIG_HOME="$RH" convene conflicts --json) > out &&
	! grep -q -e haifa-word -e beersheva-word out && test_grep "readable by dana, yossi" out &&
	at_b convene conflicts --json > out && test_grep "\"value\":\"haifa-word\",\"confidential\":true" out &&
	side=$(at_b convene conflicts | sed -n "s/^  side \([0-9]\):   haifa-word.*/\1/p") &&
	(cd b && test_expect_code 1 env XDG_CONFIG_HOME="$RH" convene resolve interviews/rina-1.yaml:answers.motivation --side $side) 2>err &&
	test_grep "not readable with your key" err && test_grep "only a reader can settle" err &&
	at_b convene resolve interviews/rina-1.yaml:answers.motivation --side $side 2>/dev/null &&
	at_b convene validate >/dev/null 2>&1 &&
	at_b convene interview show rina-1 > out && test_grep "motivation: haifa-word" out &&
	! grep -q -e haifa-word -e beersheva-word b/interviews/rina-1.yaml &&
	at_b convene sync -q && (cd a && convene sync -q) &&
	cmp a/interviews/rina-1.yaml b/interviews/rina-1.yaml &&
	for r in a b hub.git; do
		! git -C $r cat-file --batch-all-objects --batch | grep -a -q -e haifa-word -e beersheva-word -e first-word || exit 1
	done
'

test_done
