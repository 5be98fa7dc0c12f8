#!/bin/sh
# Resolving a confidential conflict converges (issue 15, DESIGN §7, §4):
# two readers at two sites settle the same conflict on the same side
# offline; the side's ciphertext is taken byte for byte (it was sealed for
# the readers the file names), so the sites meet with the same bytes and
# no new conflict.  A side sealed for other readers is sealed again, for
# the readers the file has now.  Site a is dana (this HOME's key), site b
# is yossi ($YH); rina ($RH) becomes a reader in the second test.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW
F=interviews/rina-1.yaml

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
	 convene set members/rina.yaml:age "$(age-keygen -y "$RH/convene/identity")" 2>/dev/null &&
	 convene readers add dana yossi 2>/dev/null &&
	 convene interview add rina --by dana --confidential --answer motivation=first-word \
		--answer strengths=second-word 2>/dev/null &&
	 convene remote add hub ../hub.git 2>/dev/null && convene sync -q) &&
	convene clone -q --site beersheva "$(pwd)/hub.git" b 2>/dev/null
}

at_b() {
	(cd b && XDG_CONFIG_HOME="$YH" "$@")
}

# side WORD FIELD: the number 'convene conflicts' gives the side of FIELD
# that holds WORD (run in a reader's site)
side() {
	convene conflicts | sed -n "\\| $F:$2\$|,/^[^ ]/s/^  side \([0-9]\):   $1 .*/\1/p"
}

# the armored value of FIELD in a file (from its "!secret" line to END)
value_of() {
	sed -n "/^  $1: !secret/,/END AGE/p" "$2"
}

test_expect_success 'both sites settle the same side: the same bytes, no new conflict' '
	setup &&
	(cd a && convene set $F:answers.motivation haifa-word 2>/dev/null && convene sync -q) &&
	at_b convene set $F:answers.motivation beersheva-word 2>/dev/null &&
	at_b convene sync -q 2>/dev/null && (cd a && convene sync -q 2>/dev/null) &&
	cmp a/$F b/$F &&
	na=$(cd a && side haifa-word answers.motivation) && test -n "$na" &&
	nb=$(cd b && XDG_CONFIG_HOME="$YH" && export XDG_CONFIG_HOME && side haifa-word answers.motivation) &&
	test "$na" = "$nb" &&
	(cd a && convene resolve $F:answers.motivation --side $na 2>/dev/null) &&
	at_b convene resolve $F:answers.motivation --side $nb 2>/dev/null &&
	cmp a/$F b/$F &&
	(cd a && convene sync -q) && at_b convene sync -q && (cd a && convene sync -q) &&
	cmp a/$F b/$F &&
	! grep -q "!conflict" a/$F &&
	(cd a && convene conflicts) 2>err && test_grep "no conflicts" err &&
	at_b convene validate >/dev/null 2>&1 &&
	at_b convene interview show rina-1 > out && test_grep "motivation: haifa-word" out &&
	test "$(git -C a rev-parse HEAD)" = "$(git -C b rev-parse HEAD)"
'

test_expect_success 'the side taken keeps its ciphertext byte for byte' '
	setup &&
	(cd a && convene set $F:answers.motivation haifa-word 2>/dev/null && convene sync -q) &&
	at_b convene set $F:answers.motivation beersheva-word 2>/dev/null &&
	at_b convene sync -q 2>/dev/null &&
	git -C b show HEAD^2:$F > theirs.yaml && value_of motivation theirs.yaml | sed "1d; s/^ *//" > want &&
	test -s want &&
	n=$(cd b && XDG_CONFIG_HOME="$YH" && export XDG_CONFIG_HOME && side haifa-word answers.motivation) &&
	at_b convene resolve $F:answers.motivation --side $n 2>/dev/null &&
	value_of motivation b/$F | sed "1d; s/^ *//" > got &&
	test_cmp want got
'

test_expect_success 'a side sealed for other readers is sealed again for the readers now' '
	setup &&
	(cd a && convene readers add rina 2>/dev/null && convene sync -q) &&
	at_b convene set $F:answers.motivation beersheva-word 2>/dev/null &&
	at_b convene set $F:answers.strengths beersheva-too 2>/dev/null &&
	at_b convene sync -q 2>/dev/null &&
	n=$(cd b && XDG_CONFIG_HOME="$YH" && export XDG_CONFIG_HOME && side beersheva-word answers.motivation) &&
	test -n "$n" &&
	at_b convene resolve $F:answers.motivation --side $n 2>/dev/null &&
	git -C b show HEAD~1^2:$F > a-side.yaml && value_of strengths a-side.yaml | sed "1d; s/^ *//" > want &&
	n=$(cd b && XDG_CONFIG_HOME="$YH" && export XDG_CONFIG_HOME && side second-word answers.strengths) &&
	test -n "$n" &&
	at_b convene resolve $F:answers.strengths --side $n 2>/dev/null &&
	value_of strengths b/$F | sed "1d; s/^ *//" > got &&
	test_cmp want got &&
	at_b convene validate >/dev/null 2>&1 &&
	(cd b && XDG_CONFIG_HOME="$RH" convene interview show rina-1) > out &&
	test_grep "motivation: beersheva-word" out && test_grep "strengths: second-word" out
'

test_done
