#!/bin/sh
# The bad input of issue 15, each with its exit code and message: no
# identity, the wrong identity, a tampered or truncated value, a value
# moved to another file, a reader with no (or a broken) age: key, an
# unknown member, a readers rm that would leave no one, an identity file
# others can read.  Nothing prints plaintext, nothing is half-written.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

# dana (this user, a reader) has interviews rina-1 and yossi-1, sealed.
setup() {
	init_lit && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	convene member add Yossi --id yossi 2>/dev/null &&
	convene member add Rina --id rina 2>/dev/null &&
	git config convene.member dana &&
	convene key new >/dev/null 2>&1 && convene key publish >/dev/null 2>&1 &&
	mkdir -p ../other/convene && XDG_CONFIG_HOME="$(cd ../other && pwd)" convene key new >/dev/null 2>&1 &&
	OTHER=$(cd ../other && pwd) &&
	convene readers add dana 2>/dev/null &&
	convene interview add rina --confidential --answer motivation=hush-word 2>/dev/null &&
	convene interview add yossi --confidential --answer motivation=yossi-word 2>/dev/null &&
	head=$(git rev-parse HEAD)
}

unchanged() {
	test "$(git rev-parse HEAD)" = "$head" && test -z "$(git status --porcelain)"
}

test_expect_success 'no identity: reading shows who can read, sealing anew says how to make one (exit 1)' '
	setup &&
	XDG_CONFIG_HOME=/nonexistent convene interview show rina-1 > ../out 2>../err &&
	test_grep "confidential — readable by dana" ../out && ! grep -q hush-word ../out ../err &&
	test_grep "interviews/rina-1.yaml is confidential and you have no key to open it: no age identity at" ../err &&
	convene set members/yossi.yaml:age "$(XDG_CONFIG_HOME="$OTHER" convene key show)" 2>/dev/null &&
	head=$(git rev-parse HEAD) &&
	test_expect_code 1 env XDG_CONFIG_HOME=/nonexistent convene readers add yossi 2>../err &&
	test_grep "no identity to open it with" ../err && test_grep "convene key new" ../err &&
	unchanged
'

test_expect_success 'the wrong identity: not readable with your key, never garbage' '
	setup &&
	XDG_CONFIG_HOME="$OTHER" convene interview show rina-1 > ../out 2>../err &&
	test_grep "# confidential — not readable with your key; readable by dana" ../out &&
	! grep -q hush-word ../out ../err &&
	convene set members/yossi.yaml:age "$(XDG_CONFIG_HOME="$OTHER" convene key show)" 2>/dev/null &&
	head=$(git rev-parse HEAD) &&
	test_expect_code 1 env XDG_CONFIG_HOME="$OTHER" convene readers add yossi 2>../err &&
	test_grep "interviews/rina-1.yaml:6:15: error: answers.motivation: not readable with your key" ../err &&
	test_grep "only the readers can open them" ../err && unchanged
'

test_expect_success 'a value moved to another file is refused by its place line' '
	setup &&
	sed -n "/^  motivation: !secret/,/END AGE/p" interviews/rina-1.yaml > ../rina &&
	awk -v m="$(cat ../rina)" "/^  motivation: !secret/ { print m; skip = 1; next } skip && /END AGE/ { skip = 0; next } !skip" \
		interviews/yossi-1.yaml > ../t && cp ../t interviews/yossi-1.yaml &&
	convene interview show yossi-1 > ../out 2>../err &&
	test_grep "interviews/yossi-1.yaml:6:15: error: answers.motivation: sealed for another place" ../err &&
	test_grep "(it says it belongs to interviews/rina-1.yaml:answers.motivation)" ../err &&
	! grep -q hush-word ../out ../err &&
	convene interview summary > ../out 2>../err && ! grep -q "yossi: hush-word" ../out &&
	test_grep "interviews/yossi-1.yaml:6:15: error: answers.motivation: sealed for another place" ../err &&
	test_grep "rina: hush-word" ../out
'

test_expect_success 'a value that is not an armored age file: validate says where, with no key' '
	setup &&
	sed -i "/^  motivation: !secret/{n;n;s/^    ..../    !!!!/}" interviews/rina-1.yaml &&
	XDG_CONFIG_HOME=/nonexistent test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "interviews/rina-1.yaml:6:15: error: the answer to '"'"'motivation'"'"' is not a sealed value" ../out
'

test_expect_success 'a reader whose age: key is broken: sealing refuses, naming them; nothing written' '
	setup &&
	sed -i "s/^age: age1/age: age2/" members/dana.yaml && git commit -qam "broken key" && head=$(git rev-parse HEAD) &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "members/dana.yaml:5:6: error: '"'"'age'"'"' must be an age recipient (age1...)" ../out &&
	test_expect_code 1 convene interview add rina --id rina-2 --confidential --answer motivation=new-word 2>../err &&
	test_grep "reader '"'"'dana'"'"' has a bad age: key in members/dana.yaml" ../err &&
	test ! -e interviews/rina-2.yaml && unchanged
'

test_expect_success 'readers add: unknown member (did you mean), no age: key; rm: the last reader, not a reader' '
	setup &&
	test_expect_code 1 convene readers add yosi 2>../err &&
	test_grep "unknown member '"'"'yosi'"'"'; did you mean '"'"'yossi'"'"'?" ../err &&
	test_expect_code 1 convene readers add yossi 2>../err &&
	test_grep "member '"'"'yossi'"'"' has no age: key in members/yossi.yaml" ../err &&
	test_expect_code 1 convene readers rm dana 2>../err && test_grep "would leave no reader" ../err &&
	test_expect_code 1 convene readers rm rina 2>../err && test_grep "'"'"'rina'"'"' is not a reader" ../err &&
	test_expect_code 2 convene readers add "Not An Id" 2>/dev/null &&
	test_expect_code 2 convene readers 2>/dev/null &&
	unchanged
'

test_expect_success 'a reader in initiative.yaml with no age: key is a validate error at the reader' '
	setup &&
	sed -i "s/^- dana$/- dana\n- yossi/" initiative.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "reader '"'"'yossi'"'"' has no age: key in members/yossi.yaml" ../out
'

test_expect_success 'an identity file others can read is refused with its fix (exit 1), no text shown' '
	setup &&
	chmod 640 "$XDG_CONFIG_HOME/convene/identity" &&
	test_expect_code 1 convene interview show rina-1 > ../out 2>../err &&
	test_grep "chmod 600" ../err && ! grep -q hush-word ../out ../err
'

test_done
