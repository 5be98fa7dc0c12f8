#!/bin/sh
# key new, show, publish; the identity file (where, its mode, age-keygen's);
# the age format against the real age tool, both ways (build/agetool
# seals and opens with core/age.c).
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW
if [ -z "${AGETOOL:-}" ]; then
	AGETOOL=$(dirname "$CONVENE")/build/agetool
	[ -x "$(dirname "$CONVENE")/agetool" ] && AGETOOL=$(dirname "$CONVENE")/agetool
fi
AGETOOL=$(cd "$(dirname "$AGETOOL")" && pwd)/$(basename "$AGETOOL")
export AGETOOL

test_expect_success 'key new writes the identity 0600 in a 0700 folder and prints its recipient' '
	convene key new > out 2> err &&
	id="$XDG_CONFIG_HOME/convene/identity" &&
	test "$(stat -c %a "$id")" = 600 &&
	test "$(stat -c %a "$XDG_CONFIG_HOME/convene")" = 700 &&
	age-keygen -y "$id" > want &&
	test_cmp want out &&
	grep -q "^age1[a-z0-9]\{58\}$" out &&
	test_grep "wrote your age identity to $id" err &&
	! grep -q "AGE-SECRET-KEY" out err &&
	grep -q "^AGE-SECRET-KEY-1[A-Z0-9]\{58\}$" "$id" &&
	echo "a secret" > plain &&
	age -r "$(cat out)" -o sealed.age plain &&
	age -d -i "$id" sealed.age > back && test_cmp plain back &&
	convene key show > shown && test_cmp want shown
'

test_expect_success 'key new refuses to replace an identity; --force replaces it' '
	convene key new > first 2>/dev/null &&
	id="$XDG_CONFIG_HOME/convene/identity" &&
	cp "$id" before &&
	test_expect_code 1 convene key new > out 2> err &&
	test_grep "already exists" err && test_grep "--force" err &&
	test ! -s out && test_cmp before "$id" &&
	ls "$XDG_CONFIG_HOME/convene" > files && printf "identity\n" > want && test_cmp want files &&
	convene key new --force > second 2>/dev/null &&
	! test_cmp first second > /dev/null &&
	age-keygen -y "$id" > want && test_cmp want second &&
	test "$(stat -c %a "$id")" = 600
'

test_expect_success 'key new honours XDG_CONFIG_HOME' '
	XDG_CONFIG_HOME="$PWD/cfg" convene key new > out 2> err &&
	test -f cfg/convene/identity &&
	test ! -e "$HOME/.config/convene/identity"
'

test_expect_success 'an identity made by age-keygen works through convene.identity (~ expanded)' '
	age-keygen -o "$HOME/mykey" 2>/dev/null &&
	git config --global convene.identity "~/mykey" &&
	convene key show > out &&
	age-keygen -y "$HOME/mykey" > want && test_cmp want out &&
	echo "שלום" > plain &&
	age -r "$(cat want)" -a -o v.age plain &&
	"$AGETOOL" open "$HOME/mykey" < v.age > back && test_cmp plain back
'

test_expect_success 'a group-readable identity is refused, with its mode and chmod 600' '
	convene key new > /dev/null 2>&1 &&
	id="$XDG_CONFIG_HOME/convene/identity" &&
	chmod 640 "$id" &&
	test_expect_code 1 convene key show > out 2> err &&
	test ! -s out &&
	test_grep "the identity '"'"'$id'"'"' is open to others (mode 0640)" err &&
	test_grep "hint: chmod 600 $id" err &&
	! grep -q "AGE-SECRET" err &&
	chmod 604 "$id" &&
	test_expect_code 1 convene key show 2> err &&
	test_grep "(mode 0604)" err &&
	chmod 600 "$id" && convene key show > out && test -s out
'

test_expect_success 'no identity: says how to make one' '
	test_expect_code 1 convene key show 2> err &&
	test_grep "no age identity at '"'"'$XDG_CONFIG_HOME/convene/identity'"'"'" err &&
	test_grep "convene key new" err &&
	test_grep "age-keygen -o FILE" err &&
	git config --global convene.identity "$PWD/nothere" &&
	test_expect_code 1 convene key show 2> err &&
	test_grep "(git config convene.identity)" err
'

test_expect_success 'a line that is not a key: FILE:LINE, and nothing of the line' '
	age-keygen -o k 2>/dev/null &&
	echo "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQ" >> k && chmod 600 k &&
	git config --global convene.identity "$PWD/k" &&
	test_expect_code 1 convene key show 2> err &&
	test_grep "$PWD/k:4: not an age identity" err &&
	! grep -q "QQQQ" err
'

test_expect_success 'age -d opens what convene seals: armored and binary, at the chunk edges' '
	age-keygen -o k 2>/dev/null && r=$(age-keygen -y k) &&
	: > p0 &&
	printf "one line\n" > p9 &&
	head -c 65536 /dev/urandom > p65536 &&
	head -c 65537 /dev/urandom > p65537 &&
	head -c 204800 /dev/urandom > p204800 &&
	for p in p0 p9 p65536 p65537 p204800; do
		"$AGETOOL" seal "$r" < $p > $p.age &&
		head -n 1 $p.age > first && echo "-----BEGIN AGE ENCRYPTED FILE-----" > want &&
		test_cmp want first &&
		age -d -i k $p.age > $p.back && cmp $p $p.back &&
		"$AGETOOL" seal --binary "$r" < $p > $p.bin &&
		head -c 22 $p.bin > first && printf "age-encryption.org/v1\n" > want &&
		test_cmp want first &&
		age -d -i k $p.bin > $p.back && cmp $p $p.back || return 1
	done
'

test_expect_success 'convene opens what age -r writes, armored and binary, for two recipients' '
	age-keygen -o k1 2>/dev/null && age-keygen -o k2 2>/dev/null &&
	r1=$(age-keygen -y k1) && r2=$(age-keygen -y k2) &&
	head -c 65536 /dev/urandom > p65536 &&
	head -c 200000 /dev/urandom > p200000 &&
	printf "שלום\n" > phe && : > p0 &&
	for p in p0 phe p65536 p200000; do
		age -r "$r1" -a < $p > $p.age &&
		"$AGETOOL" open k1 < $p.age > back && cmp $p back &&
		age -r "$r1" < $p > $p.bin &&
		"$AGETOOL" open k1 < $p.bin > back && cmp $p back &&
		age -r "$r1" -r "$r2" -a < $p > $p.two &&
		"$AGETOOL" open k1 < $p.two > back && cmp $p back &&
		"$AGETOOL" open k2 < $p.two > back && cmp $p back || return 1
	done
'

test_expect_success 'the wrong identity: not readable with your key, nothing on stdout' '
	age-keygen -o k1 2>/dev/null && age-keygen -o k2 2>/dev/null &&
	echo "the words nobody says" > p &&
	age -r "$(age-keygen -y k1)" -a < p > p.age &&
	test_expect_code 1 "$AGETOOL" open k2 < p.age > out 2> err &&
	test ! -s out &&
	test_grep "not readable with your key" err &&
	"$AGETOOL" seal "$(age-keygen -y k1)" < p > c.age &&
	test_expect_code 1 age -d -i k2 c.age > out 2>/dev/null &&
	test ! -s out
'

test_expect_success 'a flipped byte or a cut file fails authentication, nothing on stdout' '
	age-keygen -o k 2>/dev/null &&
	head -c 70000 /dev/urandom > p &&
	age -r "$(age-keygen -y k)" < p > p.bin &&
	size=$(wc -c < p.bin) &&
	cp p.bin flipped &&
	at=$((size - 100)) &&
	byte=$(od -An -tu1 -j $at -N1 p.bin | tr -d " ") &&
	printf "\\$(printf %03o $((byte ^ 1)))" | dd of=flipped bs=1 seek=$at conv=notrunc 2>/dev/null &&
	! cmp -s p.bin flipped &&
	test_expect_code 1 "$AGETOOL" open k < flipped > out 2> err &&
	test ! -s out && test_grep "changed or cut short" err &&
	head -c $((size - 1)) p.bin > cut &&
	test_expect_code 1 "$AGETOOL" open k < cut > out 2> err &&
	test ! -s out && test_grep "changed or cut short" err &&
	head -c 65600 p.bin > cut &&
	test_expect_code 1 "$AGETOOL" open k < cut > out 2> err &&
	test ! -s out && test_grep "changed or cut short" err &&
	sed "2s/^-> X25519 ./-> X25519 A/" p.bin > header &&
	if cmp -s p.bin header; then sed "2s/^-> X25519 ./-> X25519 B/" p.bin > header; fi &&
	! cmp -s p.bin header &&
	test_expect_code 1 "$AGETOOL" open k < header > out 2> err &&
	test ! -s out &&
	head -c 40 p.bin > short &&
	test_expect_code 1 "$AGETOOL" open k < short > out 2> err &&
	test ! -s out && test_grep "the age header is damaged" err &&
	"$AGETOOL" seal "$(age-keygen -y k)" < p > p.age &&
	sed "3s/^\\(.\\)./\\1A/" p.age > armor &&
	if cmp -s p.age armor; then sed "3s/^\\(.\\)./\\1B/" p.age > armor; fi &&
	! cmp -s p.age armor &&
	test_expect_code 1 "$AGETOOL" open k < armor > out 2> err &&
	test ! -s out
'

test_expect_success 'key publish sets age: on your member file, one commit' '
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana 2>/dev/null &&
	convene key new > ../rcpt 2>/dev/null &&
	test_expect_code 2 convene key publish 2> ../err &&
	test_grep "git config convene.member" ../err &&
	git config convene.member dana &&
	convene key publish > ../out 2> ../err &&
	test_cmp ../rcpt ../out &&
	test_grep "age: $(cat ../rcpt)" members/dana.yaml &&
	git log -1 --format=%s > ../subject &&
	echo "member dana: age recipient" > ../want && test_cmp ../want ../subject &&
	test -z "$(git status --porcelain)" &&
	convene validate 2>/dev/null
'

test_expect_success 'key publish needs an identity and a repository' '
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana 2>/dev/null &&
	git config convene.member dana &&
	git rev-parse HEAD > ../before &&
	test_expect_code 1 convene key publish 2> ../err &&
	test_grep "convene key new" ../err &&
	git rev-parse HEAD > ../after && test_cmp ../before ../after &&
	cd .. && mkdir plain && cd plain &&
	convene key new > /dev/null 2>&1 &&
	test_expect_code 2 convene key publish 2> ../err &&
	test_grep "not an initiative" ../err
'

test_done
